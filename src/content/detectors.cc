#include "content/detectors.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace nearmiss::content {
namespace {

constexpr std::array<DetectorSpec, 5> kSpecs = {{
    // 13-19 digits, optionally grouped by single spaces, dashes or dots
    // ("4111.1111.1111.1111": dots only between groups of four or more,
    // CardGroupsPlausible).
    {DetectorKind::kPaymentCard, "payment-card",
     R"(\b\d(?:[ .-]?\d){12,18}\b)", false},
    {DetectorKind::kUkNino, "uk-nino",
     R"(\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b)", true},
    // Dashed; undashed or spaced only beside its label (ConfirmDetector).
    {DetectorKind::kUsSsn, "us-ssn", R"(\b\d{3}[- ]?\d{2}[- ]?\d{4}\b)", false},
    // Any case: lower or mixed case only beside "IBAN" (ConfirmDetector).
    {DetectorKind::kIban, "iban", R"(\b[A-Z]{2}\d{2} ?[A-Z0-9]{4}(?: ?[A-Z0-9]{1,4}){1,7}\b)",
     true},
    // Only beside its label (ConfirmDetector): one ten-digit run in eleven
    // passes the check by chance.
    {DetectorKind::kNhsNumber, "nhs-number", R"(\b\d{3}[- ]?\d{3}[- ]?\d{4}\b)", false},
}};

std::string Compact(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '-' && c != '.') {
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// Keeps the first `keep_head` and last `keep_tail` alphanumerics visible.
std::string Mask(std::string_view s, std::size_t keep_head,
                 std::size_t keep_tail) {
  std::size_t total = 0;
  for (char c : s) total += std::isalnum(static_cast<unsigned char>(c)) ? 1 : 0;
  std::string out;
  std::size_t seen = 0;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(c);
      continue;
    }
    bool visible = seen < keep_head || seen >= total - keep_tail;
    out.push_back(visible ? c : '*');
    ++seen;
  }
  return out;
}

// IBAN lengths by country (ISO 13616 registry, SWIFT release 2023).
int IbanLength(std::string_view country) {
  static constexpr std::array<std::pair<std::string_view, int>, 60> kLengths = {{
      {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20},
      {"BE", 16}, {"BG", 22}, {"BH", 22}, {"BR", 29}, {"CH", 21}, {"CR", 22},
      {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28}, {"EE", 20},
      {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
      {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21},
      {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30},
      {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LI", 21}, {"LT", 20}, {"LU", 20},
      {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MR", 27},
      {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24}, {"PL", 28},
      {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"SA", 24}, {"SE", 24},
  }};
  static constexpr std::array<std::pair<std::string_view, int>, 10> kMore = {{
      {"SI", 19}, {"SK", 24}, {"SM", 27}, {"TN", 24}, {"TR", 26}, {"UA", 29},
      {"VG", 24}, {"XK", 20}, {"RS", 22}, {"LC", 32},
  }};
  for (const auto& [c, n] : kLengths) if (c == country) return n;
  for (const auto& [c, n] : kMore) if (c == country) return n;
  return 0;
}

bool IsGroupChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// How far before a number its label may stand: "Employee SSN: 536221234",
// "My handset IMEI is 352099001761481".
constexpr std::size_t kLabelReach = 40;

// One of `labels` (ASCII case folded, a whole word) stands within
// kLabelReach bytes before `begin`, no blank line between.
template <std::size_t N>
bool LabelledBefore(std::string_view text, std::size_t begin,
                    const std::array<std::string_view, N>& labels) {
  std::size_t from = begin > kLabelReach ? begin - kLabelReach : 0;
  std::string_view before = text.substr(from, begin - from);
  std::size_t para = before.rfind("\n\n");
  if (para != std::string_view::npos) before = before.substr(para + 2);
  std::string folded;
  for (char c : before) folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::string_view label : labels) {
    for (std::size_t at = folded.find(label); at != std::string::npos;
         at = folded.find(label, at + 1)) {
      bool start = at == 0 || !std::isalnum(static_cast<unsigned char>(folded[at - 1]));
      std::size_t e = at + label.size();
      bool end = e == folded.size() || !std::isalnum(static_cast<unsigned char>(folded[e]));
      if (start && end) return true;
    }
  }
  return false;
}

// An IMEI (3GPP TS 23.003 6.2: 15 digits, Luhn-checked like a card) beside
// its label is a handset's number, not a card's (tester 13 finding 15).
constexpr std::array<std::string_view, 2> kImeiLabels = {"imei", "imeisv"};
constexpr std::array<std::string_view, 3> kSsnLabels = {"ssn", "social security",
                                                       "social security number"};
// "Call me on 555-12-3456": a number after a telephone's word is a phone
// number, whatever its grouping (round 43 tester 13 finding 6). "SSN" beside
// it still makes it one.
constexpr std::array<std::string_view, 12> kPhoneLabels = {
    "call", "phone", "telephone", "tel", "mobile", "cell", "fax", "ring",
    "text", "whatsapp", "ext", "dial"};
constexpr std::array<std::string_view, 1> kIbanLabels = {"iban"};

// A card number written with dots groups its digits as cards print them:
// every separator a dot, at least two of them, and each group four digits
// or more (4-4-4-4, Amex 4-6-5, 4-4-4-4-3): never a version, an OID
// ("2.5.4.3...") or a decimal number ("52345678.90123").
bool CardGroupsPlausible(std::string_view c) {
  if (c.find('.') == std::string_view::npos) return true;
  std::size_t group = 0;
  int dots = 0;
  for (char ch : c) {
    if (ch == ' ' || ch == '-') return false;
    if (ch == '.') {
      if (group < 4) return false;
      group = 0;
      ++dots;
    } else {
      ++group;
    }
  }
  return dots >= 2 && group >= 3;
}
// "NHS No", "NHS number", "NHS#": the word NHS before the number; Scotland's
// CHI number and Northern Ireland's H&C number use the same check digit.
constexpr std::array<std::string_view, 3> kNhsLabels = {"nhs", "chi", "h&c"};

}  // namespace

const DetectorSpec& GetDetectorSpec(DetectorKind kind) {
  return kSpecs[static_cast<std::size_t>(kind)];
}

bool LuhnValid(std::string_view digits) {
  int sum = 0;
  bool double_it = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (double_it) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

bool IsPaymentCard(std::string_view candidate) {
  std::string digits = Compact(candidate);
  if (!AllDigits(digits) || digits.size() < 13 || digits.size() > 19) {
    return false;
  }
  // Issuer ranges begin 2-6; all-same digits pass Luhn but are test filler.
  if (digits[0] < '2' || digits[0] > '6') return false;
  if (digits.find_first_not_of(digits[0]) == std::string::npos) return false;
  return LuhnValid(digits);
}

bool IsUkNino(std::string_view candidate) {
  std::string s = Compact(candidate);
  if (s.size() != 9) return false;
  // HMRC: first letter not D F I Q U V; second not D F I O Q U V; some
  // pairs never issued.
  constexpr std::string_view kBadFirst = "DFIQUV", kBadSecond = "DFIOQUV";
  if (kBadFirst.find(s[0]) != std::string_view::npos) return false;
  if (kBadSecond.find(s[1]) != std::string_view::npos) return false;
  std::string_view prefix(s.data(), 2);
  for (std::string_view bad : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}) {
    if (prefix == bad) return false;
  }
  return AllDigits(std::string_view(s).substr(2, 6)) && s[8] >= 'A' &&
         s[8] <= 'D';
}

bool IsUsSsn(std::string_view candidate) {
  std::string d = Compact(candidate);
  if (d.size() != 9 || !AllDigits(d)) return false;
  std::string_view area(d.data(), 3), group(d.data() + 3, 2),
      serial(d.data() + 5, 4);
  if (area == "000" || area == "666" || area[0] == '9') return false;
  return group != "00" && serial != "0000";
}

bool IsIban(std::string_view candidate) {
  std::string s = Compact(candidate);
  if (s.size() < 15) return false;
  int want = IbanLength(std::string_view(s).substr(0, 2));
  if (want == 0 || static_cast<int>(s.size()) != want) return false;
  std::string moved = s.substr(4) + s.substr(0, 4);
  int rem = 0;
  for (char c : moved) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      rem = (rem * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      rem = (rem * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return rem == 1;
}

bool IsNhsNumber(std::string_view candidate) {
  std::string d = Compact(candidate);
  if (d.size() != 10 || !AllDigits(d)) return false;
  if (d.find_first_not_of(d[0]) == std::string::npos) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == d[9] - '0';
}

std::optional<DetectorHit> ConfirmDetector(DetectorKind kind,
                                           std::string_view text,
                                           std::size_t begin,
                                           std::size_t end) {
  switch (kind) {
    case DetectorKind::kPaymentCard: {
      std::string_view c = text.substr(begin, end - begin);
      if (!IsPaymentCard(c) || !CardGroupsPlausible(c) ||
          LabelledBefore(text, begin, kImeiLabels)) {
        return std::nullopt;
      }
      return DetectorHit{begin, end, Mask(c, 4, 4)};
    }
    case DetectorKind::kUkNino: {
      std::string_view c = text.substr(begin, end - begin);
      if (!IsUkNino(c)) return std::nullopt;
      return DetectorHit{begin, end, Mask(c, 2, 1)};
    }
    case DetectorKind::kUsSsn: {
      std::string_view c = text.substr(begin, end - begin);
      // Undashed or spaced: a 9-digit number is a reference or an amount as
      // readily, so only beside "SSN" or "Social Security".
      // Dashed, a number after a telephone's word is a phone number unless
      // "SSN" stands beside it too.
      bool dashed = c.size() == 11 && c[3] == '-' && c[6] == '-';
      bool labelled = LabelledBefore(text, begin, kSsnLabels);
      if (!IsUsSsn(c) || (!dashed && !labelled) ||
          (!labelled && LabelledBefore(text, begin, kPhoneLabels))) {
        return std::nullopt;
      }
      return DetectorHit{begin, end, Mask(c, 0, 4)};
    }
    case DetectorKind::kIban: {
      // The candidate may stop short of or run past the IBAN (a following
      // word in groups of four): take exactly the country's length.
      std::string country = Compact(text.substr(begin, 2));
      int want = IbanLength(country);
      if (want == 0) return std::nullopt;
      std::size_t i = begin;
      int taken = 0;
      while (i < text.size() && taken < want) {
        if (IsGroupChar(text[i])) {
          ++taken;
        } else if (text[i] != ' ') {
          break;
        }
        ++i;
      }
      if (taken != want) return std::nullopt;
      if (i < text.size() && IsGroupChar(text[i])) return std::nullopt;
      std::string_view c = text.substr(begin, i - begin);
      // Typed in lower or mixed case ("iban gb82west1234..."): ISO 13616's
      // check folds case, but such a run is as often a code, so only
      // beside "IBAN" (tester 13 finding 15).
      bool capitals = std::none_of(c.begin(), c.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      if (!IsIban(c) || (!capitals && !LabelledBefore(text, begin, kIbanLabels))) {
        return std::nullopt;
      }
      return DetectorHit{begin, i, Mask(c, 4, 4)};
    }
    case DetectorKind::kNhsNumber: {
      std::string_view c = text.substr(begin, end - begin);
      if (!IsNhsNumber(c) || !LabelledBefore(text, begin, kNhsLabels)) return std::nullopt;
      return DetectorHit{begin, end, Mask(c, 0, 3)};
    }
  }
  return std::nullopt;
}

}  // namespace nearmiss::content
