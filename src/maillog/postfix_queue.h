// PostfixHeld and PostfixQueue: PostfixLog's state (postfix_log.h), an
// attempt or a queue id's end held for the hand-off window, and what it
// keeps of each queue id between its first line and its end. Their
// members' meanings follow Postfix's log (postfix_fields.h has the line
// shapes); PostfixLog alone reads and writes them.
//
// Thread safety: plain values, owned by one PostfixLog.
#ifndef NEARMISS_MAILLOG_POSTFIX_QUEUE_H_
#define NEARMISS_MAILLOG_POSTFIX_QUEUE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "maillog/shown_time.h"
#include "maillog/stopped_by.h"

namespace nearmiss::maillog {

// A hand-off not to be counted (PostfixLog::TakeOver), or counted nowhere yet.
inline constexpr uint32_t kPostfixNotCounted = UINT32_MAX;

// An attempt or the end of a queue id, waiting for the hand-off window;
// its strings are copied into `text` (the line is gone by then).
struct PostfixHeld {
  // kNext: the X of a "queued as X" held until X shows up (or not).
  enum Field { kQueueId, kSender, kRecipient, kOrigRecipient, kStatus, kStatusText, kRelay,
               kDsn, kHops, kMessageId, kSubject, kNext, kFields };
  bool done = false;     // the end of queue_id, not an attempt
  bool dropped = false;  // joined as a hand-off: never passed on
  bool sender_known = true;
  // A "sent" by the smtp client to a relay of the organisation not
  // declared final (PostfixLogOptions::final_relays): never passed on as
  // the recipient's server's acceptance (Unfollowed).
  bool org_hand_off = false;
  uint32_t file = 0;  // Attempt::file
  uint32_t run = 0;   // Attempt::run
  uint64_t line = 0;  // Attempt::line
  int64_t time = 0, size = 0;
  ZoneSource zone = ZoneSource::kInput;  // Attempt::zone; a done's line's
  StoppedBy stopped_by = StoppedBy::kNone;  // Attempt::stopped_by
  std::string text;
  uint32_t end[kFields] = {};  // where each field ends in `text`
  std::string_view Get(Field f) const {
    uint32_t b = f == 0 ? 0 : end[f - 1];
    return std::string_view(text).substr(b, end[f] - b);
  }
  // Replaces field `f` with `v` (which must not view `text`).
  void Set(Field f, std::string_view v) {
    std::string_view old[kFields];
    for (int i = 0; i < kFields; ++i) old[i] = Get(static_cast<Field>(i));
    old[f] = v;
    std::string out;
    out.reserve(text.size() + v.size());
    for (int i = 0; i < kFields; ++i) {
      out.append(old[i]);
      end[i] = static_cast<uint32_t>(out.size());
    }
    text = std::move(out);
  }
};
struct PostfixQueue {
  std::string sender;
  bool sender_seen = false;  // a from= line was read
  std::string message_id;
  // The Subject: a header check logged (ReadLoggedSubject: "/^Subject:/
  // INFO"), or the one a hand-off to it carried; "" when none was logged.
  std::string subject;
  std::string hops;  // hand-offs that led to this queue id
  // Recipients whose latest attempt was deferred: the ones qmgr's
  // "status=expired" (which names none) returns to the sender.
  std::vector<std::string> deferred;
  // Each one's latest deferral (or hold) line, by the same index
  // (Attempt::file, Attempt::line): where an outcome qmgr's "removed"
  // leaves unknown was last seen (EndDeferred).
  std::vector<std::pair<uint32_t, uint64_t>> deferred_at;
  // A milter or header check put it in the hold queue (its recipients
  // then wait in `deferred`) and no qmgr line has shown it released.
  bool on_hold = false;
  int64_t size = 0;
  int64_t last_seen = 0;
  // Where its latest line was read (Attempt::file, run, line): a line of
  // it dated earlier in the same run is a clock's step back.
  uint32_t last_file = 0, last_run = 0;
  uint64_t last_line = 0;
  uint32_t attempts = 0;
  // qmgr's nrcpt= of the latest from= line (0: none read), and the final
  // attempts since: all settled when finals reach it.
  uint32_t nrcpt = 0, finals = 0;
  // Recipient lines (any to=<...> line, a milter's or check's action on a
  // recipient) since that from= line, and over every pass those that
  // settled a recipient (not a deferral or a hold; an expiry settles each
  // deferred one); start_seen: the message's first lines (smtpd's client=,
  // cleanup's message-id=) were read, so every pass is in the logs. nrcpt=
  // counts every recipient of the queue file, done ones too (qmgr_message.c
  // logs rcpt_unread before reading them), so at qmgr's "removed" fewer
  // settled than nrcpt (those deferred or handed on aside), or no line at
  // all this pass, means lines missing (LineCounts::missing_outcomes).
  uint32_t rcpt_lines = 0, settled_lines = 0;
  bool start_seen = false;
  uint64_t first_attempt = 0;  // sequence number of its first held attempt + 1; 0: none
  // Log time of its first delivery line read: a message begun in the
  // window (audit --until) is followed past it (NearWindowEdge's use).
  int64_t first_attempt_time = 0;
  bool removed = false;        // its end is held; kept for joins until passed on
  // Seeded from an earlier run (PostfixLog::Carry) and no line of it read
  // in this one yet.
  bool carried = false;
  // Taken over from the "queued as" attempts held at these sequence
  // numbers (A's, dropped: one per recipient when one "queued as X"
  // names X for several) and not yet shown to be this message: undone if
  // the Message-IDs differ, or X delivers another recipient, or X ends
  // unshown after a public relay (ConfirmOrUndoJoins, EndUnconfirmedJoins).
  std::vector<uint64_t> joined_from;
  std::string joined_hops;     // the hops it had before
  // The envelope sender at the message's first hop (A's from=, taken
  // over with the hops): a content filter or an SRS rewrite may change
  // the sender the next queue id logs ("SRS0=...=ivan@relay..."), yet
  // the person who sent it is the first hop's (issue-16 tester round 34,
  // item 7). Unknown (origin_known false) when no hand-off led here or
  // A's from= was not read: the queue id's own sender stands.
  std::string origin_sender, joined_origin_sender;
  bool origin_known = false, joined_origin_known = false;
  // The file a hand-off to it was counted in (its "queued as" line's):
  // an undone join is uncounted there (Unjoined).
  uint32_t hand_off_file = kPostfixNotCounted;
  // The queue id it handed the message to, and through which relay: a
  // hop learnt later (lines out of order) is passed down the chain.
  std::string next_id, next_relay;
  // Recipients a hand-off gave this queue id that it has not attempted
  // yet, and the relay that took them: at its end (removed, idle, end of
  // input) each left is passed on as "unknown" (CloseHandOffs).
  std::vector<std::string> handed;
  std::string handed_relay;
  // The "queued as" line that handed them (Attempt::file, Attempt::line):
  // where the notice of an outcome left unknown points.
  uint32_t handed_file = 0;
  uint64_t handed_line = 0;
  // Recipients it handed on itself (its dropped attempts): a hand-off to
  // it read later (lines out of order) finds them followed already.
  std::vector<std::string> handed_on;
  // The address the sender gave for a recipient handed to it, when the
  // hand-off's line named one (orig_to=: rewritten before the content
  // filter): (recipient, address given). Its own attempt of the recipient
  // that logs no orig_to= carries it (PostfixLog::NoteHandedOrig).
  std::vector<std::pair<std::string, std::string>> handed_orig;
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_POSTFIX_QUEUE_H_
