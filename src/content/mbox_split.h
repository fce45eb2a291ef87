// MboxSplitter: an mbox stream cut into its messages, each then parsed by
// GMime as one message. This is no MIME parser: it only finds separators.
//
// Why not GMime's own mbox mode: GMimeParser with GMIME_FORMAT_MBOX ends a
// message at any line that begins "From " (gmime-parser.c, check_boundary
// and is_mbox_marker compare the first five bytes only), so an unescaped
// body line "From here on ..." splits a message in two. mboxo/mboxrd
// practice (RFC 4155 section 2, qmail mbox(5)) is stricter, and so is this:
// a line separates messages only when it
//   - starts the file, or follows an empty line ("\n" or "\r\n"), and
//     has the From_ shape, "From SENDER DATE" (IsMboxFromLine); or
//   - follows any other line, is a whole From_ line (IsFullMboxFromLine:
//     one sender token, an asctime date, at most a zone and "remote from"
//     after it), and the line after it starts a header field ("Name:").
// The second rule is for writers that do not end a message with an empty
// line (Thunderbird, concatenated files, some procmail/formail setups):
// RFC 4155's rule alone would merge two messages into one, silently, and
// the second one's recipients and markings would be judged as the first
// one's body. Prose ("From the desk of ...") and a From_ line quoted in a
// body with text after it stay body lines. Such splits are flagged
// (Message::unspaced) for the reader to count and say.
// The first line of the file is always a separator (a file is read as an
// mbox because it starts with "From "), whatever its shape.
//
// Body lines escaped by the writer are unescaped: a line matching ">+From "
// loses one ">" (mboxrd; for mboxo, whose writers escaped only "From ",
// the same rule gives back what was written).
//
// Bounded: a message's bytes are kept up to `max_message_bytes`, the rest
// only counted (Message::size), so a huge message costs no more memory
// than the cap. Lines are looked at through a fixed window, whatever their
// length.
//
// Thread safety: none; one per stream.
#ifndef NEARMISS_CONTENT_MBOX_SPLIT_H_
#define NEARMISS_CONTENT_MBOX_SPLIT_H_

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "nearmiss/status.h"

namespace nearmiss::content {

class MboxSplitter {
 public:
  // Fills up to `n` bytes of `buf`; returns the count, 0 at the end, or -1
  // with errno set (read(2)'s contract, EINTR already retried).
  using ReadFn = std::function<ssize_t(char* buf, size_t n)>;

  struct Message {
    std::string from_line;  // the separator, without its line end
    std::string bytes;      // after the separator, unescaped, at most the cap
    uint64_t size = 0;      // bytes after unescaping, the part past the cap counted
    uint64_t offset = 0;    // where the separator starts in the stream
    uint64_t line = 0;      // the separator's line in the stream, 1-based
    // The separator had no empty line before it (the second rule above).
    bool unspaced = false;
  };

  MboxSplitter(ReadFn read, size_t max_message_bytes);
  // Reads `head` (bytes already read from it, to look at them), then `fd`
  // (not owned, not closed).
  static MboxSplitter ForFd(int fd, size_t max_message_bytes, std::string head = "");

  // The next message: true and `out` filled, false at the end of the
  // stream. An I/O error is returned as such (what was read of the message
  // is dropped: a part is not the message).
  Result<bool> Next(Message* out);

 private:
  // The next line of the stream, at most kWindow bytes of it: `whole` is
  // false for a piece that is not a line's end. Empty at the end.
  Status NextLine(std::string_view* line, bool* whole);
  // Whether the next line starts a header field; it is left to be read
  // again by NextLine.
  Result<bool> NextLineIsHeaderField();

  static constexpr size_t kWindow = 64 * 1024;
  ReadFn read_;
  size_t max_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t consumed_ = 0;  // stream offset of buf_[0]
  bool eof_ = false;
  bool started_ = false;
  bool line_start_ = true;        // the next byte starts a line
  bool after_blank_ = true;       // the previous line was empty (or none)
  bool have_next_ = false;        // next_from_ holds a separator already read
  std::string next_from_;
  uint64_t next_offset_ = 0;
  uint64_t next_line_ = 0;
  uint64_t lines_ = 0;  // whole lines read so far (a look ahead not counted)
  bool next_unspaced_ = false;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MBOX_SPLIT_H_
