#include "content/mbox_split.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "content/mbox_from_line.h"

namespace nearmiss::content {
namespace {

std::string_view WithoutLineEnd(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

MboxSplitter::MboxSplitter(ReadFn read, size_t max_message_bytes)
    : read_(std::move(read)), max_(max_message_bytes) {}

MboxSplitter MboxSplitter::ForFd(int fd, size_t max_message_bytes, std::string head) {
  return MboxSplitter(
      [fd, head = std::move(head), at = size_t{0}](char* buf, size_t n) mutable -> ssize_t {
        if (at < head.size()) {
          size_t k = std::min(n, head.size() - at);
          std::memcpy(buf, head.data() + at, k);
          at += k;
          return static_cast<ssize_t>(k);
        }
        for (;;) {
          ssize_t got = ::read(fd, buf, n);
          if (got >= 0 || errno != EINTR) return got;
        }
      },
      max_message_bytes);
}

Status MboxSplitter::NextLine(std::string_view* line, bool* whole) {
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    size_t have = buf_.size() - pos_;
    if (nl != std::string::npos || eof_ || have >= kWindow) {
      size_t n = nl != std::string::npos ? nl + 1 - pos_ : std::min(have, kWindow);
      *line = std::string_view(buf_).substr(pos_, n);
      *whole = nl != std::string::npos || (eof_ && n == have);
      pos_ += n;
      return Status::Ok();
    }
    consumed_ += pos_;
    buf_.erase(0, pos_);
    pos_ = 0;
    size_t old = buf_.size();
    buf_.resize(old + kWindow);
    ssize_t got = read_(buf_.data() + old, kWindow);
    if (got < 0) {
      buf_.resize(old);
      return Status::IoError(std::strerror(errno));
    }
    buf_.resize(old + static_cast<size_t>(got));
    if (got == 0) eof_ = true;
  }
}

Result<bool> MboxSplitter::NextLineIsHeaderField() {
  uint64_t at = consumed_ + pos_;
  std::string_view next;
  bool whole = true;
  NM_RETURN_IF_ERROR(NextLine(&next, &whole));
  // RFC 5322 section 3.6.8: field-name is 1*ftext (printable but ":"), then ":".
  size_t i = 0;
  while (i < next.size() && next[i] >= 33 && next[i] <= 126 && next[i] != ':') ++i;
  bool field = i > 0 && i < next.size() && next[i] == ':';
  // NextLine drops only bytes before the line it reads: the line is still
  // in buf_, to be read again.
  pos_ = static_cast<size_t>(at - consumed_);
  return field;
}

Result<bool> MboxSplitter::Next(Message* out) {
  *out = Message{};
  std::string_view line;
  bool whole = true;
  if (!started_) {
    started_ = true;
    // The file's first line is the first separator, whatever its shape.
    NM_RETURN_IF_ERROR(NextLine(&line, &whole));
    if (line.empty()) return false;
    next_from_.assign(WithoutLineEnd(line));
    while (!whole) {  // a separator past the window: the rest is dropped
      NM_RETURN_IF_ERROR(NextLine(&line, &whole));
    }
    have_next_ = true;
    next_offset_ = 0;
    next_line_ = lines_ = 1;
  }
  if (!have_next_) return false;
  have_next_ = false;
  out->from_line = std::move(next_from_);
  out->offset = next_offset_;
  out->line = next_line_;
  out->unspaced = next_unspaced_;
  after_blank_ = false;
  line_start_ = true;
  for (;;) {
    uint64_t at = consumed_ + pos_;
    NM_RETURN_IF_ERROR(NextLine(&line, &whole));
    if (line.empty()) return true;  // the end of the stream ends the message
    bool starts = line_start_;
    line_start_ = whole;
    if (whole) ++lines_;
    std::string held;  // a candidate separator kept across the look ahead
    if (starts && whole && line.starts_with("From ")) {
      bool unspaced = false;
      bool split = after_blank_ && IsMboxFromLine(line);
      if (!split && !after_blank_ && IsFullMboxFromLine(line)) {
        // No empty line before it: a separator only when the next line
        // starts a header field, as every message begins.
        held.assign(line);
        NM_ASSIGN_OR_RETURN(split, NextLineIsHeaderField());
        line = held;
        unspaced = split;
      }
      if (split) {
        next_from_.assign(WithoutLineEnd(line));
        next_offset_ = at;
        next_line_ = lines_;
        next_unspaced_ = unspaced;
        have_next_ = true;
        return true;
      }
    }
    after_blank_ = starts && whole && WithoutLineEnd(line).empty();
    if (starts && line.front() == '>') {
      size_t k = line.find_first_not_of('>');
      if (k != std::string_view::npos && line.substr(k).starts_with("From ")) line.remove_prefix(1);
    }
    out->size += line.size();
    if (out->bytes.size() < max_) {
      out->bytes.append(line.substr(0, max_ - out->bytes.size()));
    }
  }
}

}  // namespace nearmiss::content
