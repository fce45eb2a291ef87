#include "content/finder_files.h"

#include <algorithm>
#include <cstdint>

#include "content/text_charset.h"

namespace nearmiss::content {
namespace {

constexpr std::uint32_t kAppleSingle = 0x00051600;
constexpr std::uint32_t kAppleDouble = 0x00051607;
constexpr std::string_view kDsStore("\0\0\0\1Bud1", 8);

// RFC 1740 B.3, "Predefined Entry IDs".
constexpr std::uint32_t kDataFork = 1;
constexpr std::uint32_t kResourceFork = 2;
constexpr std::uint32_t kRealName = 3;
constexpr std::uint32_t kComment = 4;
constexpr std::uint32_t kFinderInfo = 9;
constexpr std::size_t kFinderInfoBytes = 32;

std::uint32_t Be32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

std::uint16_t Be16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) << 8 |
                                    static_cast<unsigned char>(b[at + 1]));
}

// Text as UTF-8: legacy bytes (a comment in Mac OS Roman) read as
// Windows-1252 does for letters; no control characters but line breaks.
std::string AsText(std::string_view in) {
  std::string mended;
  std::string text = MendInvalidUtf8(in, &mended) ? mended : std::string(in);
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') c = ' ';
  }
  return text;
}

// The runs of 4 or more printable ASCII characters, one per line: what a
// binary value (a property list's strings) carries in words.
std::string PrintableRuns(std::string_view in) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= in.size(); ++i) {
    const bool printable = i < in.size() && in[i] >= 0x20 && in[i] < 0x7F;
    if (printable) continue;
    if (i - start >= 4) {
      if (!out.empty()) out += '\n';
      out.append(in.substr(start, i - start));
    }
    start = i + 1;
  }
  return out;
}

std::string Utf16Be(std::string_view in);

}  // namespace

// The markers of finder_files.h's PropertyListStrings.
std::string PropertyListStrings(std::string_view in) {
  std::string out;
  for (std::size_t i = 8; i < in.size();) {
    const unsigned char marker = static_cast<unsigned char>(in[i]);
    const unsigned kind = marker >> 4;
    std::size_t length = marker & 0x0F;
    std::size_t start = i + 1;
    if ((kind == 5 || kind == 6) && length == 15 && i + 2 < in.size() &&
        static_cast<unsigned char>(in[i + 1]) == 0x10) {
      length = static_cast<unsigned char>(in[i + 2]);
      start = i + 3;
    }
    const std::size_t bytes = kind == 6 ? length * 2 : length;
    if ((kind == 5 || kind == 6) && length > 0 && start + bytes <= in.size()) {
      std::string text = kind == 6 ? Utf16Be(in.substr(start, bytes))
                                   : std::string(in.substr(start, bytes));
      bool printable = true;
      // A Finder tag is its name, '\n' and its colour's digit ("UK
      // SECRET\n6"): the two lines as they stand.
      for (char c : text) {
        printable = printable && (static_cast<unsigned char>(c) >= 0x20 || c == '\n') && c != 0x7F;
      }
      if (printable) {
        if (!out.empty()) out += '\n';
        out += text;
        i = start + bytes;
        continue;
      }
    }
    ++i;
  }
  return out;
}

namespace {

std::string Utf16Be(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i + 1 < in.size(); i += 2) {
    char32_t c = Be16(in, i);
    if (c >= 0xD800 && c < 0xDC00 && i + 3 < in.size()) {
      char32_t low = Be16(in, i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    AppendUtf8(c < 0x20 ? U' ' : c, &out);
  }
  return out;
}

// copyfile(3)'s extended attributes after the 32 bytes of Finder info:
// "ATTR", debug tag, total size, data start, data length, 3 reserved
// words, flags (2), count (2); then each attribute: offset (4, from the
// file's start), length (4), flags (2), name length (1), the name with
// its NUL, padded to 4 bytes. Returns "name: value" lines.
std::string ExtendedAttributes(std::string_view file, std::size_t from, std::size_t end,
                               std::vector<std::string>* unread, std::string_view name) {
  std::size_t at = file.find("ATTR", from);
  if (at == std::string_view::npos || at >= end || at > from + 8 || at + 36 > file.size()) {
    return "";
  }
  const std::uint16_t count = Be16(file, at + 34);
  std::size_t entry = at + 36;
  std::string lines;
  for (std::uint16_t i = 0; i < count; ++i) {
    if (entry + 11 > file.size()) {
      unread->push_back(std::string(name) + ": extended attribute " + std::to_string(i + 1) +
                        " of " + std::to_string(count) + " lies past the file's end");
      break;
    }
    const std::uint32_t offset = Be32(file, entry);
    const std::uint32_t length = Be32(file, entry + 4);
    const std::size_t name_length = static_cast<unsigned char>(file[entry + 10]);
    if (entry + 11 + name_length > file.size() || offset > file.size() ||
        length > file.size() - offset) {
      unread->push_back(std::string(name) + ": extended attribute " + std::to_string(i + 1) +
                        " of " + std::to_string(count) + " lies past the file's end");
      break;
    }
    std::string_view attribute = file.substr(entry + 11, name_length);
    while (!attribute.empty() && attribute.back() == '\0') attribute.remove_suffix(1);
    std::string_view value = file.substr(offset, length);
    std::string words = value.starts_with("bplist")                   ? PropertyListStrings(value)
                        : value.find('\0') != std::string_view::npos ? PrintableRuns(value)
                                                                     : AsText(value);
    if (!words.empty()) {
      // The value on a line of its own, as Finder shows a comment or a
      // tag: "UK SECRET" typed as a Finder comment is a line, not a
      // field's value (round 52's tester 13).
      lines += AsText(attribute);
      lines += ":\n";
      lines += words;
      lines += '\n';
    }
    entry = (entry + 11 + name_length + 3) & ~std::size_t{3};
  }
  return lines;
}

// Inside Macintosh: More Macintosh Toolbox 1-121, the resource header:
// data offset, map offset, data length, map length (4 bytes each). No
// resource data is no resource: the 286-byte fork macOS writes ("This
// resource fork intentionally left blank") holds a map of no types.
bool EmptyResourceFork(std::string_view fork) {
  return fork.empty() || (fork.size() >= 16 && Be32(fork, 8) == 0);
}

// A fork whose resources are all icons (a custom file or folder icon
// pasted in Get Info: 'icns' and the classic icon families): pictures,
// no words. Inside Macintosh: More Macintosh Toolbox 1-122, the map: at
// the map offset, 24 bytes, then the type list's offset (2, from the
// map) ; the type list: the count of types less one (2), then per type
// its code (4), its count less one (2), its references' offset (2).
bool OnlyIconResources(std::string_view fork) {
  static constexpr std::string_view kIcons[] = {"icns", "ICN#", "icl4", "icl8", "ics#",
                                                "ics4", "ics8", "ICON", "cicn", "icm#",
                                                "icm4", "icm8", "kcns"};
  if (fork.size() < 16) return false;
  const std::size_t map = Be32(fork, 4);
  if (map > fork.size() || fork.size() - map < 30) return false;
  const std::size_t types_at = map + Be16(fork, map + 24);
  if (types_at + 2 > fork.size()) return false;
  const std::size_t types = std::size_t{Be16(fork, types_at)} + 1;
  if (types_at + 2 + types * 8 > fork.size()) return false;
  for (std::size_t i = 0; i < types; ++i) {
    const std::string_view code = fork.substr(types_at + 2 + i * 8, 4);
    if (std::find(std::begin(kIcons), std::end(kIcons), code) == std::end(kIcons)) return false;
  }
  return true;
}

bool ReadAppleFile(std::string_view name, std::string_view bytes,
                   std::vector<FinderMember>* members, std::vector<std::string>* unread,
                   std::string* error) {
  // RFC 1740 B.2: magic (4), version (4), filler (16), entry count (2),
  // then 12 bytes an entry: id, offset, length.
  if (bytes.size() < 26) {
    *error = "an AppleDouble/AppleSingle header cut short";
    return false;
  }
  const std::uint16_t count = Be16(bytes, 24);
  if (26 + std::size_t{count} * 12 > bytes.size()) {
    *error = "an AppleDouble/AppleSingle header of " + std::to_string(count) +
             " entries, cut short";
    return false;
  }
  std::string_view base = name.substr(name.find_last_of('/') + 1);
  std::string data_name = base.starts_with("._") ? std::string(base.substr(2)) : std::string(base);
  std::string metadata;
  std::string_view data_fork;
  bool has_data_fork = false;
  for (std::uint16_t i = 0; i < count; ++i) {
    const std::size_t at = 26 + std::size_t{i} * 12;
    const std::uint32_t id = Be32(bytes, at);
    const std::uint32_t offset = Be32(bytes, at + 4);
    const std::uint32_t length = Be32(bytes, at + 8);
    if (offset > bytes.size() || length > bytes.size() - offset) {
      unread->push_back(std::string(name) + ": entry " + std::to_string(id) +
                        " lies past the file's end");
      continue;
    }
    std::string_view entry = bytes.substr(offset, length);
    if (id == kDataFork) {
      data_fork = entry;
      has_data_fork = true;
    } else if (id == kRealName && !entry.empty()) {
      data_name = AsText(entry);
      metadata += "real name: " + data_name + "\n";
    } else if (id == kComment && !entry.empty()) {
      metadata += AsText(entry) + "\n";
    } else if (id == kFinderInfo && length > kFinderInfoBytes) {
      metadata += ExtendedAttributes(bytes, offset + kFinderInfoBytes, offset + length, unread, name);
    } else if (id == kResourceFork && !EmptyResourceFork(entry) && !OnlyIconResources(entry)) {
      // A classic Mac resource fork can hold text ('TEXT', 'STR#'); no
      // reader here parses one, so it is said, not passed.
      unread->push_back(std::string(name) + ": a resource fork of " + std::to_string(length) +
                        " bytes, which nearmiss does not read");
    }
  }
  if (has_data_fork) members->push_back({data_name, std::string(data_fork), false});
  if (!metadata.empty()) {
    members->push_back({std::string(name) + " (Finder metadata)", std::move(metadata), true});
  }
  return true;
}

// A .DS_Store's Spotlight comments: each "cmmt" record of type "ustr"
// (4-byte length in UTF-16 units, then UTF-16BE), found by the record
// code rather than by a walk of the B-tree, which Apple never documented.
void ReadDsStore(std::string_view name, std::string_view bytes,
                 std::vector<FinderMember>* members) {
  std::string comments;
  for (std::size_t at = bytes.find("cmmtustr"); at != std::string_view::npos;
       at = bytes.find("cmmtustr", at + 8)) {
    if (at + 12 > bytes.size()) break;
    const std::size_t units = Be32(bytes, at + 8);
    if (at + 12 + units * 2 > bytes.size()) break;
    // The comment alone on its line, as Get Info shows it: the user's own
    // words about the file ("UK SECRET"), not a field of a form.
    comments += Utf16Be(bytes.substr(at + 12, units * 2)) + "\n";
  }
  if (!comments.empty()) {
    members->push_back({std::string(name) + " (Finder comments)", std::move(comments), true});
  }
}

}  // namespace

bool IsFinderFile(std::string_view bytes) {
  if (bytes.starts_with(kDsStore)) return true;
  if (bytes.size() < 8) return false;
  const std::uint32_t magic = Be32(bytes, 0);
  const std::uint32_t version = Be32(bytes, 4);
  return (magic == kAppleSingle || magic == kAppleDouble) &&
         (version == 0x00010000 || version == 0x00020000);
}

bool ReadFinderFile(std::string_view name, std::string_view bytes,
                    std::vector<FinderMember>* members,
                    std::vector<std::string>* unread, std::string* error) {
  if (bytes.starts_with(kDsStore)) {
    ReadDsStore(name, bytes, members);
    return true;
  }
  // Typed application/applefile but without the magic: what it holds is
  // unknown, so it is an error (unreadable), never an empty read.
  if (!IsFinderFile(bytes)) {
    *error = "typed as an AppleSingle/AppleDouble file, but its magic number is missing";
    return false;
  }
  return ReadAppleFile(name, bytes, members, unread, error);
}

}  // namespace nearmiss::content
