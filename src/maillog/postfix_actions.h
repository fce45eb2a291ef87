// The lines Postfix writes when a milter, or cleanup's header or body
// checks, stop a message before it is queued or hold it, read by the rules
// Postfix writes them with. None is a delivery: the recipient named was
// not delivered (rejected, discarded) or not yet (held).
//
//   smtpd   "QID: milter-reject: EVENT from HOST[ADDR]: REPLY; from=<S>
//           to=<R> proto=P helo=<H>" (src/smtpd/smtpd.c,
//           check_milter_reply(): "%s: %s: %s from %s: %s;%s", the last the
//           " from=<S> to=<R> proto=P helo=<H>" fields that are set). QID is
//           "NOQUEUE" until the queue file is open (the first RCPT); EVENT
//           CONNECT, EHLO, HELO, MAIL, RCPT, DATA; REPLY the milter's
//           ("550 5.7.1 ..."). "milter-hold" and "milter-discard" write
//           "milter triggers HOLD action" / "... DISCARD action" as REPLY.
//   cleanup "QID: milter-reject: END-OF-MESSAGE from HOST[ADDR]: 5.7.1 TEXT;
//           from=<S> to=<R> proto=P helo=<H>" (src/cleanup/cleanup_milter.c,
//           cleanup_milter_apply(): "%s: %s: %s from %s[%s]: %s;", the text
//           of a 4xx/5xx reply without its three-digit code), and
//           "milter-hold" / "milter-discard" as above. cleanup names one
//           recipient, its state->recip: the last recipient record it read,
//           not every recipient of the message (Postfix logs no more).
//   cleanup "QID: hold: header NAME: VALUE from HOST[ADDR]; from=<S> to=<R>
//           proto=P helo=<H>[: TEXT]" (src/cleanup/cleanup_message.c,
//           cleanup_act_log(): "%s: %s: %s %.200s from %s;" and the same
//           fields), a header_checks or body_checks HOLD; "discard:" the
//           same for DISCARD. CLASS is "header" or "body".
//   cleanup "QID: reject: header NAME: VALUE from HOST[ADDR]; from=<S>
//           to=<R> proto=P helo=<H>: 5.7.1 TEXT" (cleanup_act_log() again,
//           cleanup_act()'s REJECT: the same function as HOLD and DISCARD);
//           "redirect:" the same for REDIRECT, its text the address the
//           message went to instead. CLASS may also be "content".
//   smtpd   "NOQUEUE: reject: RCPT from HOST[ADDR]: 554 5.7.1 <R>: Recipient
//           address rejected: TEXT; from=<S> to=<R> proto=P helo=<H>"
//           (src/smtpd/smtpd_check.c, log_whatsup(): "%s: %s: %s from %s:
//           %s;" and the same fields), an access map or restriction's
//           REJECT, HOLD, DISCARD or REDIRECT of a recipient ("reject:",
//           "hold:", "discard:", "redirect:"); its QID is "NOQUEUE" before
//           the first recipient is accepted. "reject_warning:" (warn_if_
//           reject) stops nothing and is not read.
// The fields are found at the last "; from=<" (the text before is a
// milter's reply or a sender's header, which may hold anything).
// S and R are as the program holds them: Postfix quotes neither here, so
// an address ends at the '>' before the next field (" to=<", " proto=",
// " helo=<", ": ") or the end of the line.
//
// A header_checks or body_checks match is logged by cleanup_act_log()
// (src/cleanup/cleanup_message.c) for every action that has one: "reject",
// "warning" (WARN), "info" (INFO), "filter", "pass", "discard", "hold",
// "prepend", "replace", "redirect", "bcc", "strip", each as
// "QID: ACTION: header CONTENT from ORIGIN; from=<S> to=<R> proto=P
// helo=<H>[: TEXT]", CONTENT being the whole header line cut at 200 bytes
// ("%.200s"), ORIGIN "host[addr]", "local" or "unknown" (no blank). The
// common recipe "/^Subject:/ INFO" (or WARN) logs every message's subject
// so: ReadLoggedSubject reads it, whatever the action.
//
// Views point into the text. Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_POSTFIX_ACTIONS_H_
#define NEARMISS_MAILLOG_POSTFIX_ACTIONS_H_

#include <string_view>

#include "maillog/stopped_by.h"

namespace nearmiss::maillog {

struct ActionFields {
  // The outcome, as Attempt::status says it: "rejected" (milter-reject,
  // reject),
  // "held" (milter-hold, hold: the message waits in the hold queue until an
  // administrator releases or deletes it, postsuper(1)), "discarded"
  // (milter-discard, discard: accepted and thrown away). "redirected"
  // (redirect: sent to another address instead of the one named) is no
  // stop and no attempt: the delivery to that address is logged apart,
  // with orig_to= the one named (header_checks(5), access(5) REDIRECT).
  std::string_view status;
  std::string_view action;     // as logged: "milter-reject", "hold", ...
  std::string_view event;      // "RCPT", "END-OF-MESSAGE", "header", "body"
  std::string_view reply;      // "550 5.7.1 ...", "5.7.1 ...", "milter triggers HOLD action"
  std::string_view dsn;        // "5.7.1" when the reply has one; else ""
  std::string_view sender;     // "" for the null sender
  bool sender_logged = false;  // a from=<...> field was there
  std::string_view recipient;  // "" when the line names none (CONNECT, MAIL)
  // A milter's (milter-*), a header or body check's (cleanup's header,
  // body or content context) or smtpd's restrictions' (an SMTP command's
  // context: RCPT, MAIL, END-OF-MESSAGE; access(5) maps among them).
  StoppedBy by = StoppedBy::kNone;
};

// True when `text` (after "QID: ", or the whole text after "NOQUEUE: ")
// starts with one of the actions above.
bool IsActionLine(std::string_view text);

// Reads an action line (IsActionLine); false when its fields are not in
// the shape above (a from=<...> or to=<...> not closed, no " from ").
bool ReadActionLine(std::string_view text, ActionFields* out);

// A header check's line (above) whose header is the Subject: (name in any
// case, RFC 5322 3.6.5): the subject as logged (encoded words left for the
// reader of the header to decode, RFC 2047), at most 200 bytes with its
// name; for "replace" the replacement's value when it is a Subject: too
// (that is what went out). S as logged.
struct LoggedSubject {
  std::string_view action;   // "info", "warning", "hold", ...
  std::string_view subject;  // "SECRET//NOFORN troop movements"
  std::string_view sender;
  bool sender_logged = false;
};
bool ReadLoggedSubject(std::string_view text, LoggedSubject* out);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_POSTFIX_ACTIONS_H_
