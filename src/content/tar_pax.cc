// A tar's pax comment and extended-attribute records (tar_pax.h).
#include "content/tar_pax.h"

#include <glib.h>

#include <algorithm>
#include <charconv>

#include "content/finder_files.h"

namespace nearmiss::content {
namespace {

constexpr std::size_t kBlock = 512;
constexpr std::size_t kSizeAt = 124, kSizeLength = 12, kTypeAt = 156;

std::uint64_t Padded(std::uint64_t n) { return (n + kBlock - 1) / kBlock * kBlock; }

// A "LIBARCHIVE.xattr." record's value: base64 (RFC 4648 section 4) that
// libarchive's pax writer leaves unpadded (archive_write_set_format_pax.c,
// base64_encode). Checked here, padded, then decoded by GLib; false for a
// character outside the alphabet or a length no encoder writes.
bool DecodePaxBase64(std::string_view value, std::string* out) {
  std::string text(value);
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char c : text) {
    if (!g_ascii_isalnum(c) && c != '+' && c != '/') return false;
  }
  if (text.size() % 4 == 1 || value.size() - text.size() > 2) return false;
  while (text.size() % 4 != 0) text.push_back('=');
  out->clear();
  if (text.empty()) return true;
  gsize length = 0;
  guchar* bytes = g_base64_decode(text.c_str(), &length);
  out->assign(reinterpret_cast<const char*>(bytes), length);
  g_free(bytes);
  return true;
}

// The header's size field: octal digits (ustar), or base-256 when its
// first byte has the high bit (GNU tar and star, for sizes of 8 GiB on).
bool SizeField(std::string_view field, std::uint64_t* size) {
  *size = 0;
  if (!field.empty() && (static_cast<unsigned char>(field[0]) & 0x80) != 0) {
    for (std::size_t i = 1; i < field.size(); ++i) {
      if (*size >> 56 != 0) return false;
      *size = *size << 8 | static_cast<unsigned char>(field[i]);
    }
    return true;
  }
  std::size_t at = field.find_first_not_of(' ');
  if (at == std::string_view::npos) return true;
  std::size_t end = field.find_first_not_of("01234567", at);
  if (end == std::string_view::npos) end = field.size();
  if (end == at) return field[at] == '\0';
  return std::from_chars(field.data() + at, field.data() + end, *size, 8).ec == std::errc();
}

// A value read as words: UTF-8 text with no control bytes but white space
// (a trailing NUL, as C strings are stored, left off).
bool IsText(std::string_view value) {
  while (!value.empty() && value.back() == '\0') value.remove_suffix(1);
  if (value.empty() || !g_utf8_validate(value.data(), static_cast<gssize>(value.size()), nullptr)) {
    return false;
  }
  return std::none_of(value.begin(), value.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\t' && c != '\n' && c != '\r';
  });
}

}  // namespace

void TarPaxReader::Feed(std::string_view bytes) {
  while (!bytes.empty() && !done_) {
    if (skip_ > 0) {
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(skip_, bytes.size()));
      skip_ -= n;
      bytes.remove_prefix(n);
    } else if (gather_ > 0) {
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(gather_, bytes.size()));
      pax_.append(bytes.substr(0, n));
      gather_ -= n;
      bytes.remove_prefix(n);
      if (gather_ == 0) {
        Records();
        skip_ = pad_;
      }
    } else {
      const std::size_t n = std::min(kBlock - block_.size(), bytes.size());
      block_.append(bytes.substr(0, n));
      bytes.remove_prefix(n);
      if (block_.size() == kBlock) {
        Header();
        block_.clear();
      }
    }
  }
}

void TarPaxReader::Header() {
  // The end-of-archive blocks are zeros; a later archive may follow them
  // (tar -A, cat a.tar b.tar with --ignore-zeros).
  if (block_.find_first_not_of('\0') == std::string::npos) return;
  std::uint64_t size = 0;
  if (!SizeField(std::string_view(block_).substr(kSizeAt, kSizeLength), &size)) {
    error_ = "a tar header with an unreadable size";
    done_ = true;
    return;
  }
  const char type = block_[kTypeAt];
  if (type == 'x' || type == 'g') {
    if (size > kMaxHeader) {
      error_ = "a pax extended header of " + std::to_string(size) + " bytes (over " +
               std::to_string(kMaxHeader) + ")";
      done_ = true;
      return;
    }
    gathering_ = type;
    pax_.clear();
    gather_ = size;
    pad_ = Padded(size) - size;
    return;
  }
  // A pax "size" record stands for the next member's size field.
  if (has_next_size_) size = next_size_;
  has_next_size_ = false;
  // Links, devices, FIFOs and directories carry no data (POSIX ustar).
  if (type == '1' || type == '2' || type == '3' || type == '4' || type == '5' || type == '6') {
    size = 0;
  }
  skip_ = Padded(size);
}

void TarPaxReader::Records() {
  std::string_view rest = pax_;
  while (!rest.empty()) {
    std::size_t length = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), length);
    const std::size_t digits = static_cast<std::size_t>(end - rest.data());
    if (ec != std::errc() || length <= digits + 1 || length > rest.size() ||
        rest[digits] != ' ' || rest[length - 1] != '\n') {
      error_ = "a malformed pax extended header record";
      done_ = true;
      return;
    }
    const std::string_view record = rest.substr(digits + 1, length - digits - 2);
    rest.remove_prefix(length);
    const std::size_t eq = record.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = record.substr(0, eq), value = record.substr(eq + 1);
    if (key == "size" && gathering_ == 'x') {
      has_next_size_ = std::from_chars(value.data(), value.data() + value.size(), next_size_).ec ==
                       std::errc();
    } else if (key.starts_with("LIBARCHIVE.xattr.")) {
      std::string decoded;
      if (!DecodePaxBase64(value, &decoded)) {
        error_ = "a malformed pax extended header record (" + std::string(key.substr(0, 80)) +
                 ": not base64)";
        done_ = true;
        return;
      }
      if (decoded.starts_with("bplist")) {
        // A Finder comment or tag list as macOS stores it, a binary
        // property list (com.apple.metadata:kMDItemFinderComment,
        // _kMDItemUserTags): its strings, as an AppleDouble's are read
        // (round 58b's tester 13, finding 9).
        std::string words = PropertyListStrings(decoded);
        if (!words.empty()) texts_.push_back({std::string(key), gathering_, std::move(words)});
      } else if (IsText(decoded)) {
        while (!decoded.empty() && decoded.back() == '\0') decoded.pop_back();
        texts_.push_back({std::string(key), gathering_, std::move(decoded)});
      }
    } else if ((key == "comment" || key.starts_with("SCHILY.xattr.")) && IsText(value)) {
      std::string text(value);
      while (!text.empty() && text.back() == '\0') text.pop_back();
      texts_.push_back({std::string(key), gathering_, std::move(text)});
    }
  }
}

}  // namespace nearmiss::content
