// Small RAII and decoding helpers over GMime 3, so the walker reads like the
// problem rather than like GObject reference counting.
#ifndef NEARMISS_CONTENT_GMIME_UTIL_H_
#define NEARMISS_CONTENT_GMIME_UTIL_H_

#include <gmime/gmime.h>

#include <memory>
#include <string>
#include <vector>

namespace nearmiss::content {

// g_mime_init() once per process (GMime's own init is not thread-safe).
void EnsureGMimeInitialized();

struct GObjectUnref {
  void operator()(void* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

// Parser options that report GMime's warnings about malformed input into
// `warnings` (which must outlive the options). Fallback charsets let 8-bit
// headers without a charset decode as UTF-8, then Windows-1252.
struct ParserOptions {
  explicit ParserOptions(std::vector<std::string>* warnings);
  ~ParserOptions();
  ParserOptions(const ParserOptions&) = delete;
  ParserOptions& operator=(const ParserOptions&) = delete;

  GMimeParserOptions* get() const { return options_; }

 private:
  GMimeParserOptions* options_;
};

// The part's content with its transfer encoding (base64, QP, uuencode)
// removed, at most `max_bytes` (+1, so the caller can tell it was cut).
std::string DecodedContent(GMimePart* part, std::size_t max_bytes);

// True when a base64 part's encoded body holds characters outside the
// alphabet (GMime skips them silently; a sender's client never writes them).
bool HasInvalidBase64(GMimePart* part);

// Converts `bytes` in `charset` to UTF-8. False (and `bytes` unchanged in
// `*out`) when the charset is unknown to iconv.
bool ConvertToUtf8(const std::string& bytes, const char* charset,
                   std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_GMIME_UTIL_H_
