// MessageReader and ScanMessage: bytes or files in, ScannedMessage out.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <unordered_set>

#include "content/gmime_util.h"
#include "content/inputs.h"
#include "content/mailbox_file.h"
#include "content/mbox_from_line.h"
#include "content/mbox_split.h"
#include "content/mbox_stamps.h"
#include "content/message_walk.h"
#include "content/plain_message.h"
#include "content/shown_names.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::content {
namespace {

ScannedMessage ErrorMessage(std::string source, std::string error) {
  ScannedMessage m;
  m.source = std::move(source);
  m.errors.push_back(std::move(error));
  m.unread = true;
  // Nothing was read: the level is unknown, not `none`.
  m.sensitivity.complete = false;
  return m;
}

// Reads at most `max` + 1 bytes, so the caller can tell the input was longer.
Result<std::string> ReadBounded(int fd, std::size_t max) {
  std::string data;
  char buf[64 * 1024];
  while (data.size() <= max) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::strerror(errno));
    }
    if (n == 0) break;
    data.append(buf, static_cast<std::size_t>(n));
  }
  if (data.size() > max + 1) data.resize(max + 1);
  return data;
}

bool LooksLikeMbox(std::string_view head) { return head.substr(0, 5) == "From "; }

// A file read as a message that names no party, date or id (RFC 5322 3.6:
// From and Date are required; a draft lacks Date yet keeps From or To) is
// some other text whose first line only looked like a header field
// ("root:x:0:0:" of /etc/passwd, a "Key: value" export of a trace): named
// as not read, never counted as a message with nothing in it.
void RefuseNonMessage(ScannedMessage* m) {
  if (m->unread || !m->from.empty() || !m->to.empty() || !m->cc.empty() || !m->bcc.empty() ||
      m->date != 0 || !m->message_id.empty()) {
    return;
  }
  *m = ErrorMessage(m->source,
                    "not a message (no From, To, Cc, Bcc, Date or Message-ID header field); "
                    "not read");
}

GPtr<GMimeMessage> Parse(GMimeStream* stream, const ParserOptions& options) {
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  return GPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options.get()));
}

// GMime's full parse of a message `size` bytes long of which `bytes` (at
// most max_message_bytes) were kept.
ScannedMessage ScanFully(std::string_view bytes, std::size_t size, std::string source,
                         const Scanner& scanner, Scratch& scratch, const ContentLimits& limits,
                         const std::function<void(const ReadStep&)>* on_step) {
  std::vector<std::string> warnings;
  ParserOptions options(&warnings);
  // The parser reads the caller's bytes where they are; `stream` outlives
  // the message (declared first, destroyed last).
  BorrowedStream stream(bytes);
  GPtr<GMimeMessage> message = Parse(stream.get(), options);
  if (!message) {
    ScannedMessage m = ErrorMessage(std::move(source), "not a MIME message");
    for (std::string& w : warnings) m.errors.push_back(std::move(w));
    EscapeShownNames(&m);
    return m;
  }
  ScannedMessage m = WalkMessage(message.get(), std::move(source), size, std::move(warnings),
                                 scanner, scratch, limits, on_step);
  EscapeShownNames(&m);
  return m;
}

// ScanMessage of a message `size` bytes long of which `bytes` were kept
// (an mbox entry past the cap is counted, not kept: mbox_split.h): by the
// plain path when the message takes it (plain_message.h), else by GMime.
ScannedMessage ScanSized(std::string_view bytes, std::size_t size, std::string source,
                         const Scanner& scanner, Scratch& scratch, const ContentLimits& limits,
                         const std::function<void(const ReadStep&)>* on_step = nullptr) {
  if (on_step != nullptr && *on_step) (*on_step)(ReadStep{source, size, {}, 0, 0});
  EnsureGMimeInitialized();
  if (bytes.size() > limits.max_message_bytes) {
    bytes = bytes.substr(0, limits.max_message_bytes);
  }
  std::optional<ScannedMessage> plain =
      ScanPlainMessage(bytes, size, source, scanner, scratch, limits);
  if (plain) return std::move(*plain);
  return ScanFully(bytes, size, std::move(source), scanner, scratch, limits, on_step);
}

}  // namespace

ScannedMessage ScanMessageParsed(std::string_view bytes, std::string source,
                                 const Scanner& scanner, Scratch& scratch,
                                 const ContentLimits& limits) {
  EnsureGMimeInitialized();
  std::size_t size = bytes.size();
  if (bytes.size() > limits.max_message_bytes) {
    bytes = bytes.substr(0, limits.max_message_bytes);
  }
  return ScanFully(bytes, size, std::move(source), scanner, scratch, limits, nullptr);
}

ScannedMessage ScanMessage(std::string_view bytes, std::string source,
                           const Scanner& scanner, Scratch& scratch,
                           const ContentLimits& limits) {
  return ScanSized(bytes, bytes.size(), std::move(source), scanner, scratch, limits);
}

struct MessageReader::Rep {
  Rep(std::shared_ptr<const Scanner> s, Scratch sc, ContentLimits l,
      std::vector<InputFile> in)
      : scanner(std::move(s)),
        scratch(std::move(sc)),
        limits(l),
        inputs(std::move(in)) {}

  std::shared_ptr<const Scanner> scanner;
  Scratch scratch;
  ContentLimits limits;
  std::vector<InputFile> inputs;
  std::size_t next_input = 0;
  // The mbox being read, if any: cut into messages by MboxSplitter (not
  // GMime's mbox mode, which splits at any body line starting "From ";
  // mbox_split.h), each parsed by GMime as one message.
  std::string mbox_path;
  std::optional<MboxSplitter> mbox;
  int mbox_fd = -1;  // owned; closed when the mbox ends
  // Its From_ times that several entries share: stamps, no delivery times
  // (mbox_stamps.h).
  std::unordered_set<int64_t> mbox_stamps;
  int mbox_index = 0;
  bool keep_bytes = false;
  std::function<void(const ReadStep&)> on_step;  // set_on_step's

  void CloseMbox() {
    mbox.reset();
    if (mbox_fd >= 0) close(mbox_fd);
    mbox_fd = -1;
    mbox_stamps.clear();
  }

  void OpenMbox(const std::string& path, int fd, MboxSplitter split) {
    mbox.emplace(std::move(split));
    mbox_fd = fd;
    mbox_path = path;
    mbox_index = 0;
  }

  bool NextFromMbox(ScannedMessage* out) {
    MboxSplitter::Message m;
    Result<bool> more = mbox->Next(&m);
    if (more.ok() && *more) {
      ++mbox_index;
      // FILE:LINE, the line of its From_ line, as every other place audit,
      // learn and scan name (issue-16 tester round 47, finding 10): an
      // investigator opens the mbox there.
      std::string source = mbox_path + ":" + std::to_string(m.line);
      // The size the limits judge: the entry with its separator line, as
      // the mbox holds it.
      std::size_t size = static_cast<std::size_t>(m.size) + m.from_line.size() + 1;
      *out = ScanSized(m.bytes, size, std::move(source), *scanner, scratch, limits, &on_step);
      out->mbox_from_line = std::move(m.from_line);
      out->mbox_line = m.line;
      out->mbox_unspaced = m.unspaced;
      RefuseNonMessage(out);
      out->delivered = MboxFromLineTime(out->mbox_from_line);
      if (mbox_stamps.count(out->delivered) > 0) out->delivered = 0;
      if (keep_bytes) out->bytes = m.size <= limits.max_message_bytes ? std::move(m.bytes) : "";
      return true;
    }
    if (!more.ok()) {
      // Named as not read past this point, never a quiet end of the mbox.
      *out = ErrorMessage(mbox_path,
                          mbox_path + ": " + more.error().message() + " after message " +
                              std::to_string(mbox_index) + "; the rest is not read");
      CloseMbox();
      return true;
    }
    CloseMbox();
    return false;
  }

  // Opens `path` as an mbox when it starts with "From ", else scans it as
  // one message. Returns false when it started an mbox with no messages.
  bool OpenInput(const InputFile& input, ScannedMessage* out) {
    if (!input.error.empty()) {
      *out = ErrorMessage(input.path, input.error);
      return true;
    }
    bool is_stdin = input.path == "-";
    int fd = is_stdin ? 0 : open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      *out = ErrorMessage(input.path, input.path + ": " + std::strerror(errno));
      return true;
    }
    char head[5] = {};
    ssize_t got = is_stdin ? 0 : pread(fd, head, sizeof head, 0);
    if (got == 5 && LooksLikeMbox(std::string_view(head, 5))) {
      // Read as it is split: an mbox is never held whole.
      OpenMbox(input.path, fd, MboxSplitter::ForFd(fd, limits.max_message_bytes));
      // An error here is met again, and said, by the read of the messages.
      Result<std::unordered_set<int64_t>> stamps = MboxStampTimes(fd);
      if (stamps.ok()) mbox_stamps = std::move(*stamps);
      return NextFromMbox(out);
    }
    // A Maildir message is filed when its file is written (the delivery
    // agent's time); a lone .eml keeps its copy's time, the best there is.
    int64_t filed = 0;
    struct stat st {};
    if (!is_stdin && fstat(fd, &st) == 0) filed = static_cast<int64_t>(st.st_mtime);
    Result<std::string> data = ReadBounded(fd, limits.max_message_bytes);
    if (!is_stdin) close(fd);
    if (!data.ok()) {
      *out = ErrorMessage(input.path, input.path + ": " + data.error().message());
      return true;
    }
    if (data->empty()) {
      // Nothing to read is not a message with nothing in it: named, and
      // never judged as one (tester 13 item 21).
      *out = ErrorMessage(input.path, input.path + ": an empty file (0 bytes): no message in it");
      return true;
    }
    if (is_stdin && LooksLikeMbox(*data)) {
      // What was read to look at it first, then the rest of stdin.
      OpenMbox(input.path, -1,
               MboxSplitter::ForFd(0, limits.max_message_bytes, std::move(*data)));
      return NextFromMbox(out);
    }
    // An Apple Mail .emlx: its byte count line first, Apple's property
    // list after the message; the message alone is read (mailbox_file.h).
    if (std::optional<std::string_view> emlx = EmlxMessage(input.path, *data)) {
      *out = ScanSized(*emlx, emlx->size(), input.path, *scanner, scratch, limits, &on_step);
    } else {
      *out = ScanSized(*data, data->size(), input.path, *scanner, scratch, limits, &on_step);
    }
    // Not for stdin: a message piped to `scan` may be a bare test text.
    if (!is_stdin) RefuseNonMessage(out);
    out->delivered = filed;
    if (keep_bytes) out->bytes = std::move(*data);
    return true;
  }
};

Result<std::unique_ptr<MessageReader>> MessageReader::Open(
    std::vector<std::string> inputs, std::shared_ptr<const Scanner> scanner,
    ContentLimits limits) {
  EnsureGMimeInitialized();
  NM_ASSIGN_OR_RETURN(Scratch scratch, Scratch::Create(*scanner));
  auto rep = std::make_unique<Rep>(std::move(scanner), std::move(scratch),
                                   limits, ExpandInputs(inputs));
  return std::unique_ptr<MessageReader>(new MessageReader(std::move(rep)));
}

MessageReader::MessageReader(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
MessageReader::~MessageReader() {
  if (rep_) rep_->CloseMbox();
}

void MessageReader::set_keep_bytes(bool keep) { rep_->keep_bytes = keep; }

void MessageReader::set_on_step(std::function<void(const ReadStep&)> on_step) {
  rep_->on_step = std::move(on_step);
}

bool MessageReader::Next(ScannedMessage* out) {
  if (rep_->mbox && rep_->NextFromMbox(out)) return true;
  while (rep_->next_input < rep_->inputs.size()) {
    const InputFile& input = rep_->inputs[rep_->next_input++];
    if (rep_->OpenInput(input, out)) return true;
  }
  return false;
}

}  // namespace nearmiss::content
