// StyleSheetCaps's rules of what a sheet shows besides capitals: bidi
// overrides (CSS Writing Modes 3, 2.4 "unicode-bidi": bidi-override and
// isolate-override with "direction") and the strings of ::before/::after
// content (CSS 2.1, 12.2 "The 'content' property"). Round 54's tester 13,
// finding 5: "<style>.x{direction:rtl;unicode-bidi:bidi-override}</style>
// <p class="x">NROFON//TERCES</p>" is seen as SECRET//NOFORN and
// "p.a::before{content:"SECRET//NOFORN"}" shows the banner; inline styles
// were read, sheets were not.
//
// Left out (docs: README, "HTML"): counter(), attr(), url() and quotes in
// content (no words of the sender's), the cascade's inheritance of
// direction from an ancestor a sheet selects (the element's own rules and
// dir attribute decide), and content on elements other than ::before and
// ::after.
#include <libxml/tree.h>

#include <string>

#include "content/css_caps.h"
#include "content/css_values.h"

namespace nearmiss::content {
namespace {

// The quoted strings of a `content` value, joined: "\"SECRET\" \"//NOFORN\""
// is SECRET//NOFORN. Escapes in them decoded (CSS Syntax 3, 4.3.5
// "consume a string token"); an unclosed string ends at the value's end.
std::string ContentStrings(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char quote = value[i];
    if (quote != '"' && quote != '\'') continue;
    std::size_t j = i + 1;
    while (j < value.size() && value[j] != quote) j += value[j] == '\\' ? 2 : 1;
    out += UnescapeCss(value.substr(i + 1, std::min(j, value.size()) - i - 1));
    i = j;
  }
  return out;
}

std::string Lowered(std::string_view v) {
  std::string out(TrimCss(v));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

void StyleSheetCaps::ReadShown(std::string_view declarations, Rule* rule) {
  // Not ForEachDeclaration: it lower-cases values, and content's strings
  // keep the case they are shown in.
  for (std::size_t at = 0; at <= declarations.size();) {
    std::string_view decl = NextDeclaration(declarations, &at);
    const std::size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string property = Lowered(UnescapeCss(decl.substr(0, colon)));
    std::string_view value = TrimCss(decl.substr(colon + 1));
    if (const std::size_t bang = value.rfind("!important"); bang != std::string_view::npos) {
      value = TrimCss(value.substr(0, bang));
    }
    if (property == "unicode-bidi") {
      rule->unicode_bidi = Lowered(UnescapeCss(value));
    } else if (property == "direction") {
      rule->direction = Lowered(UnescapeCss(value));
    } else if (property == "content") {
      rule->content = ContentStrings(value);
    }
  }
}

std::string StyleSheetCaps::Override(const xmlNode* element, std::string* direction) const {
  // Each property by its own cascade: the rule of highest weight that sets
  // it, the later of equals.
  std::string unicode_bidi;
  long bidi_best = -1, direction_best = -1;
  direction->clear();
  BeginMatch();
  for (const Rule& rule : rules_) {
    if (!rule.shows || rule.pseudo != 0) continue;
    const bool bidi_wins = !rule.unicode_bidi.empty() && rule.weight >= bidi_best;
    const bool direction_wins = !rule.direction.empty() && rule.weight >= direction_best;
    if (!bidi_wins && !direction_wins) continue;
    if (!Matches(rule, rule.compounds.size() - 1, element)) continue;
    if (bidi_wins) {
      bidi_best = rule.weight;
      unicode_bidi = rule.unicode_bidi;
    }
    if (direction_wins) {
      direction_best = rule.weight;
      *direction = rule.direction;
    }
  }
  return unicode_bidi;
}

std::string StyleSheetCaps::Generated(const xmlNode* element, bool before) const {
  std::string content;
  long best = -1;
  BeginMatch();
  for (const Rule& rule : rules_) {
    if (!rule.shows || rule.pseudo != (before ? 'b' : 'a') || rule.weight < best) continue;
    if (!Matches(rule, rule.compounds.size() - 1, element)) continue;
    best = rule.weight;
    content = rule.content;
  }
  return content;
}

}  // namespace nearmiss::content
