#include "render/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

namespace nearmiss::render {
namespace {

// Bytes a string cannot carry as they are: controls, '"', '\\', and every
// non-ASCII byte (checked as UTF-8 by the slow path).
constexpr auto kLook = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  for (int c = 0x80; c < 0x100; ++c) t[c] = true;
  t['"'] = t['\\'] = true;
  return t;
}();

// The length of the prefix of `s` that needs no escape. Eight bytes at a
// time first (the "has less than" and "has zero byte" tests of Anderson's
// Bit Twiddling Hacks, exact for existence), then byte by byte from the
// word that holds the first byte to look at: the decision log is mostly
// short plain strings, and a byte-wise table look cost it a third of its
// time (bench/milter-instructions, round 38).
std::size_t PlainPrefix(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHighs = 0x8080808080808080ull;
  const char* p = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    std::uint64_t quote = w ^ (kOnes * '"');
    std::uint64_t backslash = w ^ (kOnes * '\\');
    std::uint64_t control = w - kOnes * 0x20;  // a byte below 0x20 borrows
    std::uint64_t hits = (control | (quote - kOnes) | (backslash - kOnes)) &
                         ~w & kHighs;
    if ((hits | (w & kHighs)) != 0) break;
  }
  while (i < n && !kLook[static_cast<unsigned char>(p[i])]) ++i;
  return i;
}

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

// Separator, quotes and a key's colon in one append: a member of the
// decision log cost four appends and pushes before.
void JsonWriter::Plain(std::string_view s, bool key) {
  char buf[128];
  if (s.size() + 4 <= sizeof buf) {
    std::size_t k = 0;
    if (need_comma_) buf[k++] = ',';
    buf[k++] = '"';
    std::memcpy(buf + k, s.data(), s.size());
    k += s.size();
    buf[k++] = '"';
    if (key) buf[k++] = ':';
    out_->append(buf, k);
  } else {
    if (need_comma_) out_->push_back(',');
    out_->push_back('"');
    out_->append(s);
    out_->append(key ? "\":" : "\"");
  }
  need_comma_ = !key;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  if (PlainPrefix(key) == key.size()) {
    Plain(key, /*key=*/true);
    return *this;
  }
  String(key);
  out_->push_back(':');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  // Most strings (keys, addresses, verdicts, sentences) need no escape: one
  // look at each byte, then a single copy.
  std::size_t plain = PlainPrefix(s);
  if (plain == s.size()) {
    Plain(s, /*key=*/false);
    return *this;
  }
  Separate();
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
  // A whole number of thousandths below kMaxThousandths (the log's
  // check_ms, scores such as 0.85) is written directly: its shortest form
  // is those thousandths with the trailing zeros dropped, which is what
  // nlohmann prints for every one of them (json_writer_test checks them
  // all); building an nlohmann value and dumping it cost the decision log
  // a tenth of its time and two allocations.
  constexpr std::int64_t kMaxThousandths = 1'000'000;
  if (d >= 0 && d < kMaxThousandths / 1000 && !std::signbit(d)) {
    auto k = static_cast<std::int64_t>(std::llround(d * 1000));
    if (static_cast<double>(k) / 1000 == d) {
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, k / 1000);
      *end++ = '.';
      int frac = static_cast<int>(k % 1000);
      if (frac == 0) {
        *end++ = '0';
      } else {
        for (int div = 100; frac != 0; div /= 10) {
          *end++ = static_cast<char>('0' + frac / div);
          frac %= div;
        }
      }
      out_->append(buf, end);
      return *this;
    }
  }
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
