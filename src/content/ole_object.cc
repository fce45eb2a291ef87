// Embedded OLE objects read from their Compound File Binary container
// (ole_object.h). The container's layout is [MS-CFB] 2.2 (header), 2.3
// (FAT sectors, DIFAT), 2.4 (mini FAT), 2.6 (directory entries).
#include "content/ole_object.h"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace nearmiss::content {
namespace {

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kMaxRegular = 0xFFFFFFFA;  // higher: special values

std::uint32_t U32(std::string_view b, std::size_t at) {
  if (at + 4 > b.size()) return kEndOfChain;
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

std::uint16_t U16(std::string_view b, std::size_t at) {
  if (at + 2 > b.size()) return 0;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    static_cast<unsigned char>(b[at + 1]) << 8);
}

struct Entry {
  std::u16string name;
  int type = 0;  // 1 storage, 2 stream, 5 root ([MS-CFB] 2.6.1)
  std::string clsid;  // 16 bytes
  std::uint32_t start = 0;
  std::uint64_t size = 0;
};

class Container {
 public:
  explicit Container(std::string_view b) : b_(b) {}

  bool Open(std::string* error) {
    if (b_.size() < 512) return Fail("shorter than its header", error);
    unsigned shift = U16(b_, 0x1E);
    if (shift != 9 && shift != 12) return Fail("sector size not 512 or 4096", error);
    sector_ = std::size_t{1} << shift;
    mini_sector_ = std::size_t{1} << (U16(b_, 0x20) & 0x1F);
    mini_cutoff_ = U32(b_, 0x38);
    // The FAT's sectors: 109 in the header's DIFAT, then DIFAT sectors.
    std::vector<std::uint32_t> fat_sectors;
    for (std::size_t i = 0; i < 109; ++i) {
      std::uint32_t s = U32(b_, 0x4C + 4 * i);
      if (s <= kMaxRegular) fat_sectors.push_back(s);
    }
    std::uint32_t difat = U32(b_, 0x44);
    for (std::size_t guard = 0; difat <= kMaxRegular && guard < Sectors(); ++guard) {
      std::size_t at = Offset(difat);
      if (at + sector_ > b_.size()) return Fail("DIFAT sector past the end", error);
      for (std::size_t i = 0; i + 1 < sector_ / 4; ++i) {
        std::uint32_t s = U32(b_, at + 4 * i);
        if (s <= kMaxRegular) fat_sectors.push_back(s);
      }
      difat = U32(b_, at + sector_ - 4);
    }
    for (std::uint32_t s : fat_sectors) {
      std::size_t at = Offset(s);
      if (at + sector_ > b_.size()) return Fail("FAT sector past the end", error);
      for (std::size_t i = 0; i < sector_ / 4; ++i) fat_.push_back(U32(b_, at + 4 * i));
    }
    std::string dir;
    if (!Chain(fat_, U32(b_, 0x30), ~std::uint64_t{0}, false, &dir)) {
      return Fail("directory chain broken", error);
    }
    for (std::size_t at = 0; at + 128 <= dir.size(); at += 128) {
      Entry e;
      std::size_t bytes = std::min<std::size_t>(U16(dir, at + 0x40), 64);
      // The length counts the terminating NUL, which is not the name's.
      for (std::size_t i = 0; i + 3 < bytes + 1; i += 2) e.name.push_back(U16(dir, at + i));
      while (!e.name.empty() && e.name.back() == u'\0') e.name.pop_back();
      e.type = static_cast<unsigned char>(dir[at + 0x42]);
      e.clsid = dir.substr(at + 0x50, 16);
      e.start = U32(dir, at + 0x74);
      e.size = U32(dir, at + 0x78) | static_cast<std::uint64_t>(U32(dir, at + 0x7C)) << 32;
      entries_.push_back(std::move(e));
    }
    if (entries_.empty() || entries_[0].type != 5) return Fail("no root entry", error);
    if (!Chain(fat_, entries_[0].start, entries_[0].size, false, &mini_stream_)) {
      return Fail("mini stream chain broken", error);
    }
    std::string minifat;
    if (U32(b_, 0x3C) <= kMaxRegular &&
        !Chain(fat_, U32(b_, 0x3C), ~std::uint64_t{0}, false, &minifat)) {
      return Fail("mini FAT chain broken", error);
    }
    for (std::size_t at = 0; at + 4 <= minifat.size(); at += 4) mini_fat_.push_back(U32(minifat, at));
    return true;
  }

  const std::vector<Entry>& entries() const { return entries_; }

  // A stream's bytes; false when its chain is broken.
  bool Read(const Entry& e, std::string* out) {
    bool mini = e.size < mini_cutoff_;
    return Chain(mini ? mini_fat_ : fat_, e.start, e.size, mini, out);
  }

 private:
  static bool Fail(const char* why, std::string* error) {
    *error = why;
    return false;
  }
  std::size_t Sectors() const { return b_.size() / sector_ + 1; }
  std::size_t Offset(std::uint32_t sector) const { return (std::size_t{sector} + 1) * sector_; }

  // Follows a chain from `start` in `fat`, `size` bytes at most (the
  // stream's), from the file's sectors or the mini stream's. A chain
  // longer than the file has sectors loops: broken.
  bool Chain(const std::vector<std::uint32_t>& fat, std::uint32_t start, std::uint64_t size,
             bool mini, std::string* out) const {
    out->clear();
    const std::size_t unit = mini ? mini_sector_ : sector_;
    const std::string_view from = mini ? std::string_view(mini_stream_) : b_;
    const std::size_t limit = from.size() / unit + 1;
    std::uint32_t s = start;
    for (std::size_t steps = 0; s <= kMaxRegular && out->size() < size; ++steps) {
      if (steps > limit || s >= fat.size()) return false;
      std::size_t at = mini ? std::size_t{s} * unit : Offset(s);
      if (at >= from.size()) return false;
      std::size_t n = std::min<std::size_t>(unit, from.size() - at);
      if (size != ~std::uint64_t{0}) n = std::min<std::size_t>(n, size - out->size());
      out->append(from.substr(at, n));
      s = fat[s];
    }
    return size == ~std::uint64_t{0} || out->size() == size;
  }

  std::string_view b_;
  std::size_t sector_ = 512, mini_sector_ = 64;
  std::uint32_t mini_cutoff_ = 4096;
  std::vector<std::uint32_t> fat_, mini_fat_;
  std::vector<Entry> entries_;
  std::string mini_stream_;
};

// [MS-OLEDS] 2.1.4 LengthPrefixedAnsiString at `*at`; advances it.
std::string AnsiString(std::string_view b, std::size_t* at) {
  std::uint32_t n = U32(b, *at);
  *at += 4;
  if (n == kEndOfChain || n > b.size() - std::min(*at, b.size())) return "";
  std::string s(b.substr(*at, n));
  *at += n;
  while (!s.empty() && s.back() == '\0') s.pop_back();
  return s;
}

// "Microsoft Excel Worksheet (Excel.Sheet.8)" from a CompObj stream
// ([MS-OLEDS] 2.3.8: a 28-byte header, AnsiUserType, AnsiClipboardFormat,
// then the ProgID in Reserved1).
std::string CompObjKind(std::string_view b) {
  std::size_t at = 28;
  std::string user = AnsiString(b, &at);
  std::uint32_t marker = U32(b, at);
  at += 4;
  if (marker == 0xFFFFFFFF || marker == 0xFFFFFFFE) {
    at += 4;  // a clipboard format number
  } else if (marker != 0 && marker <= b.size()) {
    at += marker;  // its name
  }
  std::string prog = AnsiString(b, &at);
  if (user.empty()) return prog;
  if (!prog.empty()) {
    user += " (";
    user += prog;
    user += ")";
  }
  return user;
}

std::string ClsidText(const std::string& c) {
  if (c.size() != 16) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                U32(c, 0), U16(c, 4), U16(c, 6), static_cast<unsigned char>(c[8]),
                static_cast<unsigned char>(c[9]), static_cast<unsigned char>(c[10]),
                static_cast<unsigned char>(c[11]), static_cast<unsigned char>(c[12]),
                static_cast<unsigned char>(c[13]), static_cast<unsigned char>(c[14]),
                static_cast<unsigned char>(c[15]));
  return buf;
}

// The Object Packager's native data: total size (u32), a u16, the file's
// name, its source path (NUL-terminated), two u16 and a u32, the temporary
// path's length (u32) and path, the file's size (u32) and bytes.
bool Ole10Native(std::string_view b, OleObject* out) {
  std::size_t at = 4 + 2;
  auto cstring = [&](std::string* s) {
    std::size_t end = b.find('\0', at);
    if (end == std::string_view::npos) return false;
    *s = std::string(b.substr(at, end - at));
    at = end + 1;
    return true;
  };
  std::string label, source;
  if (!cstring(&label) || !cstring(&source)) return false;
  at += 4;  // two u16: reserved, and the kind of link
  std::uint32_t temp = U32(b, at);
  at += 4;
  if (temp == kEndOfChain || temp > b.size() - std::min(at, b.size())) return false;
  at += temp;
  std::uint32_t n = U32(b, at);
  at += 4;
  if (n == kEndOfChain || n > b.size() - std::min(at, b.size())) return false;
  out->file = std::string(b.substr(at, n));
  std::string name = label.empty() ? source.substr(source.find_last_of("\\/") + 1) : label;
  out->file_name = name.empty() ? "packaged-file" : name;
  out->has_file = true;
  return true;
}

}  // namespace

bool ReadOleObject(std::string_view bytes, OleObject* out, std::string* error) {
  Container cfb(bytes);
  if (!cfb.Open(error)) return false;
  std::string data;
  for (const Entry& e : cfb.entries()) {
    if (e.type == 2 && e.name == u"\u0001CompObj" && cfb.Read(e, &data)) {
      out->kind = CompObjKind(data);
    }
  }
  if (out->kind.empty()) {
    const std::string& clsid = cfb.entries()[0].clsid;
    if (clsid.find_first_not_of('\0') == std::string::npos) {
      out->kind = "of a kind it does not name";  // CLSID_NULL
    } else {
      out->kind = "class ";
      out->kind += ClsidText(clsid);
    }
  }
  for (const Entry& e : cfb.entries()) {
    if (e.type != 2) continue;
    if (e.name == u"\u0001Ole10Native") {
      if (!cfb.Read(e, &data) || !Ole10Native(data, out)) {
        *error = "its packaged file could not be read";
        return false;
      }
      return true;
    }
    const bool package = e.name == u"Package";
    if (package || e.name == u"CONTENTS") {
      if (!cfb.Read(e, &out->file)) {
        *error = "its content stream could not be read";
        return false;
      }
      // Named so that the reader tells its type by its bytes and suffix.
      out->file_name = package ? "Package" : "CONTENTS";
      out->has_file = true;
      return true;
    }
  }
  return true;
}

bool ReadCompoundStreams(std::string_view bytes, std::vector<CompoundStream>* streams,
                         int* storages, std::string* error) {
  Container cfb(bytes);
  if (!cfb.Open(error)) return false;
  *storages = 0;
  for (const Entry& e : cfb.entries()) {
    if (e.type == 1) ++(*storages);
    if (e.type != 2) continue;
    CompoundStream s{e.name, {}};
    if (!cfb.Read(e, &s.data)) {
      *error = "a stream's sector chain is broken";
      return false;
    }
    streams->push_back(std::move(s));
  }
  return true;
}

bool IsEmbeddingPath(std::string_view path) {
  return path.find("embeddings/") != std::string_view::npos;
}

}  // namespace nearmiss::content
