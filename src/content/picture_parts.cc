// PictureKind and PictureUnread: see picture_parts.h.
#include "content/picture_parts.h"

#include <cstdint>

namespace nearmiss::content {
namespace {

std::uint32_t PictureBig(std::string_view s, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

std::uint32_t PictureLittle(std::string_view s, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

// TIFF 6.0 section 2: the first IFD's ImageWidth (256) and ImageLength
// (257) entries, when the IFD lies in `h`.
void PictureTiffSize(std::string_view h, std::uint32_t* w, std::uint32_t* l) {
  const bool le = h[0] == 'I';
  auto get = [&](std::size_t at, int bytes) { return le ? PictureLittle(h, at, bytes) : PictureBig(h, at, bytes); };
  std::size_t ifd = get(4, 4);
  if (ifd + 2 > h.size()) return;
  std::size_t n = get(ifd, 2);
  for (std::size_t i = 0; i < n && ifd + 2 + i * 12 + 12 <= h.size(); ++i) {
    std::size_t e = ifd + 2 + i * 12;
    std::uint32_t tag = get(e, 2);
    std::uint32_t type = get(e + 2, 2);
    std::uint32_t value = type == 3 ? get(e + 8, 2) : get(e + 8, 4);  // SHORT or LONG
    if (tag == 256) *w = value;
    if (tag == 257) *l = value;
  }
}

}  // namespace

std::string PictureKind(std::string_view h) {
  const char* kind = nullptr;
  std::uint32_t w = 0;
  std::uint32_t l = 0;
  if (h.size() >= 8 && (h.starts_with(std::string_view("II*\0", 4)) ||
                        h.starts_with(std::string_view("MM\0*", 4)))) {
    kind = "TIFF";
    PictureTiffSize(h, &w, &l);
  } else if (h.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) {
    kind = "PNG";
    if (h.size() >= 24) {  // IHDR
      w = PictureBig(h, 16, 4);
      l = PictureBig(h, 20, 4);
    }
  } else if (h.starts_with("\xFF\xD8\xFF")) {
    kind = "JPEG";
  } else if (h.starts_with("GIF87a") || h.starts_with("GIF89a")) {
    kind = "GIF";
    if (h.size() >= 10) {
      w = PictureLittle(h, 6, 2);
      l = PictureLittle(h, 8, 2);
    }
  } else if (h.size() >= 26 && h.starts_with("BM") &&
             h.substr(6, 4) == std::string_view("\0\0\0\0", 4)) {
    kind = "BMP";
    w = PictureLittle(h, 18, 4);
    const auto height = static_cast<std::int32_t>(PictureLittle(h, 22, 4));  // < 0: top-down rows
    l = static_cast<std::uint32_t>(height < 0 ? -static_cast<std::int64_t>(height) : height);
  } else if (h.size() >= 12 && h.starts_with("RIFF") && h.substr(8, 4) == "WEBP") {
    kind = "WebP";
  } else if (h.starts_with(std::string_view("\0\0\0\x0CjP  ", 8)) ||
             h.starts_with(std::string_view("\xFF\x4F\xFF\x51", 4))) {
    kind = "JPEG 2000";
  } else if (h.starts_with(std::string_view("\xFF\x0A", 2)) ||
             h.starts_with(std::string_view("\0\0\0\x0CJXL ", 8))) {
    kind = "JPEG XL";
  } else if (h.size() >= 12 && h.substr(4, 4) == "ftyp") {
    std::string_view brand = h.substr(8, 4);
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1") kind = "HEIF";
    if (brand == "avif" || brand == "avis") kind = "AVIF";
  }
  if (kind == nullptr) return "";
  std::string out = "a picture (";
  out += kind;
  if (w != 0 && l != 0) {
    out += ", ";
    out += std::to_string(w);
    out += 'x';
    out += std::to_string(l);
    out += " pixels";
  }
  out += ')';
  return out;
}

std::string PictureUnread(std::string_view where, std::string_view kind) {
  std::string out(where);
  out += ": ";
  out += kind;
  out += "; nearmiss reads no text in pictures (no OCR), so what it shows is not read";
  return out;
}

}  // namespace nearmiss::content
