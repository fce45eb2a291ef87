// HTML5 named character references that libxml2's HTML parser does not
// know. Debian's libxml2 2.9 parses HTML 4.01, whose 253 named references
// (HTML 4.01 section 24) lack the ones the HTML Living Standard added for
// ASCII punctuation and for dashes and spaces ("&sol;", "&colon;",
// "&lsqb;", "&hyphen;", "&ThinSpace;"); it leaves them as their literal
// text, so "SECRET&sol;&sol;NOFORN" in an HTML body read as
// "SECRET&sol;&sol;NOFORN", no marking (issue 13, breaker round 8 item 13).
// Numeric references ("&#47;", "&#x2F;") and HTML 4 names ("&frasl;") the
// parser already decodes.
#ifndef NEARMISS_CONTENT_HTML_ENTITIES_H_
#define NEARMISS_CONTENT_HTML_ENTITIES_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// `html` with each such reference ("&sol;": the name and its ';', case as
// the standard spells it) rewritten as the numeric reference of its code
// point ("&#47;"), which the parser decodes; everything else as it was
// ("&amp;sol;" stays "&amp;sol;", text "&sol;"). Returns false, leaving
// `out` untouched, when `html` holds none (the common case: no copy).
// Source of the names and code points: HTML Living Standard, 13.5 "Named
// character references" (the entities.json table), its single-character
// names for ASCII punctuation and white space and for Unicode dashes,
// spaces and the set-minus backslash, less the HTML 4.01 ones.
bool RewriteHtml5Entities(std::string_view html, std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_HTML_ENTITIES_H_
