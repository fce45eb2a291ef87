#include "lookalike/latin_lookalikes.h"

#include <algorithm>
#include <iterator>

namespace nearmiss::lookalike {
namespace {

struct Twin {
  uint32_t code_point;
  char ascii;
};

// Sorted by code point. Built from the single-character glyphs of dnstwist's
// homoglyph and Cyrillic tables (the ones NFD cannot decompose) and the Greek
// letters that stand in for Latin ones in IDN phishing; Cyrillic ones are
// repeated here because ICU's skeleton for some ("м", "ь") is not ASCII.
constexpr Twin kTwins[] = {
    {0x0111, 'd'},  // latin small letter d with stroke
    {0x0127, 'h'},  // latin small letter h with stroke
    {0x0131, 'i'},  // latin small letter dotless i
    {0x0138, 'k'},  // latin small letter kra (ĸ: a small capital k)
    {0x0142, 'l'},  // latin small letter l with stroke
    {0x0167, 't'},  // latin small letter t with stroke
    {0x0185, 'b'},  // latin small letter tone six
    {0x0188, 'c'},  // latin small letter c with hook
    {0x0192, 'f'},  // latin small letter f with hook
    {0x01A5, 'p'},  // latin small letter p with hook
    {0x01AB, 't'},  // latin small letter t with palatal hook
    {0x01B4, 'y'},  // latin small letter y with hook
    {0x01B6, 'z'},  // latin small letter z with stroke
    {0x01BB, '2'},  // latin letter two with stroke
    {0x01BD, '5'},  // latin small letter tone five
    {0x01BF, 'p'},  // latin letter wynn
    {0x01E5, 'g'},  // latin small letter g with stroke
    {0x0247, 'e'},  // latin small letter e with stroke
    {0x0249, 'j'},  // latin small letter j with stroke
    {0x024D, 'r'},  // latin small letter r with stroke
    {0x024F, 'y'},  // latin small letter y with stroke
    {0x0251, 'a'},  // latin small letter alpha
    {0x0253, 'b'},  // latin small letter b with hook
    {0x0256, 'd'},  // latin small letter d with tail
    {0x0257, 'd'},  // latin small letter d with hook
    {0x0259, 'a'},  // latin small letter schwa
    {0x0261, 'g'},  // latin small letter script g
    {0x0262, 'g'},  // latin letter small capital g
    {0x0266, 'h'},  // latin small letter h with hook
    {0x0268, 'i'},  // latin small letter i with stroke
    {0x0269, 'i'},  // latin small letter iota
    {0x026A, 'i'},  // latin letter small capital i
    {0x026B, 'l'},  // latin small letter l with middle tilde
    {0x0271, 'm'},  // latin small letter m with hook
    {0x027C, 'r'},  // latin small letter r with long leg
    {0x027D, 'r'},  // latin small letter r with tail
    {0x027E, 'r'},  // latin small letter r with fishhook
    {0x0280, 'r'},  // latin letter small capital r
    {0x0282, 's'},  // latin small letter s with hook
    {0x0289, 'u'},  // latin small letter u bar
    {0x028F, 'y'},  // latin letter small capital y
    {0x0290, 'z'},  // latin small letter z with retroflex hook
    {0x0299, 'b'},  // latin letter small capital b
    {0x029D, 'j'},  // latin small letter j with crossed-tail
    {0x02A0, 'q'},  // latin small letter q with hook
    {0x03B1, 'a'},  // greek small letter alpha
    {0x03B2, 'b'},  // greek small letter beta
    {0x03B5, 'e'},  // greek small letter epsilon
    {0x03B9, 'i'},  // greek small letter iota
    {0x03BA, 'k'},  // greek small letter kappa
    {0x03BD, 'v'},  // greek small letter nu
    {0x03BF, 'o'},  // greek small letter omicron
    {0x03C1, 'p'},  // greek small letter rho
    {0x03C4, 't'},  // greek small letter tau
    {0x03C5, 'u'},  // greek small letter upsilon
    {0x03C7, 'x'},  // greek small letter chi
    {0x0430, 'a'},  // cyrillic small letter a
    {0x0435, 'e'},  // cyrillic small letter ie
    {0x043A, 'k'},  // cyrillic small letter ka
    {0x043C, 'm'},  // cyrillic small letter em
    {0x043E, 'o'},  // cyrillic small letter o
    {0x0440, 'p'},  // cyrillic small letter er
    {0x0441, 'c'},  // cyrillic small letter es
    {0x0442, 't'},  // cyrillic small letter te
    {0x0443, 'y'},  // cyrillic small letter u
    {0x0445, 'x'},  // cyrillic small letter ha
    {0x044C, 'b'},  // cyrillic small letter soft sign
    {0x0455, 's'},  // cyrillic small letter dze
    {0x0456, 'i'},  // cyrillic small letter byelorussian-ukrainian i
    {0x0458, 'j'},  // cyrillic small letter je
    {0x0475, 'v'},  // cyrillic small letter izhitsa
    {0x04BB, 'h'},  // cyrillic small letter shha
    {0x04CF, 'l'},  // cyrillic small letter palochka
    {0x0501, 'd'},  // cyrillic small letter komi de
    {0x050D, 'g'},  // cyrillic small letter komi sje
    {0x051B, 'q'},  // cyrillic small letter qa
    {0x051D, 'w'},  // cyrillic small letter we
    {0x1D04, 'c'},  // latin letter small capital c
    {0x1D0B, 'k'},  // latin letter small capital k
    {0x1D0D, 'm'},  // latin letter small capital m
    {0x1D0F, 'o'},  // latin letter small capital o
    {0x1D1C, 'u'},  // latin letter small capital u
    {0x1D20, 'v'},  // latin letter small capital v
    {0x1D21, 'w'},  // latin letter small capital w
    {0x1D22, 'z'},  // latin letter small capital z
    {0x1D8C, 'v'},  // latin small letter v with palatal hook
    {0x1EFF, 'y'},  // latin small letter y with loop
    {0x2C68, 'h'},  // latin small letter h with descender
    {0x2C6A, 'k'},  // latin small letter k with descender
    {0x2C6C, 'z'},  // latin small letter z with descender
    {0x2C71, 'v'},  // latin small letter v with right hook
    {0x2C73, 'w'},  // latin small letter w with hook
    {0x2C74, 'v'},  // latin small letter v with curl
    {0xA731, 's'},  // latin letter small capital s
    {0xA791, 'n'},  // latin small letter n with descender
};

}  // namespace

char AsciiTwin(uint32_t c) {
  auto it = std::lower_bound(std::begin(kTwins), std::end(kTwins), c,
                             [](const Twin& t, uint32_t v) { return t.code_point < v; });
  return it != std::end(kTwins) && it->code_point == c ? it->ascii : '\0';
}

}  // namespace nearmiss::lookalike
