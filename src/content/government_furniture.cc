// GovernmentFurniture (government_furniture.h).
#include "content/government_furniture.h"

#include <array>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// A document's parts, as a banner line names the page's place in it.
constexpr std::array<std::string_view, 12> kParts = {
    "annex", "appendix", "tab", "enclosure", "attachment", "schedule",
    "part", "section", "chapter", "volume", "page", "copy"};

// Orders, plans and reports of military staff work (FM 6-0, NATO APP-11),
// and the prefixes of a message's date-time group and reference.
// CONOP/CONOPS, the concept of operations (JP 5-0); the reports of NATO
// APP-11 and ACP 121's message titles (SPOTREP, OPREP, LOGREP, PERSREP).
constexpr std::array<std::string_view, 37> kOrders = {
    "opord", "oporder", "oplan", "conplan", "frago", "fragord", "warno", "warnord",
    "conops", "conop", "exord", "planord", "depord", "actord", "actwarn", "opgen", "optask",
    "taskord", "opdir", "sitrep", "intrep", "intsum", "opsum", "supplan", "spotrep",
    "oprep", "logrep", "logstat", "persrep", "increp",
    "operation order", "operation plan", "warning order", "fragmentary order",
    "execute order", "dtg", "msg"};

// The word at the head of `s` is `w` (case folded), whole.
bool LeadsWith(std::string_view s, std::string_view w) {
  return StartsWithNoCaseAt(s, 0, w) && (s.size() == w.size() || !IsAlpha(s[w.size()]));
}

// Codes of government departments, agencies, commands and staff branches
// that head or fill a government file reference: the UK's (JSP 101: "D/"
// for an MOD directorate, MOD, DSTL, DE&S, DIO, PJHQ, the Cabinet Office's
// and the other departments' short names), NATO's and the EU's, and the
// US's (DoD and its components, the departments, the IC agencies). Folded.
constexpr std::array<std::string_view, 74> kGovernmentCodes = {
    "d", "mod", "dstl", "de&s", "des", "dio", "pjhq", "stratcom", "ukstratcom", "di", "dsa",
    "dcds", "acds", "vcds", "cds", "dg", "hq", "rn", "raf", "army", "navy", "rm", "jfc", "jhq",
    "fcdo", "fco", "ho", "co", "cab", "hmt", "gchq", "sis", "ncsc", "nca", "mi5", "mi6", "dfe",
    "dhsc", "dft", "dwp", "defra", "hmrc", "moj", "cps", "desnz", "dsit", "dbt", "dcms", "mhclg",
    "nato", "shape", "aco", "act", "nsa", "eums", "eeas", "dod", "dos", "dhs", "doj", "doe",
    "dni", "odni", "cia", "dia", "nga", "nro", "usaf", "usn", "usmc", "osd", "jcs", "opnav",
    "secnav"};

// A staff branch's code: J, G, S, N, A (joint, army, unit, navy, air
// staffs) or C (a component) and a digit, "J3", "G2", "N6", "A5" (NATO's
// and the US's staff numbering; JSP 101 uses it after "D/").
bool StaffBranch(std::string_view part) {
  if (part.size() < 2 || part.size() > 3) return false;
  const char head = static_cast<char>(part[0] | 0x20);
  if (head != 'j' && head != 'g' && head != 's' && head != 'n' && head != 'a' && head != 'c') {
    return false;
  }
  for (std::size_t i = 1; i < part.size(); ++i) {
    if (!IsDigit(part[i])) return false;
  }
  return true;
}

bool GovernmentCode(std::string_view part) {
  if (StaffBranch(part)) return true;
  for (std::string_view c : kGovernmentCodes) {
    if (part.size() == c.size() && StartsWithNoCaseAt(part, 0, c)) return true;
  }
  return false;
}

// "MOD/2026/114", "D/J3/2026/114", "DSTL/CR/2026/0114": three parts or
// more joined by '/', one a government department's or staff branch's
// code (kGovernmentCodes, StaffBranch) and one of digits alone (the
// serial). Not a company's "ACME/HR/2026/114" nor "INV/2026/114", whose
// shape is the same (round 52's tester 13, finding 7: a business letter's
// reference top and bottom was read as a government banner's), the fiscal
// year "2027/28", a half year "H1/2026" nor "Q3/Q4".
bool FileReference(std::string_view token) {
  int parts = 0;
  bool government = false, digits = false;
  for (std::size_t begin = 0; begin <= token.size();) {
    std::size_t end = token.find('/', begin);
    if (end == std::string_view::npos) end = token.size();
    const std::string_view part = token.substr(begin, end - begin);
    bool all_digits = !part.empty();
    for (char c : part) all_digits = all_digits && IsDigit(c);
    government = government || GovernmentCode(part);
    digits = digits || all_digits;
    ++parts;
    begin = end + 1;
  }
  return parts >= 3 && government && digits;
}

// "051200Z", "051200ZDEC26": a date-time group, six digits and a time
// zone's letter.
bool DateTimeGroup(std::string_view token) {
  if (token.size() < 7) return false;
  for (std::size_t i = 0; i < 6; ++i) {
    if (!IsDigit(token[i])) return false;
  }
  return IsUpper(token[6]) && (token.size() == 7 || IsUpper(token[7]));
}

// The words of `words` split at blanks, a carriage return and the
// brackets or commas around a token.
template <typename Visit>
void ForEachToken(std::string_view words, Visit visit) {
  for (std::size_t i = 0; i < words.size();) {
    while (i < words.size() && (IsBlank(words[i]) || words[i] == '\r')) ++i;
    if (i == words.size()) break;
    const std::size_t t = i;
    while (i < words.size() && !IsBlank(words[i]) && words[i] != '\r') ++i;
    std::string_view token = words.substr(t, i - t);
    while (!token.empty() && (token.back() == ')' || token.back() == ']' || token.back() == ',')) {
      token.remove_suffix(1);
    }
    if (!visit(token)) return;
  }
}

// A reference's label: "REF", "REF:", "REF.", "REFERENCE", "FILE".
bool ReferenceLabel(std::string_view token) {
  while (!token.empty() && (token.back() == ':' || token.back() == '.')) token.remove_suffix(1);
  for (std::string_view w : {"ref", "reference", "file"}) {
    if (token.size() == w.size() && LeadsWith(token, w)) return true;
  }
  return false;
}

}  // namespace

bool LetterReference(std::string_view words) {
  int count = 0;
  bool letter = false;
  ForEachToken(words, [&](std::string_view token) {
    if (count++ == 0) {
      letter = LeadsWith(token, "our") || LeadsWith(token, "your") || LeadsWith(token, "my");
      letter = letter && token.size() <= 4;
      return letter;
    }
    letter = ReferenceLabel(token);
    return false;
  });
  return letter;
}

bool OnlyFileReference(std::string_view words) {
  int references = 0, others = 0, count = 0;
  ForEachToken(words, [&](std::string_view token) {
    if (count++ == 0 && ReferenceLabel(token)) return true;
    (FileReference(token) ? references : others) += 1;
    return true;
  });
  return references == 1 && others == 0;
}

bool OpensWithOrderName(std::string_view words) {
  for (std::string_view w : kOrders) {
    if (LeadsWith(words, w)) return true;
  }
  return false;
}

bool GovernmentFurniture(std::string_view words) {
  for (std::string_view w : kParts) {
    if (LeadsWith(words, w)) return true;
  }
  if (OpensWithOrderName(words)) return true;
  int count = 0;
  bool reference = false;
  ForEachToken(words, [&](std::string_view token) {
    reference = reference || FileReference(token) || DateTimeGroup(token);
    return ++count <= 4;
  });
  return reference && count <= 4;
}

}  // namespace nearmiss::content
