// Normalisation applied to every text before matching, so one pattern covers
// the spellings mail clients and word processors produce.
//
// A byte that is not part of valid UTF-8 is read as its Windows-1252
// character (text_charset.h: legacy text that declares no charset). Then
// Unicode dashes (U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D) become '-';
// non-breaking and typographic spaces (U+00A0, U+2000..U+200A, U+202F, U+205F,
// U+3000) become ' ' and a tab three (a cell break: position_banner.cc,
// kCellGap); zero-width characters, soft hyphens and the
// combining underlines U+0332/U+0333 are dropped; a line that explicit
// bidirectional formatting reorders (an override, U+202E ... U+202C) is put
// in the order it is shown and every Bidi_Control is dropped
// (bidi_display.h); CR LF, lone CR, VT,
// NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029)
// become LF (UAX #14's mandatory breaks; a form feed stays, a page break); a backspace strikes the character after it over the one before
// ("S\bS" bold and "_\bS" underline, as nroff writes them, read "S"); a run of underscores with a letter or digit on one side only
// ("_SECRET_", Markdown emphasis) becomes as many blanks; then a text with other non-ASCII characters is put
// in Unicode NFKC (ICU), which maps
// full-width, mathematical, circled and squared letters and ligatures onto
// plain ones ("ＳＥＣＲＥＴ" reads "SECRET"), and Cyrillic, Greek, Armenian
// and Cherokee look-alikes inside Latin words onto the Latin letters
// ("SЕCRET" with U+0415 reads "SECRET": confusable_letters.h). Case is left alone: case-insensitive
// forms are compiled caseless instead, so offsets keep meaning.
#ifndef NEARMISS_CONTENT_NORMALIZE_H_
#define NEARMISS_CONTENT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// Writes the normalised `in` to `*out` (cleared first; its capacity is
// reused, which is why this is not a function returning a string).
void NormalizeText(std::string_view in, std::string* out);

// True when NormalizeText surely returns `in` unchanged (plain ASCII
// without CR, VT, tab, backspace or underscore): the common case, which then skips the
// copy.
bool IsAlreadyNormal(std::string_view in);

// Joins folded header lines (CRLF/LF followed by blanks) into one line.
std::string UnfoldHeader(std::string_view value);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_NORMALIZE_H_
