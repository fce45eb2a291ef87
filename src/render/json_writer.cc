#include "render/json_writer.h"

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

namespace nearmiss::render {
namespace {

bool IsAscii(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

// The escapes nlohmann writes with ensure_ascii off: the short forms, then
// \u00xx (lower-case hex) for the other controls; DEL and above verbatim.
void AppendEscapedAscii(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

}  // namespace

void JsonWriter::Separate() {
  if (need_comma_) out_->push_back(',');
  need_comma_ = true;
}

JsonWriter& JsonWriter::Open(char c) {
  Separate();
  out_->push_back(c);
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::Close(char c) {
  out_->push_back(c);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  String(key);
  out_->push_back(':');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Separate();
  // Most strings (keys, addresses, verdicts, sentences) need no escape: one
  // look at each byte, then a single copy.
  static constexpr auto kLook = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = true;
    for (int c = 0x80; c < 0x100; ++c) t[c] = true;
    t['"'] = t['\\'] = true;
    return t;
  }();
  std::size_t plain = 0;
  while (plain < s.size() && !kLook[static_cast<unsigned char>(s[plain])]) ++plain;
  if (plain == s.size()) {
    out_->push_back('"');
    out_->append(s);
    out_->push_back('"');
    return *this;
  }
  if (IsAscii(s.substr(plain))) {
    AppendEscapedAscii(s, out_);
  } else {
    // UTF-8 validation and its replacement rules are nlohmann's own: rarer
    // than plain ASCII, and not worth a second implementation to keep equal.
    out_->append(nlohmann::json(s).dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return *this;
}

JsonWriter& JsonWriter::StringOrNull(std::string_view s) {
  return s.empty() ? Null() : String(s);
}

JsonWriter& JsonWriter::Bool(bool b) {
  Separate();
  out_->append(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_->append("null");
  return *this;
}

JsonWriter& JsonWriter::Uint(std::uint64_t n) {
  Separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out_->append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::Double(double d) {
  Separate();
  // nlohmann's float format (Grisu2, ".0" on whole numbers, its exponent
  // rules) is kept by letting it print the number.
  out_->append(nlohmann::json(d).dump());
  return *this;
}

JsonWriter& JsonWriter::StringArray(const std::vector<std::string>& items) {
  BeginArray();
  for (const std::string& s : items) String(s);
  return EndArray();
}

nlohmann::ordered_json ParseWritten(std::string_view text) {
  return nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace nearmiss::render
