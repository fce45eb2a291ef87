// FindPgpArmour (pgp_armour.h).
#include "content/pgp_armour.h"

namespace nearmiss::content {
namespace {

// `line` less its line end and any reply quote prefix ("> ", ">> ", "> > ").
std::string_view Unquoted(std::string_view line, bool* quoted) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  std::size_t i = 0;
  while (i < line.size() && (line[i] == '>' || line[i] == ' ' || line[i] == '\t')) {
    if (line[i] == '>') *quoted = true;
    ++i;
  }
  return line.substr(i);
}

bool IsRadix64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

// A line of radix-64 data: four characters or more of it, and nothing
// after but an ellipsis where a quote or a note cut it ("hQEMA...").
bool IsDataLine(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && IsRadix64Char(line[i])) ++i;
  if (i < 4) return false;
  std::string_view rest = line.substr(i);
  while (rest.starts_with(".")) rest.remove_prefix(1);
  while (rest.starts_with("\u2026")) rest.remove_prefix(std::string_view("\u2026").size());
  return rest.empty();
}

// An armour header "Key: value" (RFC 4880 6.2).
bool IsArmourHeader(std::string_view line) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (char c : line.substr(0, colon)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  return true;
}

}  // namespace

PgpArmour FindPgpArmour(std::string_view text) {
  constexpr std::string_view kBegin = "-----BEGIN PGP MESSAGE-----";
  constexpr std::string_view kEnd = "-----END PGP MESSAGE-----";
  PgpArmour out;
  enum class State { kOutside, kHeaders, kData } state = State::kOutside;
  bool quoted = false, data = false;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    bool line_quoted = false;
    const std::string_view line = Unquoted(text.substr(at, nl - at), &line_quoted);
    at = nl + 1;
    if (line == kBegin) {
      ++out.blocks;
      state = State::kHeaders;
      quoted = line_quoted;
      data = false;
      continue;
    }
    if (state == State::kOutside) continue;
    if (line == kEnd) {
      if (data) {
        out.ciphertext = true;
        if (quoted) out.quoted_ciphertext = true;
      }
      state = State::kOutside;
      continue;
    }
    if (state == State::kHeaders && IsArmourHeader(line)) continue;
    if (line.empty()) {
      state = State::kData;  // the blank line after the headers
      continue;
    }
    state = State::kData;
    if (IsDataLine(line)) data = true;
  }
  // A block cut before its END line (a quote trimmed by the replier) holds
  // what it has.
  if (state != State::kOutside && data) {
    out.ciphertext = true;
    if (quoted) out.quoted_ciphertext = true;
  }
  return out;
}

}  // namespace nearmiss::content
