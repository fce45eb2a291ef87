// --body-file documents read as an attachment (body_document.h).
#include "cli/body_document.h"

#include "content/base64.h"
#include "content/extract.h"
#include "content/header_encode.h"
#include "content/text_charset.h"

namespace nearmiss::cli {

std::string BodyFileFormat(std::string_view path, std::string_view bytes) {
  using content::DocType;
  switch (content::ClassifyDocument("", path, bytes)) {
    case DocType::kText:
    case DocType::kHtml:
      return "";
    case DocType::kXml:
      return "an XML file";
    case DocType::kOoxml:
      return "a Word, Excel, PowerPoint or other OOXML package";
    case DocType::kOdf:
    case DocType::kFlatOdf:
      return "an OpenDocument file";
    case DocType::kRtf:
      return "an RTF document";
    case DocType::kPdf:
      return "a PDF file";
    case DocType::kZip:
    case DocType::kArchive:
    case DocType::kTnef:
    case DocType::kWebArchive:
      return "an archive";
    case DocType::kFinderFile:
      return "a Mac Finder metadata file (AppleDouble, AppleSingle or .DS_Store)";
    case DocType::kCalendar:
      return "a calendar file";
    case DocType::kMessage:
      return "a whole message (give it with --message)";
    case DocType::kOther:
      break;
  }
  if (content::UnreadFormat(path, bytes) != nullptr) return content::UnreadFormat(path, bytes);
  // UTF-16 or UTF-32 text with its byte order mark (Notepad's "Unicode"
  // save, PowerShell 5's Out-File): text, its zero bytes no sign of a
  // binary; the caller converts it (content::DecodeTextBytes).
  const content::UnicodeForm unicode = content::SniffUnicodeForm(bytes);
  if (unicode.charset != nullptr && unicode.bom != 0) return "";
  return bytes.find('\0') != std::string_view::npos ? "a binary file" : "";
}

std::string BodyFileText(std::string&& bytes) { return content::DecodeTextBytes(std::move(bytes)); }

std::string BodyFileMessage(std::string_view path, std::string_view bytes,
                            std::string_view subject) {
  std::string name(path.substr(path.find_last_of('/') + 1));
  for (char& c : name) {  // a MIME parameter's quoted string (RFC 2045 5.1)
    if (c == '"' || c == '\\' || c == '\r' || c == '\n') c = '_';
  }
  const std::string boundary = "nearmiss-explain-body-file";
  std::string m = "From: explain@localhost\r\nTo: explain@localhost\r\n";
  m += content::UnstructuredHeader("Subject", subject);
  m += "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"";
  m += boundary;
  m += "\"\r\n\r\n--";
  m += boundary;
  m += "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n--";
  m += boundary;
  m += "\r\nContent-Type: application/octet-stream; name=\"";
  m += name;
  m += "\"\r\nContent-Disposition: attachment; filename=\"";
  m += name;
  m += "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += content::EncodeBase64Lines(bytes);
  m += "--";
  m += boundary;
  m += "--\r\n";
  return m;
}

}  // namespace nearmiss::cli
