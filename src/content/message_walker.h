// MessageWalker: the walk of one message's MIME tree for WalkMessage
// (message_walk.h). message_walker.cc reads headers, subjects, the tree and
// the messages inside it; walk_leaf.cc a leaf part (its bytes, its document
// type, the text extracted and what that holds). Private to src/content.
// One walker per message, on one thread; it writes into the ScannedMessage
// it is given, which must outlive it, and reads the message as the bounds
// of its ContentLimits allow (a bound hit is a "limit" finding and leaves
// the scan incomplete: message_walk.h, AddLimit).
#ifndef NEARMISS_CONTENT_MESSAGE_WALKER_H_
#define NEARMISS_CONTENT_MESSAGE_WALKER_H_

#include <gmime/gmime.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/extract.h"
#include "content/gmime_util.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::content {

inline std::string OrEmpty(const char* s) { return s != nullptr ? s : ""; }

// One header field of a message, as GMime's header list holds it: `name`
// as written, without the colon; `raw_value` everything after the colon,
// folds and the line end included; `value` unfolded and RFC 2047 decoded
// (g_mime_header_get_value). The strings belong to whoever made the view
// (a GMimeHeader, or the plain path's fields: plain_message.h).
struct HeaderView {
  const char* name;
  const char* raw_value;
  // May be null; the plain path leaves it null where nothing reads it (a
  // field that is no label header, Subject or Precedence).
  const char* value;
};

// The header fields of `object` (a message or a part) in order.
std::vector<HeaderView> HeaderViews(GMimeObject* object);

// A leaf part as WalkLeaf needs it, wherever it came from: GMime's tree, or
// the plain path's single part (plain_message.h). `content` decodes its
// bytes; `charset` may be null; `sealed` is EncryptedMimeObject's answer
// for what the MIME structure says (null: not sealed by it).
struct LeafPart {
  std::string mime_type;  // "text/plain"
  std::string filename;   // "" when unnamed
  // Content-Description (RFC 2045 section 8): mutt and NeoMutt list an
  // attachment by it in place of its name, so it is read as the name is
  // (round 56's tester 13, finding 7). "" when absent.
  std::string description;
  bool is_attachment = false;
  const char* charset = nullptr;
  const char* sealed = nullptr;
  // A Content-Transfer-Encoding GMime does not know ("base-64",
  // "x-gzip"), as written; "" when known or absent. RFC 2045 6.4: such a
  // part is opaque, so it is reported unread.
  std::string unknown_encoding;
  // Content-Type format=flowed and delsp=yes (RFC 3676; flowed_text.h).
  bool flowed = false;
  bool delsp = false;
  // A picture the HTML body shows (a Content-ID, RFC 2392, and no
  // Content-Disposition: attachment): not counted unread (picture_parts.h).
  bool inline_resource = false;
};

class MessageWalker {
 public:
  MessageWalker(const Scanner& scanner, Scratch& scratch,
                const ContentLimits& limits, ScannedMessage* out);

  // `on_step` (may be null or empty) is told each PDF page read; `size` is
  // the message's, in bytes, for it.
  void OnStep(const std::function<void(const ReadStep&)>* on_step,
              std::size_t size);

  // The label headers of a message or part, by the packs' label_header
  // tables (labels.toml).
  void ScanHeaders(const std::vector<HeaderView>& headers);

  // The subject of a message with these `headers`: of bulk or list mail
  // (bulk_mail.h) a bare level word needs the message to agree.
  void ScanSubject(const std::vector<HeaderView>& headers,
                   std::string_view where, std::string_view subject);

  const ContentLimits& limits() const { return limits_; }

  // Once the body is read: when the message's own body keeps a surprise
  // (surprise_words.h, TextKeepsSurprise) and its subject (or a header read
  // as one, header_phrases.h) had a strong
  // finding, the subject is read again knowing it (BodySurpriseScope),
  // its findings put in the place of
  // the first reading's and the level worked out again.
  void RereadSubjectOverSurprise();

  // `text` at `where`, at most max_text_bytes of it; its findings added to
  // `into` (null: the message's).
  void Scan(TextKind kind, std::string_view where, std::string_view text,
            Sensitivity* into = nullptr);

  // `object` and what it holds, `depth` MIME levels down.
  void Walk(GMimeObject* object, int depth);

  // A leaf part that is the whole body of the message (the plain path's
  // single part), counted against the limits as Walk counts it.
  void WalkBodyLeaf(const LeafPart& leaf, PartContent& content);

 private:
  void AddEncrypted(std::string where, const char* what = nullptr);
  // A document's hidden texts (Extracted::hidden), each at "<where>
  // (<label>)": only the findings that add to those already made at
  // `where` or at another of its hidden texts (walk_hidden.cc).
  void ScanHidden(const std::vector<HiddenText>& hidden, const std::string& where);
  void ScanLabelProperties(const std::string& msip_labels,
                           const std::vector<std::string>& classifications,
                           const std::string& where);
  void Report(const Status& s);
  void WalkMultipart(GMimeMultipart* multipart, int depth);
  void WalkAttachedMessage(GMimeMessagePart* part, int depth);
  void WalkInnerMessage(GMimeMessage* inner, const std::string& where,
                        int depth);
  void WalkMessageFile(const std::string& where, const std::string& bytes,
                       int depth);
  // False when the part limit or the depth limit stops the walk here.
  bool Enter(int depth);
  void WalkLeaf(GMimePart* part, int depth);
  // An application/pkcs7-mime part that is signed or compressed, not
  // encrypted (walk_cms.cc): true when it was dealt with; false leaves it
  // to WalkLeaf (encrypted, certificates only, or not CMS).
  bool WalkCmsWrapped(GMimePart* part, int depth);
  // CMS bytes `der` at `where` (an attachment), read as WalkCmsWrapped
  // reads a pkcs7-mime part: true when dealt with (signed content walked,
  // a detached signature, compressed data reported); false when it is not
  // signed or compressed CMS.
  bool WalkCmsDer(std::string_view der, const std::string& where, int depth);
  void ReadLeaf(const LeafPart& leaf, PartContent& content, int depth);
  // `body_text` is the text scanned as the part's own: `text.text`, or the
  // part's bytes where they lie (ExtractTextInPlace).
  void ScanExtracted(Extracted& text, std::string_view body_text,
                     const std::string& where, const std::string& filename,
                     bool is_attachment, int depth);

  const Scanner& scanner_;
  Scratch& scratch_;
  const ContentLimits& limits_;
  ScannedMessage* out_;
  ExtractBudget budget_;
  const std::function<void(const ReadStep&)>* on_step_ =
      nullptr;            // WalkMessage's
  std::size_t size_ = 0;  // the message's, for on_step_
  int parts_ = 0;
  bool stopped_ = false;
  bool bulk_ = false;  // the message is bulk or list mail (ScanSubject)
  // The top message's subject texts as ScanSubject and ScanHeaders read
  // them (its Subjects, then its Keywords, Comments and Thread-Topic), the
  // span of their findings, and whether its body keeps a surprise
  // (RereadSubjectOverSurprise).
  struct SubjectText {
    TextKind kind;
    std::string where;
    std::string text;
  };
  std::vector<SubjectText> subject_texts_;
  std::size_t subject_first_ = 0, subject_end_ = 0;
  bool body_surprise_ = false;
  bool depth_reported_ = false;
  bool time_reported_ = false;
  // While a message inside this one is walked, its place
  // ("attachment:summary.eml", "attachment:mail.zip/route pack.eml"): its
  // body, attachments and label headers are named under it
  // ("attachment:summary.eml/body", ".../route.docx", ".../header:
  // msip_labels"), not as the outer message's own (tester 13 finding 13).
  // Empty at the top.
  std::string message_where_;
  // `place` ("body", "header:msip_labels") under message_where_.
  std::string InMessage(std::string_view place) const;
  // An attachment's place: "attachment:<name>", or under message_where_.
  std::string AttachmentPlace(std::string_view name) const;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MESSAGE_WALKER_H_
