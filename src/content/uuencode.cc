// uuencoded files (uuencode.h).
#include "content/uuencode.h"

#include <gmime/gmime.h>

#include <algorithm>

#include "content/gmime_util.h"

namespace nearmiss::content {

// POSIX uuencode: "begin <mode> <name>", the mode three or four octal
// digits.
bool UuBeginLine(std::string_view line, std::string* name) {
  // "begin-base64 <mode> <name>": uuencode -m (POSIX), ended by "====".
  const bool base64 = line.starts_with("begin-base64 ");
  if (!line.starts_with("begin ") && !base64) return false;
  std::size_t i = base64 ? 13 : 6, digits = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '7') ++i, ++digits;
  if (digits < 3 || digits > 4 || i >= line.size() || line[i] != ' ') {
    return false;
  }
  *name = std::string(line.substr(i + 1));
  while (!name->empty() && (name->back() == ' ' || name->back() == '\t')) {
    name->pop_back();
  }
  return !name->empty();
}

// Just past the "end" line after `from`, or the text's end: a block cut
// short is decoded as far as it goes.
std::size_t FindUuEnd(std::string_view text, std::size_t from, bool base64) {
  for (std::size_t at = from; at < text.size();) {
    std::size_t begin = at + 1;
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == (base64 ? "====" : "end")) return std::min(end + 1, text.size());
    at = end;
  }
  return text.size();
}

namespace {

// xxencode's alphabet: the 64 values 0..63 in order. uuencode writes value
// v as the character 32 + v (value 0 also as '`'), so an xxencoded block
// is a uuencoded one once each body character is mapped across.
constexpr std::string_view kXxAlphabet =
    "+-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Whether the body of the block (the lines after "begin") is xxencoded: a
// uuencoded line uses only ' ' .. '`', an xxencoded one lower-case letters
// (a full line's length character is 'h').
bool XxBody(std::string_view body) {
  const std::size_t end = body.find("\nend");
  for (char c : body.substr(0, end)) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

// The xxencoded block as the uuencoded block it stands for.
std::string XxToUu(std::string_view block) {
  const std::size_t first = block.find('\n');
  std::string uu(block.substr(0, first == std::string_view::npos ? block.size() : first + 1));
  if (first == std::string_view::npos) return uu;
  std::string_view body = block.substr(first + 1);
  std::size_t end = body.find("\nend");
  if (body.starts_with("end")) end = 0;
  if (end == std::string_view::npos) end = body.size();
  for (char c : body.substr(0, end)) {
    const std::size_t v = kXxAlphabet.find(c);
    uu.push_back(v == std::string_view::npos ? c : v == 0 ? '`' : static_cast<char>(32 + v));
  }
  uu.append(body.substr(end));
  return uu;
}

}  // namespace

bool IsXxencoded(std::string_view block) {
  if (block.starts_with("begin-base64 ")) return false;
  const std::size_t first = block.find('\n');
  return first != std::string_view::npos && XxBody(block.substr(first + 1));
}

// GMime's uudecode filter (it finds the "begin" line itself), or its
// base64 one for the lines between "begin-base64" and "====". An
// xxencoded block is mapped to uuencode's alphabet first.
std::string UuDecode(std::string_view block) {
  std::string mapped;
  if (IsXxencoded(block)) {
    mapped = XxToUu(block);
    block = mapped;
  }
  const bool base64 = block.starts_with("begin-base64 ");
  if (base64) {
    const std::size_t first = block.find('\n');
    block = first == std::string_view::npos ? std::string_view() : block.substr(first + 1);
    if (const std::size_t end = block.rfind("===="); end != std::string_view::npos) {
      block = block.substr(0, end);
    }
  }
  GPtr<GMimeStream> in(g_mime_stream_mem_new_with_buffer(block.data(), block.size()));
  GPtr<GMimeStream> filtered(g_mime_stream_filter_new(in.get()));
  GPtr<GMimeFilter> uu(g_mime_filter_basic_new(
      base64 ? GMIME_CONTENT_ENCODING_BASE64 : GMIME_CONTENT_ENCODING_UUENCODE, FALSE));
  g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.get()), uu.get());
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_stream_write_to_stream(filtered.get(), out.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace nearmiss::content
