// Files carried inside a text in a transfer encoding of their own, beyond
// the part's Content-Transfer-Encoding: uuencode and xxencode (decoded,
// uuencode.h), yEnc (decoded, or unreadable when a block does not decode:
// yenc.h), a text that is one base64 blob (decoded, RFC 4648 section
// 4), and BinHex 4.0 (RFC 1741), which no Debian-packaged library decodes:
// reported unread, so the scan is incomplete, never "complete, none"
// (issue 13, tester 13 round 53 finding 1).
#ifndef NEARMISS_CONTENT_ENCODED_TEXT_H_
#define NEARMISS_CONTENT_ENCODED_TEXT_H_

#include <string>
#include <string_view>

#include "content/extract.h"

namespace nearmiss::content {

// The line BinHex 4.0 puts before its data (RFC 1741 section "Format of
// BinHex 4.0"): "(This file must be converted with BinHex 4.0)", with the
// data after it: a ':'-opened line of 64 columns in BinHex's alphabet (or a
// shorter one closed by ':'). The sentence alone, quoted in a mail, is no
// file (round 54's tester 13, finding 2: such mail was held), as a
// "begin 644 name" line in prose is no uuencoded file.
bool HasBinHex(std::string_view text);

// Whether `text`, its white space aside, is nothing but one base64 blob
// (RFC 4648 section 4 alphabet, padded to a multiple of 4, at least 16
// characters); its bytes in `*decoded`.
bool IsBase64Blob(std::string_view text, std::string* decoded);

// The files encoded in the text `text` of the part `name`, each read as a
// member (ExtractEmbedded); a BinHex file is an error in `out->errors`.
void ExtractEncodedFiles(std::string_view name, std::string_view text,
                         ExtractBudget& budget, Extracted* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_ENCODED_TEXT_H_
