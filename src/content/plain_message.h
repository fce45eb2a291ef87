// The plain path of ScanMessage: a message that is one text part is
// scanned without building GMime's message tree (parser, message, part,
// header list and data wrapper objects, and freeing them: about two thirds
// of the milter's instructions per message before this path).
//
// What takes the path, by RFC 5322 section 2.2 and RFC 2045: a header
// block of well-formed fields (a name of printable ASCII other than ':'
// followed at once by ':'; continuation lines starting with a space or
// tab; lines ending in LF or CRLF, no NUL and no other CR) ended by an
// empty line; no RFC 5322 3.6 single field (From, To, Subject, ...) and no
// Content-* field given twice; no Content-Disposition; a Content-Type that
// is absent or text/* without a `name` parameter, ASCII, with no encoded
// word; a Content-Transfer-Encoding that is absent or 7bit, 8bit, binary,
// quoted-printable or base64; no "-----BEGIN PGP" in the body, raw or
// decoded. GMime still does all the parsing that remains: the Content-Type
// and its charset (g_mime_content_type_parse), the encoding
// (g_mime_content_encoding_from_string), RFC 2047 values
// (g_mime_utils_header_decode_text), From (internet_address_list_*), Date
// and Message-ID (g_mime_utils_*), and the body's decoding (PartContent,
// g_mime_encoding_*) and charset (ConvertToUtf8, GMimeFilterCharset).
//
// Anything else, and anything GMime warns about while the path reads it,
// takes GMime's full parse: the path falls back, never to a weaker scan.
// Its ScannedMessage is the one the full parse gives (plain_message_test
// runs both over every fixture and a generated corpus).
#ifndef NEARMISS_CONTENT_PLAIN_MESSAGE_H_
#define NEARMISS_CONTENT_PLAIN_MESSAGE_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "nearmiss/content_reader.h"

namespace nearmiss::content {

// Scans `bytes` (the message, at most max_message_bytes of it; `size` its
// whole length in bytes) by the plain path. std::nullopt when the message
// does not take it: the caller parses it with GMime.
std::optional<ScannedMessage> ScanPlainMessage(std::string_view bytes,
                                               std::size_t size,
                                               std::string_view source,
                                               const Scanner& scanner,
                                               Scratch& scratch,
                                               const ContentLimits& limits);

// ScanMessage by GMime's full parse only: what the plain path must equal
// (defined in reader.cc), for tests and benchmarks.
ScannedMessage ScanMessageParsed(std::string_view bytes, std::string source,
                                 const Scanner& scanner, Scratch& scratch,
                                 const ContentLimits& limits = {});

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PLAIN_MESSAGE_H_
