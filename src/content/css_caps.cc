#include "content/css_caps.h"

#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

#include "content/css_values.h"

namespace nearmiss::content {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view v) {
  std::string out(v);
  for (char& c : out) c = Lower(c);
  return out;
}

bool EqualNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// The declarations' say on capitals, normal and !important apart: an
// important declaration wins over a later normal one (CSS Cascade 4, 6.1).
// Escapes are decoded and var() references replaced first (css_values.h):
// by the block's own custom properties, then by `sheet`'s (may be null).
void ReadDeclarations(std::string_view block, const CustomProperties* sheet, Caps* normal,
                      Caps* important, bool* hides = nullptr) {
  CustomProperties local;
  if (block.find("--") != std::string_view::npos) local.Collect(block);
  ForEachDeclaration(block, [&](const std::string& property, const std::string& raw) {
    std::string resolved = local.Resolve(raw, sheet);
    std::string_view value = resolved;
    if (hides != nullptr && DeclarationHides(property, value)) *hides = true;
    Caps caps = Caps::kInherit;
    if (property == "text-transform") {
      if (value.starts_with("uppercase")) caps = Caps::kUpper;
      else if (value.starts_with("none")) caps = Caps::kNone;
    } else if (property == "font-variant" || property == "font-variant-caps" ||
               property == "font") {
      // small-caps, all-small-caps, petite-caps, all-petite-caps, unicase.
      if (value.find("-caps") != std::string_view::npos ||
          value.find("unicase") != std::string_view::npos) {
        caps = Caps::kUpper;
      } else if (property != "font" && value.starts_with("normal")) {
        caps = Caps::kNone;
      }
    }
    if (caps == Caps::kInherit) return;
    // Later declarations win, as in CSS.
    *(value.find("!important") != std::string_view::npos ? important : normal) = caps;
  });
}

// Comments and the HTML comment tokens a <style> may hold ("<!--", "-->",
// which CSS ignores at the top level) become blanks.
std::string StripComments(std::string_view sheet) {
  std::string out;
  out.reserve(sheet.size());
  for (std::size_t i = 0; i < sheet.size();) {
    if (sheet.substr(i, 2) == "/*") {
      std::size_t end = sheet.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 2;
      out.push_back(' ');
    } else if (sheet.substr(i, 4) == "<!--") {
      i += 4;
      out.push_back(' ');
    } else if (sheet.substr(i, 3) == "-->") {
      i += 3;
      out.push_back(' ');
    } else {
      out.push_back(sheet[i++]);
    }
  }
  return out;
}

// The offset after the block that opens at s[brace], nested blocks in it.
std::size_t SkipBlock(std::string_view s, std::size_t brace) {
  int depth = 0;
  for (std::size_t i = brace; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) return i + 1;
  }
  return s.size();
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

std::string_view ReadIdent(std::string_view s, std::size_t* i) {
  std::size_t from = *i;
  while (*i < s.size() && IsIdentChar(s[*i])) ++*i;
  return s.substr(from, *i - from);
}

// Pseudo-classes of a state the message is not in when read (Selectors 4:
// user action, location, input states): a rule that needs one does not
// apply.
bool IsStatePseudoClass(std::string_view name) {
  static constexpr std::string_view kStates[] = {
      "hover", "focus", "focus-within", "focus-visible", "active", "visited",
      "target", "checked", "disabled", "invalid", "placeholder-shown"};
  for (std::string_view s : kStates) {
    if (name == s) return true;
  }
  return false;
}

// Splits at commas outside brackets and parentheses (":is(a, b)").
std::vector<std::string_view> SplitSelectors(std::string_view list) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t from = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    if (c == ',' && depth == 0) {
      out.push_back(list.substr(from, i - from));
      from = i + 1;
    }
  }
  out.push_back(list.substr(from));
  return out;
}

// Steps one For() may take through a selector's ancestors and siblings; a
// selector that needs more is taken as matching (hostile mail can nest
// deep and write many descendant parts).
constexpr int kMatchSteps = 4096;
// A selector of more parts than this is not read.
constexpr std::size_t kMaxCompounds = 16;

const xmlNode* ParentElement(const xmlNode* node) {
  const xmlNode* p = node->parent;
  return p != nullptr && p->type == XML_ELEMENT_NODE ? p : nullptr;
}

const xmlNode* PreviousElement(const xmlNode* node) {
  for (const xmlNode* p = node->prev; p != nullptr; p = p->prev) {
    if (p->type == XML_ELEMENT_NODE) return p;
  }
  return nullptr;
}

thread_local int match_steps = 0;

// Calls `fn(selectors, declarations)` for each rule of a sheet (comments
// stripped), the rules inside @media, @supports, @layer and @document
// blocks as the sheet's own; other at-rules are skipped.
template <typename Fn>
void ForEachRule(std::string_view s, Fn fn) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Blanks, a stray ';', and the '}' that closes an @media block.
    if (IsCssSpace(s[i]) || s[i] == ';' || s[i] == '}') {
      ++i;
      continue;
    }
    std::size_t brace = s.find('{', i);
    if (s[i] == '@') {
      std::size_t semi = s.find(';', i);
      if (brace == std::string_view::npos || (semi != std::string_view::npos && semi < brace)) {
        i = semi == std::string_view::npos ? s.size() : semi + 1;  // @import, @charset
        continue;
      }
      std::size_t k = i + 1;
      std::string keyword = LowerCopy(ReadIdent(s, &k));
      if (keyword == "media" || keyword == "supports" || keyword == "layer" ||
          keyword == "document" || keyword == "-moz-document") {
        i = brace + 1;  // its rules are read as the sheet's own
      } else {
        i = SkipBlock(s, brace);  // @font-face, @page, @keyframes, ...
      }
      continue;
    }
    if (brace == std::string_view::npos) break;
    std::size_t close = s.find('}', brace + 1);
    if (close == std::string_view::npos) close = s.size();
    fn(s.substr(i, brace - i), s.substr(brace + 1, close - brace - 1));
    i = close + 1;
  }
}

}  // namespace

Caps DeclarationCaps(std::string_view declarations, const StyleSheetCaps* sheets) {
  Caps normal = Caps::kInherit, important = Caps::kInherit;
  ReadDeclarations(declarations, sheets != nullptr ? &sheets->custom_properties() : nullptr,
                   &normal, &important);
  return important != Caps::kInherit ? important : normal;
}

void StyleSheetCaps::Add(std::string_view sheet) {
  std::string css = StripComments(sheet);
  // Custom properties first: a rule may use one a later rule defines.
  ForEachRule(css, [&](std::string_view, std::string_view declarations) {
    if (declarations.find("--") != std::string_view::npos) custom_.Collect(declarations);
  });
  ForEachRule(css, [&](std::string_view selectors, std::string_view declarations) {
    AddRule(selectors, declarations);
  });
}

void StyleSheetCaps::AddRule(std::string_view selectors, std::string_view declarations) {
  Caps normal = Caps::kInherit, important = Caps::kInherit;
  bool hides = false;
  ReadDeclarations(declarations, &custom_, &normal, &important, &hides);
  struct Says {
    Caps caps;
    long weight_base;
    bool hides;
    bool shows;
  };
  Rule shown;
  ReadShown(declarations, &shown);
  const bool shows = !shown.unicode_bidi.empty() || !shown.direction.empty() ||
                     !shown.content.empty();
  for (Says says : {Says{normal, 0L, false, false}, Says{important, 1L << 40, false, false},
                    Says{Caps::kInherit, 0L, hides, false},
                    Says{Caps::kInherit, 0L, false, shows}}) {
    if (says.caps == Caps::kInherit && !says.hides && !says.shows) continue;
    long weight_base = says.weight_base;
    for (std::string_view text : SplitSelectors(selectors)) {
      std::string_view sel = TrimCss(text);
      Rule rule;
      rule.caps = says.caps;
      rule.hides = says.hides;
      if (says.shows) {
        rule.shows = true;
        rule.unicode_bidi = shown.unicode_bidi;
        rule.direction = shown.direction;
        rule.content = shown.content;
      }
      Compound current;
      bool have = false, ok = !sel.empty();
      char pending = 0;
      long ids = 0, classes = 0, tags = 0;
      for (std::size_t i = 0; ok && i < sel.size();) {
        char c = sel[i];
        if (IsCssSpace(c)) {
          if (pending == 0) pending = ' ';
          ++i;
          continue;
        }
        if (c == '>' || c == '+' || c == '~') {
          pending = c;
          ++i;
          continue;
        }
        if (pending != 0) {
          if (!have) {  // a selector may not open with a combinator
            ok = false;
            break;
          }
          rule.compounds.push_back(std::move(current));
          rule.combinators.push_back(pending);
          current = Compound{};
          pending = 0;
        }
        have = true;
        if (c == '*') {
          ++i;
        } else if (IsIdentChar(c)) {
          current.tag = LowerCopy(ReadIdent(sel, &i));
          ++tags;
        } else if (c == '.' || c == '#') {
          ++i;
          std::string_view name = ReadIdent(sel, &i);
          if (name.empty()) ok = false;
          if (c == '.') {
            current.classes.emplace_back(name);
            ++classes;
          } else {
            current.id = std::string(name);
            ++ids;
          }
        } else if (c == '[') {
          // An attribute selector: taken as matching.
          std::size_t end = sel.find(']', i);
          if (end == std::string_view::npos) ok = false;
          i = end + 1;
          ++classes;
        } else if (c == ':') {
          bool element = i + 1 < sel.size() && sel[i + 1] == ':';
          i += element ? 2 : 1;
          std::string name = LowerCopy(ReadIdent(sel, &i));
          if (i < sel.size() && sel[i] == '(') {  // :not(...), :nth-child(...)
            int depth = 0;
            for (; i < sel.size(); ++i) {
              if (sel[i] == '(') ++depth;
              if (sel[i] == ')' && --depth == 0) break;
            }
            ++i;
          }
          if (name == "first-line") {
            ++tags;  // the element's first line: where a banner stands
          } else if (says.shows && (name == "before" || name == "after") &&
                     i == sel.size()) {
            rule.pseudo = name == "before" ? 'b' : 'a';  // its generated content
            ++tags;
          } else if (element || name == "before" || name == "after" ||
                     name == "first-letter" || IsStatePseudoClass(name)) {
            ok = false;  // generated content, one letter, or a state
          } else {
            ++classes;  // structural and other pseudo-classes: taken as matching
          }
        } else {
          ok = false;
        }
      }
      if (!ok || !have || pending != 0) continue;
      // Content is generated only for ::before and ::after; bidi is the
      // element's own.
      if (rule.shows && (rule.pseudo != 0 ? rule.content.empty()
                                          : rule.unicode_bidi.empty() && rule.direction.empty())) {
        continue;
      }
      rule.compounds.push_back(std::move(current));
      if (rule.compounds.size() > kMaxCompounds) continue;
      rule.weight = weight_base + ids * 10000 + classes * 100 + tags;
      rules_.push_back(std::move(rule));
    }
  }
}

bool StyleSheetCaps::MatchesCompound(const Compound& c, const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return false;
  if (!c.tag.empty() &&
      (node->name == nullptr ||
       !EqualNoCase(reinterpret_cast<const char*>(node->name), c.tag))) {
    return false;
  }
  auto attribute = [&](const char* name) {
    std::string value;
    if (xmlChar* raw = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name))) {
      value = reinterpret_cast<const char*>(raw);
      xmlFree(raw);
    }
    return value;
  };
  if (!c.id.empty() && attribute("id") != c.id) return false;
  if (c.classes.empty()) return true;
  // Class names compared without case: mail is mostly rendered in quirks
  // mode, where they are (HTML Living Standard, "quirks mode").
  std::string classes = attribute("class");
  std::string_view list = classes;
  for (const std::string& wanted : c.classes) {
    bool found = false;
    for (std::size_t i = 0; i < list.size() && !found;) {
      while (i < list.size() && IsCssSpace(list[i])) ++i;
      std::size_t j = i;
      while (j < list.size() && !IsCssSpace(list[j])) ++j;
      found = j > i && EqualNoCase(list.substr(i, j - i), wanted);
      i = j;
    }
    if (!found) return false;
  }
  return true;
}

void StyleSheetCaps::BeginMatch() { match_steps = kMatchSteps; }

bool StyleSheetCaps::Matches(const Rule& rule, std::size_t k, const xmlNode* node) {
  if (--match_steps < 0) return true;  // out of steps: taken as matching
  if (!MatchesCompound(rule.compounds[k], node)) return false;
  if (k == 0) return true;
  switch (rule.combinators[k - 1]) {
    case '>':
      return Matches(rule, k - 1, ParentElement(node));
    case '+':
      return Matches(rule, k - 1, PreviousElement(node));
    case '~':
      for (const xmlNode* p = PreviousElement(node); p != nullptr; p = PreviousElement(p)) {
        if (Matches(rule, k - 1, p)) return true;
        if (match_steps < 0) return true;
      }
      return false;
    default:  // descendant
      for (const xmlNode* p = ParentElement(node); p != nullptr; p = ParentElement(p)) {
        if (Matches(rule, k - 1, p)) return true;
        if (match_steps < 0) return true;
      }
      return false;
  }
}

Caps StyleSheetCaps::For(const xmlNode* element) const {
  Caps caps = Caps::kInherit;
  long best = -1;
  match_steps = kMatchSteps;
  for (const Rule& rule : rules_) {
    if (rule.caps == Caps::kInherit) continue;  // a rule that only hides
    // Later rules of equal weight win: >=.
    if (rule.weight >= best && Matches(rule, rule.compounds.size() - 1, element)) {
      best = rule.weight;
      caps = rule.caps;
    }
  }
  return caps;
}

bool StyleSheetCaps::Hides(const xmlNode* element) const {
  match_steps = kMatchSteps;
  for (const Rule& rule : rules_) {
    if (rule.hides && Matches(rule, rule.compounds.size() - 1, element)) return true;
  }
  return false;
}

}  // namespace nearmiss::content
