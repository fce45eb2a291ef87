// Structured data files as field pages (field_values.h).
#include "content/field_values.h"

#include <cstring>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <vector>

#include "content/csv_text.h"
#include "content/file_suffix.h"
#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// Writes the pages and names them.
class FieldPages {
 public:
  FieldPages(std::string* out, PagePlaces* places) : out_(out), places_(places) {}

  // `value` as a page of its own, named `name`. Values with no letter
  // (numbers, ids, dates) carry no marking and are left out.
  void Add(std::string_view name, std::string_view value, bool clearance = false) {
    if (!HasLetter(value)) return;
    if (!out_->empty()) out_->push_back('\f');
    if (named_ < kNamedFields) {
      places_->Start(*out_, std::string(name));
    } else if (named_ == kNamedFields) {
      places_->Start(*out_, "");  // later pages keep no earlier field's name
    }
    ++named_;
    // A value naming a person's clearance says so, as a CSV's clearance
    // column does (csv_text.h): "SECRET" there is no marking of the file.
    if (clearance) out_->append("Clearance: ");
    out_->append(value);
  }

 private:
  static bool HasLetter(std::string_view s) {
    for (char c : s) {
      if (IsAlpha(c) || static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
  }

  std::string* out_;
  PagePlaces* places_;
  std::size_t named_ = 0;
};

// RFC 6901 3: "~" and "/" in a member name escaped.
void AppendPointerToken(std::string_view token, std::string* pointer) {
  pointer->push_back('/');
  for (char c : token) {
    if (c == '~') {
      pointer->append("~0");
    } else if (c == '/') {
      pointer->append("~1");
    } else {
      pointer->push_back(c);
    }
  }
}

// nlohmann::json's SAX events: each string value a page named by its
// JSON Pointer. The parser's own state is a stack, not recursion, so a
// deeply nested document costs memory, not the thread's stack.
class JsonFields : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit JsonFields(FieldPages* pages) : pages_(pages) {}

  bool null() override { return Scalar(); }
  bool boolean(bool) override { return Scalar(); }
  bool number_integer(number_integer_t) override { return Scalar(); }
  bool number_unsigned(number_unsigned_t) override { return Scalar(); }
  bool number_float(number_float_t, const string_t&) override { return Scalar(); }
  bool binary(binary_t&) override { return Scalar(); }
  bool string(string_t& value) override {
    std::string pointer = Pointer();
    pages_->Add("field \"" + pointer + "\"", value,
                !levels_.empty() && !levels_.back().array &&
                    IsClearanceHeading(levels_.back().key));
    return Scalar();
  }
  bool start_object(std::size_t) override { return Open(false); }
  bool start_array(std::size_t) override { return Open(true); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    if (!levels_.empty()) levels_.back().key = name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  struct Level {
    bool array = false;
    std::size_t index = 0;  // of the next element of an array
    std::string key;        // of the member being read in an object
  };

  std::string Pointer() const {
    std::string pointer;
    for (const Level& l : levels_) {
      AppendPointerToken(l.array ? std::to_string(l.index) : l.key, &pointer);
    }
    return pointer;
  }
  bool Scalar() {
    if (!levels_.empty() && levels_.back().array) ++levels_.back().index;
    return true;
  }
  bool Open(bool array) {
    levels_.push_back({array, 0, {}});
    return true;
  }
  bool Close() {
    if (!levels_.empty()) levels_.pop_back();
    return Scalar();
  }

  FieldPages* pages_;
  std::vector<Level> levels_;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view Unquoted(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    return v.substr(1, v.size() - 2);
  }
  return v;
}

// The key of a "key: value" or "key = value" line: a name of at most 64
// bytes before the first ':' (followed by a blank or the line's end, so a
// URL's "https://" is no key) or '='. Sets *value.
bool SplitKeyValue(std::string_view line, std::string_view* key, std::string_view* value) {
  for (std::size_t i = 0; i < line.size() && i <= 64; ++i) {
    const char c = line[i];
    if (c == '"' || c == '\'' || c == '(' || c == '<') return false;
    const bool colon = c == ':' && (i + 1 == line.size() || IsBlank(line[i + 1]));
    if (!colon && c != '=') continue;
    *key = Trim(line.substr(0, i));
    *value = Unquoted(Trim(line.substr(i + 1)));
    return !key->empty();
  }
  return false;
}

bool HasText(pugi::xml_node node) {
  for (pugi::xml_node child : node.children()) {
    if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
        !Trim(child.value()).empty()) {
      return true;
    }
  }
  return false;
}

// Every attribute of `node` (not a namespace declaration) a page.
void AttributePages(pugi::xml_node node, FieldPages* pages) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (std::strncmp(a.name(), "xmlns", 5) == 0) continue;
    pages->Add(std::string("attribute \"") + a.name() + "\"", a.value());
  }
}

// An element holding text: all its text one page ("<p>The <b>plan</b>
// </p>": "The plan"), its descendants' attributes pages after it.
void TextElementPages(pugi::xml_node element, FieldPages* pages) {
  std::string text;
  std::vector<pugi::xml_node> with_attributes;
  std::vector<pugi::xml_node> stack{element};
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      text.append(n.value());
      continue;
    }
    if (n.type() != pugi::node_element) continue;
    if (n != element && n.first_attribute()) with_attributes.push_back(n);
    // Children in document order: pushed last to first.
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
  pages->Add(std::string("element \"") + element.name() + "\"", Trim(text));
  for (pugi::xml_node n : with_attributes) AttributePages(n, pages);
}

}  // namespace

bool JsonToFields(std::string_view text, std::string* out, PagePlaces* places) {
  std::string_view head = Trim(text);
  if (head.empty() || (head.front() != '{' && head.front() != '[')) return false;
  std::string pages_text;
  PagePlaces pages_places;
  FieldPages pages(&pages_text, &pages_places);
  JsonFields sax(&pages);
  bool parsed = false;
  try {
    parsed = nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
  } catch (const std::exception&) {
    parsed = false;  // read as the text it is
  }
  if (!parsed) return false;
  *out = std::move(pages_text);
  *places = std::move(pages_places);
  return true;
}

bool MayReadAsFields(std::string_view name, std::string_view text) {
  if (IsKeyValueName(name)) return true;
  std::string_view head = Trim(text.substr(0, 256));
  return !head.empty() && (head.front() == '{' || head.front() == '[');
}

bool IsKeyValueName(std::string_view name) {
  return AnySuffix(name, {".yaml", ".yml", ".ini", ".cfg", ".conf", ".properties", ".env",
                          ".toml"});
}

bool KeyValueToFields(std::string_view text, std::string* out, PagePlaces* places) {
  FieldPages pages(out, places);
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty()) continue;
    std::string_view key, value;
    if (line.starts_with("- ")) {
      pages.Add("list item", Unquoted(Trim(line.substr(2))));
    } else if (line.front() != '#' && line.front() != ';' && SplitKeyValue(line, &key, &value)) {
      pages.Add("key \"" + std::string(key) + "\"", value, IsClearanceHeading(key));
    } else {
      pages.Add("", line);
    }
  }
  return true;
}

bool XmlToFields(std::string_view xml, std::string* out, PagePlaces* places) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_cdata,
                       pugi::encoding_utf8)) {
    return false;
  }
  FieldPages pages(out, places);
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = doc.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    AttributePages(n, &pages);
    if (HasText(n)) {
      TextElementPages(n, &pages);
      continue;
    }
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
  return true;
}

}  // namespace nearmiss::content
