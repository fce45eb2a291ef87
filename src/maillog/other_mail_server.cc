// Delivery lines of mail servers other than Postfix (log_line.h,
// OtherMailServerDelivery). The forms, from each server's source or manual:
//   OpenSMTPD   "<session> mta delivery evpid=... from=<S> to=<R> rcpt=<-> ...
//               result="Ok" stat="250 ..."" and local "delivery evpid=... to=<R>
//               ... result=Ok stat=Delivered" (smtpd/mta.c, lka/mda logging)
//   Sendmail    "QID: to=<R>, ..., mailer=esmtp, ..., stat=Sent (...)", also
//               "to=R, ..." without brackets (sendmail/deliver.c logdelivery)
//   Exim        "MSGID => R R=... T=... H=..." and "->" (another address of
//               the same delivery), "**" (failed), "==" (deferred), "*>"
//               (suppressed, -N); MSGID "1kABCD-000123-AB" (Exim 4: 6-6-2
//               base-62) or "1kABCDE-0001234567-ABCD" (4.97 on: 6-11-4)
//               (Exim's spec, "Log files", 52.5 "Logging message reception"
//               and 52.6 "Logging deliveries")
//   qmail       "starting delivery N: msg M to remote R" and "delivery N:
//               success: ...", "failure:", "deferral:" (qmail-send's log,
//               qmail-log(5))
//   Courier     "id=QID,from=<S>,addr=<R>,status: success" (courieresmtp,
//               courierlocal; courier(8) "LOGGING")
//   dma         "<R> delivery successful", "delivery failed, bouncing as X",
//               "remote delivery deferred: ..." (dma.c deliver(), mail.c
//               bounce(), net.c)
//   msmtp       "host=H tls=on auth=on from=S recipients=R,R2 mailsize=N
//               smtpstatus=250 ... exitcode=EX_OK" (msmtp(1), --syslog)
//   nullmailer  "From: <S> to: <R>", "smtp: Succeeded: 250 ...", "smtp:
//               Failed: ...", "Sent file.", "Sending failed: ..."
//               (nullmailer-send(8))
// and any line with a recipient "to=<R@D>" or "to=R@D" and a status
// ("status=", "stat=", "result=", "dsn=") that is not Postfix's own form.
#include <string_view>

#include "maillog/log_line.h"

namespace nearmiss::maillog {
namespace {

bool IsBase62(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// A run of base-62 characters of one of the lengths given, at `at`; its
// end, or npos.
size_t Base62Run(std::string_view s, size_t at, size_t a, size_t b) {
  size_t n = at;
  while (n < s.size() && IsBase62(s[n])) ++n;
  size_t len = n - at;
  return len == a || len == b ? n : std::string_view::npos;
}

// An Exim message id ending right before `end`.
bool EximIdBefore(std::string_view s, size_t end) {
  size_t start = s.rfind(' ', end == 0 ? 0 : end - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  // "[pid] " may precede it; the id is the last word before the flag.
  size_t n = Base62Run(s, start, 6, 6);
  if (n == std::string_view::npos || n >= end || s[n] != '-') return false;
  n = Base62Run(s, n + 1, 6, 11);
  if (n == std::string_view::npos || n >= end || s[n] != '-') return false;
  n = Base62Run(s, n + 1, 2, 4);
  return n == end;
}

bool IsExim(std::string_view s) {
  for (std::string_view flag : {" => ", " -> ", " ** ", " == ", " *> "}) {
    for (size_t at = s.find(flag); at != std::string_view::npos; at = s.find(flag, at + 1)) {
      if (EximIdBefore(s, at)) return true;
    }
  }
  return false;
}

bool Digits(std::string_view s, size_t* at) {
  size_t b = *at;
  while (*at < s.size() && s[*at] >= '0' && s[*at] <= '9') ++*at;
  return *at > b;
}

bool IsQmail(std::string_view s) {
  for (size_t at = s.find("delivery "); at != std::string_view::npos;
       at = s.find("delivery ", at + 1)) {
    size_t n = at + 9;
    if (!Digits(s, &n) || !s.substr(n).starts_with(": ")) continue;
    std::string_view rest = s.substr(n + 2);
    if (rest.starts_with("success:") || rest.starts_with("failure:") ||
        rest.starts_with("deferral:")) {
      return true;
    }
    if (at >= 9 && s.substr(at - 9, 9) == "starting " && rest.starts_with("msg ") &&
        (rest.find(" to remote ") != std::string_view::npos ||
         rest.find(" to local ") != std::string_view::npos)) {
      return true;
    }
  }
  return false;
}

// "to=<R@D>" or "to=R@D" as a field: at the start or after ' ' or ','.
bool HasRecipientField(std::string_view s) {
  for (size_t at = s.find("to="); at != std::string_view::npos; at = s.find("to=", at + 1)) {
    if (at != 0 && s[at - 1] != ' ' && s[at - 1] != ',') continue;
    std::string_view v = s.substr(at + 3);
    size_t end = v.starts_with('<') ? v.find('>') : v.find_first_of(" ,");
    if (v.substr(0, end).find('@') != std::string_view::npos) return true;
  }
  return false;
}

bool HasStatusField(std::string_view s) {
  for (std::string_view key : {"status=", "stat=", "result=", "dsn="}) {
    for (size_t at = s.find(key); at != std::string_view::npos; at = s.find(key, at + 1)) {
      if (at == 0 || s[at - 1] == ' ' || s[at - 1] == ',') return true;
    }
  }
  return false;
}

// Postfix's delivery line ("to=<R>, [orig_to=<O>, ]relay=..., status=..."):
// a custom syslog_name without a Postfix program's name ("mta[12]:") is
// still Postfix's, read by PostfixLog.
bool IsPostfixForm(std::string_view s) {
  return s.find("to=<") != std::string_view::npos &&
         s.find(", relay=") != std::string_view::npos &&
         s.find(", status=") != std::string_view::npos;
}

}  // namespace

std::string_view OtherMailServerDelivery(std::string_view program, std::string_view text) {
  if (IsPostfixProgram(program)) return {};
  if (text.find("delivery evpid=") != std::string_view::npos) return "OpenSMTPD";
  if (IsExim(text)) return "Exim";
  if (IsQmail(text)) return "qmail";
  if (text.starts_with("id=") && text.find(",addr=<") != std::string_view::npos) {
    return "Courier";
  }
  if (text.find("recipients=") != std::string_view::npos &&
      (text.find("smtpstatus=") != std::string_view::npos ||
       text.find("exitcode=") != std::string_view::npos)) {
    return "msmtp";
  }
  if (program.starts_with("nullmailer") &&
      ((text.starts_with("From: <") && text.find(" to: <") != std::string_view::npos) ||
       text.starts_with("smtp: Succeeded:") || text.starts_with("smtp: Failed:") ||
       text == "Sent file." || text.starts_with("Sending failed"))) {
    return "nullmailer";
  }
  if (program == "dma" && text.find("delivery ") != std::string_view::npos &&
      (text.find(" successful") != std::string_view::npos ||
       text.find(" failed") != std::string_view::npos ||
       text.find(" deferred") != std::string_view::npos)) {
    return "dma";
  }
  if (IsPostfixForm(text) || !HasRecipientField(text) || !HasStatusField(text)) return {};
  if (program == "sendmail" || program == "sm-mta" || program == "sm-msp-queue") {
    return "Sendmail";
  }
  return program.empty() ? std::string_view("a mail server not named") : program;
}

}  // namespace nearmiss::maillog
