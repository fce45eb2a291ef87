#include "maillog/postfix_fields.h"

#include <arpa/inet.h>

#include "maillog/loopback_relay.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace nearmiss::maillog {
namespace {

// "<ADDR>" at the start of `s` after `key`: ADDR, and `s` moved past '>'.
bool TakeAddress(std::string_view& s, std::string_view key, std::string_view* addr) {
  if (!s.starts_with(key)) return false;
  std::string_view rest = s.substr(key.size());
  size_t end = AddressEnd(rest);
  if (end == std::string_view::npos) return false;
  *addr = rest.substr(0, end);
  s = rest.substr(end + 1);
  return true;
}

}  // namespace

size_t AddressEnd(std::string_view s, bool (*ends)(std::string_view after)) {
  if (ends == nullptr) ends = [](std::string_view after) { return after.starts_with(", "); };
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\') {
      ++i;  // unquote_822_local(): a backslash takes the next byte as is
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == '>' && !quoted) {
      // The closing '>' is followed by the next field or the end; one that
      // is not is part of an unquoted (internal form) address.
      std::string_view after = s.substr(i + 1);
      if (after.empty() || ends(after)) return i;
    }
  }
  // Internal form with a '"' in the local part leaves the scan "quoted":
  // fall back to the first '>' followed by the next field or the end.
  for (size_t i = s.find('>'); i != std::string_view::npos; i = s.find('>', i + 1)) {
    std::string_view after = s.substr(i + 1);
    if (after.empty() || ends(after)) return i;
  }
  return std::string_view::npos;
}

bool ReadDeliveryFields(std::string_view text, DeliveryFields* out) {
  *out = DeliveryFields();
  std::string_view s = text;
  if (!TakeAddress(s, "to=<", &out->recipient)) return false;
  if (s.starts_with(", orig_to=<")) {
    s.remove_prefix(2);
    if (!TakeAddress(s, "orig_to=<", &out->orig_recipient)) return false;
  }
  if (!s.starts_with(", relay=")) return false;
  s.remove_prefix(8);
  size_t end = s.find(", ");
  if (end == std::string_view::npos) return false;
  out->relay = s.substr(0, end);
  s.remove_prefix(end);
  // After the relay only numbers, the DSN and the status follow: the first
  // ", status=" is the field, whatever its text says.
  out->dsn = FieldValue(s.substr(2), "dsn=");
  size_t at = s.find(", status=");
  if (at == std::string_view::npos) return false;
  s.remove_prefix(at + 9);
  size_t word = 0;
  while (word < s.size() && s[word] != ' ' && s[word] != ',' && s[word] != '(') ++word;
  if (word == 0) return false;
  out->status = s.substr(0, word);
  s.remove_prefix(word);
  if (s.starts_with(" (") && s.ends_with(")")) {
    out->status_text = s.substr(2, s.size() - 3);
  } else if (s.starts_with(", ")) {
    out->status_text = s.substr(2);  // "expired, returned to sender"
  } else if (!s.empty()) {
    return false;
  }
  return true;
}

CutAt ReadCutDelivery(std::string_view text, DeliveryFields* out) {
  *out = DeliveryFields();
  if (std::string_view("to=<").starts_with(text)) return CutAt::kInRecipient;  // "to=", "t"
  if (!text.starts_with("to=<")) return CutAt::kNotCut;
  std::string_view rest = text.substr(4);
  size_t end = AddressEnd(rest);
  // Cut right after the '>' (or its comma): the address is whole.
  if (end == std::string_view::npos && rest.ends_with('>')) end = rest.size() - 1;
  if (end == std::string_view::npos && rest.ends_with(">,")) end = rest.size() - 2;
  // No '>' and no later field: cut inside the address; else malformed
  // ("to=<quinn@army.ml, relay=...": its '>' left out, not cut off).
  if (end == std::string_view::npos) {
    return rest.find('>') == std::string_view::npos && rest.find(", ") == std::string_view::npos
               ? CutAt::kInRecipient
               : CutAt::kNotCut;
  }
  out->recipient = rest.substr(0, end);
  std::string_view s = rest.substr(end + 1);
  if (s.starts_with(", orig_to=<")) {
    std::string_view o = s.substr(2);
    if (!TakeAddress(o, "orig_to=<", &out->orig_recipient)) return CutAt::kBeforeStatus;
    s = o;
  }
  if (std::string_view(", relay=").starts_with(s) ||
      std::string_view(", orig_to=<").starts_with(s)) {
    return CutAt::kBeforeStatus;  // ended at a field's name
  }
  if (!s.starts_with(", relay=")) return CutAt::kNotCut;
  s.remove_prefix(8);
  size_t comma = s.find(", ");
  if (comma == std::string_view::npos) return CutAt::kBeforeStatus;  // the relay itself cut
  out->relay = s.substr(0, comma);
  s.remove_prefix(comma);
  out->dsn = FieldValue(s.substr(2), "dsn=");
  if (size_t dsn = s.find(", dsn="); dsn != std::string_view::npos &&
                                     s.find(", ", dsn + 2) == std::string_view::npos) {
    out->dsn = {};  // "dsn=5.7" at the very end: maybe cut inside it
  }
  size_t at = s.find(", status=");
  if (at == std::string_view::npos) return CutAt::kBeforeStatus;
  s.remove_prefix(at + 9);
  size_t word = 0;
  while (word < s.size() && s[word] != ' ' && s[word] != ',' && s[word] != '(') ++word;
  // A word at the very end may itself be cut ("status=bou"): only a
  // whole one that is no other's start is taken.
  if (word == 0) return CutAt::kBeforeStatus;
  if (word == s.size() && s != "sent" && s != "deferred" && s != "bounced" && s != "expired") {
    return CutAt::kBeforeStatus;
  }
  out->status = s.substr(0, word);
  s.remove_prefix(word);
  if (s.empty() || s == " " || s.starts_with(" (")) {
    out->status_text = s.size() > 2 ? s.substr(2) : std::string_view();
    return CutAt::kInStatusText;
  }
  return CutAt::kNotCut;
}

bool ReadFromField(std::string_view text, std::string_view* sender, std::string_view* rest) {
  std::string_view s = text;
  if (!TakeAddress(s, "from=<", sender)) return false;
  *rest = s;
  return true;
}

std::string_view FieldValue(std::string_view text, std::string_view key) {
  size_t at = 0;
  for (;;) {
    at = text.find(key, at);
    if (at == std::string_view::npos) return {};
    if (at == 0 || (at >= 2 && text[at - 2] == ',' && text[at - 1] == ' ')) break;
    at += key.size();
  }
  std::string_view v = text.substr(at + key.size());
  size_t end = v.find_first_of(", ");
  return end == std::string_view::npos ? v : v.substr(0, end);
}

std::string_view AddressDomain(std::string_view address) {
  bool quoted = false;
  size_t at = std::string_view::npos;
  for (size_t i = 0; i < address.size(); ++i) {
    char c = address[i];
    if (c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == '@' && !quoted) {
      at = i;
    }
  }
  return at == std::string_view::npos ? std::string_view() : address.substr(at + 1);
}

bool JudgeableRecipient(std::string_view address) {
  std::string_view domain = AddressDomain(address);
  if (domain.empty() || domain.size() + 1 >= address.size()) return false;
  bool quoted = false;
  for (size_t i = 0; i + domain.size() + 1 < address.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(address[i]);
    if (c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c <= ' ' || c == 0x7f)) {
      return false;
    }
  }
  if (quoted) return false;
  if (domain.starts_with('[')) {
    if (!domain.ends_with(']') || domain.size() < 3) return false;
    for (char c : domain.substr(1, domain.size() - 2)) {
      if (c <= ' ' || c == '[' || c == ']' || c == '\\') return false;
    }
    return true;
  }
  if (domain.ends_with('.')) domain.remove_suffix(1);
  if (domain.empty() || domain.size() > 253) return false;
  size_t label = 0;
  for (char ch : domain) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    bool ok = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
              (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    if (!ok || ++label > 63) return false;
  }
  return label != 0;
}

bool PipeRelay(std::string_view relay) {
  return !relay.empty() && relay != "none" && relay != "local" && relay != "virtual" &&
         relay.find('[') == std::string_view::npos && relay.find('.') == std::string_view::npos;
}

bool InternalRelay(std::string_view relay) {
  size_t open = relay.find('[');
  size_t close = relay.find(']', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) return false;
  std::string addr(relay.substr(open + 1, close - open - 1));
  if (addr.starts_with("ipv6:") || addr.starts_with("IPv6:")) addr.erase(0, 5);
  // A scoped address's zone ("fe80::1%eth0", RFC 4007 11): inet_pton(3)
  // takes none, and the zone does not change what the address is
  // (issue-16 tester round 34, item 8).
  if (size_t zone = addr.find('%'); zone != std::string::npos) addr.erase(zone);
  unsigned char b[16];
  if (inet_pton(AF_INET, addr.c_str(), b) == 1) {
    return b[0] == 127 || b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) ||
           (b[0] == 192 && b[1] == 168) || (b[0] == 100 && (b[1] & 0xc0) == 64) ||
           (b[0] == 169 && b[1] == 254);
  }
  if (inet_pton(AF_INET6, addr.c_str(), b) != 1) return false;
  static constexpr unsigned char kLoopback[16] = {0, 0, 0, 0, 0, 0, 0, 0,
                                                  0, 0, 0, 0, 0, 0, 0, 1};
  if (std::equal(b, b + 16, kLoopback)) return true;
  // An IPv4-mapped address (::ffff:10.0.0.20) is the IPv4 one.
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(b, b + 12, kMapped)) {
    std::string v4 = "[";
    v4.append(std::to_string(b[12]));
    for (int i = 13; i < 16; ++i) v4.append(".").append(std::to_string(b[i]));
    return InternalRelay(v4.append("]"));
  }
  // fc00::/7 unique local (RFC 4193), fe80::/10 link-local (RFC 4291), and
  // fec0::/10 site-local (deprecated by RFC 3879, never routed).
  return (b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0x80) == 0x80);
}

bool LoopbackRelay(std::string_view relay) {
  size_t open = relay.find('[');
  if (open == std::string_view::npos) return false;
  std::string_view addr = relay.substr(open + 1);
  return addr.starts_with("127.") || addr.starts_with("::1]") || addr.starts_with("ipv6:::1]") ||
         addr.starts_with("IPv6:::1]") || SocketRelay(relay);
}

bool SocketRelay(std::string_view relay) {
  size_t open = relay.find('[');
  if (open == std::string_view::npos) return false;
  size_t close = relay.find(']', open);
  return close != std::string_view::npos &&
         relay.substr(open + 1, close - open - 1).find('/') != std::string_view::npos;
}

}  // namespace nearmiss::maillog
