// What a part of no listed type holds, told from its first bytes: an
// attachment sent as application/octet-stream, application/json,
// application/x-yaml, image/svg+xml, a ".log", ".ini", ".001" or a file
// with no name at all. Reading by an allow-list of types passed such a
// part unread and without a word while the same bytes inside a zip were
// read (issue 13, round 34 defect 2). ClassifyDocument decides first (types,
// names, magic numbers of the formats we extract); this is asked only when
// it says kOther.
//
// The rules, in order:
// - a message file: the first line is an RFC 5322 header field that opens
//   saved mail or an MHTML page (RFC 2557: "MIME-Version:",
//   "Content-Type:", "From:", "Received:", ...), or the name is ".mht" /
//   ".mhtml": kMessage, walked as a message;
// - XML (XML 1.0 section 2.8: "<?xml", or "<" and a name): kXml, each
//   element's text on its own line (an SVG's <text>, a data file's fields);
// - UTF-16 text (a byte order mark, or zero bytes in every other place);
//   otherwise no NUL byte in the head: kText (as archive members are read);
// - a known format that carries no text we read (images, audio, video,
//   fonts by their magic numbers; detached signatures by their MIME type,
//   DER certificates and detached CMS signatures by their bytes,
//   certificate_der.h):
//   kOther, nothing to report;
// - anything else: kOther, and `unread` says what it is, so the caller
//   reports the part unreadable (the scan is incomplete; DESIGN.md, fail
//   closed).
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_CONTENT_SNIFF_H_
#define NEARMISS_CONTENT_CONTENT_SNIFF_H_

#include <string_view>

#include "content/extract.h"

namespace nearmiss::content {

struct Sniffed {
  DocType type = DocType::kOther;
  // For kOther: nullptr when the format is known to carry no text we
  // read, else what it is, for the error.
  const char* unread = nullptr;
};

// `head`: the part's first bytes (4 KiB is enough).
Sniffed SniffUnlisted(std::string_view mime_type, std::string_view filename,
                      std::string_view head);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CONTENT_SNIFF_H_
