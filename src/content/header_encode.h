// Writing a header for mail nearmiss itself sends (the confirm notice), so
// text from a held message (its Subject, in any language) reaches the
// sender's client as RFC 2047 encoded-words, never raw UTF-8; and its body,
// quoted-printable. Kept apart
// from gmime_util.h so its users need not see GMime's headers.
//
// Thread safety: re-entrant (GMime is initialised once, gmime_util.h).
#ifndef NEARMISS_CONTENT_HEADER_ENCODE_H_
#define NEARMISS_CONTENT_HEADER_ENCODE_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// The header line "NAME: VALUE" for an unstructured header (Subject,
// RFC 5322 section 3.6.5) from UTF-8 text: words outside ASCII as RFC 2047
// encoded-words (GMime's encoder, charset utf-8), the line folded at 78
// columns (RFC 5322 section 2.1.1), ending "\r\n". `value` must hold no
// line break (the caller strips them from untrusted text).
std::string UnstructuredHeader(std::string_view name, std::string_view value);

// `text` (UTF-8, lines ending "\n") as a quoted-printable body (RFC 2045
// section 6.7, GMime's encoder): "=" and bytes outside ASCII as "=XX",
// lines cut by soft breaks at 76 columns, so no line nears RFC 5322's 998
// octets whatever the text holds; lines end "\r\n". For the body of mail
// nearmiss sends (the confirm notice), with "Content-Transfer-Encoding:
// quoted-printable".
std::string QuotedPrintableBody(std::string_view text);

// A display name (RFC 5322 phrase) as UTF-8, its RFC 2047 encoded-words
// decoded by GMime (`=?UTF-8?Q?Jos=C3=A9?=` -> "José"; charsets through
// iconv). Text with no "=?" is returned as given, GMime not asked.
std::string DecodedPhrase(std::string_view phrase);

// An unstructured field's text (RFC 5322 3.2.5: a Subject) as UTF-8, its
// RFC 2047 encoded-words decoded by GMime, and every control character an
// encoded word may carry (an encoded CR LF, a NUL) made a blank, so what
// is shown on a page or a log line is one line of text.
std::string DecodedText(std::string_view text);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_HEADER_ENCODE_H_
