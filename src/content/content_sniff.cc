#include "content/content_sniff.h"

#include <cctype>

#include "base/ascii.h"
#include "content/certificate_der.h"
#include "content/mailbox_file.h"
#include "content/text_charset.h"

namespace nearmiss::content {
namespace {

std::string_view SkipBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return s;
}

// Header fields that open a saved message or an MHTML page (RFC 5322 3.6,
// RFC 2045 4 and 5, RFC 2557; "Received:" and "Return-Path:" as an MTA
// prepends them). Another first field ("Note: ...") is read as text.
bool OpensWithHeader(std::string_view head) {
  static constexpr std::string_view kFields[] = {
      "mime-version:", "content-type:", "from:",        "received:",
      "return-path:",  "date:",         "message-id:",  "subject:",
      "to:",           "delivered-to:", "x-mozilla-status:"};
  for (std::string_view f : kFields) {
    if (StartsWithNoCase(head, f)) return true;
  }
  return false;
}

// XML 1.0 section 2.8 (prolog) and 3.1 (start tag): "<?xml", or "<" and a
// name character, after a byte order mark and blanks.
bool LooksLikeXml(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  head = SkipBlanks(head);
  if (head.starts_with("<?xml") || head.starts_with("<!--") ||
      StartsWithNoCase(head, "<!doctype")) {
    return true;
  }
  return head.size() > 1 && head[0] == '<' &&
         (std::isalpha(static_cast<unsigned char>(head[1])) || head[1] == '_');
}

// Formats that hold pictures, sound, video or glyphs, by their magic
// numbers (each format's specification; the WHATWG MIME Sniffing Standard's
// image, audio and video tables, and font tables).
bool KnownMedia(std::string_view h) {
  static constexpr std::string_view kAtStart[] = {
      std::string_view("\x89PNG\r\n\x1A\n", 8),  // PNG
      std::string_view("\xFF\xD8\xFF", 3),       // JPEG
      "GIF87a", "GIF89a",                        // GIF
      std::string_view("II*\0", 4),              // TIFF little-endian
      std::string_view("MM\0*", 4),              // TIFF big-endian
      std::string_view("\0\0\1\0", 4),           // ICO
      std::string_view("\0\0\2\0", 4),           // CUR
      "8BPS",                                    // Photoshop
      std::string_view("\0\0\0\x0CjP  ", 8),     // JPEG 2000
      std::string_view("\xFF\x0A", 2),           // JPEG XL codestream
      std::string_view("\xD7\xCD\xC6\x9A", 4),   // WMF (placeable)
      "ID3", "OggS", "fLaC", "#!AMR",            // MP3, Ogg, FLAC, AMR
      std::string_view("\x1A\x45\xDF\xA3", 4),   // Matroska, WebM
      std::string_view("\x30\x26\xB2\x75\x8E\x66\xCF\x11", 8),  // ASF (WMA/WMV)
      "FLV",                                     // Flash video
      std::string_view("\0\0\1\xBA", 4),         // MPEG program stream
      std::string_view("\0\0\1\xB3", 4),         // MPEG video
      // JPEG XR / HD Photo (ITU-T T.832 Annex A: "II", 0xBC, version 1),
      // which Office 2010+ writes for edited pictures (".wdp").
      std::string_view("II\xBC\x01", 4),
      // StarView metafile (LibreOffice's GDI metafile, the replacement
      // image of a chart or formula: "ObjectReplacements/Object 1").
      "VCLMTF",
      std::string_view("\0\1\0\0", 4),           // TrueType
      "OTTO", "true", "ttcf", "wOFF", "wOF2",    // OpenType, TTC, WOFF
  };
  for (std::string_view m : kAtStart) {
    if (h.starts_with(m)) return true;
  }
  // BMP: "BM" and the reserved zero words at offset 6 (BITMAPFILEHEADER).
  if (h.size() >= 14 && h.starts_with("BM") && h.substr(6, 4) == std::string_view("\0\0\0\0", 4)) {
    return true;
  }
  // RIFF containers: WebP, WAVE, AVI.
  if (h.size() >= 12 && h.starts_with("RIFF")) {
    std::string_view form = h.substr(8, 4);
    if (form == "WEBP" || form == "WAVE" || form == "AVI ") return true;
  }
  // ISO base media (MP4, MOV, M4A, HEIC, AVIF): "ftyp" at offset 4.
  if (h.size() >= 8 && h.substr(4, 4) == "ftyp") return true;
  // EMF: " EMF" at offset 40 of its header record.
  if (h.size() >= 44 && h.substr(40, 4) == " EMF") return true;
  // MP3 frame sync without an ID3 tag.
  if (h.size() >= 2 && static_cast<unsigned char>(h[0]) == 0xFF &&
      (static_cast<unsigned char>(h[1]) & 0xE0) == 0xE0) {
    return true;
  }
  return false;
}

// Parts whose bytes are a signature over other parts (RFC 8551 3.5.3,
// RFC 3156 5): nothing of the message's own words is in them.
bool DetachedSignature(std::string_view mime_type) {
  return StartsWithNoCase(mime_type, "application/pkcs7-signature") ||
         StartsWithNoCase(mime_type, "application/x-pkcs7-signature") ||
         StartsWithNoCase(mime_type, "application/pgp-signature");
}

}  // namespace

Sniffed SniffUnlisted(std::string_view mime_type, std::string_view filename,
                      std::string_view head) {
  std::string_view text = head;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (EndsWithNoCase(filename, ".mht") || EndsWithNoCase(filename, ".mhtml") ||
      (OpensWithHeader(text) && HeaderBlockParses(text))) {
    return {DocType::kMessage, nullptr};
  }
  if (DetachedSignature(mime_type)) return {DocType::kOther, nullptr};
  // UTF-16 and UTF-32 as DecodeTextBytes reads them (text_charset.h); a
  // known format's magic number before text told only by its zero bytes: a
  // bilevel TIFF's PackBits runs of white ("\x81\0\xac\0...") have zeros in
  // every other place too (round 45 tester 13, finding 3).
  const UnicodeForm unicode = SniffUnicodeForm(head);
  if (unicode.charset != nullptr && unicode.bom != 0) return {DocType::kText, nullptr};
  if (KnownMedia(head)) return {DocType::kOther, nullptr};
  // A DER certificate or a detached CMS signature (a jar's META-INF/*.RSA,
  // a Wallet pass's "signature"): names and signatures, nothing to scan.
  if (IsDerCertificate(head) || IsDetachedCmsSignature(head)) return {DocType::kOther, nullptr};
  if (unicode.charset != nullptr) return {DocType::kText, nullptr};
  if (IsOfficeOwnerFile(filename, head)) return {DocType::kOther, nullptr};
  if (head.find('\0') == std::string_view::npos) {
    return {LooksLikeXml(text) ? DocType::kXml : DocType::kText, nullptr};
  }
  return {DocType::kOther,
          "a binary file of no format nearmiss reads (not text, markup, a "
          "document, an archive or a known image, sound, video or font)"};
}

}  // namespace nearmiss::content
