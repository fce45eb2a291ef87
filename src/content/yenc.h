// yEnc-encoded files in a text (yEnc 1.3, Jürgen Helbing,
// http://www.yenc.org/yenc-draft.1.3.txt): newsreaders and some mailers
// write a binary file in a text between "=ybegin ... name=<file>" and
// "=yend size=<n>" lines, each byte as (byte + 42) mod 256, the critical
// ones (NUL, LF, CR, '=') escaped as '=' then (byte + 42 + 64) mod 256. A
// multipart file has "=ybegin part=<k> ..." and "=ypart begin=<b> end=<e>"
// lines before each part's data. No Debian-packaged library decodes it;
// the format is a byte map, decoded here as uuencode's is (uuencode.h).
// A block that does not decode to what its "=yend" line states (size,
// CRC-32) or has no "=yend" line is unreadable: an error, never "complete,
// none" (round 56's tester 13, finding 2).
#ifndef NEARMISS_CONTENT_YENC_H_
#define NEARMISS_CONTENT_YENC_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// One file decoded from the yEnc blocks of a text; the parts of a
// multipart file that follow each other are joined.
struct YencFile {
  std::string name;   // the "name=" of its "=ybegin" line
  std::string bytes;
};

// Whether `text` has a "=ybegin " line (cheap; most texts have none).
bool HasYencBegin(std::string_view text);

// The files yEnc-encoded in `text`, in order. Each block that cannot be
// decoded (no "=yend", a size or CRC-32 that does not match, a broken
// escape) adds a sentence to `*errors`. A text converted to UTF-8 from an
// 8-bit charset (a text/plain body in ISO-8859-1 or windows-1252) is
// mapped back to its bytes when the block as it stands does not match.
std::vector<YencFile> DecodeYenc(std::string_view text, std::vector<std::string>* errors);

// `bytes`, a text part labelled `charset`, as UTF-8 (ConvertToUtf8), its
// yEnc blocks (from a "=ybegin " line to the end of its "=yend" line, or
// to the text's end) kept as the bytes they are: yEnc writes 8-bit bytes
// whatever the label says, and windows-1252 has no character for 0x81,
// 0x8D, 0x8F, 0x90 or 0x9D, so a block converted with the rest cannot be
// mapped back (round 56b's tester 13; DecodeYenc then reads the block as
// it stands). False (and `bytes` in `*out`) when the charset is unknown.
bool ConvertToUtf8KeepingYenc(const std::string& bytes, const char* charset, std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_YENC_H_
