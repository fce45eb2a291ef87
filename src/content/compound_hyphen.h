// A level word joined by a hyphen, with no blank, to the word after it:
// one compound word, not a marking and its separator. "SECRET-Santa 2026
// draw", "SECRET-SANTA DRAW", "GEHEIM-TIPP: Neues Café" (how German
// newsletters set "Geheimtipp" in capitals), "GEHEIM-REZEPT von Oma"
// (round 58b's tester 13, finding 1). The separators the standards and
// senders write have blanks or a colon ("SECRET: plan", "SECRET - plan";
// UK GSC 2023, DoDM 5200.01 Vol 2 for subjects), or are the scheme's own
// compound, which its pack matches whole ("OFFICIAL-SENSITIVE",
// "VS-NfD"). A control or caveat after the hyphen stays a banner's tail
// ("SECRET-NOFORN", "CONFIDENTIAL-UK EYES ONLY"; banner_tail.h).
#ifndef NEARMISS_CONTENT_COMPOUND_HYPHEN_H_
#define NEARMISS_CONTENT_COMPOUND_HYPHEN_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// text[end] is a hyphen (or a slash before a word with a small letter:
// "SECRET/Santa"; or "//" before a word all in small letters that is no
// control: "SECRET//ish plans") glued to the match (no blank before it) and a
// letter (ASCII or the first byte of a non-ASCII one: "GEHEIM-Übung")
// follows it, whose word is no control or caveat.
bool HyphenJoinsWordAfter(std::string_view text, std::size_t end);

// The match [begin, end) is the hyphenated English adjective of a
// two-word level ("TOP-SECRET party plans", "top-secret recipe"): its
// words joined by a hyphen and followed, after one blank, by a word in
// lower case. "TOP-SECRET: plan" and "TOP-SECRET" alone on a line keep
// counting.
bool HyphenatedAdjective(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_COMPOUND_HYPHEN_H_
