// PostfixLog, a milter's or header check's action on a recipient (a
// reject, hold or discard: postfix_actions.h; a redirect stops nothing)
// as that recipient's attempt,
// and whether a recipient named by any line can be judged at all, counted
// when not (postfix_log.h).
#include <string>
#include <string_view>

#include "maillog/postfix_actions.h"
#include "maillog/postfix_fields.h"
#include "maillog/postfix_log.h"

namespace nearmiss::maillog {

bool PostfixLog::Judged(std::string_view recipient) {
  const bool judgeable = JudgeableRecipient(recipient);
  if (judgeable &&
      (!options_.judgeable_domain || options_.judgeable_domain(AddressDomain(recipient)))) {
    return true;
  }
  if (judgeable && options_.learning) {
    // Nothing to learn of a malformed domain; said, not an error.
    counts_.SkippedDomain(recipient);
    return false;
  }
  // A recipient the guard cannot judge may be the very look-alike: not
  // a delivery to leave out quietly (DESIGN.md, fail closed).
  counts_.UnparsableRecipient(line_);
  if (judgeable) {
    // Its address parses: the domain check refused it, and says why.
    counts_.NoMailDomain(recipient,
                         counts_.no_mail_domains == 0 && options_.domain_why
                             ? options_.domain_why(AddressDomain(recipient))
                             : std::string());
  }
  return false;
}

void PostfixLog::Action(const LogLine& l, Queue& q) {
  ActionFields f;
  if (!ReadActionLine(l.text, &f)) {
    NotUnderstood(line_);
    return;
  }
  auto take_sender = [&] {
    if (f.sender_logged && !q.sender_seen) {
      q.sender.assign(f.sender);
      q.sender_seen = true;
    }
  };
  if (f.status == "redirected") {
    // Not stopped: the message went on to the address in the reply, whose
    // delivery line (orig_to= this recipient) is its attempt (postfix_
    // actions.h). Its sender is still the message's.
    take_sender();
    return;
  }
  // CONNECT, HELO, MAIL: no recipient named, no delivery stopped.
  if (f.recipient.empty() || !Judged(f.recipient)) return;
  ++counts_.stopped;
  // An attempt with that outcome, as every figure says (LineCounts::
  // delivery_lines): left out, a file of rejects showed fewer delivery
  // attempts than its flagged ones (issue-16 tester round 35, defect 4).
  ++counts_.delivery_lines;
  take_sender();
  Attempt a = QueueAttempt(l, q);
  a.recipient = f.recipient;
  a.status = f.status;
  a.status_text = f.reply;
  a.dsn = f.dsn;
  a.stopped_by = f.by;
  Hold(a, {});
  ++q.attempts;
  if (f.status != "held") {
    ++q.finals;
    return;
  }
  // Waiting in the hold queue: released (qmgr's from= line, then its
  // deliveries), expired, or deleted (postsuper -d: "removed"), as a
  // deferred recipient is.
  q.on_hold = true;
  NoteDeferred(q, f.recipient);
}

}  // namespace nearmiss::maillog
