#include "engine/address_typo_shape.h"

#include <algorithm>
#include <array>

#include "content/header_encode.h"
#include "engine/given_name_list.h"
#include "engine/initial_forms.h"
#include "engine/name_forms.h"
#include "engine/role_words.h"

namespace nearmiss::engine {
namespace {

// `s` without its digits, and without a separator they leave at an end or
// doubled: "brown.robert2" -> "brown.robert", "j.2.smith" -> "j.smith".
std::string WithoutDigits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') continue;
    const bool sep = c == '.' || c == '_' || c == '-' || c == ' ';
    if (sep && (out.empty() || out.back() == '.' || out.back() == '_' || out.back() == '-' ||
                out.back() == ' ')) {
      continue;
    }
    out += c;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == '_' || out.back() == '-' ||
                          out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

std::string WithoutSeparators(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '.' && c != '_' && c != '-' && c != ' ') out += c;
  }
  return out;
}

// A role or shared mailbox's local part (RFC 2142; data/names/role-words.txt):
// hr-team, it.support, sales-uk, accounts.payable. A part dropped from it
// names another desk (hr@, support@, sales@), the commonest new contact at
// a supplier, never a person's name cut short (round 47's tester 14,
// finding 7).
// A part that is a common given name makes it a person's ("mark.sales",
// "m.sales" for Mark Sales: round 48's tester 14, finding 4).
bool NamesADesk(const Parts& parts) {
  bool role = false;
  for (size_t i = 0; i < parts.n; ++i) {
    if (IsCommonGivenName(parts.p[i])) return false;
    role = role || IsRoleWord(parts.p[i]);
  }
  return role;
}

// The frequent address's parts all among the typed one's, each once, with
// one part more and in another order: smith.john.a for john.smith,
// nguyen.thi.mai for mai.nguyen (a Vietnamese name written family first
// with its middle name). The swapped-parts and long-form readings at once
// (issue 14, tester 14 round 56b, finding 3).
bool ReorderedWithPartAdded(const Parts& typed, const Parts& known) {
  if (known.n < 2 || typed.n != known.n + 1) return false;
  std::array<bool, kMaxParts> used{};
  for (size_t i = 0; i < known.n; ++i) {
    size_t j = 0;
    while (j < typed.n && (used[j] || typed.p[j] != known.p[i])) ++j;
    if (j == typed.n) return false;
    used[j] = true;
  }
  return true;
}

}  // namespace

Shape ShapeOf(std::string_view local, const Parts& typed, std::string_view key,
              const Parts& known, bool crowded) {
  if (typed.n >= 2 && SameMultiset(typed, known)) return {SlipKind::kSwappedParts, 0.85};
  // Another given-name form of the same person ranks above another person
  // with the same given name (kOtherFamilyName, 0.5): chris.lee is meant
  // for christopher.lee, not chris.wood. On a crowded domain only the
  // table's forms count: a prefix there (ann / anna, dan / dana) is as
  // often another person.
  if (OtherGivenForm(typed, known, /*prefixes=*/!crowded)) return {SlipKind::kGivenNameForm, 0.75};
  // A desk's parts cut or dropped are another desk (NamesADesk).
  if (NamesADesk(known)) return {};
  if (typed.n > 0 && InitialAfterFamily(local, typed, known)) {
    return {SlipKind::kInitialAfterFamily, 0.7};
  }
  if (typed.n > 0 && (Shortened(local, typed, known) || InitialsKept(local, typed, known))) {
    return {SlipKind::kShortenedParts, 0.7};
  }
  if (typed.n > 0 && (FamilyGroupShortened(local, typed, known) ||
                      RunTogetherParticlesShortened(local, typed, known))) {
    return {SlipKind::kFamilyGroup, 0.7};
  }
  if (!crowded && typed.n >= 2 && known.n > 0 &&
      (InitialAfterFamily(key, known, typed) ||
       Shortened(key, known, typed, /*allow_drop=*/false))) {
    return {SlipKind::kLongForm, 0.65};
  }
  // A name part added to a frequent address of two or more parts:
  // juan.martinez.garcia (a second family name), juan.carlos.martinez (a
  // middle name), john.a.smith (a middle initial) for the frequent
  // juan.martinez or john.smith. Either the same person's longer address or
  // another person of that name at the same organisation: the wrong person
  // at the right domain that autocomplete offers beside the right one
  // (issue 14, round 52's tester). A frequent address of one part
  // (john.smith for john) is a new person (Shortened's allow_drop), and on a
  // crowded domain another person of the name is the usual case.
  if (!crowded && known.n >= 2 && typed.n == known.n + 1 &&
      Shortened(key, known, typed, /*allow_drop=*/true)) {
    return {SlipKind::kLongForm, 0.6};
  }
  if (!crowded && ReorderedWithPartAdded(typed, known)) return {SlipKind::kLongForm, 0.6};
  // The same in the other order or run together: alvarez.daniel or
  // danielalvarez for the frequent d.alvarez or dalvarez.
  if (!crowded) {
    const NameForm form = OtherNameForm(key, local);
    if (form == NameForm::kOtherOrderInitial || form == NameForm::kSameOrderInitial) {
      return {SlipKind::kLongForm, 0.65};
    }
  }
  // jsmith for smith.j, akowalski for kowalski.a: the parts swapped and
  // the separator dropped or added at once (initial_forms.h).
  if (OtherInitialForm(local, key)) return {SlipKind::kSwappedParts, 0.8};
  // dalvarez, d.alvarez for alvarez.daniel: the initial forms of a
  // family-first address, read in the other order (initial_forms.h). On a
  // crowded domain not against a run-together name read at every cut:
  // foster.amy there is another Amy as often as amyfoster swapped.
  switch (crowded && known.n != 2 ? NameForm::kNone : OtherNameForm(local, key)) {
    case NameForm::kOtherOrder:
      return {SlipKind::kSwappedParts, 0.8};
    case NameForm::kOtherOrderInitial:
      return {SlipKind::kSwappedInitial, 0.7};
    case NameForm::kSameOrderInitial:
      return {SlipKind::kShortenedParts, 0.7};
    case NameForm::kNone:
      break;
  }
  return {};
}

// Two kinds at once: a number added to (or dropped from) a name in another
// shape, rbrown1 or brown.robert2 for robert.brown; one side numbered, the
// other not. Scored a little under the shape alone. Not on a crowded
// domain: there a numbered initial form (canderson170, jsmith363) is
// another person's address as often as not, and the provider benchmark's
// false alarms rose from 0.7% to 1.7% with it (bench/relationships).
Shape NumberedShapeOf(std::string_view local, std::string_view key, bool crowded) {
  if (crowded) return {};
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool typed_digits = std::any_of(local.begin(), local.end(), digit);
  if (typed_digits == std::any_of(key.begin(), key.end(), digit)) return {};
  const std::string bare_local = WithoutDigits(local), bare_key = WithoutDigits(key);
  if (bare_local.empty() || bare_key.empty() || bare_local == bare_key) return {};
  const Parts typed = Split(bare_local), known = Split(bare_key);
  Shape shape = ShapeOf(bare_local, typed, bare_key, known, crowded);
  // robertbrown33 for robert.brown: the separator dropped or changed is
  // an edit, which the number put past the edit rule's reach.
  if (shape.score == 0 && WithoutSeparators(bare_local) == WithoutSeparators(bare_key)) {
    shape = {SlipKind::kEdit, 0.8};
  }
  if (shape.score > 0) shape.score -= 0.1;
  return shape;
}

std::string KindDetail(SlipKind kind, int edits, const std::string& known,
                       std::string_view display, std::string_view local,
                       std::string_view key) {
  switch (kind) {
    case SlipKind::kEdit:
      return edits == 1 ? "one character differs" : "two characters differ";
    case SlipKind::kSwappedParts: {
      // john_smith, john-smith for john.smith: the parts are as they were,
      // only what joins them differs; "another order" was untrue (issue 14,
      // round 34, item 9).
      const Parts typed = Split(local), frequent = Split(key);
      bool same_order = typed.n >= 2 && typed.n == frequent.n;
      for (size_t i = 0; same_order && i < typed.n; ++i) same_order = typed.p[i] == frequent.p[i];
      return same_order ? "the same name parts joined by another separator"
                        : "the same name parts in another order";
    }
    case SlipKind::kInitialAfterFamily:
      return "the family name first and the given name's initial after it";
    case SlipKind::kShortenedParts:
      return "a name part dropped or cut to its initial";
    case SlipKind::kSwappedInitial:
      return "the names in the other order, one cut to its initial";
    case SlipKind::kGivenNameForm:
      return "the given name in another form (a short or familiar one)";
    case SlipKind::kFamilyGroup:
      return "the family name's particles or second part dropped or run together";
    case SlipKind::kOtherFamilyName:
      return "the same given name with a family name that starts alike";
    case SlipKind::kOtherGivenName: {
      // Which two names, so the sender can tell a new colleague from a
      // slip (issue 14 tester round 42, finding 6).
      const Parts typed = Split(local), frequent = Split(key);
      std::string out(edits == 1 ? "one character differs" : "two characters differ");
      for (size_t i = 0; i < typed.n && typed.n == frequent.n; ++i) {
        if (typed.p[i] == frequent.p[i]) continue;
        out.append(", but '").append(typed.p[i]).append("' and '").append(frequent.p[i]);
        out.append("' are both given names: this may be a different person");
        break;
      }
      return out;
    }
    case SlipKind::kOtherCommonFamilyName: {
      // Which two names, as for other-given-name: zhang and wang are the
      // two commonest Chinese family names (family_name_list.h).
      std::string out(edits == 1 ? "one character differs" : "two characters differ");
      return out.append(", but the family names differ and both are common ones: this is "
                        "likely a different person");
    }
    case SlipKind::kNumber:
      return "the same name with a number added or dropped";
    case SlipKind::kDigit:
      return "one digit of the number swapped, dropped, added or changed";
    case SlipKind::kLongForm: {
      const Parts typed = Split(local), frequent = Split(key);
      if (frequent.n >= 2 && typed.n == frequent.n + 1 &&
          Shortened(key, frequent, typed, /*allow_drop=*/true)) {
        return "a name part added: another person of that name, or the same person's longer address";
      }
      return "the name written out where the frequent address shortens it";
    }
    case SlipKind::kHomoglyph:
      return "the same letters on screen";
    case SlipKind::kNeighbourDomain:  // FindNeighbourSlip's own
    case SlipKind::kOtherDomain:      // FindOtherDomainSlip's own
    case SlipKind::kBlendedNames:     // Best's own: it names both addresses
      return {};
    case SlipKind::kDisplayAddress: {
      std::string out("the display name is the address ");
      return out.append(known).append(", not this one");
    }
    case SlipKind::kDisplayName: {
      std::string out("the display name '");
      // As a reader sees it: an RFC 2047 encoded name decoded (issue 14,
      // round 35, item 7), as DisplayNameForms read it.
      return out.append(content::DecodedPhrase(display))
          .append("' fits ")
          .append(known)
          .append(", not this address");
    }
  }
  return {};
}

}  // namespace nearmiss::engine
