// MessageWalker::WalkLeaf: one leaf MIME part, its bytes decoded, its
// document type told, encrypted and unreadable formats reported, its text
// extracted and scanned with what it holds (message_walker.h).
#include <algorithm>
#include <optional>
#include <set>

#include "base/ascii.h"
#include "content/cms_content.h"
#include "content/content_sniff.h"
#include "content/csv_text.h"
#include "content/encrypted_format.h"
#include "content/enriched_text.h"
#include "content/extract.h"
#include "content/field_values.h"
#include "content/flowed_text.h"
#include "content/gmime_util.h"
#include "content/mailbox_file.h"
#include "content/message_walk.h"
#include "content/message_walker.h"
#include "content/encrypted_armour.h"
#include "content/picture_parts.h"
#include "content/postscript_text.h"
#include "content/surprise_words.h"
#include "content/yenc.h"
#include "content/windows_shell_files.h"

namespace nearmiss::content {
namespace {

// Enough decoded bytes for ClassifyDocument's magic numbers ("%PDF-") and
// for EncryptedFileFormat's packet headers.
constexpr std::size_t kLeafSniffBytes = 4096;

// The findings from `first` on that stand in the text scanned at `where`
// get the reader's name for their page (Extracted::places).
void PlaceFindings(std::size_t first, const std::string& where, const PagePlaces& places,
                   Sensitivity* out) {
  for (std::size_t k = first; k < out->findings.size(); ++k) {
    Finding& f = out->findings[k];
    if (f.where == where && f.pack != "limit") f.place = std::string(places.Of(f.page));
  }
}

}  // namespace

// A document's labels kept in its properties (label_properties.h): the
// Purview keys as the msip_labels header, each classification property's
// value as the Classification header (labels.toml), at `where`.
void MessageWalker::ScanLabelProperties(
    const std::string& msip_labels,
    const std::vector<std::string>& classifications, const std::string& where) {
  if (!msip_labels.empty()) {
    Report(scanner_.ScanHeader("msip_labels", msip_labels, scratch_,
                               &out_->sensitivity, where));
  }
  for (const std::string& value : classifications) {
    Report(scanner_.ScanHeader("Classification", value, scratch_,
                               &out_->sensitivity, where));
  }
}

void MessageWalker::WalkLeaf(GMimePart* part, int depth) {
  GMimeObject* object = GMIME_OBJECT(part);
  GMimeContentType* ct = g_mime_object_get_content_type(object);
  LeafPart leaf;
  leaf.mime_type = "application/octet-stream";
  if (ct != nullptr) {
    char* s = g_mime_content_type_get_mime_type(ct);
    leaf.mime_type = OrEmpty(s);
    g_free(s);
  }
  if (leaf.mime_type == "message/partial") {
    // RFC 2046 5.2.2: one fragment of a message split by its sender's
    // client; the rest travels in other messages, so what the whole holds
    // is unknown here (a marked document cut in two passed as complete:
    // tester 13 finding 17). Its bytes are still read below.
    std::string error = InMessage("body");
    error += ": a message/partial fragment (RFC 2046 5.2.2) of a message sent "
                        "in pieces; the other pieces are not in this message";
    AddLimit(&out_->sensitivity, "unreadable-attachment", error);
    out_->errors.push_back(std::move(error));
  }
  leaf.filename = OrEmpty(g_mime_part_get_filename(part));
  leaf.is_attachment = !leaf.filename.empty() || g_mime_part_is_attachment(part);
  leaf.description = OrEmpty(g_mime_object_get_header(object, "Content-Description"));
  const char* disposition = g_mime_object_get_disposition(object);
  leaf.inline_resource = g_mime_object_get_content_id(object) != nullptr &&
                         (disposition == nullptr || g_ascii_strcasecmp(disposition, "attachment") != 0);
  leaf.charset = ct ? g_mime_content_type_get_parameter(ct, "charset") : nullptr;
  leaf.flowed = ct != nullptr && IsFlowed(g_mime_content_type_get_parameter(ct, "format"));
  leaf.delsp = ct != nullptr && IsDelsp(g_mime_content_type_get_parameter(ct, "delsp"));
  // S/MIME and OpenPGP as the MIME structure says: an enveloped
  // application/pkcs7-mime, inline "BEGIN PGP MESSAGE".
  leaf.sealed = EncryptedMimeObject(object);
  if (const char* cte =
          g_mime_object_get_header(object, "Content-Transfer-Encoding")) {
    std::string_view value(cte);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.remove_prefix(1);
    }
    if (!value.empty() && g_mime_content_encoding_from_string(cte) ==
                              GMIME_CONTENT_ENCODING_DEFAULT) {
      leaf.unknown_encoding = std::string(value.substr(0, 40));
    }
  }
  PartContent content(part);
  ReadLeaf(leaf, content, depth);
}

void MessageWalker::ReadLeaf(const LeafPart& leaf, PartContent& content,
                             int depth) {
  const std::string& mime_type = leaf.mime_type;
  const std::string& filename = leaf.filename;
  const bool is_attachment = leaf.is_attachment;
  std::string where =
      is_attachment
          ? AttachmentPlace(filename.empty() ? "part" + std::to_string(parts_) : filename)
          : InMessage("body");
  // At most max_message_bytes + 1, so an extractor can tell it was cut.
  const std::size_t cap = limits_.max_message_bytes + 1;
  std::string bytes;
  content.Sniff(std::min<std::size_t>(kLeafSniffBytes, cap), &bytes);
  // The part's bytes: `bytes`, or the content where it lies when that
  // needs no decoding (PartContent::TakeWhole: the plain path's body is
  // then not copied; issue 20).
  std::string_view data = bytes;
  DocType type = ClassifyDocument(mime_type, filename, data.substr(0, cap));
  // A type no extractor is chosen for by name or MIME type: its bytes say
  // whether it is text, markup or a message (a ".log" or JSON file sent as
  // application/octet-stream), a known picture or sound, or something
  // unread, which must show (content_sniff.h; issue 13, round 34 defect 2).
  const char* unread_kind = nullptr;
  // S/MIME signed data under another MIME type ("smime.p7m" as
  // application/octet-stream): read whole, then walked as the pkcs7-mime
  // part it is (walk_cms.cc), not left as a binary nobody reads.
  const bool cms_signed = type == DocType::kOther && leaf.sealed == nullptr &&
                          LooksLikeCmsSignedData(bytes);
  if (type == DocType::kOther && !cms_signed && !IsCompoundFile(bytes) &&
      EncryptedFileFormat(bytes) == nullptr && leaf.sealed == nullptr) {
    Sniffed sniffed = SniffUnlisted(mime_type, filename, bytes);
    type = sniffed.type;
    unread_kind = sniffed.unread;
  }
  // Parts we take no text from need only their size; a compound file is
  // read whole to find an encrypted Office package inside it.
  if (type != DocType::kOther || cms_signed || IsCompoundFile(data)) {
    if (std::optional<std::string_view> whole = content.TakeWhole()) {
      data = *whole;
    } else {
      bytes.clear();
      content.Read(cap, &bytes);
      data = bytes;
    }
  }
  std::size_t size = std::min(content.Finish(), cap);
  if (bytes.size() > cap) bytes.resize(cap);  // shrinks in place: `data` stays valid
  data = data.substr(0, cap);
  const auto owned = [&] { return data.data() == bytes.data(); };
  // A zip was told from its first bytes only: its central directory says
  // whether it is an Office package with no telling name, and a package
  // whose zip does not start the file is placed by its end record.
  if (type == DocType::kZip || type == DocType::kOoxml || type == DocType::kOdf)
    type = ClassifyDocument(mime_type, filename, data);
  // An Apple .emlx with no telling name is told by the property list after
  // its counted message, past the first bytes when the message is long; a
  // message body is never one, whatever its first lines (mailbox_file.h;
  // round 56b's tester 13, finding 1).
  if (is_attachment && type == DocType::kText && EmlxMessage(filename, data)) {
    type = DocType::kMessage;
  } else if (!is_attachment && type == DocType::kMessage && !StartsWithNoCase(mime_type, "message/") &&
             EmlxMessage(filename, data)) {
    type = DocType::kText;
  }
  if (!leaf.unknown_encoding.empty()) {
    // RFC 2045 6.4: a part in an encoding the reader does not know is
    // opaque. Its bytes are still read as they stand, but what they hold
    // is unknown: the scan is incomplete (issue 13, round 34 defect 3).
    std::string error = where + ": unknown Content-Transfer-Encoding '" +
                        leaf.unknown_encoding + "'; not decoded";
    AddLimit(&out_->sensitivity, "unreadable-attachment", error);
    out_->errors.push_back(std::move(error));
  }
  if (content.invalid_base64()) {
    // GMime skipped the bad characters: the bytes decoded are not the
    // ones sent, so what was read is not the whole part.
    AddLimit(&out_->sensitivity, "unreadable-attachment",
             where + ": invalid base64");
    out_->errors.push_back(where + ": invalid base64");
  }
  if (type == DocType::kText || type == DocType::kHtml ||
      type == DocType::kXml) {
    const char* charset = leaf.charset;
    if (charset != nullptr && g_ascii_strcasecmp(charset, "utf-8") != 0 &&
        g_ascii_strcasecmp(charset, "us-ascii") != 0) {
      if (!owned()) bytes.assign(data);
      std::string utf8;
      // yEnc blocks stay the bytes they are (yenc.h).
      if (!ConvertToUtf8KeepingYenc(bytes, charset, &utf8)) {
        out_->errors.push_back(where + ": unknown charset '" +
                               std::string(charset).substr(0, 40) +
                               "'; scanned as is");
      }
      bytes = std::move(utf8);
      data = bytes;
    }
  }
  // text/enriched and text/richtext: their commands are not the words
  // (enriched_text.h).
  if (type == DocType::kText && IsEnrichedType(mime_type)) {
    bytes = EnrichedToText(mime_type, data);
    data = bytes;
  }
  // Any part's description, listed by mail clients as a name is.
  if (!leaf.description.empty()) {
    Scan(TextKind::kAttachmentName,
         "attachment-description:" + (filename.empty() ? leaf.mime_type : filename),
         leaf.description);
  }
  if (is_attachment) {
    std::string name = filename;
    std::replace(name.begin(), name.end(), '_', ' ');
    if (!name.empty())
      Scan(TextKind::kAttachmentName, "attachment-name:" + filename, name);

    // kOther kept only the head of its bytes.
    out_->attachments.push_back({filename, mime_type,
                                 type == DocType::kOther ? size : data.size(),
                                 false});
  }
  if (IsEncryptedOfficeFile(filename, data)) {
    AddEncrypted(where);
    return;
  }
  // S/MIME and OpenPGP: as the MIME structure says (LeafPart::sealed), or
  // as the bytes say (a ".gpg", ".p7m" or ".asc" file of any MIME type).
  const char* sealed = leaf.sealed;
  if (sealed == nullptr) {
    sealed = EncryptedFileFormat(data.substr(0, kLeafSniffBytes));
  }
  if (sealed == nullptr) sealed = RightsProtectedMessage(mime_type, filename, data);
  // A text's armoured encrypted data by what is between its lines
  // (encrypted_armour.h): armour around a placeholder holds no ciphertext
  // and the text is read; ciphertext GMime and GPGME do not see (another
  // armour than OpenPGP's, or one quoted in a reply) is as unreadable as
  // sent, and the text around it is read too.
  bool armoured = false;  // said once: not again for its lines decoded as base64
  if (type == DocType::kText) {
    const EncryptedArmour armour = FindEncryptedArmour(data);
    if (sealed != nullptr && armour.blocks > 0 && !armour.ciphertext) sealed = nullptr;
    if (sealed == nullptr && armour.ciphertext) {
      AddEncrypted(where, armour.what.c_str());
      armoured = true;
    }
  }
  if (sealed != nullptr) {
    AddEncrypted(where, sealed);
    return;
  }
  // Signed content, a detached signature or compressed data; bytes that
  // open so but do not parse as CMS are unread, never passed.
  if (cms_signed) {
    if (!WalkCmsDer(data, where, depth)) {
      std::string error = where + ": opens as S/MIME signed data but is not CMS; not read";
      AddLimit(&out_->sensitivity, "unreadable-attachment", error);
      out_->errors.push_back(std::move(error));
    }
    return;
  }
  // Explorer's thumbnail cache sent on its own, as in a zipped folder
  // (windows_shell_files.h, by its streams, never by name alone): copies of
  // pictures, which are not read; said, not counted (h46 finding 4).
  if (std::string shell = WindowsThumbnailCache(filename, data); !shell.empty()) {
    out_->errors.push_back(where + ": " + shell + ", skipped: it holds pictures, which are not read");
    return;
  }
  if (const char* unread = UnreadFormat(filename, data); unread != nullptr) {
    std::string error = where + ": " + unread + "; its text is not read";
    AddLimit(&out_->sensitivity, "unreadable-attachment", error);
    out_->errors.push_back(std::move(error));
    return;
  }
  if (unread_kind != nullptr) {
    std::string error = where + ": " + unread_kind + "; its text is not read";
    AddLimit(&out_->sensitivity, "unreadable-attachment", error);
    out_->errors.push_back(std::move(error));
    return;
  }
  if (type == DocType::kOther) {
    if (std::string picture = PictureKind(data);
        !picture.empty() && limits_.pictures_unreadable && !leaf.inline_resource) {
      std::string error = PictureUnread(where, picture);
      AddLimit(&out_->sensitivity, "unreadable-attachment", error);
      out_->errors.push_back(std::move(error));
    }
    return;
  }
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
  // A text in memory that needs no conversion is scanned where it lies
  // (a CSV's fields become cells: csv_text.h; a JSON or key-value file's
  // fields pages: field_values.h).
  std::optional<std::string_view> as_is;
  if (type == DocType::kText && !owned() && !IsCsvName(where) && !MayReadAsFields(where, data) &&
      !IsPostScript(data)) {
    as_is = TextBytesAsIs(data);
  }
  Extracted text = as_is ? ExtractTextInPlace(*as_is, where, budget_)
                   : owned() ? ExtractDocument(type, where, std::move(bytes), budget_)
                             : ExtractDocument(type, where, data, budget_);
  budget_.on_page = nullptr;
  // The armour's own lines decoded as base64 are the ciphertext said above.
  if (armoured) {
    std::erase_if(text.encrypted_members,
                  [](const std::string& member) { return member.starts_with("base64"); });
  }
  // A flowed text as its reader shows it, soft breaks joined: a second
  // reading of the part (flowed_text.h; round 43 tester #16.5).
  if (leaf.flowed && type == DocType::kText) {
    std::string unflowed;
    if (UnflowText(as_is ? *as_is : std::string_view(text.text), leaf.delsp, &unflowed)) {
      text.hidden.push_back({"joined as format=flowed", std::move(unflowed)});
    }
  }
  ScanExtracted(text, as_is ? *as_is : std::string_view(text.text), where, filename,
                is_attachment, depth);
}

void MessageWalker::ScanExtracted(Extracted& text, std::string_view body_text,
                                  const std::string& where,
                                  const std::string& filename,
                                  bool is_attachment, int depth) {
  // An extractor error means some of this attachment's text was not read
  // (a corrupt zip, an unparseable PDF, malformed XML in a DOCX): what it
  // held is unknown, so the scan is incomplete and [limits]
  // incomplete_level decides, never `none`.
  for (std::string& e : text.errors) {
    AddLimit(&out_->sensitivity, "unreadable-attachment", e);
    out_->errors.push_back(std::move(e));
  }
  // Said, not counted: nothing was there to read (Extracted::notes).
  for (std::string& n : text.notes) out_->errors.push_back(std::move(n));
  for (LimitHit& l : text.limits) {
    AddLimit(&out_->sensitivity, std::move(l.bound), std::move(l.detail));
  }
  if (text.encrypted) AddEncrypted(where);
  if (is_attachment &&
      (text.has_text || !text.member_names.empty() || !text.messages.empty())) {
    out_->attachments.back().text_extracted = true;
  }
  ScanLabelProperties(text.msip_labels, text.classifications, where);
  // A meeting's SUMMARY is its subject (calendar_text.cc).
  for (const std::string& subject : text.subjects) {
    Scan(TextKind::kSubject, where, subject);
  }
  if (is_attachment) {
    for (const std::string& subject : text.document_subjects) {
      Scan(TextKind::kSubject, where, subject);
    }
  }
  // Archives: each member's name like an attachment's, each member's
  // text like an attachment's, at "attachment:<zip>/<path>".
  // A folder's name too, once ("UK SECRET/route options.txt": a folder
  // named by its classification, zipped whole; tester 13 item 22.2).
  std::set<std::string> folders;
  for (const std::string& member : text.member_names) {
    std::string base = member.substr(member.find_last_of('/') + 1);
    std::replace(base.begin(), base.end(), '_', ' ');
    Scan(TextKind::kAttachmentName,
         "attachment-name:" + filename + "/" + member, base);
    for (std::size_t slash = member.find('/'); slash != std::string::npos;
         slash = member.find('/', slash + 1)) {
      std::string folder = member.substr(0, slash);
      if (!folders.insert(folder).second) continue;
      std::string name = folder.substr(folder.find_last_of('/') + 1);
      std::replace(name.begin(), name.end(), '_', ' ');
      // With its stroke: a bare level word naming a folder counts only
      // where the message agrees (subject_idioms.h, WholeFolderOfPath).
      if (!name.empty()) {
        Scan(TextKind::kAttachmentName, "attachment-name:" + filename + "/" + folder + "/",
             name + "/");
      }
    }
  }
  for (const std::string& member : text.encrypted_members) {
    AddEncrypted(where + "/" + member);
  }
  for (const ExtractedMember& member : text.members) {
    std::string at = where + "/" + member.path;
    ScanLabelProperties(member.msip_labels, member.classifications, at);
    for (const std::string& subject : member.subjects) Scan(TextKind::kSubject, at, subject);
    const std::size_t first = out_->sensitivity.findings.size();
    if (member.has_text) Scan(TextKind::kBody, at, member.text);
    PlaceFindings(first, at, member.places, &out_->sensitivity);
  }
  if (text.has_text) {
    const std::size_t first = out_->sensitivity.findings.size();
    Scan(bulk_ && where == "body" ? TextKind::kBulkBody : TextKind::kBody,
         where, body_text);
    // The message's own body, for RereadSubjectOverSurprise.
    if (where == "body" && !body_surprise_) body_surprise_ = RawTextKeepsSurprise(body_text);
    PlaceFindings(first, where, text.places, &out_->sensitivity);
  }
  ScanHidden(text.hidden, where);
  for (const ExtractedMember& message : text.messages) {
    WalkMessageFile(message.path.empty() ? where : where + "/" + message.path,
                    message.text, depth);
  }
}

}  // namespace nearmiss::content
