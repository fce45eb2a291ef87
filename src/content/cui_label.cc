#include "content/cui_label.h"

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// A code holding a digit opens `s` ("RO12345678", "12345678 SRL").
bool OpensWithCode(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  for (char c : s) {
    if (IsBlank(c) || c == '\n') break;
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// Guatemala's personal identity code (Código Único de Identificación, on
// the DPI card, RENAP): 13 digits, written whole or grouped 4-5-4
// ("2345 67890 0101"), ending the word. Its letters are CUI too (round 55's
// tester 13-b, finding 7).
bool OpensWithGuatemalaCui(std::string_view s) {
  std::size_t i = 0;
  std::size_t groups[3] = {0, 0, 0};
  int g = 0;
  while (i < s.size()) {
    if (IsDigit(s[i])) {
      ++groups[g];
    } else if (s[i] == ' ' && g < 2 && i + 1 < s.size() && IsDigit(s[i + 1]) && groups[g] > 0) {
      ++g;
    } else {
      break;
    }
    ++i;
  }
  if (i < s.size() && (IsAlpha(s[i]) || IsDigit(s[i]))) return false;
  if (g == 0) return groups[0] == 13;
  return g == 2 && groups[0] == 4 && groups[1] == 5 && groups[2] == 4;
}

// A Romanian tax code opening `s`: "RO" (any case, a blank allowed
// after it) and 2 to 10 digits, or 5 to 10 digits alone (a year, "2026",
// or a version is no code), ending the word; or Guatemala's CUI.
bool OpensWithTaxCode(std::string_view s) {
  if (OpensWithGuatemalaCui(s)) return true;
  std::size_t i = 0;
  bool ro = false;
  if (s.size() >= 2 && (s[0] == 'R' || s[0] == 'r') && (s[1] == 'O' || s[1] == 'o')) {
    ro = true;
    i = 2;
    if (i < s.size() && IsBlank(s[i])) ++i;
  }
  const std::size_t digits_begin = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  const std::size_t digits = i - digits_begin;
  if (digits < (ro ? 2u : 5u) || digits > 10) return false;
  return i == s.size() || !(IsAlpha(s[i]) || IsDigit(s[i]));
}

// A word starting at `i` of `line` (not inside another word).
bool WordAt(std::string_view line, std::size_t i, std::string_view word) {
  return StartsWithNoCaseAt(line, i, word) && (i == 0 || !IsAlpha(line[i - 1]));
}

// Romanian words of an invoice or a company's registration, as word starts:
// "factura", "factură", "facturare"; "cod fiscal", "codul fiscal"; SRL and
// S.R.L. (the company form), ONRC and "Reg. Com." (the trade register);
// "firma", "firmei", "societate". Not "fiscal" alone ("CUI: fiscal year
// plan"), nor CIF and TVA, which are English too (cost, insurance and
// freight; the Tennessee Valley Authority).
bool HasRomanianInvoiceWord(std::string_view line) {
  static constexpr std::string_view kStarts[] = {
      "factur", "cod fiscal", "codul fiscal", "firma", "firmei", "firmă", "societat",
      "reg. com", "onrc"};
  static constexpr std::string_view kWords[] = {"SRL", "S.R.L"};
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && IsAlpha(line[i - 1])) continue;
    for (std::string_view w : kStarts) {
      if (StartsWithNoCaseAt(line, i, w)) return true;
    }
    for (std::string_view w : kWords) {
      // In capitals, a whole word: "CIF", not "cif" nor "SRLs".
      if (line.compare(i, w.size(), w) == 0 &&
          (i + w.size() == line.size() || !IsAlpha(line[i + w.size()]))) {
        return true;
      }
    }
  }
  return false;
}

// English words that make "CUI" an identifier: "CUI number", "CUI code",
// "the CUI of your company", "your CUI", "company's CUI". The US CUI is
// information a text holds, never a number one sends.
bool NamedAsIdentifier(std::string_view line, std::size_t at, std::size_t after) {
  std::size_t i = after;
  while (i < line.size() && IsBlank(line[i])) ++i;
  for (std::string_view w : {"number", "code", "no.", "no:", "nr"}) {
    if (WordAt(line, i, w)) return true;
  }
  // Whose: not "the CUI of the program", a US sentence's.
  if (WordAt(line, i, "of ")) {
    i += 3;
    for (std::string_view who : {"your ", "our ", "their ", "his ", "her ", "my "}) {
      if (!WordAt(line, i, who)) continue;
      std::size_t k = i + who.size();
      for (std::string_view what : {"company", "firm", "business", "supplier", "client"}) {
        if (WordAt(line, k, what)) return true;
      }
    }
  }
  // "your CUI", "company's CUI", "firm's CUI".
  std::string_view before = line.substr(0, at);
  while (!before.empty() && IsBlank(before.back())) before.remove_suffix(1);
  for (std::string_view w : {"your", "company's", "firm's", "supplier's", "client's"}) {
    if (before.size() >= w.size() && WordAt(before, before.size() - w.size(), w)) return true;
  }
  return false;
}

// A Romance language's article, possessive or noun for a code right before
// "CUI": Spanish (Guatemala's CUI, a Romanian firm's for a Spanish writer)
// "mi CUI", "su CUI", "el CUI", "número de CUI", "código CUI"; Romanian
// "codul CUI", "cod CUI", "numărul CUI"; Portuguese, French and Italian
// articles and possessives. The US CUI is written after English words
// ("the CUI", "our CUI program"); none of these is one (round 55's tester
// 13-b: "Mi CUI" was tagged). Not "o", "do" nor "son", which English has.
bool RomanceWordBefore(std::string_view line, std::size_t at) {
  static constexpr std::string_view kWords[] = {
      // Spanish articles, possessives and demonstratives.
      "el", "la", "los", "las", "un", "una", "del", "al", "mi", "mis", "tu", "tus", "su", "sus",
      "nuestro", "nuestra", "vuestro", "vuestra", "este", "ese", "de",
      // Portuguese, French and Italian ones.
      "meu", "minha", "seu", "sua", "nosso", "nossa", "le", "du", "mon", "ton", "notre",
      "votre", "il", "lo", "mio", "tuo", "suo", "nostro", "vostro",
      // The nouns for a code or a number (Romanian, Spanish, Portuguese).
      "codul", "cod", "codului", "numarul", "num\xc4\x83rul", "numar", "num\xc4\x83r",
      "n\xc3\xbamero", "numero", "c\xc3\xb3" "digo", "codigo", "nr", "nr."};
  std::string_view before = line.substr(0, at);
  while (!before.empty() && IsBlank(before.back())) before.remove_suffix(1);
  if (before.size() == at) return false;  // no blank between: not a word before
  for (std::string_view w : kWords) {
    if (before.size() >= w.size() && WordAt(before, before.size() - w.size(), w)) return true;
  }
  return false;
}

}  // namespace

bool CuiNamesTaxCode(std::string_view text, std::size_t begin) {
  if (text.compare(begin, 3, "CUI") != 0) return false;
  const std::size_t line_begin = LineStart(text, begin);
  const std::string_view line = text.substr(line_begin, LineEnd(text, begin) - line_begin);
  const std::size_t at = begin - line_begin;
  std::size_t i = at + 3;
  if (i < line.size() && (IsAlpha(line[i]) || IsDigit(line[i]))) return false;
  // The Romanian article: "CUI-ul", "CUI-UL", and its genitive "CUI-ului",
  // "CUI-lui".
  if (i < line.size() && line[i] == '-') {
    for (std::string_view article : {"ului", "ul", "lui"}) {
      const std::size_t e = i + 1 + article.size();
      if (StartsWithNoCaseAt(line, i + 1, article) && (e == line.size() || !IsAlpha(line[e]))) {
        return true;
      }
    }
  }
  if (RomanceWordBefore(line, at)) return true;
  // The code after a separator or "nr.": "CUI: RO12345678", "CUI - 1234567",
  // "CUI nr. 12345678", "CUI | RO 123456".
  while (i < line.size() && IsBlank(line[i])) ++i;
  std::size_t seps = 0;
  while (i < line.size() && seps < 2 &&
         (line[i] == ':' || line[i] == '-' || line[i] == '|' || line[i] == '=' ||
          line[i] == '#')) {
    ++i;
    ++seps;
  }
  if (seps == 0 && line.compare(i, 3, "\xe2\x80\x93") == 0) i += 3;  // an en dash
  while (i < line.size() && IsBlank(line[i])) ++i;
  if (WordAt(line, i, "nr")) {
    i += 2;
    while (i < line.size() && (line[i] == '.' || line[i] == ':' || IsBlank(line[i]))) ++i;
  }
  if (i < line.size() && line[i] != '/' && OpensWithTaxCode(line.substr(i))) return true;
  return HasRomanianInvoiceWord(line) || NamedAsIdentifier(line, at, at + 3);
}

void SettleCuiTaxCodeSubject(std::vector<Finding>* findings, Level* level) {
  bool tax_code = false;
  for (const Finding& f : *findings) {
    if (f.pack != "us-cui") continue;
    if (f.why == kCuiTaxCodeWhy) tax_code = true;
    // A CUI marking that counts outside the subject: a marked message.
    if (f.where != "subject" && (f.strength == Strength::kStrong || f.needs_corroboration)) {
      return;
    }
  }
  if (!tax_code) return;
  bool changed = false;
  for (Finding& f : *findings) {
    if (f.where != "subject" || f.marking != "CUI" || f.strength != Strength::kStrong) continue;
    f.strength = Strength::kWeak;
    f.why = "the message reads CUI as a national tax or identity code, not the CUI banner";
    changed = true;
  }
  if (!changed) return;
  *level = Level::kNone;
  for (const Finding& f : *findings) {
    if (f.strength == Strength::kStrong && f.level > *level) *level = f.level;
  }
}

bool IsCuiLabelForCode(std::string_view text, std::size_t begin, std::size_t end,
                       std::string_view after, std::size_t line_end) {
  std::string_view marking = text.substr(begin, end - begin);
  while (!marking.empty() && IsBlank(marking.back())) marking.remove_suffix(1);
  if (marking != "CUI") return false;
  const std::size_t cell_end = FirstCellBreak(after);
  if (!OnlyFrame(after.substr(0, cell_end))) return false;
  if (cell_end < after.size()) return OpensWithCode(after.substr(cell_end));
  if (line_end >= text.size()) return false;
  // On the next line, the code alone: "RO12345678", not "1. Purpose".
  std::string_view next = text.substr(line_end + 1);
  next = next.substr(0, next.find('\n'));
  while (!next.empty() && IsBlank(next.back())) next.remove_suffix(1);
  constexpr std::size_t kShortestCode = 6;
  return next.size() >= kShortestCode && next.find(' ') == std::string_view::npos &&
         OpensWithCode(next);
}

}  // namespace nearmiss::content
