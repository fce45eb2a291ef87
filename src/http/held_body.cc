#include "http/held_body.h"

#include <gmime/gmime.h>

#include "content/extract.h"
#include "content/flowed_text.h"
#include "content/gmime_util.h"
#include "content/text_charset.h"

namespace nearmiss::http {
namespace {

using content::GPtr;

std::string OrEmpty(const char* s) { return s == nullptr ? std::string() : std::string(s); }

std::string MimeType(GMimeObject* object) {
  GMimeContentType* ct = g_mime_object_get_content_type(object);
  if (ct == nullptr) return "text/plain";  // RFC 2045 section 5.2's default
  return OrEmpty(g_mime_content_type_get_media_type(ct)) + "/" +
         OrEmpty(g_mime_content_type_get_media_subtype(ct));
}

// A part's content decoded (transfer encoding, then charset) to UTF-8,
// reading at most about `want` bytes of it.
std::string DecodedText(GMimePart* part, std::size_t want) {
  std::string bytes;
  content::PartContent body(part);
  body.Read(want, &bytes);
  GMimeObject* object = GMIME_OBJECT(part);
  const char* charset = g_mime_object_get_content_type_parameter(object, "charset");
  std::string text;
  if (charset == nullptr || !content::ConvertToUtf8(bytes, charset, &text)) text = bytes;
  // Undeclared or mislabelled legacy bytes read as Windows-1252, as the
  // scanner reads them, never sent on as invalid UTF-8.
  if (std::string mended; content::MendInvalidUtf8(text, &mended)) text = std::move(mended);
  const char* format = g_mime_object_get_content_type_parameter(object, "format");
  if (format != nullptr && g_ascii_strcasecmp(format, "flowed") == 0) {
    const char* delsp = g_mime_object_get_content_type_parameter(object, "delsp");
    std::string joined;
    if (content::UnflowText(text, delsp != nullptr && g_ascii_strcasecmp(delsp, "yes") == 0,
                            &joined)) {
      text = std::move(joined);
    }
  }
  return text;
}

// `text` cut to at most `max` bytes, at a UTF-8 character's start.
bool Cut(std::string& text, std::size_t max) {
  if (text.size() <= max) return false;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return true;
}

struct Walk {
  std::size_t max_text;
  HeldBody out;
  std::string html;
  bool html_seen = false;
};

void Visit(GMimeObject* parent, GMimeObject* object, gpointer data) {
  (void)parent;
  Walk& w = *static_cast<Walk*>(data);
  const std::string type = MimeType(object);
  if (GMIME_IS_MESSAGE_PART(object)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
    const std::string subject =
        inner == nullptr ? std::string() : OrEmpty(g_mime_message_get_subject(inner));
    w.out.attachments.push_back(subject.empty() ? "a forwarded message (" + type + ")"
                                                : "a forwarded message: " + subject);
    return;
  }
  if (!GMIME_IS_PART(object)) return;  // a multipart: its parts are visited
  GMimePart* part = GMIME_PART(object);
  const std::string name = OrEmpty(g_mime_part_get_filename(part));
  const bool attached = g_mime_part_is_attachment(part) || !name.empty();
  // Read past the bound, so the cut below knows the part held more.
  const std::size_t want = w.max_text * 4 + 1024;
  if (!attached && type == "text/plain" && w.out.from != "text/plain") {
    w.out.text = DecodedText(part, want);
    w.out.from = "text/plain";
    return;
  }
  if (!attached && type == "text/html" && !w.html_seen) {
    w.html = DecodedText(part, want);
    w.html_seen = true;
    return;
  }
  if (!attached && (type == "text/plain" || type == "text/html")) return;  // another alternative
  w.out.attachments.push_back(name.empty() ? "unnamed " + type : name + " (" + type + ")");
}

}  // namespace

HeldBody ReadHeldBody(std::string_view message, std::size_t max_text) {
  content::EnsureGMimeInitialized();
  Walk w{max_text, {}, {}, false};
  {
    content::BorrowedStream stream(message);
    std::vector<std::string> warnings;
    content::ParserOptions options(&warnings);
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GPtr<GMimeMessage> parsed(g_mime_parser_construct_message(parser.get(), options.get()));
    if (parsed == nullptr) return w.out;
    GMimeObject* body = g_mime_message_get_mime_part(parsed.get());
    if (body == nullptr) return w.out;
    if (GMIME_IS_MULTIPART(body)) {
      g_mime_multipart_foreach(GMIME_MULTIPART(body), Visit, &w);
    } else {
      Visit(nullptr, body, &w);
    }
  }
  if (w.out.from != "text/plain" && w.html_seen) {
    w.out.text = content::HtmlToText(w.html).text;
    w.out.from = "text/html";
  }
  w.out.truncated = Cut(w.out.text, max_text);
  return w.out;
}

}  // namespace nearmiss::http
