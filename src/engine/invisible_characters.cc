#include "engine/invisible_characters.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "address/idna.h"
#include "content/invisible_code_point.h"

namespace nearmiss::engine {
namespace {

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Calls `each(c, start, end)` for every code point of `utf8` (c < 0 for an
// invalid byte sequence).
template <typename F>
void ForEachCodePoint(std::string_view utf8, F each) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(std::min<size_t>(utf8.size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    int32_t c;
    U8_NEXT(p, i, n, c);
    each(c, start, i);
  }
}

}  // namespace

bool IsInvisible(int32_t c) {
  return c >= 0 && content::IsInvisibleCodePoint(static_cast<std::uint32_t>(c));
}

std::string WithoutInvisible(std::string_view utf8) {
  return content::WithoutInvisibleCodePoints(utf8);
}

std::string DescribeInvisible(std::string_view utf8) {
  if (IsAscii(utf8)) return {};
  std::vector<int32_t> seen;
  std::string out;
  ForEachCodePoint(utf8, [&](int32_t c, int32_t, int32_t) {
    if (!IsInvisible(c) || std::find(seen.begin(), seen.end(), c) != seen.end()) return;
    seen.push_back(c);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    if (!out.empty()) out += ", ";
    out += code;
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length =
        u_charName(c, U_UNICODE_CHAR_NAME, name, static_cast<int32_t>(sizeof name), &status);
    if (U_SUCCESS(status) && length > 0 && length < static_cast<int32_t>(sizeof name)) {
      out += ' ';
      out.append(name, static_cast<size_t>(length));
    }
  });
  return out;
}

std::string MarkInvisible(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  std::string out;
  ForEachCodePoint(utf8, [&](int32_t c, int32_t start, int32_t end) {
    if (!IsInvisible(c)) {
      out.append(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
      return;
    }
    char code[16];
    std::snprintf(code, sizeof code, "<U+%04X>", static_cast<unsigned>(c));
    out += code;
  });
  return out;
}

TypedAddress TypedAddressOf(std::string_view input) {
  while (!input.empty() && (input.back() == ' ' || input.back() == '\t')) input.remove_suffix(1);
  // The name-addr form (RFC 5322 section 3.4): the address is in the angle
  // brackets, the display name outside them is no part of it.
  if (input.ends_with('>')) {
    if (size_t lt = input.rfind('<'); lt != std::string_view::npos) {
      input = input.substr(lt + 1, input.size() - lt - 2);
    }
  }
  const size_t at = input.rfind('@');
  if (at == std::string_view::npos) return {input, {}};
  std::string_view domain = input.substr(at + 1);
  // The obsolete comment form `jon@x.org (John Smith)` (RFC 5322 section
  // 4.4): the comment is a display name, not the domain.
  if (size_t paren = domain.find('('); paren != std::string_view::npos) {
    domain = domain.substr(0, paren);
  }
  return {input.substr(0, at), domain};
}

void AddInvisibleReason(std::string_view input, RecipientCheck& c, ReasonSink& reasons) {
  const TypedAddress typed = TypedAddressOf(input);
  if (IsAscii(typed.local) && IsAscii(typed.domain)) return;
  const std::string in_local = DescribeInvisible(typed.local);
  const std::string in_domain = DescribeInvisible(typed.domain);
  if (in_local.empty() && in_domain.empty()) return;
  Reason& r = reasons.Add(ReasonCode::kInvisibleCharacter);
  r.subject = MarkInvisible(typed.local);
  r.subject.append("@").append(MarkInvisible(typed.domain));
  if (!in_local.empty()) r.detail.append(in_local).append(" in the local part");
  if (!in_domain.empty()) {
    if (!r.detail.empty()) r.detail.append("; ");
    r.detail.append(in_domain).append(" in the domain");
  }
  // The domain is already as it reads (UTS #46 drops them); the local
  // part is cut at the address's own '@', the domain's (A-label) kept.
  const size_t at = c.address.rfind('@');
  if (at == std::string::npos) return;
  std::string visible = WithoutInvisible(std::string_view(c.address).substr(0, at));
  if (visible.empty()) visible = c.address.substr(0, at);
  visible.append(c.address, at, std::string::npos);
  r.object = address::ShownAddress(visible);
  if (c.suggestion.empty() && visible != c.address) c.suggestion = std::move(visible);
}

std::string WithVisibleDomain(std::string_view input) {
  const TypedAddress typed = TypedAddressOf(input);
  const std::string visible = WithoutInvisible(typed.domain);
  if (visible.empty() || typed.domain.data() < input.data()) return {};
  const size_t start = static_cast<size_t>(typed.domain.data() - input.data());
  std::string out(input.substr(0, start));
  out += visible;
  out += input.substr(start + typed.domain.size());
  return out;
}

}  // namespace nearmiss::engine
