#include "content/gmime_util.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <string_view>

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

// One pass over a block of base64 text: returns whether it is a valid
// continuation (only the alphabet and blanks, and after the first '='
// (`*padding_seen`) only '=' and blanks), and adds to `*data_chars` how many
// of its characters carry data (the 64-letter alphabet). One pass, not two:
// an attachment nobody reads is only sized and checked, so this loop is all
// the work its bytes cost.
bool ScanBase64Block(std::string_view block, bool* padding_seen,
                     std::size_t* data_chars) {
  static constexpr unsigned char kData = 1;   // the alphabet
  static constexpr unsigned char kNever = 2;  // never valid; '=' and blanks are neither
  static const auto kClass = [] {
    std::array<unsigned char, 256> t{};
    t.fill(kNever);
    for (unsigned char c : std::string_view(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")) {
      t[c] = kData;
    }
    for (unsigned char c : {'=', '\r', '\n', ' ', '\t'}) t[c] = 0;
    return t;
  }();
  std::size_t data_end = block.size();
  if (!*padding_seen) {
    std::size_t eq = block.find('=');
    if (eq != std::string_view::npos) {
      *padding_seen = true;
      data_end = eq;
    }
  } else {
    data_end = 0;
  }
  unsigned char any = 0;
  std::size_t n = 0;
  for (char c : block) {
    unsigned char t = kClass[static_cast<unsigned char>(c)];
    any |= t;
    n += t & kData;
  }
  *data_chars += n;
  if ((any & kNever) != 0) return false;
  // Past the padding only '=' and blanks may follow.
  for (std::size_t i = data_end; i < block.size(); ++i) {
    char c = block[i];
    if (c != '=' && c != '\r' && c != '\n' && c != ' ' && c != '\t') return false;
  }
  return true;
}

// ASCII, and no "xn--" (any case) anywhere, so no A-label in the domain.
bool AsciiWithoutALabel(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
    if (i + 4 <= s.size() && g_ascii_strncasecmp(s.data() + i, "xn--", 4) == 0) {
      return false;
    }
  }
  return true;
}

// 7bit, 8bit, binary or none (RFC 2045 section 6.2): nothing to decode.
bool IsIdentity(GMimeContentEncoding encoding) {
  return encoding == GMIME_CONTENT_ENCODING_DEFAULT || encoding == GMIME_CONTENT_ENCODING_7BIT ||
         encoding == GMIME_CONTENT_ENCODING_8BIT || encoding == GMIME_CONTENT_ENCODING_BINARY;
}

}  // namespace

void EnsureGMimeInitialized() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

BorrowedStream::BorrowedStream(std::string_view bytes)
    // The array does not own the bytes (freed with FALSE below), so the
    // const_cast writes nothing.
    : array_(g_byte_array_new_take(
          const_cast<guint8*>(reinterpret_cast<const guint8*>(bytes.data())),
          bytes.size())),
      stream_(g_mime_stream_mem_new_with_byte_array(array_)) {
  g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(stream_), FALSE);
}

BorrowedStream::~BorrowedStream() {
  g_object_unref(stream_);
  g_byte_array_free(array_, FALSE);
}

ParserOptions::ParserOptions(std::vector<std::string>* warnings)
    : options_(g_mime_parser_options_new()) {
  static const char* kFallback[] = {"UTF-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options_, kFallback);
  g_mime_parser_options_set_warning_callback(options_, &OnParserWarning,
                                             warnings);
}

ParserOptions::~ParserOptions() { g_mime_parser_options_free(options_); }

PartContent::PartContent(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content != nullptr) raw_ = g_mime_data_wrapper_get_stream(content);
  if (raw_ == nullptr) return;
  g_mime_stream_reset(raw_);
  // The wrapper's encoding, as g_mime_data_wrapper_write_to_stream uses.
  const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
  g_mime_encoding_init_decode(&decoder_, encoding);
  // x-uuencode: GMime's uudecode step expects to be past the "begin" line,
  // which it does not look for, so the part decoded to nothing and its text
  // was never read (issue 13, round 34 defect 3). Kept as written, the text
  // reader decodes the begin ... end block as a file (ExtractUuencoded).
  identity_ = IsIdentity(encoding) || encoding == GMIME_CONTENT_ENCODING_UUENCODE;
  check_base64_ = g_mime_part_get_content_encoding(part) ==
                  GMIME_CONTENT_ENCODING_BASE64;
}

PartContent::PartContent(std::string_view raw, GMimeContentEncoding encoding) : memory_(raw) {
  g_mime_encoding_init_decode(&decoder_, encoding);
  identity_ = IsIdentity(encoding);
  check_base64_ = encoding == GMIME_CONTENT_ENCODING_BASE64;
}

PartContent::~PartContent() {
  if (raw_ != nullptr) g_mime_stream_reset(raw_);
}

std::string_view PartContent::NextRaw(char* buf) {
  if (memory_) {
    std::string_view block = memory_->substr(memory_at_, kBlock);
    memory_at_ += block.size();
    return block;
  }
  ssize_t got;
  const char* data = buf;
  if (held_ >= 0) {
    got = held_;
    data = held_block_;
    held_ = -1;
  } else {
    got = g_mime_stream_read(raw_, buf, kBlock);
  }
  return got > 0 ? std::string_view(data, static_cast<std::size_t>(got))
                 : std::string_view();
}

bool PartContent::Step(char* out, std::size_t* n) {
  *n = 0;
  if (!HasContent() || flushed_) return false;
  started_ = true;
  char in[kBlock];
  std::string_view block = NextRaw(in);
  if (block.empty()) {
    *n = g_mime_encoding_flush(&decoder_, in, 0, out);
    flushed_ = true;
  } else {
    if (check_base64_ && !invalid_base64_) {
      std::size_t unused = 0;
      invalid_base64_ = !ScanBase64Block(block, &padding_seen_, &unused);
    }
    *n = g_mime_encoding_step(&decoder_, block.data(), block.size(), out);
  }
  decoded_ += *n;
  return true;
}

void PartContent::Sniff(std::size_t want, std::string* out) {
  out->clear();
  if (memory_) {
    if (!started_) SniffMemory(want, out);
    return;
  }
  if (raw_ == nullptr || started_ || held_ >= 0) return;
  // The first block is held for Step and Finish, and decoded here a few
  // lines at a time with a copy of the decoder, so Sniff changes nothing
  // they see and decodes only what the magic numbers need.
  held_ = g_mime_stream_read(raw_, held_block_, kBlock);
  GMimeEncoding decoder = decoder_;
  char decoded[kSniffBlock + 3];
  std::size_t len = held_ > 0 ? static_cast<std::size_t>(held_) : 0;
  for (std::size_t at = 0; out->size() < want && at < len; at += kSniffBlock) {
    std::size_t piece = std::min(kSniffBlock, len - at);
    out->append(decoded, g_mime_encoding_step(&decoder, held_block_ + at, piece, decoded));
  }
  if (out->size() >= want) return;
  // A part that short (or that sparse) is rare: read on to its end, then
  // put the stream back at its start for Step and Finish.
  char in[kBlock];
  char rest[kBlock + 3];
  for (;;) {
    ssize_t got = len > 0 ? g_mime_stream_read(raw_, in, sizeof in) : 0;
    if (got <= 0) {
      out->append(rest, g_mime_encoding_flush(&decoder, in, 0, rest));
      break;
    }
    out->append(rest, g_mime_encoding_step(&decoder, in, static_cast<std::size_t>(got), rest));
    if (out->size() >= want) break;
  }
  held_ = -1;
  g_mime_stream_reset(raw_);
}

void PartContent::SniffMemory(std::size_t want, std::string* out) {
  // As Sniff decodes a stream's content, piece for piece (a few lines at a
  // time in the first block, then a block at a time), so the bytes it
  // returns are the same; nothing is held, as nothing needs reading again.
  const std::string_view all = *memory_;
  const std::string_view first = all.substr(0, kBlock);
  if (identity_) {
    // g_mime_encoding_step copies these encodings' bytes as they are (as
    // Read relies on): the same bytes taken in one copy, up to where the
    // piece loop below would stop, rather than 16 steps and as many
    // appends for a 4 KiB sniff of every text body (issue 20).
    std::size_t end = 0;
    while (end < want && end < first.size()) end = std::min(end + kSniffBlock, first.size());
    while (end < want && !first.empty() && end < all.size()) {
      end = std::min(end + kBlock, all.size());
    }
    out->assign(all.substr(0, end));
    return;
  }
  GMimeEncoding decoder = decoder_;
  char decoded[kBlock + 3];
  for (std::size_t at = 0; out->size() < want && at < first.size(); at += kSniffBlock) {
    std::string_view piece = first.substr(at, kSniffBlock);
    out->append(decoded, g_mime_encoding_step(&decoder, piece.data(), piece.size(), decoded));
  }
  if (out->size() >= want) return;
  for (std::size_t at = first.size(); !first.empty() && at < all.size(); at += kBlock) {
    std::string_view piece = all.substr(at, kBlock);
    out->append(decoded, g_mime_encoding_step(&decoder, piece.data(), piece.size(), decoded));
    if (out->size() >= want) return;
  }
  out->append(decoded, g_mime_encoding_flush(&decoder, decoded, 0, decoded));
}

void PartContent::Read(std::size_t want, std::string* out) {
  if (identity_) {
    // Nothing to decode (g_mime_encoding_step only copies): the raw blocks
    // are the content, appended as they come.
    char in[kBlock];
    while (out->size() < want && HasContent() && !flushed_) {
      started_ = true;
      std::string_view block = NextRaw(in);
      if (block.empty()) {
        flushed_ = true;
        break;
      }
      out->append(block);
      decoded_ += block.size();
    }
    return;
  }
  // Decoded into a buffer on the stack and appended: growing `out` by a
  // whole block first would zero 16 KB for a body of a few hundred bytes.
  char block[kBlock + 3];  // GMime's bound for one decoded block
  while (out->size() < want) {
    std::size_t n = 0;
    bool more = Step(block, &n);
    out->append(block, n);
    if (!more) return;
  }
}

std::optional<std::string_view> PartContent::TakeWhole() {
  if (!memory_ || !identity_ || started_) return std::nullopt;
  started_ = flushed_ = true;
  memory_at_ = memory_->size();
  decoded_ = memory_->size();
  return *memory_;
}

std::size_t PartContent::Finish() {
  // Base64 nobody reads (an octet-stream attachment) only needs its size:
  // every 4 data characters are 3 bytes, as GMime's decoder counts them, so
  // count instead of decoding. The validity check still sees every block.
  if (check_base64_ && !started_) {
    char in[kBlock];
    std::size_t data_chars = 0;
    for (;;) {
      std::string_view block = NextRaw(in);
      if (block.empty()) break;
      bool valid = ScanBase64Block(block, &padding_seen_, &data_chars);
      if (!valid) invalid_base64_ = true;
    }
    flushed_ = true;
    decoded_ = data_chars * 6 / 8;
    return decoded_;
  }
  char sink[kBlock + 3];
  std::size_t n = 0;
  while (Step(sink, &n)) {
  }
  return decoded_;
}

std::string AddressToString(InternetAddress* address) {
  if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
    const char* name = internet_address_get_name(address);
    const char* addr = internet_address_mailbox_get_addr(
        INTERNET_ADDRESS_MAILBOX(address));
    if ((name == nullptr || *name == '\0') && addr != nullptr &&
        AsciiWithoutALabel(addr)) {
      return addr;
    }
  }
  char* s = internet_address_to_string(address, nullptr, FALSE);
  std::string out = s != nullptr ? s : "";
  g_free(s);
  return out;
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
