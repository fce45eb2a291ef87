// What an application/pkcs7-mime part holds, read by OpenSSL's CMS parser
// (RFC 5652), so that a signed message is read rather than held as
// encrypted (tester 13 item 15). RFC 8551 3.5.2: an opaque-signed message
// is CMS SignedData whose encapsulated content is the MIME entity signed;
// signing is not encryption. The signature is not verified: nearmiss reads
// what the recipient will read, and verifying is the recipient's business.
#ifndef NEARMISS_CONTENT_CMS_CONTENT_H_
#define NEARMISS_CONTENT_CMS_CONTENT_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

enum class CmsKind {
  kSigned,      // SignedData with its content: `content` is the MIME entity
  kNoContent,   // SignedData without content (a detached signature)
  kCompressed,  // CompressedData (RFC 3274): not read (OpenSSL without zlib)
  kOther,       // EnvelopedData, AuthEnvelopedData, or not CMS at all
};

struct CmsContent {
  CmsKind kind = CmsKind::kOther;
  std::string content;
};

// `der` (the part's content, transfer encoding removed) as CMS.
CmsContent ReadCms(std::string_view der);

// Whether `head` (a file's first bytes) opens a DER ContentInfo whose
// content type is SignedData (RFC 5652 section 3 and 5.1: a SEQUENCE, then
// the OID 1.2.840.113549.1.7.2): an opaque-signed S/MIME entity or a
// detached signature, whatever MIME type or name it was sent under (a
// ".p7m" or ".p7s" as application/octet-stream).
bool LooksLikeCmsSignedData(std::string_view head);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CMS_CONTENT_H_
