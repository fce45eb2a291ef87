// Files encoded inside a text (encoded_text.h).
#include "content/encoded_text.h"

#include <glib.h>

#include "content/embedded_blobs.h"
#include "content/yenc.h"

namespace nearmiss::content {
namespace {

bool IsBase64BlobChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '+' || c == '/';
}

// Shorter than this, a lone word ("Thanks", "OK") could pass as base64.
constexpr std::size_t kMinBase64Blob = 16;

// RFC 1741: BinHex 4.0 writes its data in these 64 characters, in lines of
// 64 columns, the first opened and the last closed by ':' (encoders differ
// on whether the opening ':' is one of the 64: StuffIt's is, Python's
// binhex module's is not).
constexpr std::string_view kBinHexAlphabet =
    "!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";
constexpr std::size_t kBinHexColumns = 64;
// The shortest file (a one-letter name, no forks) is over 20 characters of
// data; fewer after ':' is prose (":-)").
constexpr std::size_t kMinBinHexLine = 17;

// A line that opens BinHex data: ':' then the alphabet, a full 64-column
// line or a short file closed by ':'. A quoting "> " is left off, as the
// marker line may be quoted.
bool IsBinHexDataStart(std::string_view line) {
  while (!line.empty() && (line.front() == '>' || line.front() == ' ')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  if (line.size() < kMinBinHexLine || line.front() != ':') return false;
  const bool closed = line.size() < kBinHexColumns && line.back() == ':';
  if (line.size() != kBinHexColumns && line.size() != kBinHexColumns + 1 && !closed) return false;
  std::string_view data = line.substr(1, line.size() - (closed ? 2 : 1));
  return data.find_first_not_of(kBinHexAlphabet) == std::string_view::npos;
}

// Whether a line of `text` (what follows the marker line) opens BinHex
// data. Decoders skip what stands between the marker and the ':', so any
// later line counts, not only the next.
bool HasBinHexData(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    if (IsBinHexDataStart(text.substr(at, end - at))) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace

bool HasBinHex(std::string_view text) {
  // Decoders look for the line's start only; the version may differ.
  static constexpr std::string_view kLine = "(This file must be converted with BinHex";
  for (std::size_t at = text.find(kLine); at != std::string_view::npos;
       at = text.find(kLine, at + 1)) {
    if (at != 0 && text[at - 1] != '\n' && text[at - 1] != ' ' && text[at - 1] != '>') continue;
    // The data follows the line; the sentence quoted in prose has none.
    const std::size_t eol = text.find('\n', at);
    if (eol != std::string_view::npos && HasBinHexData(text.substr(eol + 1))) return true;
  }
  return false;
}

bool IsBase64Blob(std::string_view text, std::string* decoded) {
  std::string chars;
  std::size_t padding = 0;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '=') {
      if (++padding > 2) return false;
    } else if (!IsBase64BlobChar(c) || padding > 0) {
      return false;
    }
    chars.push_back(c);
  }
  if (chars.size() < kMinBase64Blob || chars.size() % 4 != 0) return false;
  // Spaces inside a line are words, not base64 (which breaks only lines).
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.find(' ') != std::string_view::npos || line.find('\t') != std::string_view::npos)
      return false;
    at = end + 1;
  }
  gsize length = 0;
  guchar* bytes = g_base64_decode(chars.c_str(), &length);
  decoded->assign(reinterpret_cast<const char*>(bytes), length);
  g_free(bytes);
  return true;
}

void ExtractEncodedFiles(std::string_view name, std::string_view text,
                         ExtractBudget& budget, Extracted* out) {
  ExtractUuencoded(name, text, budget, out);
  // yEnc (yenc.h): each file read as a member; a block that does not
  // decode is unreadable, as a BinHex file is.
  if (HasYencBegin(text)) {
    std::vector<std::string> errors;
    for (const YencFile& file : DecodeYenc(text, &errors)) {
      ExtractEmbedded(name, file.name, file.bytes, budget, out);
    }
    for (const std::string& e : errors) out->errors.push_back(std::string(name) + ": " + e);
  }
  if (HasBinHex(text)) {
    out->errors.push_back(std::string(name) +
                          ": holds a BinHex 4.0 file (RFC 1741), which is not decoded; "
                          "its text is not read");
  }
  // A text that is one base64 blob is a file sent encoded twice (a
  // ".b64" file, base64 sent as 7bit): read what it decodes to.
  std::string decoded;
  if (text.size() <= budget.per_attachment_bytes * 2 && IsBase64Blob(text, &decoded)) {
    ExtractEmbedded(name, "base64", decoded, budget, out);
    return;
  }
  // One inside other words: a pasted data: URL, a base64 run of lines.
  ExtractEmbeddedBlobs(name, text, budget, out);
}

}  // namespace nearmiss::content
