#include "content/gmime_util.h"

#include <mutex>

namespace nearmiss::content {
namespace {

void OnParserWarning(gint64 offset, GMimeParserWarning code, const gchar* item,
                     gpointer user_data) {
  const char* what = nullptr;
  switch (code) {
    case GMIME_WARN_TRUNCATED_MESSAGE: what = "truncated message"; break;
    case GMIME_WARN_MALFORMED_MULTIPART: what = "malformed multipart"; break;
    case GMIME_WARN_MALFORMED_MESSAGE: what = "malformed message"; break;
    case GMIME_WARN_INVALID_CONTENT_TYPE: what = "invalid content type"; break;
    case GMIME_WARN_PART_WITHOUT_CONTENT: what = "part without content"; break;
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
      what = "invalid RFC 2047 encoded word";
      break;
    case GMIME_CRIT_INVALID_HEADER_NAME: what = "invalid header name"; break;
    case GMIME_CRIT_CONFLICTING_HEADER: what = "conflicting header"; break;
    case GMIME_CRIT_CONFLICTING_PARAMETER: what = "conflicting parameter"; break;
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
      what = "multipart without boundary";
      break;
    case GMIME_CRIT_NESTING_OVERFLOW: what = "MIME nesting overflow"; break;
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      what = "part without headers or content";
      break;
    default:
      return;  // duplicated headers, 8-bit headers: common and harmless
  }
  auto* warnings = static_cast<std::vector<std::string>*>(user_data);
  if (warnings->size() >= 20) return;  // a broken message repeats itself
  std::string message = std::string("mime: ") + what;
  if (item != nullptr && *item != '\0') {
    message += " '" + std::string(item).substr(0, 100) + "'";
  }
  if (offset >= 0) message += " at byte " + std::to_string(offset);
  warnings->push_back(std::move(message));
}

}  // namespace

void EnsureGMimeInitialized() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

ParserOptions::ParserOptions(std::vector<std::string>* warnings)
    : options_(g_mime_parser_options_new()) {
  static const char* kFallback[] = {"UTF-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options_, kFallback);
  g_mime_parser_options_set_warning_callback(options_, &OnParserWarning,
                                             warnings);
}

ParserOptions::~ParserOptions() { g_mime_parser_options_free(options_); }

std::string DecodedContent(GMimePart* part, std::size_t max_bytes) {
  std::string out;
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return out;
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(
      reinterpret_cast<GMimeStreamMem*>(mem.get()));
  std::size_t n = std::min<std::size_t>(array->len, max_bytes + 1);
  out.assign(reinterpret_cast<const char*>(array->data), n);
  return out;
}

bool HasInvalidBase64(GMimePart* part) {
  if (g_mime_part_get_content_encoding(part) != GMIME_CONTENT_ENCODING_BASE64) {
    return false;
  }
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return false;
  GMimeStream* raw = g_mime_data_wrapper_get_stream(content);
  if (raw == nullptr) return false;
  g_mime_stream_reset(raw);
  char buf[8192];
  bool bad = false;
  bool padding_seen = false;
  for (;;) {
    ssize_t n = g_mime_stream_read(raw, buf, sizeof buf);
    if (n <= 0) break;
    for (ssize_t i = 0; i < n && !bad; ++i) {
      unsigned char c = static_cast<unsigned char>(buf[i]);
      bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                   (c >= '0' && c <= '9') || c == '+' || c == '/';
      if (c == '=') {
        padding_seen = true;
      } else if (alpha) {
        bad = padding_seen;  // data after padding
      } else if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
        bad = true;
      }
    }
    if (bad) break;
  }
  g_mime_stream_reset(raw);
  return bad;
}

bool ConvertToUtf8(const std::string& bytes, const char* charset,
                   std::string* out) {
  GMimeFilter* filter = g_mime_filter_charset_new(charset, "UTF-8");
  if (filter == nullptr) {
    *out = bytes;
    return false;
  }
  GPtr<GMimeFilter> owned(filter);
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  GPtr<GMimeStream> filtered(g_mime_stream_filter_new(mem.get()));
  g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.get()), filter);
  g_mime_stream_write(filtered.get(), bytes.data(), bytes.size());
  g_mime_stream_flush(filtered.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(
      reinterpret_cast<GMimeStreamMem*>(mem.get()));
  out->assign(reinterpret_cast<const char*>(array->data), array->len);
  return true;
}

}  // namespace nearmiss::content
