// Small RAII and decoding helpers over GMime 3, so the walker reads like the
// problem rather than like GObject reference counting.
#ifndef NEARMISS_CONTENT_GMIME_UTIL_H_
#define NEARMISS_CONTENT_GMIME_UTIL_H_

#include <gmime/gmime.h>
#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// A GMime memory stream over `bytes` where they are:
// g_mime_stream_mem_new_with_buffer would first copy them (64 MiB at the
// default cap; for the milter a second copy beside its buffer). GMime only
// reads them. The bytes must outlive this, and this every object made
// from the stream (declare it first).
class BorrowedStream {
 public:
  explicit BorrowedStream(std::string_view bytes);
  ~BorrowedStream();
  BorrowedStream(const BorrowedStream&) = delete;
  BorrowedStream& operator=(const BorrowedStream&) = delete;

  GMimeStream* get() const { return stream_; }

 private:
  GByteArray* array_;
  GMimeStream* stream_;
};

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

// A part's content read once, front to back: the transfer encoding (base64,
// QP, uuencode) removed and base64 checked for characters outside the
// alphabet (GMime skips them silently; a sender's client never writes them).
// One pass matters: an mbox part's encoded bytes are re-read from the file on
// every pass, and parts we cannot take text from (application/octet-stream)
// only need their size, so their decoded bytes are counted, not kept.
class PartContent {
 public:
  explicit PartContent(GMimePart* part);
  // Content that is no part of a GMime tree (the plain path's body:
  // plain_message.h): `raw` (which must outlive this) holds it encoded in
  // `encoding`, decoded as GMime decodes a part's content, and read where
  // it is, without a stream's copy.
  PartContent(std::string_view raw, GMimeContentEncoding encoding);
  ~PartContent();
  PartContent(const PartContent&) = delete;
  PartContent& operator=(const PartContent&) = delete;

  // The first `want` decoded bytes (fewer if the content is shorter) in
  // `*out`, for magic numbers, leaving the content unread: a part found to
  // hold no text is then sized by Finish without decoding it at all.
  void Sniff(std::size_t want, std::string* out);
  // Decodes into `*out` until it holds at least `want` bytes or the content
  // ends (it may hold more: decoding goes a block at a time).
  void Read(std::size_t want, std::string* out);
  // The whole content where it lies, when it is in memory (the second
  // constructor), needs no decoding (7bit, 8bit, binary or none: what Read
  // would append) and nothing has been read yet: the bytes Read would give,
  // without their copy. The content counts as read to its end (Finish gives
  // its size). std::nullopt otherwise, reading nothing.
  std::optional<std::string_view> TakeWhole();
  // Reads the rest without keeping it. Returns the decoded size of the whole
  // content, kept and not.
  std::size_t Finish();
  // After Finish().
  bool invalid_base64() const { return invalid_base64_; }

 private:
  bool HasContent() const { return raw_ != nullptr || memory_.has_value(); }
  // Sniff of content in memory.
  void SniffMemory(std::size_t want, std::string* out);
  // Decodes the next block into `out` (which must hold kBlock + 3 bytes);
  // false at the end of the content.
  bool Step(char* out, std::size_t* n);
  // The next block of encoded content: the one Sniff held, else read into
  // `buf` (kBlock bytes). Empty at the end.
  std::string_view NextRaw(char* buf);

  static constexpr std::size_t kBlock = 16 * 1024;
  // Raw bytes Sniff decodes at a time: a few lines of base64 or QP.
  static constexpr std::size_t kSniffBlock = 256;
  GMimeStream* raw_ = nullptr;  // owned by the part
  // The content when it is in memory (the second constructor), and how
  // much of it NextRaw has given.
  std::optional<std::string_view> memory_;
  std::size_t memory_at_ = 0;
  GMimeEncoding decoder_;
  // 7bit, 8bit, binary or none: GMime's decoder only copies
  // (g_mime_encoding_step's default case), so Read appends the raw bytes.
  bool identity_ = false;
  bool check_base64_ = false;
  bool padding_seen_ = false;
  bool invalid_base64_ = false;
  bool flushed_ = false;
  bool started_ = false;  // Step has run: Finish must decode the rest
  // The first block, read by Sniff and not yet passed on: its length, or
  // -1 when none is held.
  ssize_t held_ = -1;
  char held_block_[kBlock];
  std::size_t decoded_ = 0;
};

// What internet_address_to_string(address, nullptr, FALSE) returns, without
// its cost where the answer is known: GMime runs every domain through idn2
// and keeps its own spelling unless idn2's differs other than in case. For
// an ASCII address with no "xn--" label idn2 fails or only lower-cases (UTS
// #46 maps nothing else in ASCII), so a mailbox without a display name is its
// addr-spec as parsed. idn2 was ~8% of `nearmiss scan` over an mbox.
std::string AddressToString(InternetAddress* address);

// Converts `bytes` in `charset` to UTF-8. False (and `bytes` unchanged in
// `*out`) when the charset is unknown to iconv.
bool ConvertToUtf8(const std::string& bytes, const char* charset,
                   std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_GMIME_UTIL_H_
