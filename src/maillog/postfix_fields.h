// The fields of Postfix's own log lines about a message, read by the rules
// Postfix writes them with.
//
//   delivery  "to=<R>[, orig_to=<O>], relay=H[, conn_use=N], delay=D,
//             delays=a/b/c/d, dsn=X.Y.Z, status=WORD (TEXT)"
//             (global/log_adhoc.c: log_adhoc(), written by every delivery
//             agent through sent(), defer_append(), bounce_append() and,
//             for address verification, verify_append()).
//   expiry    "from=<S>, status=expired, returned to sender"
//             (qmgr/qmgr_active.c).
//   addresses R, O and S are in external form when info_log_address_format
//             is "external" (the default since Postfix 3.5;
//             global/info_log_addr_form.c): quote_822_local() puts a local
//             part that is not an RFC 822 dot-string in double quotes and
//             escapes '"', '\\' and 8-bit bytes inside with '\\'
//             (global/quote_822_local.c). So `to=<"x>y"@army.ml>` ends at
//             the '>' outside the quotes, and a local part quoting
//             ", status=deferred" is not a field. In "internal" form
//             nothing is quoted: an address ends at the first '>' followed
//             by ", " or the end of the text.
//
// Views point into the text. Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_POSTFIX_FIELDS_H_
#define NEARMISS_MAILLOG_POSTFIX_FIELDS_H_

#include <cstddef>
#include <functional>
#include <string_view>

#include "maillog/next_hop_reply.h"  // QueuedAs, long declared here

namespace nearmiss::maillog {

struct DeliveryFields {
  std::string_view recipient;       // as logged, quotes and all
  std::string_view orig_recipient;  // "" when not logged
  std::string_view relay;           // "mx.army.ml[192.0.2.7]:25", "none", "local"
  std::string_view dsn;             // "2.0.0"
  std::string_view status;          // the word: "sent", "deferred", "bounced",
                                    // "expired", "deliverable", "undeliverable", ...
  std::string_view status_text;     // inside the parentheses: "250 2.0.0 Ok: queued as X"
};

// The length of the address at the start of `s` (the text after "<") up to,
// not including, its closing '>'; npos when there is none. The closing '>'
// is one followed by the end of `s` or by what `ends` accepts (null: ", ",
// the next field of a delivery line; postfix_actions.h's lines separate
// fields with a space).
size_t AddressEnd(std::string_view s, bool (*ends)(std::string_view after) = nullptr);

// Reads a delivery line's text (after "QUEUEID: "); false when it is not in
// log_adhoc()'s shape (no "to=<...>", no relay, no status word).
bool ReadDeliveryFields(std::string_view text, DeliveryFields* out);

// Where a delivery line that ReadDeliveryFields refused was cut short: a
// syslog message-size limit (rsyslog's $MaxMessageSize, 8k by default;
// RFC 3164 4.1's 1024 bytes; syslog-ng's log-msg-size) ends a long line
// (a remote server's multi-line reply) in the middle, with no closing ')'
// (issue-16 tester16, F12). kNotCut: the text is not a start of
// log_adhoc()'s shape (a malformed line, not a cut one).
enum class CutAt {
  kNotCut,
  kInRecipient,   // before to=<R>'s closing '>': no recipient
  kBeforeStatus,  // R read (relay too when whole), no status word
  kInStatusText,  // R, relay and status read; the reply's end lost
};

// What the relay of a delivery line cut before its status says after the
// relay (the row's relay, so a report tells it from a hop whose log is
// missing: investigate/incomplete.cc).
inline constexpr std::string_view kCutBeforeStatus =
    "its delivery line cut before its status: the outcome is not in the log";

// Reads what a cut delivery line states into *out (recipient, orig_to when
// whole, relay when whole, dsn, status and the text up to the cut); says
// where it was cut.
CutAt ReadCutDelivery(std::string_view text, DeliveryFields* out);

// Reads qmgr's "from=<S>, ..." text: *sender and the text after the
// address (", size=..., nrcpt=... (queue active)" or ", status=expired,
// returned to sender"); false when the address is not closed.
bool ReadFromField(std::string_view text, std::string_view* sender, std::string_view* rest);

// The value of `key` ("size=") in a Postfix "k=v, k=v" text: up to the next
// ", " or space; "" when absent. Keys are looked for only at the start or
// after ", ", so read addresses off first (the functions above).
std::string_view FieldValue(std::string_view text, std::string_view key);

// True when a delivery agent's relay= ("host[addr]:port") is a server
// inside the organisation, so a "sent" to it is a hand-off, never the
// receiving domain's acceptance: its address is loopback (RFC 1122
// 3.2.1.3, RFC 4291 2.5.3), private (RFC 1918: 10/8, 172.16/12,
// 192.168/16; RFC 4193: fc00::/7), shared (RFC 6598: 100.64/10) or
// link-local (RFC 3927: 169.254/16; RFC 4291: fe80::/10, with or without a
// zone "%eth0", RFC 4007), or site-local (fec0::/10, RFC 3879): none of these is
// reachable from the Internet, so no other domain's MX has one. The
// address is read with inet_pton(3); Postfix writes an IPv6 one bare or
// with "ipv6:" (smtp_connect.c). False for a relay with no "[address]"
// (a pipe(8) transport, "none") and for any public address.
bool InternalRelay(std::string_view relay);

// A relay that is a pipe(8) transport on this host: a name with no
// "[address]" and no dot ("dfilt", "filter", "private/amavis"), not "none"
// and not a mailbox transport ("local", "virtual"). Its "sent" says only
// that the command took the message ("delivered via dfilt service").
bool PipeRelay(std::string_view relay);

// The domain of a logged address: after the last '@' outside quotes;
// "" when none.
std::string_view AddressDomain(std::string_view address);

// True when a logged recipient can be judged: a local part and a domain
// after the last '@' outside quotes (AddressDomain), quotes closed, no
// space or control character outside quotes, and the domain either an
// address literal "[...]" (RFC 5321 4.1.3) or dot-separated labels of
// letters, digits, '-', '_' or UTF-8 bytes, each 1 to 63 bytes, at most
// 253 in all (RFC 1035 2.3.4; a trailing root dot allowed). Anything else
// ("<>", "bob", "bob@", "@army.ml", "bob@army..ml", "bob@[192.0.2.7")
// names no domain the guard can classify: the caller reports it, never
// drops it (fail closed).
bool JudgeableRecipient(std::string_view address);

// A caller's further check of a recipient's domain (as logged, after the
// last '@' outside quotes), beyond JudgeableRecipient's syntax: false when
// the guard's own domain check calls it invalid (a bad IDNA A-label,
// RFC 5891 5.4; a label starting with '-', RFC 1123 2.1; a public suffix
// itself, which no one can register). Such a delivery is counted as not
// understood and as an unparsable recipient, with its FILE:LINE, exactly
// as a recipient JudgeableRecipient refuses. Empty: syntax alone decides.
// Called on the reader's thread only.
using DomainCheck = std::function<bool(std::string_view domain)>;

// Why a DomainCheck refused `domain`: the guard's own sentence, as `nearmiss
// check` gives it ("'gov.uk' is a public suffix, not a mail domain"), so a
// report names the reason, not a parse error. Called once per file, for
// the first domain refused; may be empty.
using DomainWhy = std::function<std::string(std::string_view domain)>;

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_POSTFIX_FIELDS_H_
