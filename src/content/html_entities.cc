// HTML5-only named character references as numeric ones (html_entities.h).
#include "content/html_entities.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace nearmiss::content {
namespace {

struct NamedReference {
  std::string_view name;  // without '&' and ';'
  std::uint32_t code_point;
};

// Sorted by name (byte order) for binary search. Generated from the HTML
// Living Standard's entities.json (Python's html.entities.html5): the names
// with ';' whose value is one character of ASCII punctuation or white
// space, a dash (Unicode Pd) or space (Zs), or U+2216, that HTML 4.01 does
// not have.
constexpr std::array<NamedReference, 58> kReferences = {{
    {"AMP", 0x26},
    {"Backslash", 0x2216},
    {"DiacriticalGrave", 0x60},
    {"GT", 0x3E},
    {"Hat", 0x5E},
    {"LT", 0x3C},
    {"MediumSpace", 0x205F},
    {"NewLine", 0xA},
    {"NonBreakingSpace", 0xA0},
    {"QUOT", 0x22},
    {"Tab", 0x9},
    {"ThinSpace", 0x2009},
    {"UnderBar", 0x5F},
    {"VerticalLine", 0x7C},
    {"VeryThinSpace", 0x200A},
    {"apos", 0x27},
    {"ast", 0x2A},
    {"bsol", 0x5C},
    {"colon", 0x3A},
    {"comma", 0x2C},
    {"commat", 0x40},
    {"dash", 0x2010},
    {"dollar", 0x24},
    {"emsp13", 0x2004},
    {"emsp14", 0x2005},
    {"equals", 0x3D},
    {"excl", 0x21},
    {"grave", 0x60},
    {"hairsp", 0x200A},
    {"horbar", 0x2015},
    {"hyphen", 0x2010},
    {"lbrace", 0x7B},
    {"lbrack", 0x5B},
    {"lcub", 0x7B},
    {"lowbar", 0x5F},
    {"lpar", 0x28},
    {"lsqb", 0x5B},
    {"midast", 0x2A},
    {"num", 0x23},
    {"numsp", 0x2007},
    {"percnt", 0x25},
    {"period", 0x2E},
    {"plus", 0x2B},
    {"puncsp", 0x2008},
    {"quest", 0x3F},
    {"rbrace", 0x7D},
    {"rbrack", 0x5D},
    {"rcub", 0x7D},
    {"rpar", 0x29},
    {"rsqb", 0x5D},
    {"semi", 0x3B},
    {"setminus", 0x2216},
    {"setmn", 0x2216},
    {"smallsetminus", 0x2216},
    {"sol", 0x2F},
    {"ssetmn", 0x2216},
    {"verbar", 0x7C},
    {"vert", 0x7C},
}};

// The longest name above, and then some: a longer run is no reference.
constexpr std::size_t kMaxName = 24;

const NamedReference* Find(std::string_view name) {
  auto it = std::lower_bound(
      kReferences.begin(), kReferences.end(), name,
      [](const NamedReference& r, std::string_view n) { return r.name < n; });
  return it != kReferences.end() && it->name == name ? &*it : nullptr;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

}  // namespace

bool RewriteHtml5Entities(std::string_view html, std::string* out) {
  std::string result;
  bool any = false;
  std::size_t copied = 0;
  for (std::size_t amp = html.find('&'); amp != std::string_view::npos;
       amp = html.find('&', amp + 1)) {
    std::size_t end = amp + 1;
    while (end < html.size() && end - amp <= kMaxName && IsNameChar(html[end]))
      ++end;
    if (end >= html.size() || html[end] != ';' || end == amp + 1) continue;
    const NamedReference* r = Find(html.substr(amp + 1, end - amp - 1));
    if (r == nullptr) continue;
    if (!any) result.reserve(html.size() + 16);
    any = true;
    result.append(html, copied, amp - copied);
    result.append("&#");
    result.append(std::to_string(r->code_point));
    result.push_back(';');
    copied = end + 1;
  }
  if (!any) return false;
  result.append(html, copied);
  *out = std::move(result);
  return true;
}

}  // namespace nearmiss::content
