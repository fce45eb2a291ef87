// Utf16ToUtf8: UTF-16 text (what PowerShell 5's Export-Csv and Windows
// tools write by default, "Unicode" in their words) turned into the UTF-8
// the readers expect, by glibc's iconv(3), one chunk at a time.
//
// The form is told from the byte order mark (U+FEFF as FF FE: little
// endian, FE FF: big endian), which those tools always write; text without
// one is left as it is. A code unit or surrogate pair cut by a chunk's end
// waits for the next chunk. Invalid UTF-16 (an unpaired surrogate, an odd
// byte at the end) is an error naming the encoding and the byte offset,
// never skipped.
//
// Thread safety: one Utf16ToUtf8 per reader.
#ifndef NEARMISS_MAILLOG_UTF16_H_
#define NEARMISS_MAILLOG_UTF16_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::maillog {

// "UTF-16LE" or "UTF-16BE" when `head` (the file's first bytes) starts
// with that byte order mark; nullptr otherwise.
const char* Utf16Encoding(std::string_view head);

class Utf16ToUtf8 {
 public:
  // `encoding` from Utf16Encoding; the caller drops the 2-byte mark.
  explicit Utf16ToUtf8(const char* encoding);
  ~Utf16ToUtf8();
  Utf16ToUtf8(const Utf16ToUtf8&) = delete;
  Utf16ToUtf8& operator=(const Utf16ToUtf8&) = delete;

  // Replaces *out with the UTF-8 of `in` (after what earlier calls left).
  // ParseError "invalid UTF-16LE at byte N" on bad input.
  Status Convert(std::string_view in, std::string* out);
  // End of input: ParseError when a code unit was left incomplete.
  Status Finish() const;
  const char* encoding() const { return encoding_; }

 private:
  const char* encoding_;
  void* cd_;             // iconv_t
  std::string pending_;  // an incomplete sequence from the previous chunk
  uint64_t offset_ = 2;  // bytes consumed, from the file's start (after the mark)
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_UTF16_H_
