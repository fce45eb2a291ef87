// Structured data files read as their fields: a JSON document (RFC 8259),
// an XML data file's attributes and element texts, and the key-value files
// of YAML, INI, TOML, Java properties and .env. Exports of records from
// case, ticket and intelligence systems carry their marking as a field
// (`{"classification": "SECRET//NOFORN", ...}`, `<doc
// classification="SECRET//NOFORN">`); read as running text, the JSON
// value was "quoted in a sentence" and the attribute was never read
// (round 55's tester 13, finding 1).
//
// Each field's value is written as a page of its own ('\f' before it):
// a marking that is the whole value of a field then stands alone on its
// page's edge line and carries the weight of a banner line (position.h
// IsBannerMarking), wherever the field stands in the file; a value that is
// a text of several lines is read by the body rules as a page is. A CSV's
// records are pages the same way (csv_text.h). Each page is named in
// `places` by its field (`field "/records/0/classification"`, a JSON
// Pointer, RFC 6901; `attribute "classification"`; `key "caveat"`), up to
// kNamedFields.
//
// Thread safety: free functions over their arguments.
#ifndef NEARMISS_CONTENT_FIELD_VALUES_H_
#define NEARMISS_CONTENT_FIELD_VALUES_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "content/extract.h"

namespace nearmiss::content {

// Fields named in PagePlaces; later ones are read all the same, unnamed,
// so a file of a million records costs no million names.
inline constexpr std::size_t kNamedFields = 10000;

// `text` parses as one JSON value (its first non-blank byte '{' or '[';
// parsed by nlohmann::json's SAX reader, nothing built but the text):
// each string value a page in `*out`, under a key naming people's
// clearances (csv_text.h IsClearanceHeading) written "Clearance: <value>"
// as a CSV's clearance column is. False, `*out` untouched, when it does
// not parse: it is then read as the text it is.
bool JsonToFields(std::string_view text, std::string* out, PagePlaces* places);

// Whether ExtractText may read `text`, named `name`, as fields: a
// key-value file's name, or a first non-blank byte that may open JSON.
bool MayReadAsFields(std::string_view name, std::string_view text);

// A key-value file by its name (".yaml", ".yml", ".ini", ".cfg", ".conf",
// ".properties", ".env", ".toml", any case).
bool IsKeyValueName(std::string_view name);

// A key-value file's lines: "key: value", "key = value", "key=value" and
// YAML's "- value" give the value (its quotes taken off) a page of its own;
// other lines (comments, "[section]" heads, the lines of a block scalar)
// are each a page as they stand. Always true.
bool KeyValueToFields(std::string_view text, std::string* out, PagePlaces* places);

// An XML data file (a vocabulary no reader here knows): every attribute
// value and each element's text a page (an element holding text and
// inline elements, "<p>The <b>plan</b></p>", one page of all its text).
// False when it does not parse (pugixml), `*out` untouched.
bool XmlToFields(std::string_view xml, std::string* out, PagePlaces* places);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_FIELD_VALUES_H_
