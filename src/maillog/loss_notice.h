// Lines the logging system itself says it lost, and a queued message whose
// delivery lines are missing: what a log read whole still leaves out.
//
// A syslog daemon that drops lines says so in the log it writes. A dropped
// line may be the very delivery to a look-alike, so a file holding such a
// notice is never a complete record (issue-16 tester16, F11). The notices
// read, each in the daemon's own words (the source named):
//   rsyslog, runtime/ratelimit.c tellLostCnt():
//     "NAME: N messages lost due to rate-limiting (B allowed within I seconds)"
//     (imjournal, imuxsock, any input's rate limit); withinRatelimit():
//     "NAME from <APP>: begin to drop messages due to rate-limiting";
//   rsyslog 5.7.1 to 7.3.1 (plugins/imuxsock, commit 33888b84e):
//     "imuxsock lost N messages from pid P due to rate-limiting",
//     "imuxsock begins to drop messages from pid P due to rate-limiting";
//   rsyslog, runtime/action.c: "action 'A' suspended (module 'M'), ..."
//     (an output that failed: with the default retry count its messages
//     are dropped until it resumes) and "action 'A' (module 'M') message
//     lost, could not be processed"; runtime/queue.c:
//     "Q: lost N messages from diskqueue";
//   systemd-journald, journald-server.c: "Suppressed N messages from UNIT"
//     (RateLimitBurst; counted when UNIT names Postfix or mail: another
//     unit's lines are no mail lines), journald-syslog.c: "Forwarding to
//     syslog missed N messages." (the syslog daemon's socket was full);
//   syslog-ng, logqueue-fifo.c: "Destination queue full, dropping
//     message(s)"; logthrdestdrv.c: "Message(s) dropped while sending
//     message to destination".
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_LOSS_NOTICE_H_
#define NEARMISS_MAILLOG_LOSS_NOTICE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "maillog/line_counts.h"

namespace nearmiss::maillog {

// True when a framed line's `text` (of `program`, not Postfix's) is one of
// the notices above; *lost is the number of lines it says were lost, 0
// when it states none (a suspension, "begin to drop").
bool ReadLossNotice(std::string_view program, std::string_view text, uint64_t* lost);

// "1 cut short (first at maillog:3, 135 bytes long, which took its
// status; ...)" for LineCounts::cut_lines; "" when none.
std::string CutLines(const LineCounts& counts);

// Why a line of `bytes` bytes ends where it does, said as the cause its
// length shows (issue-16 tester16b, F14): at this reader's own cap
// (kMaxLogLine: "longer than this reader's 1 MiB line limit; the rest was
// not read"), near a syslog message-size limit (up to 256 bytes below, or
// 64 above for framing a relay adds, one of 1024 (RFC 3164 4.1), 2048
// (RFC 5424 6.1's minimum a receiver should take), 4096, 8192 (rsyslog's
// $MaxMessageSize default), 16384, 65536), else "cut short or malformed
// (at no known size limit)".
std::string CutReason(uint64_t bytes);
// The longest line a log reader keeps (log_files.cc: the rest to its
// newline is dropped).
inline constexpr size_t kMaxLogLine = 1 << 20;

// "2 notices that the logging system lost lines (first at maillog:4:
// 'imjournal: 2310 messages lost ...'; 3,830 lines lost by their count)"
// for LineCounts::loss_notices, then "1 recipient queued and removed with
// no delivery line (first at maillog:9: ...)" for missing_outcomes; ""
// when neither.
std::string LostLines(const LineCounts& counts);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LOSS_NOTICE_H_
