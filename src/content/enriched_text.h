// text/enriched (RFC 1896) and its predecessor text/richtext (RFC 1341
// 7.1.3) as the reader sees them: the formatting commands dropped, the
// text kept. GNU Emacs (enriched-mode, Gnus), Eudora and old gateways
// send them; read as plain text, a centred bold banner
// ("<center><bold>UK SECRET</bold></center>") was running text among its
// tags (round 51's tester 13, finding 9).
//
// The rules (RFC 1896 section 2, RFC 1341 7.1.3):
// - "<name>" and "</name>" are commands, removed; "<<" is "<" (enriched),
//   "<lt>" is "<" and "<nl>" a line break (richtext);
// - the text inside <param> (enriched) or <comment> (richtext) is the
//   command's data or a comment, not the message's words: removed (one
//   left open hides nothing: the whole text is then read as words);
// - enriched: a lone line break is a space and n breaks in a row are n-1,
//   except inside <nofill>, where each is kept; richtext: every line
//   break is a space, <nl> is a break;
// - the justification commands (<center>, <flushleft>, <flushright>,
//   <flushboth>) and <paragraph> set their text on lines of its own, as
//   a reader lays it out.
//
// Thread safety: a pure function.
#ifndef NEARMISS_CONTENT_ENRICHED_TEXT_H_
#define NEARMISS_CONTENT_ENRICHED_TEXT_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// True for text/enriched and text/richtext (any case, parameters after).
bool IsEnrichedType(std::string_view mime_type);

// `in`, of type `mime_type` (IsEnrichedType), as plain text.
std::string EnrichedToText(std::string_view mime_type, std::string_view in);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_ENRICHED_TEXT_H_
