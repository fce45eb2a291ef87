// Files encoded inside a longer text (embedded_blobs.h).
#include "content/embedded_blobs.h"

#include <glib.h>

#include <algorithm>

#include "base/ascii.h"
#include "content/encrypted_format.h"
#include "content/html_data_uris.h"
#include "content/picture_parts.h"
#include "content/text_charset.h"

namespace nearmiss::content {
namespace {

// Shorter than this, a lone word ("Thanks", "OK") could pass as base64 (as
// encoded_text.cc's whole-text blob).
constexpr std::size_t kMinBlob = 16;

bool IsBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '+' || c == '/';
}

// RFC 2397 mediatype: [ type "/" subtype ] *( ";" parameter ), each a
// token (RFC 2045 5.1), then ";base64" perhaps; lower or upper case.
bool IsDataUrlHead(std::string_view head) {
  if (head.empty()) return true;
  for (char c : head) {
    if (!g_ascii_isalnum(c) && std::string_view("!#$&^_.+-/;=").find(c) == std::string_view::npos) {
      return false;
    }
  }
  const std::string_view type = head.substr(0, head.find(';'));
  return type.empty() || (type.find('/') != std::string_view::npos && type.front() != '/');
}

bool EndsDataUrl(char c) {
  return g_ascii_isspace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == ')' ||
         c == ']' || c == '`';
}

// A line as a base64 run sees it: a "> " quote and edge blanks left off.
std::string_view RunLine(std::string_view line) {
  while (!line.empty() && (line.front() == '>' || line.front() == ' ' || line.front() == '\t')) {
    line.remove_prefix(1);
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

// Base64's alphabet, '=' only as the last one or two characters.
bool IsBase64Line(std::string_view line) {
  if (line.empty()) return false;
  std::size_t end = line.size();
  while (end > 0 && line.size() - end < 2 && line[end - 1] == '=') --end;
  for (char c : line.substr(0, end)) {
    if (!IsBase64Char(c)) return false;
  }
  return end > 0;
}

// Only letters: a word ("Thanks", "Regards") as much as base64.
bool LettersOnly(std::string_view line) {
  for (char c : line) {
    if (!g_ascii_isalpha(c)) return false;
  }
  return true;
}

// The base64 lines that continue the data URL `url` when a line break cut
// it (`rest`: the text after it; `line_width`: the width of the URL's own
// line), joined on; "" when none does. RFC 2045 6.8 and a mail client's
// wrap break a long word the same way: each line of one width, the last
// no wider, and none wider than the line it continues. A short line of
// letters only after the URL is a word of the mail, not its end; and the
// joined data is whole base64 (a multiple of 4), else fewer lines are.
// `*used`: where in `rest` the lines joined end.
std::string Continuation(std::string_view url, std::string_view rest, std::size_t line_width,
                         std::size_t* used) {
  *used = 0;
  const std::size_t comma = url.find(',');
  if (!EndsWithNoCase(url.substr(0, comma), ";base64") || url.ends_with('=')) return {};
  std::size_t at = 0;
  while (at < rest.size() && (rest[at] == ' ' || rest[at] == '\t' || rest[at] == '\r')) ++at;
  if (at >= rest.size() || rest[at] != '\n') return {};
  std::vector<std::string_view> lines;
  std::vector<std::size_t> ends;  // where each line ends in `rest`
  std::size_t width = 0;
  for (++at; at < rest.size();) {
    std::size_t end = rest.find('\n', at);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view line = RunLine(rest.substr(at, end - at));
    at = end + 1;
    if (!IsBase64Line(line) || line.size() > line_width) break;
    if (!lines.empty() && line.size() > width) break;
    if (lines.empty()) width = line.size();
    lines.push_back(line);
    ends.push_back(end);
    if (line.size() < width || line.back() == '=') break;
  }
  if (!lines.empty() && lines.back().size() < kMinBlob && LettersOnly(lines.back())) {
    lines.pop_back();
    ends.pop_back();
  }
  std::size_t data = url.size() - comma - 1;
  for (std::string_view line : lines) data += line.size();
  while (!lines.empty() && data % 4 != 0) {
    data -= lines.back().size();
    lines.pop_back();
    ends.pop_back();
  }
  if (!ends.empty()) *used = ends.back();
  std::string joined;
  for (std::string_view line : lines) joined.append(line);
  return joined;
}

}  // namespace

std::vector<std::string> TextDataUrls(std::string_view text,
                                      std::vector<std::pair<std::size_t, std::size_t>>* joined) {
  std::vector<std::string> urls;
  for (std::size_t at = 0; at + 5 <= text.size(); ++at) {
    if (!EqualsNoCase(text.substr(at, 5), "data:")) continue;
    if (at > 0 && (g_ascii_isalnum(text[at - 1]) || text[at - 1] == '-' || text[at - 1] == '_')) {
      continue;  // "metadata:", "big-data:"
    }
    std::size_t end = at + 5;
    while (end < text.size() && !EndsDataUrl(text[end])) ++end;
    const std::string_view url = text.substr(at, end - at);
    const std::size_t comma = url.find(',');
    if (comma != std::string_view::npos && IsDataUrlHead(url.substr(5, comma - 5)) &&
        url.size() - comma - 1 >= kMinBlob) {
      const std::size_t line_start = text.rfind('\n', at) == std::string_view::npos
                                         ? 0
                                         : text.rfind('\n', at) + 1;
      urls.emplace_back(url);
      std::size_t used = 0;
      urls.back() += Continuation(url, text.substr(end), end - line_start, &used);
      if (used != 0 && joined != nullptr) joined->emplace_back(end, end + used);
      if (used != 0) end += used;
    }
    at = end - 1;
  }
  return urls;
}

std::vector<std::string> TextBase64Runs(std::string_view text) {
  std::vector<std::string> runs;
  std::string chars;
  std::size_t width = 0, lines = 0;
  bool closed = false;   // the run's last line was shorter, or padded
  bool skipped = false;  // the run follows "begin-base64": uuencode -m's
  auto flush = [&] {
    if (!skipped && chars.size() >= kMinBlob && chars.size() % 4 == 0) {
      gsize length = 0;
      guchar* bytes = g_base64_decode(chars.c_str(), &length);
      runs.emplace_back(reinterpret_cast<const char*>(bytes), length);
      g_free(bytes);
    }
    chars.clear();
    width = lines = 0;
    closed = skipped = false;
  };
  std::string_view previous;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = RunLine(text.substr(at, end - at));
    at = end + 1;
    if (!IsBase64Line(line) || (lines > 0 && (closed || line.size() > width))) {
      flush();
      if (!IsBase64Line(line)) {
        previous = line;
        continue;
      }
    }
    if (lines == 0) skipped = previous.starts_with("begin-base64 ");
    if (lines > 0 && line.size() < width) closed = true;
    if (line.back() == '=') closed = true;
    width = std::max(width, line.size());
    ++lines;
    chars.append(line);
    previous = line;
  }
  flush();
  return runs;
}

bool IsReadableBlob(std::string_view bytes) {
  if (!PictureKind(bytes.substr(0, 4096)).empty()) return false;  // not shown in a text
  if (ClassifyDocument("", "", bytes) != DocType::kOther) return true;
  // UTF-16 or UTF-32 with its byte order mark (Notepad's "Unicode").
  if (const UnicodeForm form = SniffUnicodeForm(bytes); form.charset != nullptr && form.bom > 0) {
    return true;
  }
  if (!g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), nullptr)) return false;
  std::size_t control = 0;
  for (unsigned char c : bytes) {
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 <= bytes.size();  // 95% or more printable
}

void ExtractEmbeddedBlobs(std::string_view name, std::string_view text, ExtractBudget& budget,
                          Extracted* out, const std::vector<ExtractedMember>& read) {
  std::size_t n = read.size();
  Extracted urls;
  std::vector<std::pair<std::size_t, std::size_t>> joined;
  for (const std::string& url : TextDataUrls(text, &joined)) {
    AddDataUrl(url, "the text", "", &n, &urls);
  }
  for (std::string& e : urls.errors) out->errors.push_back(std::string(name) + ": " + e);
  for (std::string& e : urls.notes) out->notes.push_back(std::string(name) + ": " + e);
  for (ExtractedMember& f : urls.data_files) {
    const bool again = std::any_of(read.begin(), read.end(),
                                   [&f](const ExtractedMember& r) { return r.text == f.text; });
    if (!again) ExtractEmbedded(name, f.path, f.text, budget, out);
  }
  // The lines joined to a URL are its, not a base64 run of their own.
  std::string rest;
  if (!joined.empty()) {
    rest.assign(text);
    for (const auto& [from, to] : joined) {
      for (std::size_t i = from; i < to; ++i) {
        if (rest[i] != '\n') rest[i] = ' ';
      }
    }
    text = rest;
  }
  std::size_t runs = 0;
  for (const std::string& bytes : TextBase64Runs(text)) {
    ++runs;
    // Encrypted bytes (a CMS or binary OpenPGP message, age, openssl enc)
    // are named encrypted as the same file attached is.
    if (!IsReadableBlob(bytes) &&
        EncryptedFileFormat(std::string_view(bytes).substr(0, 4096)) == nullptr) {
      continue;
    }
    ExtractEmbedded(name, "base64-" + std::to_string(runs), bytes, budget, out);
  }
}

}  // namespace nearmiss::content
