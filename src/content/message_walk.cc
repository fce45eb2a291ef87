#include "content/message_walk.h"

#include <algorithm>

#include "base/ascii.h"
#include "content/bulk_mail.h"
#include "content/encrypted_format.h"
#include "content/extract.h"
#include "content/gmime_util.h"

namespace nearmiss::content {
namespace {

std::string OrEmpty(const char* s) { return s != nullptr ? s : ""; }

// Enough decoded bytes for ClassifyDocument's magic numbers ("%PDF-") and
// for EncryptedFileFormat's packet headers.
constexpr std::size_t kSniffBytes = 4096;

// RFC 5322 2.2.3 unfolding. A bare CR or LF left inside a value becomes a
// space, as Postfix's tokenizer reads it: "a@x\rCc: b@y" is two words, not
// "a@xCc:".
std::string Unfold(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    if (c == '\n' && i + 1 < raw.size() && (raw[i + 1] == ' ' || raw[i + 1] == '\t')) continue;
    out += (c == '\r' || c == '\n') ? ' ' : c;
  }
  const std::size_t first = out.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const std::size_t last = out.find_last_not_of(" \t");
  return out.substr(first, last - first + 1);
}

// Each To, Cc and Bcc header's raw value, unfolded; Resent-To/Cc/Bcc count
// with them (Postfix's `sendmail -t` reads either set). Not GMime's parsed
// list: it keeps the first '@' of "eve@army.mil@army.ml", while the mail
// server delivers to the last.
void CollectRecipientHeaders(GMimeObject* message, ScannedMessage* out) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(message);
  const int n = g_mime_header_list_get_count(headers);
  for (int i = 0; i < n; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    const char* raw = g_mime_header_get_raw_value(h);
    if (name == nullptr || raw == nullptr) continue;
    std::string_view field = name;
    if (StartsWithNoCase(field, "Resent-")) {
      field.remove_prefix(7);
    }
    std::vector<std::string>* list = EqualsNoCase(field, "To")    ? &out->to
                                     : EqualsNoCase(field, "Cc")  ? &out->cc
                                     : EqualsNoCase(field, "Bcc") ? &out->bcc
                                                                           : nullptr;
    if (list == nullptr) continue;
    std::string value = Unfold(raw);
    if (!value.empty()) list->push_back(std::move(value));
  }
}

class Walker {
 public:
  Walker(const Scanner& scanner, Scratch& scratch, const ContentLimits& limits,
         ScannedMessage* out)
      : scanner_(scanner),
        scratch_(scratch),
        limits_(limits),
        out_(out),
        budget_{limits.max_attachment_bytes,     limits.max_total_bytes,
                Clock::now() + limits.max_extraction_time,
                limits.max_archive_depth,        limits.max_archive_members,
                limits.max_compression_ratio,    {}} {}

  void OnStep(const std::function<void(const ReadStep&)>* on_step, std::size_t size) {
    on_step_ = on_step != nullptr && *on_step ? on_step : nullptr;
    size_ = size;
  }

  void ScanHeaders(GMimeObject* object) {
    GMimeHeaderList* headers = g_mime_object_get_header_list(object);
    int n = g_mime_header_list_get_count(headers);
    for (int i = 0; i < n; ++i) {
      GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
      const char* name = g_mime_header_get_name(h);
      if (name == nullptr || !scanner_.IsLabelHeader(name)) continue;
      const char* value = g_mime_header_get_value(h);
      if (value == nullptr) continue;
      out_->label_headers.emplace_back(name, value);
      Report(scanner_.ScanHeader(name, value, scratch_, &out_->sensitivity));
    }
  }

  // The subject of `object`, a message: of bulk or list mail (bulk_mail.h)
  // a bare level word needs the message to agree.
  void ScanSubject(GMimeObject* object, std::string_view where,
                   std::string_view subject) {
    TextKind kind = TextKind::kSubject;
    GMimeHeaderList* headers = g_mime_object_get_header_list(object);
    int n = g_mime_header_list_get_count(headers);
    for (int i = 0; i < n && kind == TextKind::kSubject; ++i) {
      GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
      const char* name = g_mime_header_get_name(h);
      const char* value = g_mime_header_get_value(h);
      if (name != nullptr && IsBulkMailHeader(name, value != nullptr ? value : "")) {
        kind = TextKind::kBulkSubject;
      }
    }
    if (where == "subject") bulk_ = kind == TextKind::kBulkSubject;
    Scan(kind, where, subject);
  }

  void Scan(TextKind kind, std::string_view where, std::string_view text) {
    if (text.size() > limits_.max_text_bytes) {
      AddLimit(&out_->sensitivity, "max-text-bytes",
               std::string(where) + ": only the first " +
                   std::to_string(limits_.max_text_bytes) + " bytes scanned");
      text = text.substr(0, limits_.max_text_bytes);
    }
    Report(scanner_.Scan(kind, where, text, scratch_, &out_->sensitivity));
  }

  void Walk(GMimeObject* object, int depth) {
    if (stopped_) return;
    if (++parts_ > limits_.max_parts) {
      AddLimit(&out_->sensitivity, "max-parts",
               "more than " + std::to_string(limits_.max_parts) +
                   " MIME parts; the rest not read");
      stopped_ = true;
      return;
    }
    if (depth > limits_.max_mime_depth) {
      if (!depth_reported_) {
        AddLimit(&out_->sensitivity, "max-mime-depth",
                 "MIME nesting deeper than " +
                     std::to_string(limits_.max_mime_depth) +
                     "; deeper parts not read");
        depth_reported_ = true;
      }
      return;
    }
    if (GMIME_IS_MULTIPART_ENCRYPTED(object)) {
      // RFC 1847 2.2: the second part is the ciphertext; nothing in it
      // can be read, and the first is only the protocol's version.
      AddEncrypted("body", EncryptedMimeObject(object));
      return;
    }
    if (GMIME_IS_MULTIPART(object)) {
      WalkMultipart(GMIME_MULTIPART(object), depth);
    } else if (GMIME_IS_MESSAGE_PART(object)) {
      WalkAttachedMessage(GMIME_MESSAGE_PART(object), depth);
    } else if (GMIME_IS_PART(object)) {
      WalkLeaf(GMIME_PART(object), depth);
    }
  }

 private:
  // An attachment or archive member that is encrypted: read by nobody but
  // its recipient, so the policy decides (rule condition `finding`).
  // `what` says what it is ("an S/MIME encrypted message").
  void AddEncrypted(std::string where, const char* what = nullptr) {
    Finding f;
    f.marking = "encrypted-attachment";
    f.pack = "archive";
    f.where = std::move(where);
    f.text = what != nullptr ? std::string(what) + "; its content cannot be read"
                             : "encrypted; its content cannot be read";
    f.strength = Strength::kStrong;
    out_->sensitivity.Add(std::move(f));
  }

  // A document's labels kept in its properties (label_properties.h): the
  // Purview keys as the msip_labels header, each classification property's
  // value as the Classification header (labels.toml), at `where`.
  void ScanLabelProperties(const std::string& msip_labels,
                           const std::vector<std::string>& classifications,
                           const std::string& where) {
    if (!msip_labels.empty()) {
      Report(scanner_.ScanHeader("msip_labels", msip_labels, scratch_,
                                 &out_->sensitivity, where));
    }
    for (const std::string& value : classifications) {
      Report(scanner_.ScanHeader("Classification", value, scratch_,
                                 &out_->sensitivity, where));
    }
  }

  // A scan that failed left its text unread: the level is a lower bound.
  void Report(const Status& s) {
    if (s.ok()) return;
    out_->errors.push_back(s.message());
    out_->sensitivity.complete = false;
  }

  void WalkMultipart(GMimeMultipart* multipart, int depth) {
    int n = g_mime_multipart_get_count(multipart);
    GMimeContentType* type = g_mime_object_get_content_type(GMIME_OBJECT(multipart));
    bool alternative = type != nullptr &&
                       g_mime_content_type_is_type(type, "multipart", "alternative");
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
      GMimeContentType* t = g_mime_object_get_content_type(
          g_mime_multipart_get_part(multipart, i));
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
        return std::any_of(
            findings.begin() + first, findings.begin() + read,
            [&](const Finding& g) {
              return g.marking == f.marking && g.pack == f.pack &&
                     g.level == f.level && g.strength == f.strength &&
                     g.where == f.where;
            });
      };
      findings.erase(std::remove_if(findings.begin() + before, findings.end(),
                                    repeats),
                     findings.end());
    }
  }

  void WalkAttachedMessage(GMimeMessagePart* part, int depth) {
    GMimeMessage* inner = g_mime_message_part_get_message(part);
    if (inner == nullptr) return;
    std::string name = OrEmpty(g_mime_object_get_content_disposition_parameter(
        GMIME_OBJECT(part), "filename"));
    std::string subject = OrEmpty(g_mime_message_get_subject(inner));
    if (name.empty()) name = subject.empty() ? "message.eml" : subject + ".eml";
    out_->attachments.push_back({name, "message/rfc822", 0, true});
    WalkInnerMessage(inner, "attachment:" + name, depth);
  }

  // The subject, label headers and body of a message inside this one,
  // reported at `where` ("attachment:fwd.eml", "attachment:a.zip/fwd.eml").
  void WalkInnerMessage(GMimeMessage* inner, const std::string& where,
                        int depth) {
    ScanSubject(GMIME_OBJECT(inner), where,
                OrEmpty(g_mime_message_get_subject(inner)));
    ScanHeaders(GMIME_OBJECT(inner));
    GMimeObject* body = g_mime_message_get_mime_part(inner);
    if (body != nullptr) Walk(body, depth + 1);
  }

  // A message saved as a file (an .eml in a zip, or sent as octet-stream):
  // parsed by GMime and walked like an attached message. One GMime cannot
  // parse is a part not read: the scan is incomplete.
  void WalkMessageFile(const std::string& where, const std::string& bytes,
                       int depth) {
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

  void WalkLeaf(GMimePart* part, int depth) {
    GMimeObject* object = GMIME_OBJECT(part);
    GMimeContentType* ct = g_mime_object_get_content_type(object);
    std::string mime_type = "application/octet-stream";
    if (ct != nullptr) {
      char* s = g_mime_content_type_get_mime_type(ct);
      mime_type = OrEmpty(s);
      g_free(s);
    }
    std::string filename = OrEmpty(g_mime_part_get_filename(part));
    bool is_attachment = !filename.empty() || g_mime_part_is_attachment(part);
    std::string where = is_attachment
        ? "attachment:" + (filename.empty() ? "part" + std::to_string(parts_)
                                            : filename)
        : "body";
    // At most max_message_bytes + 1, so an extractor can tell it was cut.
    const std::size_t cap = limits_.max_message_bytes + 1;
    PartContent content(part);
    std::string bytes;
    content.Sniff(std::min<std::size_t>(kSniffBytes, cap), &bytes);
    DocType type = ClassifyDocument(
        mime_type, filename, std::string_view(bytes).substr(0, cap));
    // Parts we take no text from need only their size; a compound file is
    // read whole to find an encrypted Office package inside it.
    if (type != DocType::kOther || IsCompoundFile(bytes)) {
      bytes.clear();
      content.Read(cap, &bytes);
    }
    std::size_t size = std::min(content.Finish(), cap);
    if (bytes.size() > cap) bytes.resize(cap);
    // A zip was told from its first bytes only: its central directory says
    // whether it is an Office package with no telling name.
    if (type == DocType::kZip) type = ClassifyDocument(mime_type, filename, bytes);
    if (content.invalid_base64()) {
      // GMime skipped the bad characters: the bytes decoded are not the
      // ones sent, so what was read is not the whole part.
      AddLimit(&out_->sensitivity, "unreadable-attachment",
               where + ": invalid base64");
      out_->errors.push_back(where + ": invalid base64");
    }
    if (type == DocType::kText || type == DocType::kHtml) {
      const char* charset = ct ? g_mime_content_type_get_parameter(ct, "charset")
                               : nullptr;
      if (charset != nullptr && g_ascii_strcasecmp(charset, "utf-8") != 0 &&
          g_ascii_strcasecmp(charset, "us-ascii") != 0) {
        std::string utf8;
        if (!ConvertToUtf8(bytes, charset, &utf8)) {
          out_->errors.push_back(where + ": unknown charset '" +
                                 std::string(charset).substr(0, 40) +
                                 "'; scanned as is");
        }
        bytes = std::move(utf8);
      }
    }
    if (is_attachment) {
      std::string name = filename;
      std::replace(name.begin(), name.end(), '_', ' ');
      if (!name.empty()) Scan(TextKind::kAttachmentName, "attachment-name:" + filename, name);
      // kOther kept only the head of its bytes.
      out_->attachments.push_back(
          {filename, mime_type, type == DocType::kOther ? size : bytes.size(),
           false});
    }
    if (IsEncryptedOfficeFile(filename, bytes)) {
      AddEncrypted(where);
      return;
    }
    // S/MIME and OpenPGP: as the MIME structure says (an enveloped
    // application/pkcs7-mime, inline "BEGIN PGP MESSAGE"), or as the
    // bytes say (a ".gpg", ".p7m" or ".asc" file of any MIME type).
    const char* sealed = EncryptedMimeObject(object);
    if (sealed == nullptr) {
      sealed = EncryptedFileFormat(std::string_view(bytes).substr(0, kSniffBytes));
    }
    if (sealed != nullptr) {
      AddEncrypted(where, sealed);
      return;
    }
    if (const char* unread = UnreadFormat(filename, bytes); unread != nullptr) {
      std::string error = where + ": " + unread + "; its text is not read";
      AddLimit(&out_->sensitivity, "unreadable-attachment", error);
      out_->errors.push_back(std::move(error));
      return;
    }
    if (type == DocType::kOther) return;
    if (budget_.TimeUp()) {
      if (!time_reported_) {
        AddLimit(&out_->sensitivity, "max-extraction-time",
                 "extraction time limit reached; later parts not read");
        time_reported_ = true;
      }
      return;
    }
    if (on_step_ != nullptr) {
      budget_.on_page = [this, &where](int page, int pages) {
        (*on_step_)(ReadStep{out_->source, size_, where, page, pages});
      };
    }
    Extracted text = ExtractDocument(type, where, bytes, budget_);
    budget_.on_page = nullptr;
    // An extractor error means some of this attachment's text was not read
    // (a corrupt zip, an unparseable PDF, malformed XML in a DOCX): what it
    // held is unknown, so the scan is incomplete and [limits]
    // incomplete_level decides, never `none`.
    for (std::string& e : text.errors) {
      AddLimit(&out_->sensitivity, "unreadable-attachment", e);
      out_->errors.push_back(std::move(e));
    }
    for (LimitHit& l : text.limits) {
      AddLimit(&out_->sensitivity, std::move(l.bound), std::move(l.detail));
    }
    if (text.encrypted) AddEncrypted(where);
    if (is_attachment && (text.has_text || !text.member_names.empty() ||
                          !text.messages.empty())) {
      out_->attachments.back().text_extracted = true;
    }
    ScanLabelProperties(text.msip_labels, text.classifications, where);
    // A meeting's SUMMARY is its subject (calendar_text.cc).
    for (const std::string& subject : text.subjects) {
      Scan(TextKind::kSubject, where, subject);
    }
    // Archives: each member's name like an attachment's, each member's
    // text like an attachment's, at "attachment:<zip>/<path>".
    for (const std::string& member : text.member_names) {
      std::string base = member.substr(member.find_last_of('/') + 1);
      std::replace(base.begin(), base.end(), '_', ' ');
      Scan(TextKind::kAttachmentName, "attachment-name:" + filename + "/" + member, base);
    }
    for (const std::string& member : text.encrypted_members) {
      AddEncrypted(where + "/" + member);
    }
    for (const ExtractedMember& member : text.members) {
      std::string at = where + "/" + member.path;
      ScanLabelProperties(member.msip_labels, member.classifications, at);
      if (member.has_text) Scan(TextKind::kBody, at, member.text);
    }
    if (text.has_text) {
      Scan(bulk_ && where == "body" ? TextKind::kBulkBody : TextKind::kBody,
           where, text.text);
    }
    for (const ExtractedMember& message : text.messages) {
      WalkMessageFile(message.path.empty() ? where : where + "/" + message.path,
                      message.text, depth);
    }
  }

  const Scanner& scanner_;
  Scratch& scratch_;
  const ContentLimits& limits_;
  ScannedMessage* out_;
  ExtractBudget budget_;
  const std::function<void(const ReadStep&)>* on_step_ = nullptr;  // WalkMessage's
  std::size_t size_ = 0;  // the message's, for on_step_
  int parts_ = 0;
  bool stopped_ = false;
  bool bulk_ = false;  // the message is bulk or list mail (ScanSubject)
  bool depth_reported_ = false;
  bool time_reported_ = false;
};

}  // namespace

void AddLimit(Sensitivity* s, std::string bound, std::string detail) {
  Finding f;
  f.marking = std::move(bound);
  f.pack = "limit";
  f.where = "limit";
  f.text = std::move(detail);
  f.strength = Strength::kStrong;
  s->Add(std::move(f));
  s->complete = false;
}

ScannedMessage WalkMessage(GMimeMessage* message, std::string source,
                           std::size_t size,
                           std::vector<std::string> parser_warnings,
                           const Scanner& scanner, Scratch& scratch,
                           const ContentLimits& limits,
                           const std::function<void(const ReadStep&)>* on_step) {
  ScannedMessage out;
  out.source = std::move(source);
  out.errors = std::move(parser_warnings);
  out.message_id = OrEmpty(g_mime_message_get_message_id(message));
  // GMime keeps NULL for a missing or unparsable Date: header.
  if (GDateTime* date = g_mime_message_get_date(message)) {
    out.date = g_date_time_to_unix(date);
  }
  InternetAddressList* from = g_mime_message_get_from(message);
  if (from != nullptr && internet_address_list_length(from) == 1) {
    out.from = AddressToString(internet_address_list_get_address(from, 0));
  } else if (from != nullptr) {
    char* s = internet_address_list_to_string(from, nullptr, FALSE);
    out.from = OrEmpty(s);
    g_free(s);
  }
  CollectRecipientHeaders(GMIME_OBJECT(message), &out);
  out.subject = OrEmpty(g_mime_message_get_subject(message));

  Walker walker(scanner, scratch, limits, &out);
  walker.OnStep(on_step, size);
  walker.ScanSubject(GMIME_OBJECT(message), "subject", out.subject);
  walker.ScanHeaders(GMIME_OBJECT(message));
  if (size > limits.max_message_bytes) {
    AddLimit(&out.sensitivity, "max-message-bytes",
             "message is " + std::to_string(size) + " bytes; over " +
                 std::to_string(limits.max_message_bytes) +
                 ", body not read");
    out.sensitivity.Corroborate();
    return out;
  }
  GMimeObject* body = g_mime_message_get_mime_part(message);
  if (body != nullptr) walker.Walk(body, 0);
  out.sensitivity.Corroborate();
  return out;
}

}  // namespace nearmiss::content
