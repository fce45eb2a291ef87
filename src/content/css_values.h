// A CSS declaration's value as a browser computes the part that decides
// capitals (css_caps.h): escapes decoded (CSS Syntax 3, 4.3.7 "consume an
// escaped code point") and var() references to custom properties replaced
// (CSS Custom Properties for Cascading Variables 1, 3 "Using cascading
// variables"), so that `text-transform: \75ppercase` and `--t: uppercase;
// text-transform: var(--t)` read as `uppercase` (issue 13, round 37 item
// 5).
//
// Not a cascade of custom properties: a property is looked up in the
// declaration block that uses it, then among every definition the page's
// style sheets hold, whichever element they select; a name defined
// several times resolves to a value that shows capitals if any definition
// does, as css_caps.h reads undecidable selectors towards capitals.
//
// Thread safety: a CustomProperties is built by one thread and then only
// read.
#ifndef NEARMISS_CONTENT_CSS_VALUES_H_
#define NEARMISS_CONTENT_CSS_VALUES_H_

#include <map>
#include <string>
#include <string_view>

namespace nearmiss::content {

// `s` with each CSS escape replaced by its code point in UTF-8: a
// backslash and 1 to 6 hex digits (one white space after them is part of
// the escape), or a backslash and any other character but a newline, which
// stands for itself. Zero, a surrogate or a value past U+10FFFF is U+FFFD,
// as is a backslash at the end.
std::string UnescapeCss(std::string_view s);

// CSS white space (CSS Syntax 3, 4.2: space, tab, newline, carriage return,
// form feed), and `v` without it at either end.
inline bool IsCssSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
inline std::string_view TrimCss(std::string_view v) {
  while (!v.empty() && IsCssSpace(v.front())) v.remove_prefix(1);
  while (!v.empty() && IsCssSpace(v.back())) v.remove_suffix(1);
  return v;
}

// Whether a (lower-case) value is one that shows capitals: "uppercase",
// "small-caps" and the other "-caps" values, "unicase".
bool ShowsCapitals(std::string_view value);

// Whether one declaration (property and value lower-cased, as
// ForEachDeclaration gives them) hides the element's text from a reader:
// "display: none", "visibility: hidden" or "collapse", a "font-size" of
// zero ("0", "0px", "0pt", "0em", "0%"; the "font: 0/0 a" shorthand). Used for a style attribute and for
// a style sheet's rules alike (html_text.cc, css_caps.h).
bool DeclarationHides(std::string_view property, std::string_view value);

class CustomProperties {
 public:
  // Adds the custom properties ("--name: value") of a declaration block,
  // names and values lower-cased and unescaped (the caller's case rules:
  // css_caps.cc reads values without case).
  void Collect(std::string_view block);

  bool empty() const { return values_.empty(); }

  // `value` with its var() references replaced: by the property's value
  // here or in `outer` (may be null), else by the reference's fallback,
  // else by nothing; nested references followed kMaxVarDepth deep, the
  // result bounded to kMaxVarBytes (a value that grows past them, as
  // self-referencing or "billion laughs" properties do, is empty).
  std::string Resolve(std::string_view value, const CustomProperties* outer) const;

  static constexpr int kMaxVarDepth = 8;
  static constexpr std::size_t kMaxVarBytes = 1024;

 private:
  const std::string* Find(std::string_view name) const;
  bool Substitute(std::string_view value, const CustomProperties* outer, int depth,
                  std::string* out) const;

  std::map<std::string, std::string, std::less<>> values_;
};

// Splits a declaration block at its ';' (not escaped), and each
// declaration at its first ':' (not escaped), calling `fn(property,
// value)` with both trimmed, unescaped and lower-cased.
template <typename Fn>
void ForEachDeclaration(std::string_view block, Fn fn);

// Used by ForEachDeclaration.
std::string_view NextDeclaration(std::string_view block, std::size_t* at);
bool SplitDeclaration(std::string_view decl, std::string* property, std::string* value);

template <typename Fn>
void ForEachDeclaration(std::string_view block, Fn fn) {
  std::string property, value;
  for (std::size_t at = 0; at <= block.size();) {
    std::string_view decl = NextDeclaration(block, &at);
    if (SplitDeclaration(decl, &property, &value)) fn(property, value);
  }
}

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CSS_VALUES_H_
