#include "content/header_encode.h"

#include <gmime/gmime.h>

#include <memory>

#include "content/gmime_util.h"

namespace nearmiss::content {

namespace {

// `text` with every "\n" written "\r\n" (a "\r" of its own dropped).
std::string WithCrlf(std::string_view text) {
  std::string crlf;
  crlf.reserve(text.size() + text.size() / 32);
  for (char c : text) {
    if (c == '\n') {
      crlf += "\r\n";
    } else if (c != '\r') {
      crlf += c;
    }
  }
  return crlf;
}

}  // namespace

std::string UnstructuredHeader(std::string_view name, std::string_view value) {
  EnsureGMimeInitialized();
  std::unique_ptr<char, decltype(&g_free)> encoded(
      g_mime_utils_header_encode_text(nullptr, std::string(value).c_str(), "utf-8"), &g_free);
  std::string line = std::string(name) + ": " + (encoded ? encoded.get() : "");
  std::unique_ptr<char, decltype(&g_free)> folded(
      g_mime_utils_unstructured_header_fold(nullptr, nullptr, line.c_str()), &g_free);
  // GMime folds with bare LF and ends the line with one: mail on the wire
  // (sendmail -t reads either) is written CRLF here like the other headers.
  std::string crlf = WithCrlf(folded ? folded.get() : line);
  if (!crlf.ends_with("\r\n")) crlf += "\r\n";
  return crlf;
}

std::string QuotedPrintableBody(std::string_view text) {
  EnsureGMimeInitialized();
  // GMime's encoder keeps "\n" as a hard line break: a "\r" before one
  // would be encoded as "=0D".
  std::string lf;
  lf.reserve(text.size());
  for (char c : text) {
    if (c != '\r') lf += c;
  }
  GMimeEncoding state;
  g_mime_encoding_init_encode(&state, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  std::string out(g_mime_encoding_outlen(&state, lf.size()), '\0');
  out.resize(g_mime_encoding_flush(&state, lf.data(), lf.size(), out.data()));
  return WithCrlf(out);
}

std::string DecodedPhrase(std::string_view phrase) {
  if (phrase.find("=?") == std::string_view::npos) return std::string(phrase);
  EnsureGMimeInitialized();
  const std::string text(phrase);
  std::unique_ptr<char, decltype(&g_free)> decoded(
      g_mime_utils_header_decode_phrase(nullptr, text.c_str()), &g_free);
  return decoded ? std::string(decoded.get()) : text;
}

std::string DecodedText(std::string_view text) {
  std::string out;
  if (text.find("=?") == std::string_view::npos) {
    out = std::string(text);
  } else {
    EnsureGMimeInitialized();
    const std::string raw(text);
    std::unique_ptr<char, decltype(&g_free)> decoded(
        g_mime_utils_header_decode_text(nullptr, raw.c_str()), &g_free);
    out = decoded ? std::string(decoded.get()) : raw;
  }
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

}  // namespace nearmiss::content
