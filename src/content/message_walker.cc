// MessageWalker: headers, subjects, the MIME tree and the messages inside
// a message (message_walker.h). A leaf part is walk_leaf.cc's.
#include "content/message_walker.h"

#include <algorithm>

#include "base/ascii.h"
#include "content/bulk_mail.h"
#include "content/encrypted_format.h"
#include "content/gmime_util.h"
#include "content/header_phrases.h"
#include "content/message_walk.h"
#include "content/surprise_words.h"

namespace nearmiss::content {

MessageWalker::MessageWalker(const Scanner& scanner, Scratch& scratch,
                             const ContentLimits& limits, ScannedMessage* out)
    : scanner_(scanner),
      scratch_(scratch),
      limits_(limits),
      out_(out),
      budget_{limits.max_attachment_bytes,
              limits.max_total_bytes,
              Clock::now() + limits.max_extraction_time,
              limits.max_archive_depth,
              limits.max_archive_members,
              limits.max_compression_ratio,
              {}} {
  budget_.pictures_unreadable = limits.pictures_unreadable;
}

void MessageWalker::OnStep(const std::function<void(const ReadStep&)>* on_step,
                           std::size_t size) {
  on_step_ = on_step != nullptr && *on_step ? on_step : nullptr;
  size_ = size;
}

std::vector<HeaderView> HeaderViews(GMimeObject* object) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(object);
  const int n = g_mime_header_list_get_count(headers);
  std::vector<HeaderView> views;
  views.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    if (name == nullptr) continue;
    views.push_back({name, g_mime_header_get_raw_value(h),
                     g_mime_header_get_value(h)});
  }
  return views;
}

std::string MessageWalker::InMessage(std::string_view place) const {
  std::string out = message_where_;
  if (!out.empty()) out += '/';
  out += place;
  return out;
}

std::string MessageWalker::AttachmentPlace(std::string_view name) const {
  if (!message_where_.empty()) return InMessage(name);
  std::string out = "attachment:";
  out += name;
  return out;
}

void MessageWalker::ScanHeaders(const std::vector<HeaderView>& headers) {
  std::string_view subject;
  for (const HeaderView& h : headers) {
    if (h.value != nullptr && EqualsNoCase(h.name, "Subject")) subject = h.value;
  }
  // The top message's Keywords:, Comments: and Thread-Topic: are read as
  // subjects (header_phrases.h) right after its Subject, so that their
  // findings extend the subject's span and are read again with it over a
  // body that keeps a surprise (RereadSubjectOverSurprise): "Thread-Topic:
  // TOP SECRET: Jo's leaving do" is the same note as that Subject (round
  // 56b's tester 13, findings 4 and 7).
  const bool top = message_where_.empty() && subject_end_ == out_->sensitivity.findings.size();
  for (const HeaderView& h : headers) {
    if (h.value == nullptr || !IsSubjectPhraseHeader(h.name)) continue;
    std::string where = "header:";
    where += h.name;
    if (!message_where_.empty()) where = InMessage(where);
    ForEachSubjectPhrase(h.name, h.value,
                         [&](std::string_view phrase) {
                           if (top) subject_texts_.push_back({TextKind::kSubject, where, std::string(phrase)});
                           Scan(TextKind::kSubject, where, phrase);
                         },
                         subject);
  }
  if (top) subject_end_ = out_->sensitivity.findings.size();
  for (const HeaderView& h : headers) {
    if (h.value == nullptr || IsSubjectPhraseHeader(h.name) || !scanner_.IsLabelHeader(h.name)) continue;
    out_->label_headers.emplace_back(h.name, h.value);
    std::string where;  // the scanner's "header:<name>" at the top
    if (!message_where_.empty()) {
      std::string header = "header:";
      header += h.name;
      where = InMessage(header);
    }
    Report(scanner_.ScanHeader(h.name, h.value, scratch_, &out_->sensitivity, where));
  }
}

void MessageWalker::ScanSubject(const std::vector<HeaderView>& headers,
                                std::string_view where,
                                std::string_view subject) {
  TextKind kind = TextKind::kSubject;
  for (const HeaderView& h : headers) {
    if (IsBulkMailHeader(h.name, h.value != nullptr ? h.value : "")) {
      kind = TextKind::kBulkSubject;
      break;
    }
  }
  const bool top = where == "subject";
  if (top) {
    bulk_ = kind == TextKind::kBulkSubject;
    subject_first_ = out_->sensitivity.findings.size();
    subject_texts_.push_back({kind, "subject", std::string(subject)});
  }
  Scan(kind, where, subject);
  // RFC 5322 3.6 allows one Subject, but a gateway that tags subjects may
  // add a second, and readers differ on which they show (GMime keeps the
  // last, Python's email and many clients the first): every other one is
  // read too, the highest counting (round 55's tester 13-b, finding 5).
  std::vector<std::string_view> read{subject};
  for (const HeaderView& h : headers) {
    if (h.value == nullptr || !EqualsNoCase(h.name, "Subject")) continue;
    std::string_view other = h.value;
    if (std::find(read.begin(), read.end(), other) != read.end()) continue;
    read.push_back(other);
    if (top) subject_texts_.push_back({kind, "subject", std::string(other)});
    Scan(kind, where, other);
  }
  if (top) subject_end_ = out_->sensitivity.findings.size();
}

void MessageWalker::RereadSubjectOverSurprise() {
  Sensitivity& s = out_->sensitivity;
  if (!body_surprise_ || subject_end_ <= subject_first_ || subject_end_ > s.findings.size()) return;
  const auto first = s.findings.begin() + static_cast<std::ptrdiff_t>(subject_first_);
  const auto end = s.findings.begin() + static_cast<std::ptrdiff_t>(subject_end_);
  if (std::none_of(first, end, [](const Finding& f) { return f.strength == Strength::kStrong; })) {
    return;
  }
  Sensitivity again;
  {
    BodySurpriseScope surprise;
    for (const SubjectText& t : subject_texts_) Scan(t.kind, t.where, t.text, &again);
  }
  s.findings.erase(first, end);
  s.findings.insert(s.findings.begin() + static_cast<std::ptrdiff_t>(subject_first_),
                    std::make_move_iterator(again.findings.begin()),
                    std::make_move_iterator(again.findings.end()));
  s.level = Level::kNone;
  for (const Finding& f : s.findings) {
    if (f.strength == Strength::kStrong && f.level > s.level) s.level = f.level;
  }
}

void MessageWalker::Scan(TextKind kind, std::string_view where,
                         std::string_view text, Sensitivity* into) {
  if (into == nullptr) into = &out_->sensitivity;
  if (text.size() > limits_.max_text_bytes) {
    AddLimit(into, "max-text-bytes",
             std::string(where) + ": only the first " +
                 std::to_string(limits_.max_text_bytes) + " bytes scanned");
    text = text.substr(0, limits_.max_text_bytes);
  }
  Report(scanner_.Scan(kind, where, text, scratch_, into));
}

bool MessageWalker::Enter(int depth) {
  if (stopped_) return false;
  if (++parts_ > limits_.max_parts) {
    AddLimit(&out_->sensitivity, "max-parts",
             "more than " + std::to_string(limits_.max_parts) +
                 " MIME parts; the rest not read");
    stopped_ = true;
    return false;
  }
  if (depth > limits_.max_mime_depth) {
    if (!depth_reported_) {
      AddLimit(&out_->sensitivity, "max-mime-depth",
               "MIME nesting deeper than " +
                   std::to_string(limits_.max_mime_depth) +
                   "; deeper parts not read");
      depth_reported_ = true;
    }
    return false;
  }
  return true;
}

void MessageWalker::WalkBodyLeaf(const LeafPart& leaf, PartContent& content) {
  if (Enter(0)) ReadLeaf(leaf, content, 0);
}

void MessageWalker::Walk(GMimeObject* object, int depth) {
  if (!Enter(depth)) return;
  if (GMIME_IS_MULTIPART_ENCRYPTED(object)) {
    // RFC 1847 2.2: the second part is the ciphertext; nothing in it
    // can be read, and the first is only the protocol's version.
    AddEncrypted(InMessage("body"), EncryptedMimeObject(object));
    return;
  }
  if (GMIME_IS_MULTIPART(object)) {
    WalkMultipart(GMIME_MULTIPART(object), depth);
  } else if (GMIME_IS_MESSAGE_PART(object)) {
    WalkAttachedMessage(GMIME_MESSAGE_PART(object), depth);
  } else if (GMIME_IS_PART(object)) {
    if (GMIME_IS_APPLICATION_PKCS7_MIME(object) &&
        WalkCmsWrapped(GMIME_PART(object), depth)) {
      return;
    }
    WalkLeaf(GMIME_PART(object), depth);
  }
}

// An attachment or archive member that is encrypted: read by nobody but
// its recipient, so the policy decides (rule condition `finding`).
// `what` says what it is ("an S/MIME encrypted message").
void MessageWalker::AddEncrypted(std::string where, const char* what) {
  Finding f;
  f.marking = "encrypted-attachment";
  f.pack = "archive";
  f.where = std::move(where);
  f.text = what != nullptr ? std::string(what) + "; its content cannot be read"
                           : "encrypted; its content cannot be read";
  f.strength = Strength::kStrong;
  out_->sensitivity.Add(std::move(f));
}

// A scan that failed left its text unread: the level is a lower bound.
void MessageWalker::Report(const Status& s) {
  if (s.ok()) return;
  out_->errors.push_back(s.message());
  out_->sensitivity.complete = false;
}

void MessageWalker::WalkMultipart(GMimeMultipart* multipart, int depth) {
  int n = g_mime_multipart_get_count(multipart);
  GMimeContentType* type =
      g_mime_object_get_content_type(GMIME_OBJECT(multipart));
  // Where an unread multipart is: its file name if it is an attachment.
  auto place = [&] {
    std::string what = OrEmpty(g_mime_object_get_content_disposition_parameter(
        GMIME_OBJECT(multipart), "filename"));
    return what.empty() ? InMessage("body") : AttachmentPlace(what);
  };
  if (g_mime_object_get_content_type_parameter(GMIME_OBJECT(multipart),
                                              "boundary") == nullptr) {
    // RFC 2046 5.1.1: the boundary parameter is required; without it the
    // parts cannot be told apart and GMime keeps none of the content. A
    // parse error is no reason to call the message read (issue 13, round
    // 34 defect 3).
    std::string error = place();
    error += ": a multipart with no boundary (RFC 2046 5.1.1); its content is not read";
    AddLimit(&out_->sensitivity, "unreadable-attachment", error);
    out_->errors.push_back(std::move(error));
  } else if (n == 0) {
    // RFC 2046 5.1.1: a multipart has at least one body part, each after a
    // delimiter line of its boundary, compared exactly (case matters). A
    // boundary that never appears (another string, `Part_AB` against
    // `--part_ab`) leaves GMime no part: everything is in the preamble,
    // which MIME readers ignore but a recipient's client may show as raw
    // text. Not read is not "read and empty" (round 45's tester 13,
    // finding 1: a UK SECRET body and a SECRET DOCX went out).
    std::string error = place();
    error += ": a multipart whose boundary '";
    error += OrEmpty(g_mime_object_get_content_type_parameter(GMIME_OBJECT(multipart),
                                                             "boundary"));
    error += "' never appears (RFC 2046 5.1.1); its content is not read";
    AddLimit(&out_->sensitivity, "unreadable-attachment", error);
    out_->errors.push_back(std::move(error));
  }
  // RFC 2046 5.1.1: the preamble before the first boundary and the
  // epilogue after the last are to be ignored by MIME readers, but a client
  // that reads MIME loosely, or not at all, shows them as text, and words
  // put there travel with the message (round 45 tester 13). Read as text
  // of their own places; Outlook's and Thunderbird's "This is a multi-part
  // message in MIME format." is no marking.
  for (const auto& [text, label] : {std::pair{g_mime_multipart_get_prologue(multipart), "preamble"},
                                    std::pair{g_mime_multipart_get_epilogue(multipart), "epilogue"}}) {
    if (text != nullptr && *text != '\0') Scan(TextKind::kBody, InMessage(label), text);
  }
  bool alternative = type != nullptr && g_mime_content_type_is_type(
                                            type, "multipart", "alternative");
  if (!alternative) {
    for (int i = 0; i < n; ++i) {
      Walk(g_mime_multipart_get_part(multipart, i), depth + 1);
    }
    return;
  }
  // RFC 2046 5.1.4: alternatives should say the same thing, but a sender's
  // client may put a marking in one only (an HTML banner the plain text
  // lost). Every alternative is read and the most sensitive wins; the
  // plain text one first, and what a later one only repeats is dropped so
  // that findings are not doubled.
  int plain = 0;
  for (int i = 0; i < n; ++i) {
    GMimeContentType* t =
        g_mime_object_get_content_type(g_mime_multipart_get_part(multipart, i));
    if (t != nullptr && g_mime_content_type_is_type(t, "text", "plain")) {
      plain = i;
      break;
    }
  }
  std::vector<Finding>& findings = out_->sensitivity.findings;
  std::size_t first = findings.size();
  Walk(g_mime_multipart_get_part(multipart, plain), depth + 1);
  std::size_t read = findings.size();
  for (int i = 0; i < n; ++i) {
    if (i == plain) continue;
    std::size_t before = findings.size();
    Walk(g_mime_multipart_get_part(multipart, i), depth + 1);
    auto repeats = [&](const Finding& f) {
      return std::any_of(findings.begin() + first, findings.begin() + read,
                         [&](const Finding& g) {
                           return g.marking == f.marking && g.pack == f.pack &&
                                  g.level == f.level &&
                                  g.strength == f.strength &&
                                  g.where == f.where;
                         });
    };
    findings.erase(
        std::remove_if(findings.begin() + before, findings.end(), repeats),
        findings.end());
  }
}

void MessageWalker::WalkAttachedMessage(GMimeMessagePart* part, int depth) {
  GMimeMessage* inner = g_mime_message_part_get_message(part);
  if (inner == nullptr) return;
  std::string name = OrEmpty(g_mime_object_get_content_disposition_parameter(
      GMIME_OBJECT(part), "filename"));
  std::string subject = OrEmpty(g_mime_message_get_subject(inner));
  if (name.empty()) name = subject.empty() ? "message.eml" : subject + ".eml";
  out_->attachments.push_back({name, "message/rfc822", 0, true});
  WalkInnerMessage(inner, AttachmentPlace(name), depth);
}

// The subject, label headers and body of a message inside this one,
// reported under `where` ("attachment:fwd.eml", "attachment:a.zip/fwd.eml"):
// its subject at "<where>/subject", as its body is at "<where>/body" and
// its label headers at "<where>/header:NAME" (README, a finding's place),
// so a subject's finding is told from the whole message's (round 59b's
// tester 13, finding 8).
void MessageWalker::WalkInnerMessage(GMimeMessage* inner,
                                     const std::string& where, int depth) {
  const std::vector<HeaderView> headers = HeaderViews(GMIME_OBJECT(inner));
  ScanSubject(headers, where + "/subject", OrEmpty(g_mime_message_get_subject(inner)));
  std::string outer = std::move(message_where_);
  message_where_ = where;
  ScanHeaders(headers);
  GMimeObject* body = g_mime_message_get_mime_part(inner);
  if (body != nullptr) Walk(body, depth + 1);
  message_where_ = std::move(outer);
}

// A message saved as a file (an .eml in a zip, or sent as octet-stream):
// parsed by GMime and walked like an attached message. One GMime cannot
// parse is a part not read: the scan is incomplete.
void MessageWalker::WalkMessageFile(const std::string& where,
                                    const std::string& bytes, int depth) {
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(
      reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GPtr<GMimeMessage> inner(
      g_mime_parser_construct_message(parser.get(), nullptr));
  if (!inner) {
    AddLimit(&out_->sensitivity, "unreadable-attachment",
             where + ": not a MIME message");
    out_->errors.push_back(where + ": not a MIME message");
    return;
  }
  WalkInnerMessage(inner.get(), where, depth);
}

}  // namespace nearmiss::content
