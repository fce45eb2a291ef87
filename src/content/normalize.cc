#include "content/normalize.h"

#include "content/bidi_display.h"
#include "content/confusable_letters.h"
#include "content/invisible_code_point.h"
#include "content/text_charset.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NM_PLAIN_RUN_AVX2 1
#endif
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <bit>
#include <cstdint>
#include <iterator>
#include <utility>

namespace nearmiss::content {
namespace {

enum class Mapped { kKeep, kDash, kSpace, kDrop, kSlash, kLetter, kBracket, kBreak, kBidi };

// Latin small capitals (IPA and Phonetic Extensions, Latin Extended-D),
// drawn as capitals: "ꜱᴇᴄʀᴇᴛ//NOFORN" reads SECRET//NOFORN. Not in ICU's
// confusable skeletons for capitals (TR39 folds them to lower case), so
// listed here (issue 13, breaker defect 15). Sorted by code point.
constexpr std::pair<std::uint32_t, char> kSmallCapitals[] = {
    {0x0262, 'G'}, {0x026A, 'I'}, {0x0274, 'N'}, {0x0280, 'R'},
    {0x028F, 'Y'}, {0x0299, 'B'}, {0x029C, 'H'}, {0x029F, 'L'},
    {0x1D00, 'A'}, {0x1D04, 'C'}, {0x1D05, 'D'}, {0x1D07, 'E'},
    {0x1D0A, 'J'}, {0x1D0B, 'K'}, {0x1D0D, 'M'}, {0x1D0F, 'O'},
    {0x1D18, 'P'}, {0x1D1B, 'T'}, {0x1D1C, 'U'}, {0x1D20, 'V'},
    {0x1D21, 'W'}, {0x1D22, 'Z'}, {0xA730, 'F'}, {0xA731, 'S'},
    {0xA7AF, 'Q'}};

char SmallCapital(std::uint32_t cp) {
  for (auto [from, to] : kSmallCapitals) {
    if (from == cp) return to;
  }
  return 0;
}

// Brackets with which CJK, French and Russian mail set off a tag the way
// English mail writes "[...]": 【UK SECRET】, 〔〕, 「」, 『』, 《》, 〈〉, 〖〗,
// 〘〙, 〚〛, «», ‹›. NFKC keeps them (it folds only the full-width "［］"
// and "（）"), so a subject's "【UK SECRET】 plan" had no separator (round
// 57b's tester 13, finding 3). Read as "[" and "]". Sorted by code point.
constexpr std::pair<std::uint32_t, char> kBrackets[] = {
    {0x00AB, '['}, {0x00BB, ']'}, {0x2039, '['}, {0x203A, ']'},
    {0x3008, '['}, {0x3009, ']'}, {0x300A, '['}, {0x300B, ']'},
    {0x300C, '['}, {0x300D, ']'}, {0x300E, '['}, {0x300F, ']'},
    {0x3010, '['}, {0x3011, ']'}, {0x3014, '['}, {0x3015, ']'},
    {0x3016, '['}, {0x3017, ']'}, {0x3018, '['}, {0x3019, ']'},
    {0x301A, '['}, {0x301B, ']'}};

char Bracket(std::uint32_t cp) {
  if (cp < kBrackets[0].first || cp > kBrackets[std::size(kBrackets) - 1].first) return 0;
  for (auto [from, to] : kBrackets) {
    if (from == cp) return to;
  }
  return 0;
}

Mapped Classify(std::uint32_t cp) {
  // Slashes drawn like "/": division slash, fraction slash, big solidus,
  // the box-drawing diagonal ("SECRET∕∕NOFORN"; TR39 confusables).
  if (cp == 0x2215 || cp == 0x2044 || cp == 0x29F8 || cp == 0x2571) {
    return Mapped::kSlash;
  }
  if (SmallCapital(cp) != 0) return Mapped::kLetter;
  if (Bracket(cp) != 0) return Mapped::kBracket;
  // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line (UAX #14's
  // mandatory breaks, class BK and NL): viewers show the text after them
  // on a line of its own, so a banner before one is alone on its line
  // (issue 13, round 44 tester finding 7).
  if (cp == 0x0085 || cp == 0x2028 || cp == 0x2029) return Mapped::kBreak;
  if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
      cp == 0xFE63 || cp == 0xFF0D) {
    return Mapped::kDash;
  }
  if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000) {
    return Mapped::kSpace;
  }
  // U+0332/U+0333, combining (double) low line: an underline typed as
  // characters ("S\u0332E\u0332C\u0332R\u0332E\u0332T\u0332"), which NFKC keeps.
  // Bidi_Control (UAX #9): LRM, RLM, ALM and the embeddings, overrides and
  // isolates that Word, Outlook and HTML editors (&lrm;) write around a
  // Latin run in a right-to-left paragraph; they draw nothing, and a
  // banner must stay "alone on its line" (round 47's tester 13, finding 2).
  // Kept until the text is whole, then resolved into the order a reader
  // sees and dropped (bidi_display.h: an override draws "NROFON//TERCES"
  // as SECRET//NOFORN).
  if (IsBidiControl(cp)) return Mapped::kBidi;
  // The rest of Unicode's invisible set (invisible_code_point.h, shared
  // with the address checker): U+200B, U+00AD, U+FEFF, U+034F, variation
  // selectors, Hangul fillers, tags ... draw nothing inside a word, so
  // "UK SEC<U+FE0F>RET" reads as it shows (round 55's tester 13-b,
  // finding 6). Also U+0332/U+0333 (above).
  if (cp == 0x0332 || cp == 0x0333 || IsDefaultIgnorable(cp)) return Mapped::kDrop;
  return Mapped::kKeep;
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when the bytes
// are not valid UTF-8 (then the first is read as Windows-1252, one byte:
// an unknown charset must not hide ASCII markings next to it).
std::size_t DecodeUtf8(std::string_view s, std::size_t i, std::uint32_t* cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  std::uint32_t v = c & (0x3F >> (len - 1));
  for (std::size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(k) & 0x3F);
  }
  *cp = v;
  return len;
}

}  // namespace

namespace {

// CR, VT, tab and backspace are rewritten, bytes from 0x80 start UTF-8 to look
// at, and an underscore may be decoration (EmphasisUnderscores); everything
// else is copied as it is.
bool Special(char c) {
  return static_cast<unsigned char>(c) >= 0x80 || c == '\r' || c == '\t' ||
         c == '\b' || c == '_' || c == '\v';
}

bool IsAsciiAlnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9');
}

// A run of underscores at a word's edge, a letter or digit on one side
// only, is plain-text and Markdown emphasis ("_SECRET_", "__UK SECRET__",
// "_OFFICIAL-SENSITIVE_: plan"): it becomes blanks, one for one, so that
// the word boundary the patterns ask for is there (issue 13, breaker round
// 13 defect 7). Inside a word ("snake_case", "MSIP_Label_x_Name") and in
// rule lines ("______") it stays.
std::size_t EmphasisUnderscores(std::string_view in, std::size_t i,
                                std::string* out) {
  std::size_t j = i;
  while (j < in.size() && in[j] == '_') ++j;
  bool before = !out->empty() && IsAsciiAlnum(out->back());
  bool after = j < in.size() && IsAsciiAlnum(in[j]);
  out->append(j - i, before != after ? ' ' : '_');
  return j;
}

// A backspace at in[i]: the character after it is struck over the one
// before it, as a terminal, a line printer and less(1) show it. nroff and
// man(1) write bold as "S\bS", underline as "_\bS", and some printers'
// files the underline after the letter ("S\b_"); a sender who pastes
// formatted man-page or line-printer text sends "S\bSE\bEC\bC..." for a
// SECRET the reader sees (issue 13, b13t defect 2). The character shown
// is kept: the letter, not the underline under it; for two letters the
// one struck last. A backspace at a line's start strikes nothing and is
// dropped. Returns the offset after what was consumed.
std::size_t Overstrike(std::string_view in, std::size_t i, std::string* out) {
  ++i;  // the backspace
  if (out->empty() || out->back() == '\n') return i;
  if (i < in.size() && in[i] == '_') {
    // "S\b_": the underline goes under the letter already written.
    return i + 1;
  }
  // The character struck over: one UTF-8 sequence (its continuation bytes
  // first), or the blank that EmphasisUnderscores wrote for an underline's
  // "_" ("_\bS": the '_' had a letter on one side only).
  while (!out->empty() && (static_cast<unsigned char>(out->back()) & 0xC0) == 0x80) {
    out->pop_back();
  }
  if (!out->empty()) out->pop_back();
  return i;
}

// The length of the run at the start of `s` that needs no change. With
// SSE2 (every x86-64), 16 bytes at a time: a byte equal to CR, tab or '_'
// compares to 0xff, and a byte from 0x80 has its top bit set already, so
// one movemask of both finds the first special byte. That is about 0.7
// instructions a byte where the 64-byte block screen below, which GCC 12
// does not vectorise at -O2, took 2.3: a tenth of the milter's
// instructions per message went here (issue 20, callgrind). Elsewhere the
// blocks of 64 bytes are screened with a branch-free OR over the block; a
// block with a special byte is searched bytewise.
#if defined(NM_PLAIN_RUN_AVX2)
// PlainRun's screen 32 bytes at a time where the CPU has AVX2 (chosen at
// run time: the build targets baseline x86-64): half the instructions of
// the SSE2 loop over a body (issue 20). Returns where the first block
// holding a special byte starts, or where fewer than 32 bytes are left;
// the SSE2 loop goes on from there.
__attribute__((target("avx2"))) std::size_t PlainBlocksAvx2(const unsigned char* p,
                                                            std::size_t n) {
  const __m256i cr = _mm256_set1_epi8('\r');
  const __m256i low_bit_off = _mm256_set1_epi8(static_cast<char>(0xFE));
  const __m256i backspace = _mm256_set1_epi8('\b');
  const __m256i underscore = _mm256_set1_epi8('_');
  const __m256i vt = _mm256_set1_epi8('\v');
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    // Backspace (0x08) and tab (0x09) differ in the low bit only: one
    // compare of the byte with that bit cleared finds both.
    __m256i hit = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, cr),
                        _mm256_cmpeq_epi8(_mm256_and_si256(v, low_bit_off), backspace)),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, underscore), _mm256_cmpeq_epi8(v, vt)));
    if (_mm256_movemask_epi8(_mm256_or_si256(hit, v)) != 0) break;
  }
  return i;
}

bool HasAvx2() {
  static const bool kHas = __builtin_cpu_supports("avx2");
  return kHas;
}
#endif

std::size_t PlainRun(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  std::size_t i = 0;
#if defined(NM_PLAIN_RUN_AVX2)
  if (n >= 32 && HasAvx2()) i = PlainBlocksAvx2(p, n);
#endif
#if defined(__SSE2__)
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i low_bit_off = _mm_set1_epi8(static_cast<char>(0xFE));
  const __m128i backspace = _mm_set1_epi8('\b');
  const __m128i underscore = _mm_set1_epi8('_');
  const __m128i vt = _mm_set1_epi8('\v');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i tab_or_backspace = _mm_cmpeq_epi8(_mm_and_si128(v, low_bit_off), backspace);
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cr), tab_or_backspace),
                               _mm_or_si128(_mm_cmpeq_epi8(v, underscore),
                                            _mm_cmpeq_epi8(v, vt)));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(hit, v)));
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
  }
#else
  constexpr std::size_t kBlock = 64;
  for (; i + kBlock <= n; i += kBlock) {
    unsigned special = 0;
    for (std::size_t k = 0; k < kBlock; ++k) {
      unsigned char c = p[i + k];
      special |= static_cast<unsigned>(c >= 0x80) | static_cast<unsigned>(c == '\r') |
                 static_cast<unsigned>((c & 0xFE) == '\b') | static_cast<unsigned>(c == '_') |
                 static_cast<unsigned>(c == '\v');
    }
    if (special == 0) continue;
    for (std::size_t k = i; k < i + kBlock; ++k) {
      if (Special(static_cast<char>(p[k]))) return k;
    }
  }
#endif
  while (i < n && !Special(static_cast<char>(p[i]))) ++i;
  return i;
}

}  // namespace

bool IsAlreadyNormal(std::string_view in) { return PlainRun(in) == in.size(); }

namespace {

// NFKC (UAX #15) folds compatibility forms onto the letters the patterns
// are written in: full-width "ＳＥＣＲＥＴ", mathematical "𝐒𝐄𝐂𝐑𝐄𝐓", circled
// and squared letters, ligatures. Only texts with non-ASCII letters reach it,
// and ICU's quick check leaves most of those untouched.
void FoldCompatibility(std::string* text, std::string* spare) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return;  // no ICU data: the text stays as it is
  if (nfkc->isNormalizedUTF8(*text, status) || U_FAILURE(status)) return;
  spare->clear();
  icu::StringByteSink<std::string> sink(spare);
  status = U_ZERO_ERROR;
  nfkc->normalizeUTF8(0, *text, sink, nullptr, status);
  if (U_SUCCESS(status)) text->swap(*spare);
}

}  // namespace

void NormalizeText(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  // Whether NFKC may change something: a non-ASCII character kept. The
  // text is valid UTF-8 by then (legacy bytes are read as Windows-1252).
  bool kept_non_ascii = false;
  bool bidi_controls = false;  // kept for ApplyDisplayOrder
  for (std::size_t i = 0; i < in.size();) {
    std::size_t run = PlainRun(in.substr(i));
    out->append(in.data() + i, run);
    i += run;
    if (i == in.size()) break;
    char c = in[i];
    if (c == '\r') {
      out->push_back('\n');
      i += (i + 1 < in.size() && in[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c == '\v') {
      // A vertical tab ends a line (UAX #14, class BK): Word's manual line
      // break (Shift+Enter) as its text export writes it.
      out->push_back('\n');
      ++i;
      continue;
    }
    if (c == '\t') {
      // Three blanks, not one: a tab splits a line into cells (a header's
      // "MOD/2026/114<tab>UK SECRET<tab>Page 1 of 3", a table row), and a
      // gap that wide is what the banner rule reads as a cell break
      // (line_text.h, kCellGap; issue 13, round 34 item 5). The
      // packs' blanks match runs, so forms still match across it.
      out->append("   ");
      ++i;
      continue;
    }
    if (c == '_') {
      i = EmphasisUnderscores(in, i, out);
      continue;
    }
    if (c == '\b') {
      i = Overstrike(in, i, out);
      continue;
    }
    std::uint32_t cp = 0;
    std::size_t len = DecodeUtf8(in, i, &cp);
    // A byte that is no UTF-8 is legacy text with no charset declared
    // (Notepad's "ANSI" save, Excel's CSV, a script's mail): its
    // Windows-1252 character, so that "UK\xA0SECRET" and
    // "OFFICIAL\x96SENSITIVE" read (issue 13, tester 13 item 6).
    const bool legacy = len == 0;
    if (legacy) {
      cp = Windows1252Char(static_cast<unsigned char>(c));
      len = 1;
    }
    switch (Classify(cp)) {
      case Mapped::kDash:
        out->push_back('-');
        break;
      case Mapped::kSlash:
        out->push_back('/');
        break;
      case Mapped::kLetter:
        out->push_back(SmallCapital(cp));
        break;
      case Mapped::kBracket:
        out->push_back(Bracket(cp));
        break;
      case Mapped::kSpace:
        out->push_back(' ');
        break;
      case Mapped::kBreak:
        out->push_back('\n');
        break;
      case Mapped::kDrop:
        break;
      case Mapped::kBidi:
        out->append(in.substr(i, len));
        bidi_controls = true;
        break;
      case Mapped::kKeep:
        if (legacy) {
          AppendUtf8(cp, out);
        } else {
          out->append(in.substr(i, len));
        }
        kept_non_ascii = true;
        break;
    }
    i += len;
  }
  if (bidi_controls) {
    thread_local std::string reordered;
    ApplyDisplayOrder(out, &reordered);
  }
  if (kept_non_ascii) {
    thread_local std::string spare;
    FoldCompatibility(out, &spare);
    // "SЕCRET" with a Cyrillic E: look-alikes inside Latin words.
    FoldConfusableLetters(out, &spare);
  }
}

std::string UnfoldHeader(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '\r' || c == '\n') {
      // A line break inside a header value is always a fold: drop it and
      // keep the following blank(s) as the separator.
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace nearmiss::content
