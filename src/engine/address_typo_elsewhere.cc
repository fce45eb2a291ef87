// AddressIndex::FindDisplayNameElsewhere: a display name that names, in
// full, a person written to often at another organisation's domain, over
// an address never written to: `"John Smith" <john.smith@partner-example.com>`
// when john.smith@partner.example is frequent (issue 14, round 41, item 3).
// The name shows the contact the sender means; the address is somewhere
// else: a look-alike registration no domain rule knows, a personal or an
// old employer's mailbox. Best compares within one domain and
// FindOrganisationSlip within one organisation; this is the rest.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/header_encode.h"
#include "content/normalize.h"
#include "engine/address_fold.h"
#include "engine/address_typo.h"
#include "engine/display_name.h"
#include "engine/local_part_rules.h"
#include "engine/mailbox_space.h"
#include "engine/name_forms.h"
#include "engine/name_groups.h"
#include "engine/person_names.h"
#include "engine/role_words.h"

namespace nearmiss::engine {

bool ElsewhereNameWord(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  // "Accounts Payable", accounts.payable@: a desk every organisation has,
  // no person (role_words.h).
  return !IsRoleWord(w);
}

std::string ElsewhereKey(std::string_view scope, std::string_view given,
                         std::string_view family) {
  std::string key(scope);
  key += '\n';
  key.append(given).append(" ").append(family);
  return key;
}

std::string NamePartKey(std::string_view scope, char part, std::string_view word) {
  std::string key(scope);
  key += '\n';
  key += part;
  key += ' ';
  key.append(word);
  return key;
}

std::vector<std::pair<std::string, std::string>> ElsewhereReadings(
    std::string_view display) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& form : DisplayNameForms(display)) {
    for (auto& [given, family] : DisplayNameReadings(form, display)) {
      if (!ElsewhereNameWord(given) || !ElsewhereNameWord(family)) continue;
      bool again = false;
      for (const auto& o : out) again = again || (o.first == given && o.second == family);
      if (!again) out.emplace_back(std::move(given), std::move(family));
    }
  }
  // Also when the ASCII folding read something: capitals of another script
  // fold to Latin look-alikes ("ИВАН ПЕТРОВ" reads "bah etpob"), which
  // name no one learned.
  for (std::string& whole : WholeScriptNames(display)) {
    out.emplace_back(std::string(), std::move(whole));
  }
  return out;
}

std::string WholeScriptName(std::string_view display) {
  std::vector<std::string> names = WholeScriptNames(display);
  return names.empty() ? std::string() : std::move(names.front());
}

namespace {

// Han, Hiragana, Katakana and Hangul names are written without blanks
// between their parts ("李伟"); a blank typed between them ("李 伟") is
// no other name.
bool WrittenWithoutBlanks(const icu::UnicodeString& name) {
  bool any = false;
  for (int32_t i = 0; i < name.length();) {
    const UChar32 c = name.char32At(i);
    i += U16_LENGTH(c);
    if (u_isspace(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script != USCRIPT_HAN && script != USCRIPT_HIRAGANA && script != USCRIPT_KATAKANA &&
        script != USCRIPT_HANGUL) {
      return false;
    }
    any = true;
  }
  return any;
}

// `name` without its combining marks and with the letters people type for
// one another taken as one: Greek drops its tonos in capitals and on many
// keyboards ("ΣΟΦΙΑ" is "Σοφία"), Arabic its hamza and vowel signs, and
// writes final ى for ي (round 49's tester 14, finding 2). Latin names are
// compared in their ASCII forms already (DisplayNameForms). Normalizer2's
// instances are shared and thread-safe (ICU).
icu::UnicodeString WithoutMarks(const icu::UnicodeString& name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return name;
  const icu::UnicodeString decomposed = nfd->normalize(name, status);
  if (U_FAILURE(status)) return name;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0649) c = 0x064A;  // alef maksura typed for yeh
    kept.append(c);
  }
  const icu::UnicodeString out = nfc->normalize(kept, status);
  return U_FAILURE(status) ? name : out;
}

}  // namespace

std::vector<std::string> WholeScriptNames(std::string_view display) {
  std::string decoded = content::DecodedPhrase(display);
  if (!content::IsAlreadyNormal(decoded)) {
    std::string normal;
    content::NormalizeText(decoded, &normal);
    decoded = std::move(normal);
  }
  // A qualifier in brackets ("Иван Петров (Client)") and the comma of
  // "Петров, Иван" are no part of the name; quotes neither.
  // The comma divides the parts, the Arabic (U+060C), ideographic
  // (U+3001) and full-width (U+FF0C) ones too ("علي،محمد"; round 49's
  // tester 14, finding 2).
  for (std::string_view comma : {"\u060c", "\u3001", "\uff0c"}) {
    for (size_t at = decoded.find(comma); at != std::string::npos; at = decoded.find(comma, at)) {
      decoded.replace(at, comma.size(), " ");
    }
  }
  std::string plain;
  int depth = 0;
  for (char c : decoded) {
    if (c == '(' || c == '[') ++depth;
    if (depth == 0 && c != '"' && c != '\'') plain += c == ',' ? ' ' : c;
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  // Case folded in every script ("ИВАН ПЕТРОВ" is "Иван Петров"), ICU's
  // full folding (Unicode CaseFolding.txt).
  icu::UnicodeString name = WithoutMarks(icu::UnicodeString::fromUTF8(plain));
  name.foldCase();
  const bool unspaced = WrittenWithoutBlanks(name);
  std::string folded;
  name.toUTF8String(folded);
  std::vector<std::string> words;
  bool other_script = false;
  size_t letters = 0;
  std::string word;
  for (size_t k = 0; k <= folded.size(); ++k) {
    const unsigned char c = k < folded.size() ? static_cast<unsigned char>(folded[k]) : ' ';
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      continue;
    }
    if (c >= 0x80) other_script = true;
    if (c >= 0xC0 || (c < 0x80 && std::isalpha(c))) ++letters;  // a UTF-8 lead byte
    word.push_back(static_cast<char>(c));
  }
  if (!other_script || letters < 2 || words.empty()) return {};
  if (unspaced) {
    std::string joined;
    for (const std::string& w : words) joined += w;
    return {joined};
  }
  // The parts in any order ("Петров Иван" is "Иван Петров"), and with a
  // third or fourth part (a patronymic, a second given name) each pair of
  // them too, so "Иван Иванович Петров" and "Иван Петров" meet.
  auto key = [](std::vector<std::string> parts) {
    std::sort(parts.begin(), parts.end());
    std::string out;
    for (const std::string& p : parts) out.append(out.empty() ? "" : " ").append(p);
    return out;
  };
  std::vector<std::string> out{key(words)};
  if (words.size() >= 3 && words.size() <= 4) {
    for (size_t a = 0; a < words.size(); ++a) {
      for (size_t b = a + 1; b < words.size(); ++b) out.push_back(key({words[a], words[b]}));
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> LocalPartNames(std::string_view key) {
  std::vector<std::pair<std::string, std::string>> out;
  const Parts parts = Split(key);
  if (parts.n < 2) return out;
  const std::string_view first = parts.p[0], last = parts.p[parts.n - 1];
  const std::string_view before_last = parts.p[parts.n - 2];
  if (ElsewhereNameWord(first) && ElsewhereNameWord(last)) out.emplace_back(first, last);
  if (ElsewhereNameWord(last) && ElsewhereNameWord(before_last)) {
    out.emplace_back(last, before_last);
  }
  return out;
}

bool AddressIndex::LearnedNameOnly(const Frequent& f, std::string_view given,
                                   std::string_view family) const {
  for (const auto& [g, fam] : LocalPartNames(f.key)) {
    if (g == given && fam == family) return false;
  }
  auto it = display_names_.find(f.address);
  if (it == display_names_.end()) return false;
  for (const auto& [g, fam] : ElsewhereReadings(it->second)) {
    if ((g == given && fam == family) || (!g.empty() && g == family && fam == given)) return true;
  }
  return false;
}

std::vector<std::string_view> AddressIndex::NamedByLearnedName(std::string_view domain,
                                                               std::string_view display) const {
  std::vector<std::string_view> out;
  if (display.empty() || people_.empty()) return out;
  // The organisation's index ("" scope) holds every frequent address, so
  // each sender's frequent ones too (AddPerson).
  for (const auto& [given, family] : ElsewhereReadings(display)) {
    auto it = people_.find(ElsewhereKey("", given, family));
    if (it == people_.end()) continue;
    for (const Frequent& f : it->second) {
      if (f.domain == domain && LearnedNameOnly(f, given, family) &&
          LearnedNameGroupsAgree(display_names_, f.address, display)) {
        out.push_back(f.address);
      }
    }
  }
  // Word by word: "Petrov Ivan Sergeyevich" for "Ivan Sergeyevich Petrov".
  for (const Frequent* f : NamedByLearnedWords("", display, /*min_whole=*/1)) {
    if (f->domain == domain && std::find(out.begin(), out.end(), f->address) == out.end()) {
      out.push_back(f->address);
    }
  }
  return out;
}

void AddressIndex::AddPerson(std::string_view scope, const Frequent& f) {
  // Its local part (LocalPartNames), and the display name learned with
  // it: "Jon Smythe" <js@partner.example>.
  std::vector<std::pair<std::string, std::string>> names = LocalPartNames(f.key);
  if (auto it = display_names_.find(f.address); it != display_names_.end()) {
    AddNameWords(scope, f, it->second);
    // In both orders, as a local part's two names are: "Patel Priya",
    // family first without a comma (French, Hungarian, East Asian
    // directories), names the "Priya Patel" learned on p.patel@ (round 49's
    // tester 14, finding 1).
    for (auto& [given, family] : ElsewhereReadings(it->second)) {
      if (!given.empty()) names.emplace_back(family, given);
      names.emplace_back(std::move(given), std::move(family));
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    bool again = false;
    for (size_t j = 0; j < i; ++j) again = again || names[j] == names[i];
    if (again) continue;
    const auto& [given, family] = names[i];
    std::vector<Frequent>& people = people_[ElsewhereKey(scope, given, family)];
    // A name's first address also indexes it by each of its parts, which
    // FindNearNameSlip looks names one part off up by (the other part
    // exact): "scope\ng john" -> smith, "scope\nf smith" -> john.
    // A whole name in another script (given "") has no parts to key.
    if (people.empty() && !given.empty()) {
      name_parts_[NamePartKey(scope, 'g', given)].push_back(family);
      name_parts_[NamePartKey(scope, 'f', family)].push_back(given);
    }
    people.push_back(f);
  }
}

bool AddressIndex::FindDisplayNameElsewhere(std::string_view sender,
                                            std::string_view address,
                                            std::string_view display,
                                            Slip* out) const {
  if (display.empty() || people_.empty() || !DisplayAddress(display).empty())
    return false;
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0) return false;
  const std::string typed_domain = Folded(address.substr(at + 1));
  const std::string typed_space(MailboxSpace(typed_domain));
  const std::string typed_organisation = OrganisationOf(typed_space);
  FoldBuffer sender_buffer;
  const std::string_view scope =
      sender.empty() ? std::string_view() : sender_buffer.Fold(sender);
  const Frequent* best = nullptr;
  bool best_here = false;  // at the typed address's own domain or organisation
  // Whether the display name is the address's own (asked once, when needed).
  std::optional<bool> fits;
  // The learned names the display name names word by word
  // (NamedByLearnedWords), in two whole words at least, as the readings
  // name someone elsewhere ("J. Smith" names no one there). At the same
  // domain or organisation Best and FindOrganisationSlip judge them
  // (NamedByLearnedName).
  for (const Frequent* f : NamedByLearnedWords(scope, display, /*min_whole=*/2)) {
    if (f->domain == typed_space || f->organisation == typed_organisation) continue;
    if (best == nullptr || f->messages > best->messages) {
      best = f;
    }
  }
  for (const auto& [given, family] : ElsewhereReadings(display)) {
    auto it = people_.find(ElsewhereKey(scope, given, family));
    if (it == people_.end()) continue;
    for (const Frequent& f : it->second) {
      const bool here = f.domain == typed_space || f.organisation == typed_organisation;
      // At the same domain a name its local part writes is Best's to judge
      // ("Priya Patel" <lihua@> for p.patel@); one only learned from the
      // To: header ("Jon Smythe" <js@partner.example>) no local part
      // shows, so it is judged here, over any other address there that
      // the name does not fit (round 46's tester 14, item 2).
      if (here && !LearnedNameOnly(f, given, family)) continue;
      // "Abdul Aziz Al-Khalifa" reads (abdul, khalifa) as "Abdul Rahman
      // Al-Khalifa" does, and is another person (name_groups.h).
      if (!LearnedNameGroupsAgree(display_names_, f.address, display)) continue;
      if (here && !fits) fits = DisplayFits(Folded(address), display);
      if (here && *fits) continue;
      if (best == nullptr || f.messages > best->messages) {
        best = &f;
        best_here = here;
      }
    }
  }
  if (best == nullptr) return false;
  // Built by append: GCC 12's false -Wrestrict on literal + string (bug
  // 105329).
  std::string detail("the display name '");
  detail.append(content::DecodedPhrase(display))
      .append("' names ")
      .append(best->address)
      .append(best_here ? ", the name it is written to under, not this address; "
                        : ", at another domain than this address; ")
      .append(WrittenClause(best->messages, best->last_seen));
  *out = Slip{best->address, best->messages,    SlipKind::kDisplayName, 0,
              0.8,           std::move(detail), best->last_seen};
  return true;
}

bool AddressIndex::DisplayFits(std::string_view address, std::string_view display) const {
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocal) return false;
  const std::string folded = Folded(address);
  const std::string local = CompareForm(std::string_view(folded).substr(0, at)).text;
  // It fits the local part ("Mary Jones" on m.jones@), or it is a name the
  // address was written to under (two people called John Smith, both
  // written to).
  std::vector<std::pair<std::string, std::string>> own;
  if (auto it = display_names_.find(folded); it != display_names_.end()) {
    own = ElsewhereReadings(it->second);
  }
  // "Mary Kate Jones" on marykate@, "Kim Seo-jun" on seojun.kim@.
  if (LocalPartJoinsNameWords(local, display)) return true;
  for (const auto& [given, family] : ElsewhereReadings(display)) {
    if (!given.empty() &&
        (NamesPerson(local, given, family) || NamesPersonByForm(local, given, family))) {
      return true;
    }
    for (const auto& o : own) {
      if (o.first == given && o.second == family) return true;
    }
  }
  return false;
}

bool AddressIndex::AddDisplayNameElsewhere(std::string_view sender, std::string_view address,
                                           std::string_view display, Slip* slip,
                                           std::string* also) const {
  if (slip->kind == SlipKind::kDisplayName || slip->kind == SlipKind::kDisplayAddress) {
    return false;
  }
  Slip named;
  if (!FindDisplayNameElsewhere(sender, address, display, &named)) return false;
  if (named.known == slip->known || DisplayFits(slip->known, display)) return false;
  // Both said: whom the name names first (what the sender picked), then
  // what the address itself resembles.
  named.detail.append("; and the address itself is a near miss of ").append(slip->known);
  named.detail.append(": ").append(slip->detail);
  *also = std::move(slip->known);
  *slip = std::move(named);
  return true;
}

bool AddressIndex::FindKnownDisplayElsewhere(std::string_view sender, std::string_view address,
                                             std::string_view display, Slip* out) const {
  if (display.empty() || people_.empty() || !DisplayAddress(display).empty()) return false;
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocal) return false;
  const std::string folded = Folded(address);
  // The name is the address's own: no slip.
  if (DisplayFits(folded, display)) return false;
  Slip found;
  if (!FindDisplayNameElsewhere(sender, address, display, &found)) return false;
  // Built by append: GCC 12's false -Wrestrict on literal + string.
  std::string detail("the display name '");
  detail.append(content::DecodedPhrase(display)).append("' names ").append(found.known);
  detail.append(", not this address");
  if (auto it = display_names_.find(folded); it != display_names_.end()) {
    detail.append(", written to as '").append(content::DecodedPhrase(it->second)).append("'");
  }
  detail.append("; ").append(WrittenClause(found.messages, found.last_seen));
  found.detail = std::move(detail);
  found.score = 0.85;
  *out = std::move(found);
  return true;
}

}  // namespace nearmiss::engine
