// Text extraction from attachments, under a byte and time budget shared by
// one message. Each extractor wraps one third-party library (libxml2, libzip +
// pugixml, poppler-cpp) and turns its failures into errors on the result;
// nothing throws out of here.
#ifndef NEARMISS_CONTENT_EXTRACT_H_
#define NEARMISS_CONTENT_EXTRACT_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

using Clock = std::chrono::steady_clock;

// Shared by every attachment of one message. The archive bounds come from
// ContentLimits (content_limits.h documents each).
struct ExtractBudget {
  std::size_t per_attachment_bytes;
  std::size_t total_bytes_left;
  Clock::time_point deadline;
  int max_archive_depth = 4;
  std::size_t max_archive_members = 1000;
  std::size_t max_compression_ratio = 200;

  bool TimeUp() const { return Clock::now() >= deadline; }
};

struct LimitHit {
  std::string bound;   // "max-attachment-bytes"
  std::string detail;  // "report.docx: more than 33554432 bytes decompressed"
};

// One document read out of an archive: its path inside the attachment
// ("plans/annex.docx", or "inner.zip/annex.pdf" for a nested archive).
struct ExtractedMember {
  std::string path;
  std::string text;
  std::string msip_labels;
  bool has_text = false;
};

struct Extracted {
  std::string text;
  // Office files may carry sensitivity labels in their properties
  // (docProps/custom.xml): "MSIP_Label_<guid>_Name=Secret;" as msip_labels.
  std::string msip_labels;
  // Plain archives: the member paths, each scanned like an attachment name,
  // and the documents inside, each extracted like an attachment.
  std::vector<std::string> member_names;
  std::vector<ExtractedMember> members;
  // RFC 5322 messages found as files (a forwarded ".eml" in a zip, or sent
  // as application/octet-stream): their raw bytes in `text`, parsed and
  // walked by the MIME walker (message_walk.cc) like an attached
  // message/rfc822 part, so that a base64 body or a subject is read as one.
  // `path` is "" for the attachment itself.
  std::vector<ExtractedMember> messages;
  // Members (paths as above) that are encrypted and so were not read: zip
  // encryption, or an encrypted Office or PDF document inside.
  std::vector<std::string> encrypted_members;
  // The document itself is encrypted (a PDF needing a password to open, an
  // OOXML file in its encrypted CFB envelope): nothing could be read.
  bool encrypted = false;
  bool has_text = false;
  std::vector<std::string> errors;
  std::vector<LimitHit> limits;
};

// kArchive: every archive or compressed file that is not zip (tar, 7z, RAR,
// gzip, bzip2, xz, ...), read through libarchive (stream_archive.h).
enum class DocType {
  kText, kHtml, kOoxml, kOdf, kPdf, kZip, kArchive, kMessage, kOther
};

// From the MIME type, the file name's extension and the first bytes.
DocType ClassifyDocument(std::string_view mime_type, std::string_view filename,
                         std::string_view bytes);

// An Office Open XML name (.docx, .xlsx, ...) over a Compound File Binary
// container: how Office stores a password-encrypted OOXML document
// ([MS-OFFCRYPTO] 2.3.4: the package becomes the EncryptedPackage stream).
bool IsEncryptedOfficeFile(std::string_view filename, std::string_view bytes);

// `name` is used in errors and limit details.
Extracted ExtractDocument(DocType type, std::string_view name,
                          std::string_view bytes, ExtractBudget& budget);

// The individual extractors.
Extracted HtmlToText(std::string_view html);

// A text attachment's bytes as UTF-8 (The Unicode Standard, 23.8): a UTF-8
// byte order mark is dropped; a UTF-16 one, or UTF-16 without one (a zero
// byte in every other place of the first 512 bytes), is converted through
// GMime's charset filter (iconv). Anything else is returned as it is.
std::string DecodeTextBytes(std::string_view bytes);
// OOXML and ODF packages (zip_text.cc).
Extracted ExtractZipDocument(DocType type, std::string_view name,
                             std::string_view bytes, ExtractBudget& budget);
// Plain archives, nested ones included, every member through
// ExtractDocument (archive_text.cc): zip through libzip (kZip), the rest
// through libarchive (kArchive).
Extracted ExtractArchive(DocType type, std::string_view name,
                         std::string_view bytes, ExtractBudget& budget);
Extracted ExtractPdf(std::string_view name, std::string_view bytes,
                     ExtractBudget& budget);

// Text of an XML document: character data, with a line break before each
// paragraph-like element (w:p, a:p, text:p, text:h, si, row, c, ...). Used
// for OOXML and ODF parts. False when the XML does not parse.
bool XmlToText(std::string_view xml, std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_EXTRACT_H_
