// The character encoding of text that does not declare one: a text
// attachment (Notepad's "ANSI" and "Unicode" saves, Excel's CSV), a zip
// member, a mail body with no charset parameter (RFC 2045 5.2 says US-ASCII;
// the bytes of scripts, mail(1) and old gateways say otherwise).
#ifndef NEARMISS_CONTENT_TEXT_CHARSET_H_
#define NEARMISS_CONTENT_TEXT_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::content {

// A Unicode encoding form told by a byte order mark (The Unicode Standard,
// 23.8) or, without one, by the zero bytes that ASCII text has in UTF-16 and
// UTF-32 (in the first 512 bytes: one column of two, or three of four,
// mostly zero; the other almost never). `charset` is the iconv name, or
// nullptr for UTF-8 (with its mark, `bom` 3) and for anything else (`bom` 0).
struct UnicodeForm {
  const char* charset = nullptr;
  std::size_t bom = 0;
};
UnicodeForm SniffUnicodeForm(std::string_view bytes);

// The character a byte from 0x80 stands for in Windows-1252, the encoding
// the WHATWG Encoding Standard (section 4.2, "windows-1252") gives legacy
// text that declares none, and what Notepad, Excel and Outlook write on a
// Western Windows: 0xA0 is the no-break space, 0x96 the en dash. Read from
// ICU's converter once; the five bytes the code page leaves undefined
// stand for the C1 control of their value, as the WHATWG index has them.
char32_t Windows1252Char(unsigned char byte);

// Appends `c` to `out` as UTF-8.
void AppendUtf8(char32_t c, std::string* out);

// `in` with every byte that is not part of a valid UTF-8 sequence read as
// its Windows-1252 character (valid sequences kept: a reply that quotes
// UTF-8 mail above legacy bytes keeps both), in `*out`. False, and `*out`
// untouched, when `in` is valid UTF-8 already.
bool MendInvalidUtf8(std::string_view in, std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_TEXT_CHARSET_H_
