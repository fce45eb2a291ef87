#include "engine/local_part_rules.h"

#include <algorithm>
#include <memory>
#include <string>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "engine/address_typo.h"
#include "lookalike/visual_key.h"

namespace nearmiss::engine {
namespace {

// ' ' only in a quoted local part ("john smith"@), read as its content.
bool IsSeparator(char c) { return c == '.' || c == '_' || c == '-' || c == ' '; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Equal once digits are dropped: support1 / support2, numbered mailboxes
// that are distinct people or desks, not slips.
bool DifferOnlyInDigits(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  bool digits = false;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && IsDigit(a[i])) { ++i; digits = true; continue; }
    if (j < b.size() && IsDigit(b[j])) { ++j; digits = true; continue; }
    if (i == a.size() || j == b.size() || a[i] != b[j]) return false;
    ++i;
    ++j;
  }
  return digits;
}

bool HasDigit(std::string_view s) { return std::any_of(s.begin(), s.end(), IsDigit); }

// The digits of `s` in order: "s1234567" -> "1234567".
std::string DigitsOf(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsDigit(c)) out += c;
  }
  return out;
}

// Two numbered local parts, equal once digits are dropped, that are a
// series of desks or rooms (support1 / support2, room101 / room102): both
// numbers short counters (kMaxCounterDigits digits at most) that are not
// the same digits in another order. Longer numbers (student and staff
// numbers, birth years) and reordered digits are judged by the edit rule
// instead: s1234576 for s1234567, john.smith1958 for john.smith1985.
constexpr size_t kMaxCounterDigits = 3;
bool CounterSeries(std::string_view a, std::string_view b) {
  std::string da = DigitsOf(a), db = DigitsOf(b);
  if (da.size() > kMaxCounterDigits || db.size() > kMaxCounterDigits) return false;
  // Counting digits beats sorting three (see SameMultiset).
  std::array<int, 10> count{};
  for (char c : da) ++count[c - '0'];
  for (char c : db) --count[c - '0'];
  return std::any_of(count.begin(), count.end(), [](int n) { return n != 0; });
}

// Whether typed parts t[ti..] come from known parts k[ki..]: each the same
// part, or (the first only) the given names as initials, one or merged
// ("ma" for mary ann, "vd" for van der), with one later part dropped at
// most; `changed` and `named` (a part of two letters or more kept whole)
// carry what was seen so far.
bool FromParts(const Parts& t, size_t ti, const Parts& k, size_t ki, bool dropped, bool changed,
               bool named) {
  if (ti == t.n) {
    const size_t rest = k.n - ki;
    return named && rest <= (dropped ? 0u : 1u) && (changed || rest == 1);
  }
  if (ki == k.n) return false;
  const std::string_view part = t.p[ti];
  if (!dropped && ki > 0 && FromParts(t, ti, k, ki + 1, true, true, named)) return true;
  if (part == k.p[ki] &&
      FromParts(t, ti + 1, k, ki + 1, dropped, changed, named || part.size() >= 2)) {
    return true;
  }
  if (ti != 0 || ki != 0 || part.size() >= k.n) return false;
  for (size_t x = 0; x < part.size(); ++x) {
    if (part[x] != k.p[x][0]) return false;
  }
  const bool cut = part.size() >= 2 || k.p[0].size() >= 2;
  return cut && FromParts(t, 1, k, part.size(), dropped, true, named);
}

// `utf8` in Unicode normalization form KC; `utf8` itself when ICU fails.
std::string Nfkc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return std::string(utf8);
  icu::UnicodeString normal =
      nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(),
                                                                    static_cast<int32_t>(utf8.size()))),
                      status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  normal.toUTF8String(out);
  return out;
}

// `utf8` in ASCII Latin letters by ICU's transforms; "" when ICU fails or
// something outside ASCII is left. A Transliterator is not to be shared
// between threads (ICU's user guide): each thread clones the process's.
std::string LatinTransliteration(std::string_view utf8) {
  static const icu::Transliterator* const base = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Transliterator* t = icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status);
    if (U_FAILURE(status)) {
      delete t;
      return static_cast<icu::Transliterator*>(nullptr);
    }
    return t;
  }();
  if (base == nullptr) return {};
  thread_local std::unique_ptr<icu::Transliterator> mine(base->clone());
  if (!mine) return {};
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  mine->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return IsAscii(out) ? out : std::string();
}

}  // namespace

Parts Split(std::string_view local) {
  Parts out;
  size_t start = 0;
  for (size_t i = 0; i <= local.size(); ++i) {
    if (i < local.size() && !IsSeparator(local[i])) continue;
    if (i == start || out.n == kMaxParts) return Parts{};
    out.p[out.n++] = local.substr(start, i - start);
    start = i + 1;
  }
  return out;
}

NumberJudgement JudgeNumbers(std::string_view typed, std::string_view known) {
  if (!DifferOnlyInDigits(typed, known)) return NumberJudgement::kNotNumbers;
  if (HasDigit(typed) != HasDigit(known)) return NumberJudgement::kNumberAddedOrDropped;
  // A series of desks, or another number (two digits or more differ:
  // s1234599 is another student than s1234567).
  if (CounterSeries(typed, known) || OsaDistance(typed, known, 1) > 1) {
    return NumberJudgement::kOtherNumber;
  }
  return NumberJudgement::kOneDigit;
}

// The same parts, counted, in any order (at most kMaxParts each: counting
// beats sorting, and GCC 12 warns falsely on std::sort over 4 elements).
size_t OnlyDifferingPart(const Parts& a, const Parts& b) {
  if (a.n != b.n) return a.n;
  size_t differing = a.n;
  for (size_t i = 0; i < a.n; ++i) {
    if (a.p[i] == b.p[i]) continue;
    if (differing != a.n) return a.n;  // two parts differ
    differing = i;
  }
  return differing;
}

bool SameMultiset(const Parts& a, const Parts& b) {
  if (a.n != b.n) return false;
  for (size_t i = 0; i < a.n; ++i) {
    size_t in_a = 0, in_b = 0;
    for (size_t j = 0; j < a.n; ++j) {
      in_a += a.p[j] == a.p[i];
      in_b += b.p[j] == a.p[i];
    }
    if (in_a != in_b) return false;
  }
  return true;
}

// jsmith, johns for john.smith; j.smith, john.s for john.smith;
// john, smith for john.smith; john.smith for john.a.smith.
// `allow_drop` false leaves out the dropped part (john for john.smith):
// read the other way (john.smith for a frequent john) it is a new person.
bool Shortened(std::string_view typed, const Parts& t, const Parts& k, bool allow_drop) {
  if (k.n < 2) return false;
  std::string_view given = k.p[0], family = k.p[k.n - 1];
  if (t.n == 1) {
    // Initial + family name, given name + initial, family name + initial.
    auto joined = [&](std::string_view x, std::string_view y) {
      return typed.size() == x.size() + y.size() && typed.starts_with(x) && typed.ends_with(y);
    };
    if (joined(given.substr(0, 1), family) || joined(given, family.substr(0, 1))) return true;
  }
  if (t.n == k.n) {
    // Each part the same or cut to its initial, at least one cut.
    bool cut = false;
    for (size_t i = 0; i < t.n; ++i) {
      if (t.p[i] == k.p[i]) continue;
      if (t.p[i].size() != 1 || t.p[i][0] != k.p[i][0]) return false;
      cut = true;
    }
    return cut;
  }
  if (allow_drop && t.n + 1 == k.n) {
    // One part dropped, the rest in order and each a real name part.
    for (size_t drop = 0; drop < k.n; ++drop) {
      bool same = true;
      for (size_t i = 0, j = 0; i < t.n; ++i, ++j) {
        if (j == drop) ++j;
        if (t.p[i] != k.p[j] || t.p[i].size() < 2) {
          same = false;
          break;
        }
      }
      if (same) return true;
    }
  }
  return false;
}

// j.smith or j.jones for j.smith-jones, ma.jones for mary.ann.jones,
// vd.berg and vdberg for van.der.berg: the given names kept whole or as
// initials (one for each, or merged), a family name dropped from a double
// one. Shortened's rules ask every part kept to be a name; these keep an
// initial the frequent address itself has, or merge initials. A single
// typed word is read split in two ("vd" + "berg").
bool InitialsKept(std::string_view typed, const Parts& t, const Parts& k) {
  if (k.n < 2) return false;
  if (t.n >= 2) return FromParts(t, 0, k, 0, false, false, false);
  if (t.n != 1) return false;
  for (size_t cut = 1; cut + 1 < typed.size(); ++cut) {
    Parts two;
    two.p[0] = typed.substr(0, cut);
    two.p[1] = typed.substr(cut);
    two.n = 2;
    if (FromParts(two, 0, k, 0, false, false, false)) return true;
  }
  return false;
}

// smith.j, smith_j, smithj for john.smith: the family name first and the
// given name cut to its initial, the form of directories and sign-offs
// ("Smith, J."), typed in the order it was read. Only that shape: a family
// name with any other part (smith.k) is someone else.
bool InitialAfterFamily(std::string_view typed, const Parts& t, const Parts& k) {
  if (k.n < 2) return false;
  std::string_view given = k.p[0], family = k.p[k.n - 1];
  if (family.size() < 2) return false;
  if (t.n == 2) return t.p[0] == family && t.p[1].size() == 1 && t.p[1][0] == given[0];
  return t.n == 1 && typed.size() == family.size() + 1 && typed.starts_with(family) &&
         typed.back() == given[0];
}

// Domains whose mailboxes ignore dots in the local part: Gmail delivers
// john.smith@, johnsmith@ and j.ohn.smith@ to one mailbox (Google, Gmail
// Help "Dots don't matter in Gmail addresses", answer 7436150; the same for
// googlemail.com, Gmail's other domain).
bool DotsIgnored(std::string_view domain) {
  return domain == "gmail.com" || domain == "googlemail.com";
}

std::string WithoutDots(std::string_view local) {
  std::string out;
  out.reserve(local.size());
  for (char c : local) {
    if (c != '.') out += c;
  }
  return out;
}

// `a` and `b` equal once their dots are dropped.
bool SameWithoutDots(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && a[i] == '.') ++i;
    while (j < b.size() && b[j] == '.') ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i++] != b[j++]) return false;
  }
}

// A local part as it is compared: lower case and, outside ASCII, the
// letters a reader sees (lookalike::AsciiLookalike: accents stripped,
// UTS #39 skeletons, stroked letters: "józef" -> "jozef", "bjørn" ->
// "bjorn", Cyrillic "bоb" -> "bob"); what has no ASCII look-alike stays
// case-folded UTF-8 and is compared by characters. A quoted local part
// ("jon smith") is compared by its content: a space is then one more name
// separator and, for a dot, one edit (RFC 5321 section 4.1.2).
Compared CompareForm(std::string_view lower_local) {
  Compared out;
  if (lower_local.size() >= 2 && lower_local.front() == '"' && lower_local.back() == '"') {
    lower_local = lower_local.substr(1, lower_local.size() - 2);
    bool escaped = false;
    for (char c : lower_local) {
      if (!escaped && c == '\\') {
        escaped = true;
        continue;
      }
      escaped = false;
      out.plain.push_back(c);
    }
  } else {
    out.plain.assign(lower_local);
  }
  // Compatibility forms first (Unicode NFKC, ICU Normalizer2), as a display
  // name is read (display_name.cc): circled ⓙⓞⓔ, full-width ｊｏｅ,
  // ligatures ﬁ and mathematical 𝐣𝐨𝐞 are the letters j o e fi a reader
  // sees, not another script (issue 14, round 33, item 5).
  out.text = IsAscii(out.plain) ? out.plain : lookalike::AsciiLookalike(Nfkc(out.plain)).text;
  if (!IsAscii(out.text)) {
    // Letters with no Latin look-alike (Cyrillic и, я; Greek λ) would keep
    // a local part apart from every frequent one, however close the name:
    // "мария.garcia" passed by the frequent maria.garcia (issue 14's fresh
    // tester, defect 7). Read in its Latin transliteration (ICU Any-Latin,
    // then Latin-ASCII: "мария" -> "maria"), it is judged as a slip of the
    // same name would be; Unicode TS #39 section 5.1 holds a mixed-script
    // identifier suspect by itself.
    if (std::string latin = LatinTransliteration(out.plain); !latin.empty()) {
      out.text = std::move(latin);
      out.transliterated = true;
    }
  }
  return out;
}

namespace {

// Equal under simple case folding, code point by code point (Unicode
// CaseFolding.txt, statuses C and S; u_foldCase): "JÓZEF" is "józef" and
// "GROẞMANN" "großmann", but the full folding's expansions are other
// letters: "großmann" is not "grossmann", "ﬁ" not "fi", "ŉ" not "ʼn". An
// SMTPUTF8 local part (RFC 6531) is the receiving host's to interpret, and
// a host that keeps ß keeps another mailbox (round 56's tester 14,
// finding 6).
bool SimpleCaseEqual(const icu::UnicodeString& a, const icu::UnicodeString& b) {
  int32_t i = 0, j = 0;
  while (i < a.length() && j < b.length()) {
    const UChar32 x = a.char32At(i), y = b.char32At(j);
    if (u_foldCase(x, U_FOLD_CASE_DEFAULT) != u_foldCase(y, U_FOLD_CASE_DEFAULT)) return false;
    i += U16_LENGTH(x);
    j += U16_LENGTH(y);
  }
  return i == a.length() && j == b.length();
}

}  // namespace

// Whether a typed local part and a known one name one mailbox though
// written apart: the same once unquoted ("\"john.smith\"" is john.smith),
// or the same in other capitals outside ASCII ("JÓZEF" is "józef": RFC 5321
// section 2.4 leaves case to the receiving host, and nearly every one
// ignores it, as learn does for ASCII). Accents and other letters are never
// the same mailbox: "jozef" is a slip of "józef".
bool SameMailbox(const Compared& typed, std::string_view known_local, std::string_view known_key) {
  if (typed.text != known_key) return false;
  const Compared known = CompareForm(known_local);
  if (IsAscii(typed.plain) && IsAscii(known.plain)) return typed.plain == known.plain;
  // Canonically equivalent forms (NFD "e" + U+0301 and NFC "é", UAX #15)
  // are one text: compared in NFC, as RFC 6532 section 3.1 asks addresses
  // be written (round 35's third tester, defect 6).
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString a = icu::UnicodeString::fromUTF8(typed.plain);
  icu::UnicodeString b = icu::UnicodeString::fromUTF8(known.plain);
  if (U_SUCCESS(status) && nfc != nullptr) {
    icu::UnicodeString na = nfc->normalize(a, status);
    icu::UnicodeString nb = nfc->normalize(b, status);
    if (U_SUCCESS(status)) return SimpleCaseEqual(na, nb);
  }
  return SimpleCaseEqual(a, b);
}

}  // namespace nearmiss::engine
