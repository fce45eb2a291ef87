// IsOtherArchive (archive_kind.h): archives and compressed files other than
// zip, told by magic number, name or MIME type. Split from extract.cc,
// which holds the document classifier that asks it.
#include "content/archive_kind.h"

#include <initializer_list>

#include "base/ascii.h"
#include "content/file_suffix.h"

namespace nearmiss::content {

// Archive and compression formats other than zip, by their magic numbers
// (each format's specification or its tool's man page) or their names.
bool IsOtherArchive(std::string_view mime_type, std::string_view filename,
                    std::string_view bytes) {
  static constexpr std::string_view kMagic[] = {
      std::string_view("\x1F\x8B", 2),                      // gzip, RFC 1952
      std::string_view("\xFD" "7zXZ\x00", 6),               // xz
      std::string_view("7z\xBC\xAF\x27\x1C", 6),            // 7z
      std::string_view("Rar!\x1A\x07", 6),                  // RAR 4 and 5
      "MSCF",                                              // Microsoft CAB
      std::string_view("\x28\xB5\x2F\xFD", 4),              // zstd, RFC 8878
      std::string_view("\x1F\x9D", 2),                      // compress(1)
      "LZIP",                                              // lzip
      std::string_view("\x5D\x00\x00", 3),                  // lzma (alone)
      // The rest are read only where libarchive was built with them (or
      // finds the external program): otherwise StreamArchive fails and the
      // attachment is unreadable, never passed as opaque bytes (issue 13).
      std::string_view("\x04\x22\x4D\x18", 4),              // lz4 frame
      std::string_view("\x02\x21\x4C\x18", 4),              // lz4 legacy
      std::string_view("\x89LZO\x00\x0D\x0A\x1A\x0A", 9),   // lzop(1)
      std::string_view("\xC7\x71", 2),                      // cpio binary
      std::string_view("\x60\xEA", 2),                      // ARJ
  };
  for (std::string_view m : kMagic) {
    if (bytes.substr(0, m.size()) == m) return true;
  }
  // Magic numbers in printable ASCII: a text/* part may begin with them
  // ("070701 ..." in a list of numbers), so there they do not decide.
  static constexpr std::string_view kTextMagic[] = {
      "LRZI", "GRZip", "!<arch>\n",       // lrzip(1), grzip, ar(1)
      "070707", "070701", "070702",       // cpio ASCII headers
      "xar!", "hsqs", "zPQ",              // xar, squashfs, zpaq
      "StuffIt ", "SIT!"};                // StuffIt
  if (!StartsWithNoCase(mime_type, "text/")) {
    for (std::string_view m : kTextMagic) {
      if (bytes.substr(0, m.size()) == m) return true;
    }
  }
  // bzip2: "BZh", the block size digit, then the block magic (pi in BCD).
  if (bytes.size() >= 10 && bytes.substr(0, 3) == "BZh" &&
      bytes.substr(4, 6) == "1AY&SY") {
    return true;
  }
  // POSIX ustar and GNU tar: "ustar" at offset 257 of the first header.
  if (bytes.size() > 262 && bytes.substr(257, 5) == "ustar") return true;
  // LHA: "-lh?-" or "-lz?-" at offset 2; ACE: "**ACE**" at offset 7.
  if (bytes.size() > 7 && bytes[2] == '-' && bytes[3] == 'l' &&
      (bytes[4] == 'h' || bytes[4] == 'z') && bytes[6] == '-') {
    return true;
  }
  if (bytes.size() > 14 && bytes.substr(7, 7) == "**ACE**") return true;
  if (AnySuffix(filename, {".tar", ".tgz", ".taz", ".tbz", ".tbz2", ".txz",
                           ".tzst", ".gz", ".bz2", ".xz", ".lzma", ".lz",
                           ".zst", ".z", ".7z", ".rar", ".cab", ".cpio",
                           ".iso", ".lzh", ".lha", ".arj", ".ace", ".zoo",
                           ".lz4", ".tlz4", ".lzo", ".tzo", ".lrz", ".tlrz",
                           ".zpaq", ".xar", ".sit", ".sitx", ".ar"})) {
    return true;
  }
  static constexpr std::string_view kTypes[] = {
      "application/gzip",          "application/x-gzip",
      "application/x-tar",         "application/x-gtar",
      "application/x-bzip2",       "application/x-bzip",
      "application/x-xz",          "application/x-lzma",
      "application/zstd",          "application/x-7z-compressed",
      "application/vnd.rar",       "application/x-rar-compressed",
      "application/x-rar",         "application/vnd.ms-cab-compressed",
      "application/x-cpio",        "application/x-iso9660-image",
      "application/x-compress",    "application/x-compressed",
      "application/x-lzh-compressed", "application/x-arj",
      "application/x-ace-compressed", "application/x-lz4",
      "application/x-lzop",        "application/x-lrzip",
      "application/x-xar",         "application/x-stuffit",
      "application/x-archive"};
  for (std::string_view t : kTypes) {
    if (StartsWithNoCase(mime_type, t) && (mime_type.size() == t.size())) {
      return true;
    }
  }
  return false;
}

}  // namespace nearmiss::content
