// MessageReader: reads mail from .eml files, mbox files, Maildir folders,
// directories (recursively) and stdin ("-"), and yields each message with its
// addresses, subject and sensitivity.
//
// MIME is GMime 3's job: transfer encodings, charsets to UTF-8, RFC 2047 words,
// RFC 2231 parameters, folded headers, multipart trees and attached
// message/rfc822. Attachment text comes from text/*, HTML, DOCX/XLSX/PPTX,
// ODT/ODS, PDF and the file names inside zip archives; anything else is listed
// by name, type and size. ContentLimits bound every step.
//
// Ownership: the reader keeps a shared_ptr to the Scanner and owns its
// Scratch. Thread safety: one reader per thread; ScanMessage is re-entrant
// given distinct Scratch objects.
#ifndef NEARMISS_CONTENT_READER_H_
#define NEARMISS_CONTENT_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/content_limits.h"
#include "nearmiss/content_scanner.h"
#include "nearmiss/content_sensitivity.h"
#include "nearmiss/status.h"

namespace nearmiss::content {

struct Attachment {
  std::string name;          // decoded (RFC 2047/2231); "" when unnamed
  std::string content_type;  // "application/pdf"
  std::size_t size = 0;      // decoded bytes
  bool text_extracted = false;
};

struct ScannedMessage {
  // The file path; "path:LINE" for a message of an mbox, LINE its From_
  // line's (1-based); "-" for stdin.
  std::string source;
  std::string message_id;  // without angle brackets; "" when absent
  // The Date: header (RFC 5322 section 3.6.1, the time the author sent it)
  // in unix seconds, as GMime reads it; 0 when absent or unreadable.
  int64_t date = 0;
  // When the message was filed: the time on an mbox entry's "From " line
  // (asctime form, UTC by convention), else the file's modification time (a
  // Maildir message, a single .eml); 0 when unknown (stdin), and for an
  // mbox entry whose From_ time other entries of the file share (a
  // converter's or git's stamp, no delivery time: content/mbox_stamps.h).
  int64_t delivered = 0;
  std::string from;        // decoded header value, as written
  // The message was re-sent as it stands (RFC 5322 section 3.6.6): `from`,
  // `date` and `message_id` are its topmost Resent-From (or Resent-Sender),
  // Resent-Date and Resent-Message-ID where it has them, and `to`, `cc` and
  // `bcc` its Resent-To/Cc/Bcc when it has any (content/resent_fields.h).
  bool resent = false;
  // `date` is the Resent-Date's (`resent`).
  bool resent_dated = false;
  // The message's own Message-ID when `message_id` is its Resent-Message-ID
  // (`resent`); "" otherwise. Postfix's cleanup logs message-id= with the
  // former, so a Sent-folder copy joins its delivery by either.
  std::string original_message_id;
  // The topmost Return-Path: header's value unfolded, as written ("<a@x>",
  // "<>" for the null sender): the envelope sender (RFC 5321 MAIL FROM)
  // the final delivery recorded (RFC 5321 section 4.4). "" when absent.
  std::string return_path;
  // The first Sender: header's raw value unfolded ("" when absent): the
  // mailbox responsible for sending, which RFC 5322 section 3.6.2 requires
  // when From: names more than one author.
  std::string sender_header;
  // One entry per header (the Resent- ones instead, `resent`), its raw
  // value unfolded,
  // not decoded: "Bob <b@x.org>, team: c@y.org;". Split it with
  // SplitAddressList (nearmiss/address.h) and judge each piece with
  // Engine::CheckRecipient: the mail server's reading, not GMime's.
  std::vector<std::string> to;
  std::vector<std::string> cc;
  std::vector<std::string> bcc;
  std::string subject;  // decoded
  // The X-Gmail-Labels header's raw value unfolded ("Sent,Opened,Category
  // Personal"): the labels Google Takeout writes on each message of the
  // mbox it exports (the whole mailbox, received mail included). Unset
  // when the message has none.
  std::optional<std::string> gmail_labels;
  // For an mbox message, its "From " separator line as written
  // ("From alice@mod.gov.uk Wed Nov  5 10:00:00 2025"), whose time is the
  // delivery agent's local time, without a zone; "" for other inputs.
  std::string mbox_from_line;
  // The line of the mbox file that separator is on (1-based), so a place
  // in the message can be named as FILE:LINE; 0 for other inputs.
  uint64_t mbox_line = 0;
  // True when that line had no empty line before it: a real From_ line
  // followed by a header field, where RFC 4155 wants an empty line first
  // (content/mbox_split.h). Counted and said by scan, audit and learn, as
  // the split is a judgement a reader should know of.
  bool mbox_unspaced = false;
  Sensitivity sensitivity;
  // The message's label headers the marking packs read (their
  // label_headers: X-Protective-Marking, msip_labels, ...), name as written
  // and value unfolded as scanned, in header order: a label's other fields
  // go with it (the Australian email standard's CAVEAT= after SEC=), and
  // `sensitivity` names the label alone.
  std::vector<std::pair<std::string, std::string>> label_headers;
  std::vector<Attachment> attachments;
  // Problems that did not stop the read: "truncated message", "unknown
  // charset 'x-foo' in part 2", "invalid base64 in part 3", I/O errors.
  std::vector<std::string> errors;
  // True when nothing of the input was read (it could not be opened, or is
  // no message: a stray file in a Maildir): errors says why, and it is no
  // message to count.
  bool unread = false;
  // The message as read (an mbox entry without its "From " line), for a
  // digest in the audit log; filled only when the reader was asked
  // (MessageReader::set_keep_bytes), as it costs a copy per message.
  std::string bytes;
};

// Where a MessageReader is, for a progress display: a message it starts
// and, inside a long one, each page of a PDF attachment it reads (a
// 300-page PDF takes seconds; the count of messages alone would stand
// still). Views valid during the call only.
struct ReadStep {
  std::string_view message;  // ScannedMessage::source: "Sent.mbox:12"
  std::size_t bytes = 0;     // the message's size as stored
  // "" when the message starts; else what is read in it:
  // "attachment:report.pdf", page 37 of 312.
  std::string_view part;
  int page = 0, pages = 0;
};

// Parses one message held in memory (a milter's end-of-message, a file) and
// scans it. Never fails: problems go to ScannedMessage::errors and limits to
// findings.
ScannedMessage ScanMessage(std::string_view bytes, std::string source,
                           const Scanner& scanner, Scratch& scratch,
                           const ContentLimits& limits = {});

class MessageReader {
 public:
  // `inputs`: paths (file, mbox, Maildir, directory) or "-" for stdin. Fails
  // only when the scratch cannot be allocated; unreadable inputs are reported
  // per input through Next().
  static Result<std::unique_ptr<MessageReader>> Open(
      std::vector<std::string> inputs,
      std::shared_ptr<const Scanner> scanner, ContentLimits limits = {});
  ~MessageReader();

  // Fills `out` with the next message and returns true; false at the end. An
  // input that cannot be read yields a message with only `source` and
  // `errors` set.
  bool Next(ScannedMessage* out);
  // Fill ScannedMessage::bytes from now on; off by default.
  void set_keep_bytes(bool keep);
  // Called on the reading thread, inside Next(), at each ReadStep; it must
  // be quick (a caller draws at most a few times a second). None by
  // default.
  void set_on_step(std::function<void(const ReadStep&)> on_step);

  struct Rep;

 private:
  explicit MessageReader(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_READER_H_
