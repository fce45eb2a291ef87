#include "maillog/postfix_actions.h"

#include <cctype>

#include "maillog/postfix_fields.h"

namespace nearmiss::maillog {
namespace {

struct Kind {
  std::string_view prefix, action, status;
  bool milter;  // the reply before the fields; else cleanup_act_log's form
};
constexpr Kind kKinds[] = {
    {"milter-reject: ", "milter-reject", "rejected", true},
    {"milter-hold: ", "milter-hold", "held", true},
    {"milter-discard: ", "milter-discard", "discarded", true},
    {"hold: ", "hold", "held", false},
    {"discard: ", "discard", "discarded", false},
};

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

}  // namespace

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
  // The fields follow "; ", after text that is not Postfix's: a milter's
  // reply, or a header check's match (the sender's own header); the last
  // "; from=<" is Postfix's (a check's optional text after the fields is
  // the administrator's).
  size_t fields = rest.rfind("; from=<");
  if (fields == std::string_view::npos) fields = rest.rfind("; to=<");
  std::string_view head = rest.substr(0, fields);
  if (fields == std::string_view::npos && head.ends_with(';')) head.remove_suffix(1);
  if (k->milter) {
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
  if (fields == std::string_view::npos) return true;
  std::string_view s = rest.substr(fields + 2);
  if (s.starts_with("from=<")) {
    if (!Take(s, "from=<", &out->sender)) return false;
    out->sender_logged = true;
  }
  if (s.starts_with(" ")) s.remove_prefix(1);
  if (s.starts_with("to=<") && !Take(s, "to=<", &out->recipient)) return false;
  return true;
}

}  // namespace nearmiss::maillog
