// DecodesToItself and BareAddrSpec (plain_header.h).
#include "content/plain_header.h"

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

// RFC 5322 3.2.3 atext.
bool IsAtext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool IsLdh(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// Runs of `ok` characters joined by single dots, none empty.
template <typename Pred>
bool DotJoined(std::string_view s, Pred ok) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  char previous = '.';
  for (char c : s) {
    if (c == '.') {
      if (previous == '.') return false;
    } else if (!ok(c)) {
      return false;
    }
    previous = c;
  }
  return true;
}

}  // namespace

bool DecodesToItself(std::string_view unfolded) {
  for (char c : unfolded) {
    if ((c < 0x20 || c > 0x7e) && c != '\t') return false;
  }
  return unfolded.find("=?") == std::string_view::npos;
}

std::optional<std::string> BareAddrSpec(std::string_view raw) {
  constexpr std::string_view kAround = " \t\r\n";
  const std::size_t first = raw.find_first_not_of(kAround);
  if (first == std::string_view::npos) return std::nullopt;
  const std::string_view addr = raw.substr(first, raw.find_last_not_of(kAround) - first + 1);
  const std::size_t at = addr.find('@');
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view local = addr.substr(0, at);
  const std::string_view domain = addr.substr(at + 1);
  if (!DotJoined(local, IsAtext) || !DotJoined(domain, IsLdh)) return std::nullopt;
  // "xn--" anywhere: AddressToString leaves it to GMime's idn2.
  for (std::size_t i = 0; i + 4 <= addr.size(); ++i) {
    if (StartsWithNoCase(addr.substr(i), "xn--")) return std::nullopt;
  }
  return std::string(addr);
}

}  // namespace nearmiss::content
