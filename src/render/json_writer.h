// JsonWriter: appends compact JSON text to a string, for the JSON Lines the
// CLI prints once per message or address.
//
// Why not build an nlohmann::ordered_json and dump it: on `nearmiss scan`
// that tree (an ordered map per object, a heap string per key) cost more than
// reading the message. The text written here is byte for byte what
// `ordered_json::dump(-1, ' ', false, error_handler_t::replace)` prints for
// the same values in the same order; json_writer_test.cc holds it to that.
//
// The caller keeps the shape well formed (Key before each member value,
// matched Begin/End); the writer only places commas and colons.
// Thread safety: none; one writer per output string.
#ifndef NEARMISS_RENDER_JSON_WRITER_H_
#define NEARMISS_RENDER_JSON_WRITER_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::render {

// A key written in the source ("event"), checked when compiled: it needs no
// escape (no quote, backslash, control or non-ASCII byte), so PlainKey
// writes it without looking at its bytes. A key that needs one does not
// compile; a key from data goes through Key.
struct PlainKeyText {
  std::string_view text;
  consteval PlainKeyText(const char* key) : text(key) {  // NOLINT: implicit on purpose
    for (char c : text) {
      auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\' || u < 0x20 || u >= 0x80) throw "key needs an escape";
    }
  }
};

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }

  JsonWriter& Key(std::string_view key);
  // Key(key) for a literal key (PlainKeyText), without the escape check.
  JsonWriter& PlainKey(PlainKeyText key) {
    Plain(key.text, /*key=*/true);
    return *this;
  }
  // Invalid UTF-8 becomes U+FFFD, as nlohmann's `replace` handler does.
  JsonWriter& String(std::string_view s);
  // String(s), or null when `s` is empty.
  JsonWriter& StringOrNull(std::string_view s);
  JsonWriter& Null();
  JsonWriter& Bool(bool b);
  JsonWriter& Uint(std::uint64_t n);
  // nlohmann's shortest round-trip form: 0.0, 0.85, 1e-05; null for NaN.
  JsonWriter& Double(double d);
  JsonWriter& StringArray(const std::vector<std::string>& items);

 private:
  JsonWriter& Open(char c);
  JsonWriter& Close(char c);
  // A comma when a value already stands at this level.
  void Separate();
  // `s` needs no escape: written quoted, as a key (with its colon) or a value.
  void Plain(std::string_view s, bool key);

  std::string* out_;
  bool need_comma_ = false;
};

// Text a JsonWriter wrote, as an nlohmann tree: how a document built with
// nlohmann (the API's answer, the milter's log line) embeds a rendering
// that has one writer. The text is valid JSON by construction (invalid
// UTF-8 already replaced), so this never throws.
nlohmann::ordered_json ParseWritten(std::string_view text);

}  // namespace nearmiss::render

#endif  // NEARMISS_RENDER_JSON_WRITER_H_
