// mailto: URIs (mailto.h): the scheme, and the recipients a URI names.
#include "address/mailto.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "address/rfc5322.h"  // kNpos
#include "address/text.h"

namespace nearmiss::address {

std::string_view StripMailto(std::string_view s) {
  constexpr std::string_view kMailto = "mailto:";
  if (s.size() < kMailto.size()) return s;
  for (std::size_t i = 0; i < kMailto.size(); ++i) {
    if ((s[i] | 0x20) != kMailto[i]) return s;
  }
  s.remove_prefix(kMailto.size());
  // In a URI the query ("?subject=…") follows; a real '?' in the local part
  // would have been percent-encoded.
  return s.substr(0, s.find('?'));
}

bool IsMailtoScheme(std::string_view s) {
  constexpr std::string_view kMailto = "mailto";
  if (s.size() != kMailto.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] | 0x20) != kMailto[i]) return false;
  }
  return true;
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
  return -1;
}

// RFC 3986 percent-decoding; a '%' not followed by two hex digits stays.
std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// RFC 6068 "to" is a comma-separated list of addr-specs.
void AppendCommaList(std::string_view s, std::vector<std::string>* out) {
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = s.find(',', start);
    const std::string_view piece =
        TrimSpace(s.substr(start, comma == kNpos ? kNpos : comma - start));
    if (!piece.empty()) out->emplace_back(piece);
    if (comma == kNpos) break;
    start = comma + 1;
  }
}

}  // namespace

std::vector<std::string> MailtoRecipients(std::string_view s) {
  s = TrimSpace(s);
  const std::size_t colon = s.find(':');
  if (colon == kNpos || !IsMailtoScheme(s.substr(0, colon))) return {};
  std::string_view rest = s.substr(colon + 1);
  const std::size_t query = rest.find('?');
  std::vector<std::string> out;
  AppendCommaList(PercentDecode(rest.substr(0, query)), &out);
  if (query == kNpos) return out;
  std::string_view fields = rest.substr(query + 1);
  while (!fields.empty()) {
    const std::size_t amp = fields.find('&');
    const std::string_view field = fields.substr(0, amp);
    fields = amp == kNpos ? std::string_view() : fields.substr(amp + 1);
    const std::size_t eq = field.find('=');
    if (eq == kNpos) continue;
    const std::string name = AsciiLower(PercentDecode(field.substr(0, eq)));
    if (name == "to" || name == "cc" || name == "bcc") {
      AppendCommaList(PercentDecode(field.substr(eq + 1)), &out);
    }
  }
  return out;
}

}  // namespace nearmiss::address
