#include "maillog/postfix_actions.h"

#include <cctype>

#include "maillog/postfix_fields.h"

namespace nearmiss::maillog {
namespace {

struct Kind {
  std::string_view prefix, action, status;
  // Always the reply before the fields (a milter's); else by the event:
  // cleanup_act_log's form for "header", "body" and "content", smtpd's
  // (the milter form) for an SMTP command (IsCleanupContext).
  bool milter;
};
constexpr Kind kKinds[] = {
    {"milter-reject: ", "milter-reject", "rejected", true},
    {"milter-hold: ", "milter-hold", "held", true},
    {"milter-discard: ", "milter-discard", "discarded", true},
    {"reject: ", "reject", "rejected", false},
    {"hold: ", "hold", "held", false},
    {"discard: ", "discard", "discarded", false},
    // The message goes to another address instead (header_checks(5) or an
    // access(5) map's REDIRECT): no stop, the message is delivered, to the
    // address in the reply, by a delivery line of its own (with orig_to=
    // the one named). Read for its sender, never counted as stopped
    // (issue-16 tester round 57c, finding 1). The other actions that let
    // the message go on (FILTER, PREPEND, BCC, WARN, INFO, ...) are not
    // here at all: smtpd and cleanup log them under other words.
    {"redirect: ", "redirect", "redirected", false},
};

// cleanup's contexts (cleanup.h: CLEANUP_ACT_CTXT_HEADER "header",
// _BODY "body", _ANY "content"): header_checks, body_checks and their
// milter-free kin; anything else is an SMTP command smtpd logged.
bool IsCleanupContext(std::string_view event) {
  return event == "header" || event == "body" || event == "content";
}

const Kind* KindOf(std::string_view text) {
  for (const Kind& k : kKinds) {
    if (text.starts_with(k.prefix)) return &k;
  }
  return nullptr;
}

// What may follow an address's closing '>' in these lines.
bool FieldEnd(std::string_view after) {
  return after.starts_with(" to=<") || after.starts_with(" proto=") ||
         after.starts_with(" helo=<") || after.starts_with(": ");
}

bool Digits(std::string_view s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The enhanced status code (RFC 3463 2: class "." subject "." detail) a
// reply starts with, after its three-digit SMTP code if it has one.
std::string_view Dsn(std::string_view reply) {
  if (reply.size() > 4 && Digits(reply.substr(0, 3), 3, 3) && reply[3] == ' ') {
    reply.remove_prefix(4);
  }
  std::string_view code = reply.substr(0, reply.find(' '));
  size_t a = code.find('.');
  size_t b = a == std::string_view::npos ? a : code.find('.', a + 1);
  if (b == std::string_view::npos || a != 1 || (code[0] != '2' && code[0] != '4' && code[0] != '5') ||
      !Digits(code.substr(2, b - 2), 1, 3) || !Digits(code.substr(b + 1), 1, 3)) {
    return {};
  }
  return code;
}

// Takes "<KEY><ADDRESS>" off `s` (KEY ends with '<'); false when the
// address is not closed.
bool Take(std::string_view& s, std::string_view key, std::string_view* address) {
  s.remove_prefix(key.size());
  size_t end = AddressEnd(s, FieldEnd);
  if (end == std::string_view::npos) return false;
  *address = s.substr(0, end);
  s.remove_prefix(end + 1);
  return true;
}

// cleanup_act_log()'s actions (postfix_actions.h), each followed by ": ".
constexpr std::string_view kLoggedActions[] = {"reject", "warning", "info",    "filter",
                                               "pass",   "discard", "hold",    "prepend",
                                               "replace", "redirect", "bcc",   "strip"};

// "Subject: VALUE" (the name in any case, blanks before the colon as RFC
// 5322's obsolete syntax allows): VALUE without its leading blanks; false
// for any other header.
bool SubjectValue(std::string_view header, std::string_view* value) {
  constexpr std::string_view kName = "subject";
  if (header.size() < kName.size()) return false;
  for (size_t i = 0; i < kName.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != kName[i]) return false;
  }
  header.remove_prefix(kName.size());
  while (header.starts_with(' ') || header.starts_with('\t')) header.remove_prefix(1);
  if (!header.starts_with(':')) return false;
  header.remove_prefix(1);
  while (header.starts_with(' ') || header.starts_with('\t')) header.remove_prefix(1);
  *value = header;
  return true;
}

}  // namespace

bool ReadLoggedSubject(std::string_view text, LoggedSubject* out) {
  *out = LoggedSubject();
  std::string_view action;
  for (std::string_view a : kLoggedActions) {
    if (text.starts_with(a) && text.substr(a.size()).starts_with(": header ")) {
      action = a;
      break;
    }
  }
  if (action.empty()) return false;
  std::string_view rest = text.substr(action.size() + 9);
  // The fields are Postfix's, after the last "; from=<" (or "; to=<", or a
  // bare ";" when neither is set); the content ends at the last " from "
  // before them (ORIGIN has no blank).
  size_t fields = rest.rfind("; from=<");
  if (fields == std::string_view::npos) fields = rest.rfind("; to=<");
  if (fields == std::string_view::npos) fields = rest.rfind(';');
  if (fields == std::string_view::npos) return false;
  std::string_view head = rest.substr(0, fields);
  size_t from = head.rfind(" from ");
  if (from == std::string_view::npos) return false;
  if (!SubjectValue(head.substr(0, from), &out->subject)) return false;
  out->action = action;
  std::string_view s = rest.substr(fields + 1);
  if (s.starts_with(" from=<")) {
    s.remove_prefix(1);
    if (!Take(s, "from=<", &out->sender)) return false;
    out->sender_logged = true;
  }
  if (action == "replace") {
    // ": TEXT" after the fields: the header that replaced the match.
    std::string_view replaced;
    if (size_t t = s.find(": "); t != std::string_view::npos && SubjectValue(s.substr(t + 2), &replaced)) {
      out->subject = replaced;
    }
  }
  return true;
}

bool IsActionLine(std::string_view text) { return KindOf(text) != nullptr; }

bool ReadActionLine(std::string_view text, ActionFields* out) {
  *out = ActionFields();
  const Kind* k = KindOf(text);
  if (k == nullptr) return false;
  out->status = k->status;
  out->action = k->action;
  std::string_view rest = text.substr(k->prefix.size());
  size_t sp = rest.find(' ');
  if (sp == 0 || sp == std::string_view::npos) return false;
  out->event = rest.substr(0, sp);
  out->by = k->milter                       ? StoppedBy::kMilter
            : IsCleanupContext(out->event) ? StoppedBy::kContentCheck
                                           : StoppedBy::kRestriction;
  // The fields follow "; ", after text that is not Postfix's: a milter's
  // reply, or a header check's match (the sender's own header); the last
  // "; from=<" is Postfix's (a check's optional text after the fields is
  // the administrator's).
  size_t fields = rest.rfind("; from=<");
  if (fields == std::string_view::npos) fields = rest.rfind("; to=<");
  std::string_view head = rest.substr(0, fields);
  if (fields == std::string_view::npos && head.ends_with(';')) head.remove_suffix(1);
  if (k->milter || !IsCleanupContext(out->event)) {
    // "EVENT from CLIENT: REPLY": the client is "host[addr]" (a port
    // after ':' at most), never ": ".
    size_t from = head.find(" from ");
    size_t colon = from == std::string_view::npos ? from : head.find(": ", from);
    if (colon == std::string_view::npos) return false;
    out->reply = head.substr(colon + 2);
  } else {
    // "CLASS CONTENT from ORIGIN": the content (at most 200 bytes, as
    // logged) is what matched.
    size_t from = head.rfind(" from ");
    if (from == std::string_view::npos || from <= sp) return false;
    out->reply = head.substr(sp + 1, from - sp - 1);
  }
  out->dsn = Dsn(out->reply);
  if (!k->milter && !IsCleanupContext(out->event) &&
      out->reply.find("Relay access denied") != std::string_view::npos) {
    // smtpd's answer to a client outside that may not relay (smtpd_check.c,
    // reject_unauth_destination): mail from outside, no attempt from inside
    // to stop. Read as naming no recipient.
    return true;
  }
  if (fields == std::string_view::npos) return true;
  std::string_view s = rest.substr(fields + 2);
  if (s.starts_with("from=<")) {
    if (!Take(s, "from=<", &out->sender)) return false;
    out->sender_logged = true;
  }
  if (s.starts_with(" ")) s.remove_prefix(1);
  if (s.starts_with("to=<") && !Take(s, "to=<", &out->recipient)) return false;
  // cleanup_act_log's optional text after the fields (": 5.7.1 blocked"):
  // a REJECT's reply, which holds its status code.
  if (const size_t text = s.find(": "); out->dsn.empty() && text != std::string_view::npos) {
    out->dsn = Dsn(s.substr(text + 2));
  }
  return true;
}

}  // namespace nearmiss::maillog
