#include "content/header_encode.h"

#include <gmime/gmime.h>

#include <memory>

#include "content/gmime_util.h"

namespace nearmiss::content {

std::string UnstructuredHeader(std::string_view name, std::string_view value) {
  EnsureGMimeInitialized();
  std::unique_ptr<char, decltype(&g_free)> encoded(
      g_mime_utils_header_encode_text(nullptr, std::string(value).c_str(), "utf-8"), &g_free);
  std::string line = std::string(name) + ": " + (encoded ? encoded.get() : "");
  std::unique_ptr<char, decltype(&g_free)> folded(
      g_mime_utils_unstructured_header_fold(nullptr, nullptr, line.c_str()), &g_free);
  std::string out = folded ? folded.get() : line;
  // GMime folds with bare LF and ends the line with one: mail on the wire
  // (sendmail -t reads either) is written CRLF here like the other headers.
  std::string crlf;
  for (char c : out) {
    if (c == '\n') {
      crlf += "\r\n";
    } else if (c != '\r') {
      crlf += c;
    }
  }
  if (!crlf.ends_with("\r\n")) crlf += "\r\n";
  return crlf;
}

std::string DecodedPhrase(std::string_view phrase) {
  if (phrase.find("=?") == std::string_view::npos) return std::string(phrase);
  EnsureGMimeInitialized();
  const std::string text(phrase);
  std::unique_ptr<char, decltype(&g_free)> decoded(
      g_mime_utils_header_decode_phrase(nullptr, text.c_str()), &g_free);
  return decoded ? std::string(decoded.get()) : text;
}

}  // namespace nearmiss::content
