// uuencoded files in text (POSIX uuencode), as ExtractUuencoded
// (extract.h) finds them: the "begin" line, the block's end, and GMime's
// decoder. Split from archive_text.cc in round 45 without change of
// behaviour.
#ifndef NEARMISS_CONTENT_UUENCODE_H_
#define NEARMISS_CONTENT_UUENCODE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::content {

// Whether `line` is a POSIX uuencode "begin <mode> <name>" line, or the
// "begin-base64 <mode> <name>" line of `uuencode -m` (POSIX: base64 lines
// ended by "===="), the mode three or four octal digits; the name in
// `*name`.
bool UuBeginLine(std::string_view line, std::string* name);

// Just past the "end" line after `from` ("====" when `base64`), or the
// text's end: a block cut short is decoded as far as it goes.
std::size_t FindUuEnd(std::string_view text, std::size_t from, bool base64 = false);

// Whether a "begin" block is xxencoded (the xxencode(1) alphabet
// "+-0-9A-Za-z" in place of uuencode's ' ' .. '`'): it has the same "begin
// <mode> <name>" and "end" lines, so only its body tells.
bool IsXxencoded(std::string_view block);

// The bytes of a uuencoded block by GMime's uudecode filter (it finds the
// "begin" line itself), or of a "begin-base64" block by its base64 one. An
// xxencoded block (IsXxencoded) is first mapped character by character to
// uuencode's alphabet (value v as ' ' + v), then decoded the same way.
std::string UuDecode(std::string_view block);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_UUENCODE_H_
