// yEnc-encoded files in a text (yenc.h; yEnc 1.3).
#include "content/yenc.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>

#include "content/gmime_util.h"

namespace nearmiss::content {
namespace {

// windows-1252's code points for the bytes 0x80..0x9F (0 where the byte is
// unassigned and converters keep it as U+0080..U+009F), to map a text that
// was converted to UTF-8 back to its bytes.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0};

// CRC-32 (ISO 3309 / IEEE 802.3 polynomial, reflected), as yEnc's "crc32="
// and "pcrc32=" state it.
std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// The UTF-8 text as the 8-bit bytes it was converted from (Latin-1, or
// windows-1252's 0x80..0x9F); nullopt when a code point has no such byte.
std::optional<std::string> BackToBytes(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    char32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < text.size()) {
      cp = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      n = 2;
    } else if (c >= 0xE0 && c < 0xF0 && i + 2 < text.size()) {
      cp = (c & 0x0Fu) << 12 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
           (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      n = 3;
    } else if (c >= 0x80) {
      return std::nullopt;
    }
    i += n;
    if (cp < 0x100) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    std::size_t k = 0;
    while (k < kCp1252High.size() && kCp1252High[k] != cp) ++k;
    if (k == kCp1252High.size()) return std::nullopt;
    out.push_back(static_cast<char>(0x80 + k));
  }
  return out;
}

std::string_view Line(std::string_view text, std::size_t at, std::size_t* next) {
  std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  *next = end + 1;
  std::string_view line = text.substr(at, end - at);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// The value of "key=" on a keyword line ("size=57"); "name=" runs to the
// line's end (yEnc 1.3: it is the last keyword).
std::optional<std::string_view> Keyword(std::string_view line, std::string_view key) {
  for (std::size_t at = line.find(key); at != std::string_view::npos; at = line.find(key, at + 1)) {
    if (at != 0 && line[at - 1] != ' ') continue;
    std::size_t from = at + key.size();
    if (key == "name=") return line.substr(from);
    std::size_t end = line.find(' ', from);
    return line.substr(from, end == std::string_view::npos ? end : end - from);
  }
  return std::nullopt;
}

std::optional<std::uint64_t> Number(std::optional<std::string_view> value, int base = 10) {
  if (!value || value->empty()) return std::nullopt;
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n, base);
  if (ec != std::errc() || end != value->data() + value->size()) return std::nullopt;
  return n;
}

// The data lines [from, to) decoded; false on an escape at a line's end.
bool DecodeLines(std::string_view data, std::string* out) {
  for (std::size_t at = 0; at < data.size();) {
    std::size_t next = 0;
    std::string_view line = Line(data, at, &next);
    at = next;
    for (std::size_t i = 0; i < line.size(); ++i) {
      auto c = static_cast<unsigned char>(line[i]);
      if (c == '=') {
        if (++i == line.size()) return false;
        c = static_cast<unsigned char>(line[i] - 64);
      }
      out->push_back(static_cast<char>(static_cast<unsigned char>(c - 42)));
    }
  }
  return true;
}

struct Block {
  std::string name;
  std::uint64_t part = 0;        // 0: a single-part file
  std::uint64_t part_begin = 1;  // 1-based offset of the part in the file
  std::string bytes;
};

// Decodes the block's data against its "=yend" line; the reason on failure.
std::optional<std::string> Check(std::string_view data, std::string_view yend,
                                 std::string* bytes) {
  if (!DecodeLines(data, bytes)) return "an escape at a line's end";
  std::optional<std::uint64_t> size = Number(Keyword(yend, "size="));
  if (!size) return "no size on its =yend line";
  if (*size != bytes->size()) return "its size does not match its =yend line";
  std::optional<std::uint64_t> crc = Number(Keyword(yend, "pcrc32="), 16);
  if (!crc) crc = Number(Keyword(yend, "crc32="), 16);
  if (crc && *crc != Crc32(*bytes)) return "its CRC-32 does not match its =yend line";
  return std::nullopt;
}

}  // namespace

bool HasYencBegin(std::string_view text) {
  return text.starts_with("=ybegin ") || text.find("\n=ybegin ") != std::string_view::npos;
}

std::vector<YencFile> DecodeYenc(std::string_view text, std::vector<std::string>* errors) {
  std::vector<YencFile> files;
  std::uint64_t next_begin = 0;  // where the last file's next part starts
  for (std::size_t at = 0; at < text.size();) {
    std::size_t next = 0;
    std::string_view begin_line = Line(text, at, &next);
    at = next;
    if (!begin_line.starts_with("=ybegin ")) continue;
    Block block;
    block.name = std::string(Keyword(begin_line, "name=").value_or("yenc"));
    block.part = Number(Keyword(begin_line, "part=")).value_or(0);
    std::size_t data_from = at;
    if (block.part != 0) {
      std::string_view part_line = Line(text, at, &next);
      std::optional<std::uint64_t> b = Number(Keyword(part_line, "begin="));
      if (!part_line.starts_with("=ypart ") || !b || *b == 0) {
        errors->push_back("a yEnc block (" + block.name + ") with no =ypart line; not read");
        continue;
      }
      block.part_begin = *b;
      data_from = at = next;
    }
    std::size_t end_at = text.find("\n=yend", data_from - 1);
    if (end_at == std::string_view::npos) {
      errors->push_back("a yEnc block (" + block.name + ") with no =yend line; not read");
      break;
    }
    std::string_view data = text.substr(data_from, end_at + 1 - data_from);
    std::string_view yend = Line(text, end_at + 1, &at);
    std::optional<std::string> wrong = Check(data, yend, &block.bytes);
    if (wrong) {
      // A body converted to UTF-8 from its 8-bit charset: its bytes again.
      std::optional<std::string> raw = BackToBytes(data);
      std::string bytes;
      if (raw && *raw != data && !Check(*raw, yend, &bytes)) {
        block.bytes = std::move(bytes);
        wrong.reset();
      }
    }
    if (wrong) {
      errors->push_back("a yEnc block (" + block.name + ") that does not decode: " + *wrong +
                        "; not read");
      continue;
    }
    // The next part of the file just read joins it.
    const std::uint64_t part_end = block.part_begin + block.bytes.size();
    if (block.part > 1 && !files.empty() && files.back().name == block.name &&
        block.part_begin == next_begin) {
      files.back().bytes += block.bytes;
    } else {
      files.push_back({block.name, std::move(block.bytes)});
    }
    next_begin = part_end;
  }
  return files;
}

bool ConvertToUtf8KeepingYenc(const std::string& bytes, const char* charset, std::string* out) {
  if (!HasYencBegin(bytes)) return ConvertToUtf8(bytes, charset, out);
  const std::string_view text = bytes;
  out->clear();
  bool known = true;
  std::size_t plain = 0;  // where the text not yet converted starts
  auto convert_to = [&](std::size_t end) {
    if (end <= plain) return;
    std::string utf8;
    known = ConvertToUtf8(bytes.substr(plain, end - plain), charset, &utf8) && known;
    out->append(utf8);
  };
  for (std::size_t at = 0; at < text.size();) {
    std::size_t next = 0;
    const std::string_view line = Line(text, at, &next);
    if (!line.starts_with("=ybegin ")) {
      at = next;
      continue;
    }
    convert_to(at);
    const std::size_t yend = text.find("\n=yend", at);
    std::size_t end = text.size();
    if (yend != std::string_view::npos) Line(text, yend + 1, &end);
    end = std::min(end, text.size());
    out->append(text.substr(at, end - at));
    plain = at = end;
  }
  convert_to(text.size());
  if (!known) *out = bytes;
  return known;
}

}  // namespace nearmiss::content
