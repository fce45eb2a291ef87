#include "maillog/utf16.h"

#include <iconv.h>

#include <cerrno>

namespace nearmiss::maillog {

const char* Utf16Encoding(std::string_view head) {
  if (head.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (head.starts_with("\xFE\xFF")) return "UTF-16BE";
  return nullptr;
}

Utf16ToUtf8::Utf16ToUtf8(const char* encoding)
    : encoding_(encoding), cd_(::iconv_open("UTF-8", encoding)) {}

Utf16ToUtf8::~Utf16ToUtf8() {
  if (cd_ != reinterpret_cast<void*>(-1)) ::iconv_close(static_cast<iconv_t>(cd_));
}

Status Utf16ToUtf8::Convert(std::string_view in, std::string* out) {
  out->clear();
  if (cd_ == reinterpret_cast<void*>(-1)) {
    return Status::Internal(std::string("iconv cannot convert from ") + encoding_);
  }
  pending_.append(in);
  // A UTF-16 code unit gives at most 3 UTF-8 bytes; a pair (4 bytes) 4.
  out->resize(pending_.size() * 3 / 2 + 4);
  char* src = pending_.data();
  size_t src_left = pending_.size();
  char* dst = out->data();
  size_t dst_left = out->size();
  size_t r = ::iconv(static_cast<iconv_t>(cd_), &src, &src_left, &dst, &dst_left);
  int err = errno;
  offset_ += pending_.size() - src_left;
  out->resize(out->size() - dst_left);
  if (r == static_cast<size_t>(-1) && err == EILSEQ) {
    return Status::ParseError(std::string("invalid ") + encoding_ + " at byte " +
                              std::to_string(offset_));
  }
  // EINVAL: the input ends inside a sequence, kept for the next chunk.
  pending_.erase(0, pending_.size() - src_left);
  return Status::Ok();
}

Status Utf16ToUtf8::Finish() const {
  if (pending_.empty()) return Status::Ok();
  return Status::ParseError(std::string("invalid ") + encoding_ + " at byte " +
                            std::to_string(offset_) + ": the text ends inside a character");
}

}  // namespace nearmiss::maillog
