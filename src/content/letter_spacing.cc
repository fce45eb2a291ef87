#include "content/letter_spacing.h"

#include <algorithm>
#include <cstdint>

#include <string_view>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// A chunk of a letter-spaced run: one capital, or strokes ('/', '-') with
// at most one capital on each side ("//", "-", "T//N" in "S E C R E T//N O
// F O R N"). Counts its capitals into *letters.
bool IsSpacedChunk(std::string_view c, int* letters) {
  auto stroke = [](char ch) { return ch == '/' || ch == '-'; };
  *letters = 0;
  if (c.size() == 1) {
    *letters = IsUpper(c[0]) ? 1 : 0;
    return IsUpper(c[0]) || stroke(c[0]);
  }
  std::size_t b = 0, e = c.size();
  if (IsUpper(c[0])) ++b, ++*letters;
  if (IsUpper(c[e - 1])) --e, ++*letters;
  if (b >= e) return false;  // "AB": a word, not spaced letters
  for (std::size_t k = b; k < e; ++k) {
    if (!stroke(c[k])) return false;
  }
  return true;
}

// Punctuation that may close a letter-spaced run, glued to its last
// capital: ':' and ';' (a subject's separator), ',' and '.'.
bool IsRunCloser(char c) { return c == ':' || c == ';' || c == ',' || c == '.'; }

// "S-E-C-R-E-T", "S_E_C_R_E_T", "_S_E_C_R_E_T_", "S.E.C.R.E.T:" at the
// start of `chunk` (a blank-free token): at least two capitals ("T-O-P
// S-E-C-R-E-T", "U_K"; only texts holding a joined level word are
// collapsed at all), each joined to the next by the same one of '-', '_', '.', not
// followed by a letter or digit. Appends the capitals to *out and returns
// the bytes read (a closing joint included), or 0 for anything else.
std::size_t JoinedLetters(std::string_view chunk, std::string* out) {
  auto alnum = [](char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); };
  std::size_t p = chunk.size() > 1 && chunk[0] == '_' ? 1 : 0;
  if (p + 1 >= chunk.size() || !IsUpper(chunk[p])) return 0;
  char joint = chunk[p + 1];
  if (joint != '-' && joint != '_' && joint != '.') return 0;
  std::size_t letters_at = p;
  int letters = 0;
  while (p < chunk.size() && IsUpper(chunk[p]) &&
         (p + 1 == chunk.size() || !alnum(chunk[p + 1]))) {
    ++letters;
    ++p;
    if (p < chunk.size() && chunk[p] == joint) ++p;
    else break;
  }
  if (letters < 2) return 0;
  if (p < chunk.size() && alnum(chunk[p])) return 0;  // "A-B-C-D1"
  for (std::size_t k = letters_at; k < p; ++k) {
    if (IsUpper(chunk[k])) out->push_back(chunk[k]);
  }
  return p;
}

}  // namespace

void AddLetterSpacedPattern(Scanner::Rep* rep) {
  PatternEntry e;
  e.source = PatternSource::kLetterSpaced;
  e.name = "letter-spaced";
  e.pack = "letter-spaced";
  // The level and caveat words of every pack, letter-spaced: literals, which
  // Vectorscan's literal matcher runs at full speed (a class pattern such
  // as "[A-Z] [A-Z] [A-Z] [A-Z]" cost a quarter of the scan's throughput in
  // bench/marking_bench). Each level contains one of them ("T O P   S E C R
  // E T", "O F F I C I A L - S E N S I T I V E", "R E S T R E I N T   U E").
  // Also joined by a hyphen, an underscore or a dot instead ("S-E-C-R-E-T",
  // "_S_E_C_R_E_T_", "S.E.C.R.E.T"): the same typist's emphasis (issue 13,
  // breaker round 14 D5).
  static constexpr std::string_view kWords[] = {
      "SECRET",     "OFFICIAL", "CONFIDENTIAL", "RESTRICTED", "PROTECTED",
      "SENSITIVE",  "COSMIC",   "RESTREINT",    "NOFORN",     "FOUO"};
  // Three blanks: a tab once normalised ("S\tE\tC\tR\tE\tT").
  for (std::string_view joint : {" ", "   ", "-", "_", "\\."}) {
    for (std::string_view word : kWords) {
      if (!e.expression.empty()) e.expression += '|';
      for (std::size_t i = 0; i < word.size(); ++i) {
        if (i > 0) e.expression += joint;
        e.expression += word[i];
      }
    }
  }
  e.flags = 0;
  e.origin = "built-in";
  rep->letter_spaced_id = static_cast<unsigned>(rep->patterns.size());
  rep->patterns.push_back(std::move(e));
}

void CollapseLetterSpacing(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  const std::size_t n = in.size();
  auto chunk_end = [&](std::size_t p) {
    while (p < n && !IsBlank(in[p]) && in[p] != '\n' && in[p] != '\f') ++p;
    return p;
  };
  std::size_t i = 0;
  while (i < n) {
    // Chunks start after a blank or at a line's start.
    bool at_chunk = !IsBlank(in[i]) && in[i] != '\n' && in[i] != '\f' &&
                    (i == 0 || IsBlank(in[i - 1]) || in[i - 1] == '\n' ||
                     in[i - 1] == '\f');
    if (at_chunk) {
      if (std::size_t used = JoinedLetters(in.substr(i, chunk_end(i) - i), out)) {
        i += used;
        continue;
      }
      int chunks = 0, letters = 0;
      std::size_t p = i, run_end = i;
      for (;;) {
        std::size_t e = chunk_end(p);
        int chunk_letters = 0;
        if (!IsSpacedChunk(in.substr(p, e - p), &chunk_letters)) {
          // The run's last capital may carry the separator a subject
          // writes after its marking: "T O P  S E C R E T: plan" (issue
          // 13, round 42 item 1). It ends the run.
          if (chunks > 0 && e - p == 2 && IsUpper(in[p]) && IsRunCloser(in[p + 1])) {
            ++chunks;
            ++letters;
            run_end = e;
          }
          break;
        }
        ++chunks;
        letters += chunk_letters;
        run_end = e;
        std::size_t q = e;
        while (q < n && IsBlank(in[q])) ++q;
        if (q == e || q == n || in[q] == '\n' || in[q] == '\f') break;
        p = q;
      }
      if (chunks >= 2 && letters >= kMinSpacedLetters) {
        // A word break is a gap wider than the letters' own: two blanks or
        // more after letters one blank apart, and after letters spaced by
        // tabs (three blanks once normalised: "S\tE\tC\tR\tE\tT", a
        // typist's or a converted document's spacing; round 47's tester
        // 13, finding 10) only a wider gap than theirs.
        std::size_t narrowest = SIZE_MAX;
        for (std::size_t k = i; k < run_end;) {
          if (!IsBlank(in[k])) {
            ++k;
            continue;
          }
          std::size_t q = k;
          while (q < run_end && IsBlank(in[q])) ++q;
          narrowest = std::min(narrowest, q - k);
          k = q;
        }
        const std::size_t word_gap = narrowest >= 3 ? narrowest + 1 : 2;
        for (std::size_t k = i; k < run_end;) {
          if (!IsBlank(in[k])) {
            out->push_back(in[k++]);
            continue;
          }
          std::size_t q = k;
          while (q < run_end && IsBlank(in[q])) ++q;
          if (q - k >= word_gap) out->push_back(' ');
          k = q;
        }
        i = run_end;
        continue;
      }
      // Not a run: copy the chunk whole, so a run never starts inside it.
      std::size_t e = chunk_end(i);
      out->append(in.substr(i, e - i));
      i = e;
      continue;
    }
    out->push_back(in[i++]);
  }
}

}  // namespace nearmiss::content
