// data: URLs and srcdoc pages in HTML (html_data_uris.h).
#include "content/html_data_uris.h"

#include <glib.h>

#include <vector>

#include "content/css_values.h"
#include "content/embedded_blobs.h"
#include "content/picture_parts.h"

namespace nearmiss::content {
namespace {

std::string DataUrlLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(g_ascii_tolower(c));
  return out;
}

// A name whose suffix tells ClassifyDocument what the member is (the
// archive walk classifies members by name and bytes, not a MIME type).
std::string DataUrlMemberName(std::string_view type, std::size_t n, std::string_view download) {
  if (!download.empty()) return std::string(download);
  std::string name = "data-url-" + std::to_string(n);
  static constexpr std::pair<std::string_view, std::string_view> kSuffixes[] = {
      {"text/plain", ".txt"},       {"text/html", ".html"},        {"text/csv", ".csv"},
      {"application/zip", ".zip"},  {"application/pdf", ".pdf"},   {"text/xml", ".xml"},
      {"application/xml", ".xml"},  {"text/rtf", ".rtf"},          {"application/rtf", ".rtf"},
      {"message/rfc822", ".eml"},   {"image/svg+xml", ".svg"},
  };
  for (const auto& [t, suffix] : kSuffixes) {
    if (type == t) return name + std::string(suffix);
  }
  return name;
}

// The URLs of a style sheet's or style attribute's url() functions that
// are data URLs (CSS Syntax 3, 4.3.6 "consume a url token", and url() with
// a quoted string): `background: url(data:...)`, `url("data:...")`,
// `@import url(data:text/css,...)`. Escapes are decoded (UnescapeCss).
std::vector<std::string> CssDataUrls(std::string_view css) {
  std::vector<std::string> urls;
  const std::string lower = DataUrlLower(css);  // "URL(" is url( too
  for (std::size_t at = 0; (at = lower.find("url(", at)) != std::string::npos;) {
    std::size_t i = at + 4;
    at = i;
    while (i < css.size() && IsCssSpace(css[i])) ++i;
    std::size_t end;
    if (i < css.size() && (css[i] == '"' || css[i] == '\'')) {
      const char quote = css[i++];
      end = css.find(quote, i);
    } else {
      end = css.find(')', i);
    }
    if (end == std::string_view::npos) end = css.size();
    std::string url = UnescapeCss(TrimCss(css.substr(i, end - i)));
    if (url.size() >= 5 && g_ascii_strncasecmp(url.c_str(), "data:", 5) == 0) {
      urls.push_back(std::move(url));
    }
    at = end;
  }
  return urls;
}

// Whether a data URL holds no data: "data:", "data:image/png;base64,".
bool IsEmptyDataUrl(std::string_view uri) {
  const std::size_t comma = uri.find(',');
  std::string_view data = comma == std::string_view::npos ? uri.substr(5) : uri.substr(comma + 1);
  if (comma == std::string_view::npos && data.find_first_of(";/") != std::string_view::npos) {
    return false;  // "data:text/plain;base64": a head, cut short
  }
  return data.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// A media type a browser shows only as a picture: image/*, save SVG
// (markup whose <text> is words).
bool IsPictureType(std::string_view type) {
  return type.starts_with("image/") && type != "image/svg+xml";
}

// Why a picture or an empty URL that does not decode is a note (round 54's
// tester 13, finding 3: such mail was held): a picture that decodes is not
// read either, and one that does not shows a recipient nothing (an
// unfilled template's "data:image/png;base64,{{logo}}").
}  // namespace

void AddDataUrl(const std::string& value, const std::string& where, std::string_view download,
                std::size_t* n, Extracted* out) {
  ++*n;
  std::string type, bytes;
  if (!DecodeDataUri(value, &type, &bytes)) {
    const std::string_view uri = TrimCss(value);
    if (uri.size() >= 5 && IsEmptyDataUrl(uri)) {
      out->notes.push_back("an empty data: URL in " + where + "; nothing to read");
    } else if (IsPictureType(type)) {
      out->notes.push_back("a data: URL picture (" + type + ") in " + where +
                           " does not decode (RFC 2397); nothing is shown");
    } else {
      out->errors.push_back("a data: URL in " + where +
                            " does not decode (RFC 2397); its content is not read");
    }
    return;
  }
  // A picture, as an inline picture part: not a file to read.
  if (!PictureKind(bytes).empty()) return;
  ExtractedMember file;
  file.path = DataUrlMemberName(type, *n, download);
  file.text = std::move(bytes);
  out->data_files.push_back(std::move(file));
}

bool DecodeDataUri(std::string_view uri, std::string* type, std::string* bytes) {
  bytes->clear();
  type->clear();
  while (!uri.empty() && (uri.front() == ' ' || uri.front() == '\t' || uri.front() == '\n' ||
                          uri.front() == '\r')) {
    uri.remove_prefix(1);
  }
  if (uri.size() < 5 || DataUrlLower(uri.substr(0, 5)) != "data:") return false;
  uri.remove_prefix(5);
  const std::size_t comma = uri.find(',');
  if (comma == std::string_view::npos) return false;
  std::string head = DataUrlLower(uri.substr(0, comma));
  std::string_view data = uri.substr(comma + 1);
  bool base64 = false;
  if (head.size() >= 7 && head.ends_with(";base64")) {
    base64 = true;
    head.resize(head.size() - 7);
  }
  *type = head.substr(0, head.find(';'));
  if (type->empty()) *type = "text/plain";
  // Percent-encoding applies to both forms (RFC 2397 section 3).
  GBytes* unescaped = g_uri_unescape_bytes(std::string(data).c_str(), -1, nullptr, nullptr);
  if (unescaped == nullptr) return false;
  gsize size = 0;
  const char* raw = static_cast<const char*>(g_bytes_get_data(unescaped, &size));
  std::string text(raw == nullptr ? "" : raw, size);
  g_bytes_unref(unescaped);
  if (!base64) {
    *bytes = std::move(text);
    return true;
  }
  std::string chars;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') chars.push_back(c);
  }
  for (char c : chars) {
    if (!g_ascii_isalnum(c) && c != '+' && c != '/' && c != '=') return false;
  }
  gsize length = 0;
  guchar* decoded = g_base64_decode(chars.c_str(), &length);
  bytes->assign(reinterpret_cast<const char*>(decoded), length);
  g_free(decoded);
  return true;
}

void CollectHtmlEmbedded(const xmlNode* root, Extracted* out) {
  std::size_t n = 0;
  for (const xmlNode* node = root; node != nullptr;) {
    if (node->type == XML_ELEMENT_NODE) {
      std::string download;
      for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
        if (g_ascii_strcasecmp(reinterpret_cast<const char*>(a->name), "download") != 0) continue;
        xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
        if (v != nullptr) download = reinterpret_cast<const char*>(v);
        xmlFree(v);
      }
      for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
        xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
        if (v == nullptr) continue;
        std::string value(reinterpret_cast<const char*>(v));
        xmlFree(v);
        const char* attr = reinterpret_cast<const char*>(a->name);
        if (g_ascii_strcasecmp(attr, "srcdoc") == 0) {
          // The iframe shows this page: its text is read as the page's.
          Extracted page = HtmlToText(value);
          out->hidden.push_back({"iframe srcdoc", std::move(page.text)});
          for (HiddenText& h : page.hidden) out->hidden.push_back(std::move(h));
          for (ExtractedMember& f : page.data_files) out->data_files.push_back(std::move(f));
          for (std::string& e : page.errors) out->errors.push_back(std::move(e));
          for (std::string& n : page.notes) out->notes.push_back(std::move(n));
          continue;
        }
        const std::string where =
            std::string("<") + reinterpret_cast<const char*>(node->name) + " " + attr + ">";
        if (g_ascii_strcasecmp(attr, "style") == 0) {
          // An inline style's url(data:...) (a background, a list marker).
          for (const std::string& url : CssDataUrls(value)) AddDataUrl(url, where, "", &n, out);
          continue;
        }
        const std::size_t start = value.find_first_not_of(" \t\r\n");
        if (start == std::string::npos) continue;
        if (g_ascii_strncasecmp(value.c_str() + start, "data:", 5) != 0) continue;
        AddDataUrl(value, where, attr == std::string_view("href") ? download : "", &n, out);
      }
      if (g_ascii_strcasecmp(reinterpret_cast<const char*>(node->name), "style") == 0) {
        // A style sheet's url(data:...): the sheet is code, never read as
        // words (html_text.cc), but a file it embeds is a file.
        if (xmlChar* raw = xmlNodeGetContent(node)) {
          for (const std::string& url : CssDataUrls(reinterpret_cast<const char*>(raw))) {
            AddDataUrl(url, "<style>", "", &n, out);
          }
          xmlFree(raw);
        }
      }
    }
    // Depth first, without recursion (a deep page must not exhaust the stack).
    if (node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node != root && node->next == nullptr) node = node->parent;
    if (node == nullptr || node == root) break;
    node = node->next;
  }
}

void ReadHtmlDataFiles(std::string_view name, ExtractBudget& budget, Extracted* out) {
  std::vector<ExtractedMember> files = std::move(out->data_files);
  out->data_files.clear();
  for (const ExtractedMember& f : files) ExtractEmbedded(name, f.path, f.text, budget, out);
  // A data: URL or base64 run in the page's visible text (pasted as words
  // of a paragraph, not an attribute): read as a plain text's are (round
  // 55's tester 13: only text/plain parts went through them).
  ExtractEmbeddedBlobs(name, out->text, budget, out, files);
}

}  // namespace nearmiss::content
