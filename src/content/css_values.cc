// CSS escapes and var() references: see css_values.h.
#include "content/css_values.h"

#include <cstdint>

namespace nearmiss::content {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void LowerInPlace(std::string* s) {
  for (char& c : *s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// The offset of the first `c` in `s` from `from` that no backslash
// escapes, or npos.
std::size_t FindUnescaped(std::string_view s, char c, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;  // the escaped character is not a delimiter
    } else if (s[i] == c) {
      return i;
    }
  }
  return std::string_view::npos;
}

constexpr std::uint32_t kReplacement = 0xFFFD;

}  // namespace

std::string UnescapeCss(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '\\') {
      out.push_back(s[i++]);
      continue;
    }
    ++i;
    if (i == s.size()) {
      AppendUtf8(kReplacement, &out);
      break;
    }
    if (HexValue(s[i]) < 0) {
      if (s[i] != '\n') out.push_back(s[i]);  // "\;" is ';', "\<newline>" nothing
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    for (int n = 0; n < 6 && i < s.size() && HexValue(s[i]) >= 0; ++n, ++i) {
      cp = cp * 16 + static_cast<std::uint32_t>(HexValue(s[i]));
    }
    if (i < s.size() && IsCssSpace(s[i])) {
      // One white space ends the escape; "\r\n" counts as one.
      i += s.substr(i, 2) == "\r\n" ? 2 : 1;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
    AppendUtf8(cp, &out);
  }
  return out;
}

bool ShowsCapitals(std::string_view value) {
  return value.find("uppercase") != std::string_view::npos ||
         value.find("-caps") != std::string_view::npos ||
         value.find("unicase") != std::string_view::npos;
}

std::string_view NextDeclaration(std::string_view block, std::size_t* at) {
  std::size_t stop = FindUnescaped(block, ';', *at);
  if (stop == std::string_view::npos) stop = block.size();
  std::string_view decl = block.substr(*at, stop - *at);
  *at = stop + 1;
  return decl;
}

bool SplitDeclaration(std::string_view decl, std::string* property, std::string* value) {
  std::size_t colon = FindUnescaped(decl, ':', 0);
  if (colon == std::string_view::npos) return false;
  *property = UnescapeCss(TrimCss(decl.substr(0, colon)));
  *value = UnescapeCss(TrimCss(decl.substr(colon + 1)));
  LowerInPlace(property);
  LowerInPlace(value);
  *property = std::string(TrimCss(*property));
  *value = std::string(TrimCss(*value));
  return true;
}

void CustomProperties::Collect(std::string_view block) {
  ForEachDeclaration(block, [&](const std::string& property, const std::string& value) {
    if (!property.starts_with("--")) return;
    auto it = values_.find(property);
    if (it == values_.end()) {
      values_.emplace(property, value);
    } else if (ShowsCapitals(value) || !ShowsCapitals(it->second)) {
      it->second = value;  // later wins, but not over capitals
    }
  });
}

const std::string* CustomProperties::Find(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

bool CustomProperties::Substitute(std::string_view value, const CustomProperties* outer,
                                  int depth, std::string* out) const {
  if (depth > kMaxVarDepth) return false;
  for (std::size_t i = 0; i < value.size();) {
    std::size_t var = value.find("var(", i);
    if (var == std::string_view::npos) {
      out->append(value.substr(i));
      break;
    }
    out->append(value.substr(i, var - i));
    // The reference runs to its matching ')'.
    std::size_t open = var + 4, close = open;
    for (int nest = 1; close < value.size(); ++close) {
      if (value[close] == '(') ++nest;
      if (value[close] == ')' && --nest == 0) break;
    }
    std::string_view inside = value.substr(open, close - open);
    std::size_t comma = inside.find(',');
    std::string_view name = TrimCss(inside.substr(0, comma));
    const std::string* found = Find(name);
    if (found == nullptr && outer != nullptr) found = outer->Find(name);
    std::string_view replacement;
    if (found != nullptr) {
      replacement = *found;
    } else if (comma != std::string_view::npos) {
      replacement = TrimCss(inside.substr(comma + 1));
    }
    if (!Substitute(replacement, outer, depth + 1, out)) return false;
    if (out->size() > kMaxVarBytes) return false;
    i = close + 1;
  }
  return out->size() <= kMaxVarBytes;
}

std::string CustomProperties::Resolve(std::string_view value,
                                      const CustomProperties* outer) const {
  if (value.find("var(") == std::string_view::npos) return std::string(value);
  std::string out;
  if (!Substitute(value, outer, 0, &out)) return {};
  return out;
}

bool DeclarationHides(std::string_view property, std::string_view value) {
  if (property == "display") return value.starts_with("none");
  if (property == "visibility") {
    return value.starts_with("hidden") || value.starts_with("collapse");
  }
  // "font: 0/0 a", the image-replacement trick, sets the size to zero too.
  if (property == "font") return value.starts_with("0/") || value.starts_with("0 ");
  if (property != "font-size") return false;
  std::size_t i = 0;
  while (i < value.size() && (value[i] == '0' || value[i] == '.')) ++i;
  // "0", "0px", "0.0em", "0 !important": no digit but zeros before the unit.
  return i > 0 && (i == value.size() || !(value[i] >= '1' && value[i] <= '9'));
}

}  // namespace nearmiss::content
