// Whether CSS shows an HTML element's text in capitals: the
// `text-transform` and `font-variant` declarations of its own style
// attribute (DeclarationCaps) and of the rules of the page's <style> sheets
// that select it (StyleSheetCaps). A lower-case "uk secret" in a
// `<p class="banner">` under `.banner { text-transform: uppercase }`
// reaches the reader as "UK SECRET", so it is read in capitals (issue 13:
// inline styles were applied, style sheets were not).
//
// Not a CSS engine: only what decides capitals is read (escapes and var()
// references resolved as css_values.h says), and a selector
// part that cannot be decided from the element and its ancestors at rest
// is taken as matching (structural pseudo-classes, attribute selectors:
// the guard reads capitals where a sheet might show them). Rules that do
// not apply to a message at rest are dropped: states (:hover, :focus,
// :active, ...). A sheet's text is code, never the message's words (round
// 33), except the strings its rules generate as ::before/::after content,
// which a reader sees (Generated; round 54's tester 13, finding 5), and
// its bidi overrides, which reorder what a reader sees (Override).
//
// Thread safety: a StyleSheetCaps is built by one thread and then only
// read.
#ifndef NEARMISS_CONTENT_CSS_CAPS_H_
#define NEARMISS_CONTENT_CSS_CAPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "content/css_values.h"

// libxml2's element node (libxml/tree.h), kept out of this header so that
// its users need not see libxml2's.
struct _xmlNode;

namespace nearmiss::content {

// kInherit: the declarations say nothing of capitals.
enum class Caps { kInherit, kUpper, kNone };

class StyleSheetCaps;

// A declaration block ("color: red; text-transform: uppercase"): the last
// text-transform, font-variant, font-variant-caps or font declaration that
// says capitals ("uppercase", "small-caps", "all-small-caps",
// "petite-caps", "unicase") or their absence ("none", "normal"), as CSS
// lets later declarations win. CSS Text 3 (text-transform), CSS Fonts 3
// (font-variant-caps). Escapes are decoded and var() references replaced
// (css_values.h), by the block's custom properties and then by those of
// `sheets` (may be null).
Caps DeclarationCaps(std::string_view declarations,
                     const StyleSheetCaps* sheets = nullptr);

class StyleSheetCaps {
 public:
  // Adds the rules of one style sheet (a <style> element's text) that
  // decide capitals, in document order after those added before. Rules
  // inside @media, @supports and @layer blocks are read as the sheet's own
  // (a mail client applies the screen's); other at-rules are skipped.
  void Add(std::string_view sheet);

  bool empty() const { return rules_.empty(); }

  // The custom properties ("--t: uppercase") the sheets define, for var()
  // in a style attribute (DeclarationCaps).
  const CustomProperties& custom_properties() const { return custom_; }

  // What the rules selecting `element` say, by the cascade: the rule of
  // highest importance and specificity, the later of equals (CSS Cascade
  // 4, 6.1). kInherit when none selects it.
  Caps For(const _xmlNode* element) const;

  // A rule selecting `element` hides its text (DeclarationHides:
  // "<style>.pre{display:none}</style>" ... "<div class="pre">"), as an
  // inline style does (round 45 note: classes were not read). Not a
  // cascade: a later rule that shows it again is not weighed, so the text
  // is read both ways (html_text.h), never dropped.
  bool Hides(const _xmlNode* element) const;

  // What the rules selecting `element` say of its bidi (css_shown.cc): the
  // winning `unicode-bidi` value, lower case ("bidi-override" in
  // "<style>.r{unicode-bidi:bidi-override;direction:rtl}</style>"), and in
  // `*direction` the winning `direction`; each empty when no rule sets it.
  // Round 54's tester 13, finding 5.
  std::string Override(const _xmlNode* element, std::string* direction) const;

  // The text the winning `content` of the rules selecting `element`'s
  // ::before (before = true) or ::after generates: its quoted strings
  // joined ("p.a::before{content:"SECRET//NOFORN"}"); counter(), attr()
  // and url() draw no words here and are left out (css_shown.cc). Round
  // 54's tester 13, finding 5.
  std::string Generated(const _xmlNode* element, bool before) const;

 private:
  struct Compound {
    std::string tag;  // lower case; empty for any
    std::vector<std::string> classes;
    std::string id;
  };
  struct Rule {
    // Subject last; combinators[i] joins compounds[i] and compounds[i+1]:
    // ' ' descendant, '>' child, '+' next sibling, '~' later sibling.
    std::vector<Compound> compounds;
    std::string combinators;
    long weight = 0;  // importance and specificity
    Caps caps = Caps::kInherit;  // kInherit: a rule that only hides
    bool hides = false;
    // A rule of what it shows (css_shown.cc), apart from the caps and hide
    // rules: its unicode-bidi and direction values (lower case), or, for
    // ::before ('b') or ::after ('a'), the text its content generates.
    bool shows = false;
    char pseudo = 0;
    std::string unicode_bidi, direction, content;
  };

  // Fills the shows-rule's values from its declarations (css_shown.cc).
  static void ReadShown(std::string_view declarations, Rule* rule);

  void AddRule(std::string_view selectors, std::string_view declarations);
  static bool Matches(const Rule& rule, std::size_t k, const _xmlNode* node);
  // Gives the next Matches calls their bound of steps (kMatchSteps).
  static void BeginMatch();
  static bool MatchesCompound(const Compound& c, const _xmlNode* node);

  std::vector<Rule> rules_;  // in the sheet's order
  CustomProperties custom_;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CSS_CAPS_H_
