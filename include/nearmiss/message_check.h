// Engine::CheckMessage's two inputs and its answer: the envelope (who sends
// to whom, by which path) and the content (what is sent), DESIGN.md's
// "CheckMessage(envelope, mime)".
//
// Every shell translates its protocol into these and reads the answer back:
//   milter   the MAIL/RCPT envelope (recipients judged at RCPT, passed in
//            as `check`) and the raw message, cut at [limits]
//            max_message_bytes, with the size the MTA sent (`total_bytes`)
//   HTTP     the request's from/to/cc/bcc and its parts (subject, label
//            headers, body, attachment names)
//   scan     the message's From/To/Cc/Bcc headers and the message as a
//            content::MessageReader read it (mbox, Maildir, files)
//   explain  the command line's --from/--to/--cc and --subject/--body-file
//
// Ownership: Envelope and MessageContent only view the caller's strings
// (and, for MessageContent::Read, its ScannedMessage); those must outlive
// the call. MessageCheck owns everything in it.
//
// Thread safety: plain values.
#ifndef NEARMISS_MESSAGE_CHECK_H_
#define NEARMISS_MESSAGE_CHECK_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nearmiss/acknowledgement.h"
#include "nearmiss/content_reader.h"
#include "nearmiss/decision.h"
#include "nearmiss/verdict.h"

namespace nearmiss {

struct EnvelopeRecipient {
  // One mailbox as given ("Bob <bob@army.mil>", an RCPT argument), or, when
  // `list`, a header value holding a list ("a@x, team: b@y;") that the
  // engine splits as the mail server reads it (SplitAddressList). A list
  // that names an address but splits into none ("bob@army.ml:;") is judged
  // whole, so it is flagged invalid rather than dropped.
  std::string_view address;
  RecipientField field = RecipientField::kEnvelope;
  bool list = false;
  // Already judged by this Engine (the milter checks each RCPT when it
  // arrives): taken as is, not checked again, except that an address-typo
  // found by the address alone is judged again with the display name the
  // message's To or Cc header writes it with (the one the sender picked,
  // as a header recipient is judged). Not owned.
  const RecipientCheck* check = nullptr;
};

struct Envelope {
  // The sender's live acknowledgements come from here (not owned; null:
  // none apply). `now` is the time they are judged at, in unix seconds.
  const AcknowledgementSource* acknowledgements = nullptr;
  int64_t now = 0;
  // When the message was written (its Date:, unix seconds; 0: unknown or
  // now). Set by `scan`, which judges sent mail after the fact: an
  // acknowledgement made after this time did not exist when the message
  // went out, so it settles nothing (round 46's tester 14, item 5).
  int64_t written_at = 0;
  // The envelope sender (MAIL FROM, without angle brackets) or the From
  // address in any form ParseAddress reads; "" when unknown. The facts hold
  // its canonical form (Address::ToString), or it as given when it does not
  // parse.
  std::string_view sender;
  std::vector<EnvelopeRecipient> recipients;
  MailPath path = MailPath::kOffline;
};

// The parts of a message a mail client can show before it is sent (the
// HTTP API's request; `policy explain`'s flags). Empty parts are skipped.
struct MessageParts {
  std::string_view subject;
  // Label headers (msip_labels, X-Protective-Marking, ...) and the
  // headers read as subjects (Keywords, Comments: content/header_phrases.h),
  // as the MIME walker reads them: name, value; List-Unsubscribe or "Precedence: bulk" here makes the subject a bulk
  // mail's (content::TextKind::kBulkSubject).
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  // Cut at [limits] max_text_bytes; the level is then a lower bound.
  std::string_view body;
  std::vector<std::string_view> attachment_names;
};

class MessageContent {
 public:
  // A whole RFC 5322 message (headers, blank line, body) as `bytes`, of
  // which the sender sent `total_bytes` (0: all of it). Fewer bytes than
  // sent (the milter keeps at most [limits] max_message_bytes) adds a
  // "limit" finding and marks the sensitivity incomplete. `source` names it
  // in ScannedMessage::source ("4XyZ1Q2s3Tz", "session-7").
  static MessageContent Raw(std::string_view bytes, std::string source,
                            size_t total_bytes = 0) {
    MessageContent c(Kind::kRaw);
    c.bytes_ = bytes;
    c.source_ = std::move(source);
    c.total_bytes_ = total_bytes;
    return c;
  }
  // Parts only, no MIME to walk.
  static MessageContent Parts(const MessageParts& parts) {
    MessageContent c(Kind::kParts);
    c.parts_ = &parts;
    return c;
  }
  // A message a content::MessageReader over this Engine's scanner() has
  // already read and scanned. Its sensitivity is filtered in place, so the
  // caller's message and MessageCheck::facts say the same.
  static MessageContent Read(content::ScannedMessage* message) {
    MessageContent c(Kind::kRead);
    c.read_ = message;
    return c;
  }

  enum class Kind { kRaw, kParts, kRead };
  Kind kind() const { return kind_; }
  std::string_view bytes() const { return bytes_; }
  const std::string& source() const { return source_; }
  size_t total_bytes() const { return total_bytes_; }
  const MessageParts* parts() const { return parts_; }
  content::ScannedMessage* read() const { return read_; }

 private:
  explicit MessageContent(Kind kind) : kind_(kind) {}
  Kind kind_;
  std::string_view bytes_;
  std::string source_;
  size_t total_bytes_ = 0;
  const MessageParts* parts_ = nullptr;
  content::ScannedMessage* read_ = nullptr;
};

struct MessageCheck {
  // Raw: the message as read (message_id, subject, attachments, errors).
  // Parts: only `sensitivity` and `errors`. Read: left empty; the caller's
  // message is the one. Its sensitivity is always the same as
  // facts.sensitivity.
  content::ScannedMessage message;
  // The sender's canonical form, every recipient with its check, the
  // sensitivity without the findings of packs the policy turned off (the
  // one the decision used), the path.
  MessageFacts facts;
  Decision decision;
};

}  // namespace nearmiss

#endif  // NEARMISS_MESSAGE_CHECK_H_
