#include "maillog/binary_file.h"

#include "base/line_text.h"

namespace nearmiss::maillog {
namespace {

// The length of the text character at `s`'s start, 0 when it is a byte
// of no text: a control a log does not write (tab, the line breaks, form
// feed and ESC, of coloured output, it does), or no valid UTF-8.
std::size_t TextCharacter(std::string_view s) {
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x1b) return 1;
  const std::size_t len = ValidUtf8Sequence(s);
  return len != 0 && !IsLineControl(s.substr(0, len)) ? len : 0;
}

}  // namespace

const char* BinaryBlock(std::string_view block) {
  const std::size_t start = block.find_first_not_of('\0');
  if (start == std::string_view::npos) return nullptr;  // NULs only: a hole
  std::size_t runs = start != 0 ? 1 : 0;
  block = block.substr(start, kBinaryProbe);
  std::size_t text = 0, bad = 0, pieces = 0, pieces_with_lines = 0;
  for (std::size_t i = 0; i < block.size();) {
    if (block[i] == '\0') {
      ++runs;
      while (i < block.size() && block[i] == '\0') ++i;
      continue;
    }
    std::size_t end = block.find('\0', i);
    if (end == std::string_view::npos) end = block.size();
    const std::string_view piece = block.substr(i, end - i);
    ++pieces;
    if (piece.find('\n') != std::string_view::npos) ++pieces_with_lines;
    for (std::size_t k = 0; k < piece.size();) {
      const std::size_t len = TextCharacter(piece.substr(k));
      if (len != 0) {
        text += len;
        k += len;
      } else {
        ++bad;
        ++k;
      }
    }
    i = end;
  }
  if (bad * 10 > (text + bad) * 3) return "mostly bytes that are no UTF-8 text";
  // A crash's hole has text on either side, in lines; a record's fields
  // (wtmp's tty, user and host; lastlog's one login) have no line break.
  if (runs != 0 && pieces >= 2 && pieces_with_lines * 2 < pieces) {
    return "NUL bytes among its data, not between lines of text";
  }
  return nullptr;
}

bool TarArchive(std::string_view block) {
  // POSIX.1 ustar header: name 100, mode 8, uid 8, gid 8, size 12, mtime
  // 12, chksum 8, typeflag 1, linkname 100, then magic.
  constexpr size_t kMagicAt = 257;
  return block.size() >= kMagicAt + 5 && block.substr(kMagicAt, 5) == "ustar";
}

}  // namespace nearmiss::maillog
