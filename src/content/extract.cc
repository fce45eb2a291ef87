#include "content/extract.h"

#include <algorithm>

#include "base/ascii.h"
#include "content/archive_kind.h"
#include "content/csv_text.h"
#include "content/encoded_text.h"
#include "content/field_values.h"
#include "content/file_suffix.h"
#include "content/finder_files.h"
#include "content/html_data_uris.h"
#include "content/gmime_util.h"
#include "content/mailbox_file.h"
#include "content/postscript_text.h"
#include "content/text_charset.h"
#include "content/tnef_archive.h"
#include "content/web_archive.h"
#include "content/word_xml.h"
#include "content/zip_framing.h"

namespace nearmiss::content {
namespace {

bool IsOoxmlName(std::string_view filename) {
  return AnySuffix(filename,
                   {".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".pptm"});
}

}  // namespace

std::string DecodeTextBytes(std::string_view bytes) {
  // UTF-8's byte order mark is dropped; UTF-16's and UTF-32's decide the
  // byte order. Notepad and PowerShell write UTF-16LE with a mark
  // ("Unicode" in Save As).
  const UnicodeForm form = SniffUnicodeForm(bytes);
  if (form.charset == nullptr) return std::string(bytes.substr(form.bom));
  std::string utf8;
  if (!ConvertToUtf8(std::string(bytes.substr(form.bom)), form.charset, &utf8)) {
    return std::string(bytes);
  }
  return utf8;
}

std::optional<std::string_view> TextBytesAsIs(std::string_view bytes) {
  const UnicodeForm form = SniffUnicodeForm(bytes);
  if (form.charset != nullptr) return std::nullopt;
  return bytes.substr(form.bom);
}

std::string DecodeTextBytes(std::string&& bytes) {
  const std::optional<std::string_view> as_is = TextBytesAsIs(bytes);
  if (!as_is) return DecodeTextBytes(std::string_view(bytes));
  bytes.erase(0, bytes.size() - as_is->size());
  return std::move(bytes);
}

Extracted ExtractTextInPlace(std::string_view text, std::string_view name,
                             ExtractBudget& budget) {
  Extracted e;
  e.has_text = true;
  ExtractEncodedFiles(name, text, budget, &e);
  return e;
}

void PagePlaces::Start(std::string_view text, std::string name) {
  for (; counted_ < text.size(); ++counted_) feeds_ += text[counted_] == '\f' ? 1 : 0;
  if (!entries_.empty() && entries_.back().page == feeds_) {
    entries_.back().name = std::move(name);  // the last part added no page
  } else if (!entries_.empty() || !name.empty()) {
    entries_.push_back({feeds_, std::move(name)});
  }
}

std::string_view PagePlaces::Of(std::size_t page) const {
  std::string_view name;
  for (const Entry& e : entries_) {
    if (e.page > page) break;
    name = e.name;
  }
  return name;
}

bool IsCompoundFile(std::string_view bytes) {
  // [MS-CFB] 2.2: the compound file header signature.
  static constexpr std::string_view kCfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  return bytes.substr(0, kCfb.size()) == kCfb;
}

bool IsEncryptedOfficeFile(std::string_view filename, std::string_view bytes) {
  if (!IsCompoundFile(bytes)) return false;
  if (IsOoxmlName(filename)) return true;
  // No telling name ("application/octet-stream", a zip member "plan"): the
  // directory entry of the EncryptedPackage stream ([MS-OFFCRYPTO] 2.3.4.4),
  // its name in UTF-16LE as [MS-CFB] 2.6.1 stores entry names.
  static constexpr char16_t kStream[] = u"EncryptedPackage";
  std::string utf16;
  for (char16_t c : std::u16string_view(kStream)) {
    utf16.push_back(static_cast<char>(c & 0xFF));
    utf16.push_back(static_cast<char>(c >> 8));
  }
  return bytes.find(utf16) != std::string_view::npos;
}

namespace {

// A text part's text (already as UTF-8), and the files uuencoded in it.
// A structured file (a CSV's records, a JSON document, a key-value file)
// as its fields, each a page (field_values.h).
Extracted ExtractText(std::string text, std::string_view name, ExtractBudget& budget) {
  std::string fields;
  PagePlaces places;
  if ((IsCsvName(name) && CsvToText(text, &fields)) || JsonToFields(text, &fields, &places) ||
      (IsKeyValueName(name) && KeyValueToFields(text, &fields, &places))) {
    text = std::move(fields);
  }
  Extracted e = ExtractTextInPlace(text, name, budget);
  e.text = std::move(text);
  e.places = std::move(places);
  return e;
}

// A PostScript file's shown strings (postscript_text.h), each a line; what
// it cannot read is an error, so the scan is incomplete.
Extracted ExtractPostScript(std::string_view name, std::string_view bytes) {
  PostScriptText ps = ReadPostScriptText(bytes);
  Extracted e;
  e.has_text = true;
  e.text = std::move(ps.text);
  if (!ps.error.empty()) e.errors.push_back(std::string(name) + ": " + ps.error);
  return e;
}

// A member named `part` in the zip's central directory, wherever it
// stands. An OOXML package has "[Content_Types].xml" (ECMA-376 part 2,
// 10.1.2.4): Office writes it first, other writers (LibreOffice, python-docx, a re-zipped
// file) may put "_rels/.rels" or "word/" first. Each central directory
// header (APPNOTE.TXT 4.3.12: signature "PK\1\2", name length at 28, name
// at 46) is looked at; the scan is linear in the zip's size.
bool HasPart(std::string_view bytes, std::string_view part) {
  static constexpr std::string_view kCentral("PK\x01\x02", 4);
  constexpr std::size_t kCentralHeader = 46;
  for (std::size_t at = bytes.find(kCentral); at != std::string_view::npos;
       at = bytes.find(kCentral, at + 1)) {
    if (at + kCentralHeader > bytes.size()) break;
    std::size_t name_length = static_cast<unsigned char>(bytes[at + 28]) |
                              static_cast<unsigned char>(bytes[at + 29]) << 8;
    if (bytes.substr(at + kCentralHeader, name_length) == part) return true;
  }
  return false;
}

// A zip whose name does not say what it is ("ts.gz" decompressed, a member
// named "report"): its parts tell, as file(1) reads it. ODF 1.2 part 3
// section 3.3 puts an uncompressed "mimetype" member first; OOXML has a
// "[Content_Types].xml" part (HasPart).
DocType SniffZipDocument(std::string_view bytes) {
  constexpr std::size_t kLocalHeader = 30;  // APPNOTE.TXT 4.3.7
  if (bytes.size() < kLocalHeader) return DocType::kZip;
  std::size_t name_length = static_cast<unsigned char>(bytes[26]) |
                            static_cast<unsigned char>(bytes[27]) << 8;
  std::size_t extra_length = static_cast<unsigned char>(bytes[28]) |
                             static_cast<unsigned char>(bytes[29]) << 8;
  std::string_view first = bytes.substr(kLocalHeader).substr(0, name_length);
  if (first == "[Content_Types].xml") return DocType::kOoxml;
  if (first == "mimetype" &&
      bytes.substr(kLocalHeader + name_length + extra_length)
          .starts_with("application/vnd.oasis.opendocument.")) {
    return DocType::kOdf;
  }
  return HasPart(bytes, "[Content_Types].xml") ? DocType::kOoxml : DocType::kZip;
}

// A zip named or typed as an Office package (`claimed`): what its parts
// say it is. A plain zip renamed ".docx" is a known way past filters that
// trust the name; read as an Office package, its members were skipped and
// the scan said complete (issue 13, breaker round 8 defect 2). An ODF
// package re-zipped without its "mimetype" member still has content.xml.
DocType ZipClaimedAs(DocType claimed, std::string_view bytes) {
  DocType sniffed = SniffZipDocument(bytes);
  if (sniffed != DocType::kZip) return sniffed;
  if (claimed == DocType::kOdf && HasPart(bytes, "content.xml")) return claimed;
  return DocType::kZip;
}

// A file named or typed as a package that does not open with a local
// header: a stub or junk before the zip, which unzip and 7-Zip still open
// by the end record, is read as the zip the readers place (zip_framing.h);
// bytes that hold no zip the readers place (or only the first bytes of
// the file were given) stay `claimed`, so that the whole file is read and
// a package that cannot be opened is reported unreadable, never skipped
// (issue 13, round 33 defect 4).
DocType PackageNotAtStart(DocType claimed, std::string_view bytes) {
  ZipFrame frame;
  std::string error;
  (void)FrameZip(bytes, &frame, &error);
  if (frame.end <= frame.start) return claimed;
  return ZipClaimedAs(claimed, bytes.substr(frame.start, frame.end - frame.start));
}

// HTML by its first bytes (HTML Living Standard, "sniffing a mislabeled
// binary resource": "<!DOCTYPE HTML" or "<HTML" after blanks, any case),
// after an XML declaration or comments as XHTML has them: a page in a zip
// saved without an extension, or sent as application/octet-stream. Read
// as text, its style sheet and scripts were words of the message
// (issue 13, round 33 defect 2).
bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  for (int skipped = 0; skipped < 8; ++skipped) {
    while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\t' ||
                              bytes.front() == '\r' || bytes.front() == '\n')) {
      bytes.remove_prefix(1);
    }
    std::string_view close = bytes.starts_with("<?")     ? "?>"
                             : bytes.starts_with("<!--") ? "-->"
                                                         : "";
    if (close.empty()) break;
    std::size_t end = bytes.find(close);
    if (end == std::string_view::npos) return false;
    bytes.remove_prefix(end + close.size());
  }
  return StartsWithNoCase(bytes, "<!doctype html") || StartsWithNoCase(bytes, "<html");
}
// A Flat ODF document by its bytes: an "<office:document" root element
// within the first KiB (after the XML declaration and comments), whatever
// its name (LibreOffice's .fodt sent as application/xml or unnamed).
bool LooksLikeFlatOdf(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  std::size_t at = head.find("<office:document");
  if (at == std::string_view::npos) return false;
  const std::size_t after = at + 16;
  return after < head.size() && (head[after] == ' ' || head[after] == '>' ||
                                 head[after] == '\n' || head[after] == '\r' ||
                                 head[after] == '\t');
}
}  // namespace

const char* UnreadFormat(std::string_view filename, std::string_view bytes) {
  if (IsCompoundFile(bytes)) {
    return "a Compound File Binary document (legacy Office .doc/.xls/.ppt, "
           "Outlook .msg)";
  }
  (void)filename;
  return nullptr;
}

bool IsOfficeOwnerFile(std::string_view filename, std::string_view bytes) {
  const bool is_zip = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  std::string_view base = filename.substr(filename.find_last_of("/\\") + 1);
  return !is_zip && base.starts_with("~$") && IsOoxmlName(filename);
}

DocType ClassifyDocument(std::string_view mime_type, std::string_view filename,
                         std::string_view bytes) {
  if (UnreadFormat(filename, bytes) != nullptr) return DocType::kOther;
  // By its magic before its name: "._minutes.docx" is an AppleDouble
  // header, not the document (finder_files.h).
  if (IsFinderFile(bytes) || StartsWithNoCase(mime_type, "application/applefile")) {
    return DocType::kFinderFile;
  }
  // [MS-OXTNEF]: application/ms-tnef, Outlook's "winmail.dat".
  if (IsTnef(bytes) || StartsWithNoCase(mime_type, "application/ms-tnef") ||
      StartsWithNoCase(mime_type, "application/vnd.ms-tnef") ||
      EndsWithNoCase(filename, "winmail.dat")) {
    return DocType::kTnef;
  }
  // Safari's .webarchive: by its bytes (a binary plist with the page's key),
  // whatever its name or type.
  if (IsWebArchive(bytes)) return DocType::kWebArchive;
  // RFC 5545 8.1: text/calendar; ".ics" and ".ifb" (RFC 5545 8.1), ".vcs"
  // (vCalendar 1.0).
  // RFC 6350 10.1: text/vcard; ".vcf", ".vcard"; text/x-vcard of old.
  if (StartsWithNoCase(mime_type, "text/calendar") || StartsWithNoCase(mime_type, "text/vcard") ||
      StartsWithNoCase(mime_type, "text/x-vcard") || StartsWithNoCase(mime_type, "text/directory") ||
      AnySuffix(filename, {".ics", ".ifb", ".vcs", ".vcf", ".vcard"}) || IsVcard(bytes)) {
    return DocType::kCalendar;
  }
  bool is_zip = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  if (IsOfficeOwnerFile(filename, bytes)) return DocType::kOther;
  if (IsOoxmlName(filename) ||
      mime_type.find("openxmlformats") != std::string_view::npos) {
    return is_zip ? ZipClaimedAs(DocType::kOoxml, bytes)
                  : PackageNotAtStart(DocType::kOoxml, bytes);
  }
  // PostScript and EPS, whatever their type or name (postscript_text.h):
  // read for the strings they show, never as program text.
  if (IsPostScript(bytes)) return DocType::kText;
  // RTF 1.9.1: a document opens with "{\rtf" and the version.
  if (bytes.starts_with("{\\rtf") || EndsWithNoCase(filename, ".rtf") ||
      EndsWithNoCase(mime_type, "/rtf")) {
    return DocType::kRtf;
  }
  // Flat ODF (ODF 1.2 Part 1, 2.2.1): one XML file, never a zip.
  if (!is_zip && (AnySuffix(filename, {".fodt", ".fods", ".fodp", ".fodg"}) ||
                  (mime_type.find("opendocument") != std::string_view::npos &&
                   mime_type.find("flat-xml") != std::string_view::npos) ||
                  LooksLikeFlatOdf(bytes))) {
    return DocType::kFlatOdf;
  }
  if (AnySuffix(filename, {".odt", ".ods", ".odp"}) ||
      StartsWithNoCase(mime_type, "application/vnd.oasis.opendocument")) {
    return is_zip ? ZipClaimedAs(DocType::kOdf, bytes)
                  : PackageNotAtStart(DocType::kOdf, bytes);
  }
  // A PDF by its header (ISO 32000-1 7.5.2; readers look for it in the
  // first KiB), or by its name or type unless the bytes are a zip: a DOCX
  // or a zip attached as report.pdf or typed application/pdf is read as
  // what it is, never "PDF could not be parsed" (round 46's tester 13,
  // finding 13), as a zip named .docx already is.
  if (bytes.substr(0, 5) == "%PDF-" ||
      (!is_zip && (EndsWithNoCase(filename, ".pdf") || EndsWithNoCase(mime_type, "/pdf")))) {
    return DocType::kPdf;
  }
  if (is_zip && !EndsWithNoCase(filename, ".zip")) {
    DocType sniffed = SniffZipDocument(bytes);
    if (sniffed != DocType::kZip) return sniffed;
  }
  if (is_zip || EndsWithNoCase(filename, ".zip") ||
      EndsWithNoCase(mime_type, "/zip") ||
      EndsWithNoCase(mime_type, "/x-zip-compressed")) {
    return DocType::kZip;
  }
  if (IsOtherArchive(mime_type, filename, bytes)) return DocType::kArchive;
  // RFC 5322 messages saved as files (RFC 2046 5.2.1 message/rfc822; the
  // ".eml" name Outlook and Thunderbird give them), and MHTML web archives
  // (RFC 2557: Word's "Single File Web Page", a browser's "Save as MHTML";
  // ".mht", ".mhtml", application/x-mimearchive), whose page is a MIME part
  // in quoted-printable or base64: parsed as the message they are, whatever
  // type the sender's client gave the attachment (text/html), and so any
  // file that opens with "MIME-Version:" (round 46's tester 13, finding 7).
  std::string_view head = bytes.substr(0, 64);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  // A mailbox saved as a file (mailbox_file.h): its messages are parsed
  // each as a message file, even when it was typed text/plain.
  if (IsMailboxFile(mime_type, filename, bytes)) return DocType::kMessage;
  if (StartsWithNoCase(mime_type, "message/rfc822") ||
      StartsWithNoCase(mime_type, "application/x-mimearchive") ||
      StartsWithNoCase(mime_type, "multipart/related") ||
      AnySuffix(filename, {".eml", ".mht", ".mhtml"}) ||
      (StartsWithNoCase(head, "mime-version:") && HeaderBlockParses(bytes.substr(head.data() - bytes.data())))) {
    return DocType::kMessage;
  }
  // XHTML (application/xhtml+xml, W3C XHTML 1.0 appendix C) is read by
  // the same parser: a page's style sheet and head are not its words.
  if (StartsWithNoCase(mime_type, "text/html") ||
      StartsWithNoCase(mime_type, "application/xhtml+xml") ||
      AnySuffix(filename, {".html", ".htm", ".xhtml", ".xht", ".shtml"})) {
    return DocType::kHtml;
  }
  // XML typed text/xml or named .xml is read as XML, so a Word or Excel
  // 2003 XML file (word_xml.h; SpreadsheetML 2003's page headers) keeps
  // its headers and cells apart; as flat text its banners ran into the
  // running text (round 50's tester 13, finding 10).
  if (StartsWithNoCase(mime_type, "text/xml") || AnySuffix(filename, {".xml"})) {
    return DocType::kXml;
  }
  if (StartsWithNoCase(mime_type, "text/") ||
      AnySuffix(filename, {".txt", ".csv", ".md"})) {
    return DocType::kText;
  }
  if (LooksLikeHtml(bytes)) return DocType::kHtml;
  // A zip that does not start the file: a self-extractor ("setup.exe", a
  // stub before the archive), or a zip appended to an image. unzip and
  // 7-Zip open it by the end record, so its members are what the recipient
  // sees (issue 13, breaker round 32 D1).
  ZipFrame frame;
  std::string not_zip;
  if (FrameZip(bytes, &frame, &not_zip)) return DocType::kZip;
  return DocType::kOther;
}

Extracted ExtractDocument(DocType type, std::string_view name,
                          std::string&& bytes, ExtractBudget& budget) {
  if (type == DocType::kText && !IsPostScript(bytes)) {
    return ExtractText(DecodeTextBytes(std::move(bytes)), name, budget);
  }
  return ExtractDocument(type, name, std::string_view(bytes), budget);
}

Extracted ExtractDocument(DocType type, std::string_view name,
                          std::string_view bytes, ExtractBudget& budget) {
  switch (type) {
    case DocType::kText:
      if (IsPostScript(bytes)) return ExtractPostScript(name, bytes);
      return ExtractText(DecodeTextBytes(bytes), name, budget);
    case DocType::kHtml: {
      Extracted e = HtmlToText(DecodeTextBytes(bytes));
      ReadHtmlDataFiles(name, budget, &e);
      return e;
    }
    case DocType::kXml: {
      // Markup of no vocabulary we know (SVG, a data file). XML that does not parse is read as HTML is, by
      // libxml2's forgiving parser: its tags are never the words.
      std::string xml = DecodeTextBytes(bytes);
      // A Word document saved as one XML file (word_xml.h).
      if (std::optional<Extracted> word = ExtractWordXml(name, xml, budget)) return *word;
      // Excel's and Word's 2003 XML (urn:schemas-microsoft-com:office:*):
      // a sheet's page headers are format strings ExcelHeaderText reads,
      // each element's text a line (round 50's tester 13, finding 10).
      // Any other vocabulary is data: its attributes and element texts
      // are fields, each a page (field_values.h).
      std::string text;
      PagePlaces places;
      XmlTextOptions options;
      options.every_element_breaks = true;
      const bool office = xml.find("urn:schemas-microsoft-com:office:") != std::string::npos;
      if (office ? !XmlToText(xml, &text, options) : !XmlToFields(xml, &text, &places)) {
        // Read as a page is, its data: URL files too (html_data_uris.h).
        Extracted e = HtmlToText(xml);
        ReadHtmlDataFiles(name, budget, &e);
        return e;
      }
      Extracted e = ExtractTextInPlace(text, name, budget);
      e.text = std::move(text);
      e.places = std::move(places);
      return e;
    }
    case DocType::kOoxml:
    case DocType::kOdf:
      return ExtractZipDocument(type, name, bytes, budget);
    case DocType::kFlatOdf:
      return ExtractFlatOdf(name, bytes, budget);
    case DocType::kRtf:
      return ExtractRtf(name, bytes, budget);
    case DocType::kZip:
    case DocType::kArchive:
    case DocType::kTnef:
    case DocType::kFinderFile:
    case DocType::kWebArchive:
      return ExtractArchive(type, name, bytes, budget);
    case DocType::kCalendar:
      if (IsVcard(bytes)) return ExtractVcard(bytes);
      return ExtractCalendar(name, bytes, budget);
    case DocType::kPdf:
      return ExtractPdf(name, bytes, budget);
    case DocType::kMessage: {
      Extracted e;
      e.messages = MailboxFileMessages(name, bytes);
      return e;
    }
    case DocType::kOther:
      break;
  }
  return Extracted{};
}

}  // namespace nearmiss::content
