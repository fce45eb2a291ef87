// AddressIndex::Best: the typed local part judged against every frequent
// address at its domain, kind by kind, and the best slip chosen
// (address_typo.h gives the rules and their scores).
#include "engine/address_typo.h"

#include <algorithm>
#include <array>
#include <utility>

#include "content/header_encode.h"
#include "engine/address_fold.h"
#include "engine/address_typo_shape.h"
#include "engine/address_typo_learned_shape.h"
#include "engine/address_typo_split_name.h"
#include "engine/display_name.h"
#include "engine/family_name_list.h"
#include "engine/given_name_list.h"
#include "engine/learned_family.h"
#include "engine/local_part_rules.h"
#include "engine/name_forms.h"
#include "engine/name_groups.h"
#include "lookalike/keyboard.h"
#include "lookalike/visual_key.h"

namespace nearmiss::engine {
namespace {

// Whether `local` differs from the frequent `key` only in an initial
// before (or after) the same family name: b.macdonald or macdonald.b for
// p.macdonald or macdonald.p, or bmacdonald for pmacdonald when pmacdonald
// reads as an initial and a family name (name_order.h). `letters`: the
// typed initial and the frequent one.
bool InitialOnlyChanged(std::string_view local, const Parts& typed, std::string_view key,
                        const Parts& known, std::pair<char, char>* letters) {
  if (typed.n == 1 && known.n == 1) {
    *letters = {local[0], key[0]};
    return local.size() == key.size() && local.size() >= 4 && local[0] != key[0] &&
           local.substr(1) == key.substr(1) && ReadsAsInitialAndFamily(key);
  }
  if (typed.n != 2 || known.n != 2) return false;
  for (size_t initial = 0; initial < 2; ++initial) {
    const size_t family = 1 - initial;
    if (typed.p[initial].size() == 1 && known.p[initial].size() == 1 &&
        typed.p[initial] != known.p[initial] && typed.p[family] == known.p[family] &&
        typed.p[family].size() >= 3) {
      *letters = {typed.p[initial][0], known.p[initial][0]};
      return true;
    }
  }
  return false;
}

}  // namespace

bool AddressIndex::Best(const std::vector<Frequent>* list, std::string_view typed_local,
                        std::string_view domain, std::string_view display, Slip* out,
                        bool display_only) const {
  // Judged by the letters a reader sees, on both sides (CompareForm): a
  // slip of "józef.nowak" is found as one of "jozef.nowak" would be.
  const Compared typed_form = CompareForm(typed_local);
  const std::string_view local = typed_form.text;
  const std::string visual = lookalike::VisualKey(local);
  const Parts typed = Split(local);
  // The display name as a reader sees it, in its ASCII forms.
  const std::vector<std::string> forms = DisplayNameForms(display);
  // A display name that is itself another address is the strongest sign:
  // the sender picked that person, and another address came with it.
  const std::string display_address = forms.empty() ? std::string() : DisplayAddress(forms[0]);
  std::vector<std::pair<std::string, std::string>> names;  // given, family
  bool fits = false;
  if (display_address.empty()) {
    for (const std::string& form : forms) {
      for (auto& [given, family] : DisplayNameReadings(form, display)) {
        // "Bob Brown" fits robert.brown (name_forms.h).
        fits |= NamesPerson(local, given, family) || NamesPersonByForm(local, given, family);
        names.emplace_back(std::move(given), std::move(family));
      }
      // "Novak Petr" may be written family first: it names p.novak too.
      for (auto& reading : DisplayNameReadings(form, display, /*ambiguous_order=*/true)) {
        if (std::find(names.begin(), names.end(), reading) == names.end()) {
          names.push_back(std::move(reading));
        }
      }
    }
  }
  // "Mary Kate Jones" fits marykate@, "Kim Seo-jun" seojun.kim@: a given
  // name of two words written as one (name_groups.h).
  fits = fits || (display_address.empty() && LocalPartJoinsNameWords(local, display));
  const bool named = !fits && !names.empty();
  auto names_it = [&names](std::string_view known_key) {
    return std::any_of(names.begin(), names.end(), [&](const auto& n) {
      // The table's forms only: a name that only starts another is
      // another person's ("Janet Smith", "John Smithson" read family
      // first, are not jane.smith, john.smith: name_forms.h).
      return NamesPerson(known_key, n.first, n.second) ||
             NamesPersonByForm(known_key, n.first, n.second, /*prefixes=*/false);
    });
  };
  // "John Doe" <john@partner.example> beside the frequent john.smith: the
  // display name fits the address typed and names another person than the
  // frequent one, so a name part cut or reshaped is no slip of it (round
  // 48's tester 14; the shape rules read "john" as John Smith cut short).
  const auto other_person_named = [&](std::string_view known_key) {
    return fits && !names.empty() && !names_it(known_key);
  };
  // The name a frequent address was learned under names it as its local
  // part's does, in any script: "王伟" <zhang.wei@> for wang.wei@ learned
  // as "王伟" is the contact the sender picked, not another person with
  // another common family name (round 54's tester 14, finding 1), unless
  // the name is the typed address's own.
  std::vector<std::string_view> learned_named;
  if (!display_only && display_address.empty() && !fits) {
    learned_named = NamedByLearnedName(domain, display);
    if (!learned_named.empty() && DisplayFits(std::string(typed_local) + "@" + std::string(domain),
                                              display)) {
      learned_named.clear();
    }
  }
  // "Jean-Luc Martin" names no jean.martin, "Abdel Halim Mansour" no
  // a.mansour learned as "Abdel Fattah Mansour" (name_groups.h).
  const auto groups_agree = [&](const Frequent& f) {
    return LearnedNameGroupsAgree(display_names_, f.address, display);
  };
  const auto learned_names_it = [&](const Frequent& f) {
    return std::find(learned_named.begin(), learned_named.end(), f.address) != learned_named.end();
  };
  const size_t here = static_cast<size_t>(
      std::count_if(list->begin(), list->end(), [&](const Frequent& f) { return f.domain == domain; }));
  const bool crowded = here > kCrowdedDomain;
  const int max_edits = crowded ? 1 : 2;
  const auto order_it = name_order_.find(domain);
  const NameOrder order = order_it == name_order_.end() ? NameOrder::kUnknown : order_it->second;
  const Frequent* best = nullptr;
  // Every address the display name fits as it fits the best one: "J.
  // Smith" names john.smith and jane.smith alike (tester 14 round 56b,
  // finding 5); the message names two, not the one written to more.
  std::vector<const Frequent*> named_all;
  SlipKind best_kind = SlipKind::kEdit;
  int best_edits = 0;
  double best_score = 0;
  double best_rank = 0;
  bool best_with_number = false;
  bool best_by_learned_name = false;
  // The shape rules, then the same with the frequent address's run-together
  // names split (mj.garcialopez for mariajose.garcialopez, learned as
  // "María José García López": address_typo_split_name.h).
  const auto name_shape = [&](const Frequent& f, const Parts& known) {
    if (Shape shape = ShapeOf(local, typed, f.key, known, crowded); shape.score > 0) return shape;
    const auto learned = display_names_.find(f.address);
    const std::string_view learned_name =
        learned == display_names_.end() ? std::string_view() : learned->second;
    if (Shape shape = SplitNameShapeOf(typed, known, learned_name, crowded); shape.score > 0) {
      return shape;
    }
    // The learned name's words in another shape: s.jaidee for somchai.j
    // learned as "Somchai Jaidee" (address_typo_learned_shape.h).
    return LearnedNameShapeOf(typed, known, learned_name, crowded);
  };
  // The part that differs is the given name by the name the frequent
  // address was learned under: lei.wang for wei.wang learned as "Wang
  // Wei" shares its family name, wang (learned_family.h).
  const auto learned_given_differs = [&](const Frequent& f, const Parts& known) {
    const auto learned = display_names_.find(f.address);
    if (learned == display_names_.end()) return false;
    const size_t family = LearnedFamilyPart(learned->second, known);
    const size_t differing = OnlyDifferingPart(typed, known);
    return family < known.n && differing < known.n && differing != family;
  };
  for (const Frequent& f : *list) {
    if (f.domain != domain) continue;
    // A frequent address is never a slip of another one, nor is the same
    // local part in other capitals ("JÓZEF" for "józef") or written with
    // quotes it does not need.
    // A known address (display_only) is itself in the list: skip it.
    const bool same = f.local == typed_local || SameMailbox(typed_form, f.local, f.key) ||
                      (DotsIgnored(domain) && SameWithoutDots(typed_local, f.local));
    if (same && display_only) continue;
    if (same) return false;
    const Parts known = Split(f.key);
    SlipKind kind;
    int edits = 0;
    double score = 0;
    double rank = 0;  // what it is ranked by, when not its score
    bool with_number = false;
    bool by_learned_name = false;
    if (!display_address.empty() && display_address == f.local + "@" + f.domain) {
      kind = SlipKind::kDisplayAddress;
      score = 0.95;
    } else if (display_only) {
      // A known address is judged by what its display name names only.
      if (!(named && names_it(f.key) && groups_agree(f))) continue;
      kind = SlipKind::kDisplayName;
      score = 0.85;
    } else if (local == f.key) {
      // Only the look-alike folding made them equal (SameMailbox above):
      // "józef" for "jozef", "bjørn" for "björn", Cyrillic "bоb" for bob.
      kind = SlipKind::kHomoglyph;
      score = 0.95;
    } else if (visual == f.visual && std::min(local.size(), f.key.size()) >= 4 &&
               OsaDistance(local, f.key, 1) > 1) {
      // rn for m, vv for w, cl for d: one edit or none is judged below.
      kind = SlipKind::kHomoglyph;
      score = 0.9;
    } else if (NumberJudgement numbers = JudgeNumbers(local, f.key);
               numbers != NumberJudgement::kNotNumbers) {
      // One rule wherever the digits sit (john.smith2, john2.smith,
      // john.smith22), before the name-part rules could read "smith2" as
      // another family name: a number added to or dropped from a frequent
      // address is a slip; two numbered addresses are a slip when one
      // digit of a long number differs (s1234576 for s1234567), a series
      // of desks when a short counter changes (support1, support2).
      if (numbers == NumberJudgement::kOtherNumber) continue;
      if (numbers == NumberJudgement::kNumberAddedOrDropped) {
        kind = SlipKind::kNumber;
        score = 0.6;
      } else {
        // The classic slip of an ID or a year.
        kind = SlipKind::kDigit;
        edits = 1;
        score = 0.75;
      }
    } else if ((named && names_it(f.key) && groups_agree(f)) || learned_names_it(f)) {
      kind = SlipKind::kDisplayName;
      score = 0.85;
      by_learned_name = !(named && names_it(f.key) && groups_agree(f));
    } else if (typed.n >= 2 && SameMultiset(typed, known)) {
      kind = SlipKind::kSwappedParts;
      score = 0.85;
    } else if (std::pair<char, char> initials;
               InitialOnlyChanged(local, typed, f.key, known, &initials)) {
      // Another person with the same family name (address_typo.h), unless
      // the initial is a neighbouring key's: then a weak slip.
      if (crowded || !lookalike::KeysAdjacent(initials.first, initials.second)) continue;
      kind = SlipKind::kEdit;
      edits = 1;
      score = 0.45;
    } else if (int d = OsaDistance(DotsIgnored(domain) ? WithoutDots(local) : std::string(local),
                                   DotsIgnored(domain) ? WithoutDots(f.key) : f.key, max_edits);
               d <= max_edits &&
               ((d == 1 && std::max(local.size(), f.key.size()) >= 3) ||
                (d == 2 && std::min(local.size(), f.key.size()) >= 6))) {
      // At Gmail the dots are no letters of the mailbox (DotsIgnored): kimle
      // is one slip of kim.lee, as kim.le is (round 48's tester 14,
      // finding 3).
      kind = SlipKind::kEdit;
      edits = d;
      score = d == 1 ? 0.8 : 0.6;
      // ramanathan for s.ramanathan: two edits that are one name part
      // dropped, the shortened-parts shape (0.7; docs/policy.md's table),
      // not two letters (round 56c's tester 14, finding 5).
      const Shape shape = d == 2 && !other_person_named(f.key) ? name_shape(f, known) : Shape{};
      if (shape.kind == SlipKind::kShortenedParts && shape.score > score) {
        kind = shape.kind;
        edits = 0;
        score = shape.score;
      } else if (OtherRealGivenName(typed, known, order)) {
        // mark.jones for mary.jones: another real given name may be a new
        // colleague (given_name_list.h). Ranked as the edit it is, so a
        // farther address (0.6) is never suggested instead; scored lower.
        kind = SlipKind::kOtherGivenName;
        rank = score;
        score = d == 1 ? 0.5 : 0.4;
      } else if (OtherCommonFamilyName(local, typed, f.key, known) &&
                 !learned_given_differs(f, known)) {
        // zhang.wei for wang.wei, k.tanabe for k.tanaka: another person
        // far more often than a slip (family_name_list.h); the default
        // policy warns on it rather than holding the mail.
        kind = SlipKind::kOtherCommonFamilyName;
        rank = score;
        score = d == 1 ? 0.4 : 0.3;
      }
    } else if (Shape shape = other_person_named(f.key) ? Shape{} : name_shape(f, known);
               shape.score > 0) {
      kind = shape.kind;
      score = shape.score;
    } else if (!crowded && (FamilyNameStartsAlike(typed, known, order) ||
                            (typed.n == 1 && known.n == 1 &&
                             RunTogetherFamilyStartsAlike(local, f.key)))) {
      kind = SlipKind::kOtherFamilyName;
      score = 0.5;
      // k.yamada for k.yamamoto: both common names, another person.
      if (OtherCommonFamilyName(local, typed, f.key, known)) {
        kind = SlipKind::kOtherCommonFamilyName;
        rank = score;
        score = 0.3;
      }
    } else if (Shape shape = NumberedShapeOf(local, f.key, crowded); shape.score > 0) {
      // Two kinds at once: rbrown1, brown.robert2 for robert.brown (a
      // directory's numbered initial form for the second R. Brown;
      // dalvarez33 for alvarez.daniel; robertbrown33, a separator edit).
      kind = shape.kind;
      edits = kind == SlipKind::kEdit ? 1 : 0;
      score = shape.score;
      with_number = true;
    } else {
      continue;
    }
    if (rank == 0) rank = score;
    if (kind == SlipKind::kDisplayName && !by_learned_name) named_all.push_back(&f);
    if (best == nullptr || rank > best_rank ||
        (rank == best_rank && f.messages > best->messages)) {
      best = &f;
      best_kind = kind;
      best_edits = edits;
      best_score = score;
      best_rank = rank;
      best_with_number = with_number;
      best_by_learned_name = by_learned_name;
    }
  }
  if (best == nullptr) {
    // No slip of one address: a blend of two (address_typo.h), weakest of
    // all, so only when nothing else matched.
    const Frequent* given_from = nullptr;
    const Frequent* family_from = nullptr;
    if (display_only || here > kBlendMostFrequent ||
        !BlendOf(*list, domain, typed, order, &given_from, &family_from)) {
      return false;
    }
    // Suggested: the one written to more; the clause names both.
    const Frequent* meant =
        family_from->messages > given_from->messages ? family_from : given_from;
    out->known = meant->address;
    out->messages = meant->messages;
    out->kind = SlipKind::kBlendedNames;
    out->edits = 0;
    out->score = 0.5;
    out->detail = "the given name of " + given_from->address + " with the family name of " +
                  family_from->address +
                  ", both written to often: a blend of two contacts, or a new colleague";
    out->detail.append("; ").append(WrittenClause(meant->messages, meant->last_seen));
    out->last_seen = meant->last_seen;
    return true;
  }
  out->known = best->address;
  out->messages = best->messages;
  out->kind = best_kind;
  out->edits = best_edits;
  out->score = best_score;
  // Said, since "one letter differs" alone would not show a reader why
  // "мария.garcia" is compared with maria.garcia.
  out->detail.clear();
  out->also.clear();
  if (typed_form.transliterated) {
    out->detail = "written in another script (read as '" + std::string(local) + "')";
    if (best_kind != SlipKind::kHomoglyph || local != best->key) out->detail += ", and ";
  }
  if (best_with_number) out->detail += "a number added or dropped, and ";
  if (best_by_learned_name) {
    // Worded as FindDisplayNameElsewhere words a learned name.
    out->detail.append("the display name '").append(content::DecodedPhrase(display));
    out->detail.append("' names ").append(best->address);
    out->detail.append(", the name it is written to under, not this address");
  } else if (best_kind == SlipKind::kDisplayName && named_all.size() > 1) {
    // The one written to most first, then the next.
    std::stable_sort(named_all.begin(), named_all.end(),
                     [](const Frequent* a, const Frequent* b) { return a->messages > b->messages; });
    const Frequent* other = named_all[0] == best ? named_all[1] : named_all[0];
    out->also = other->address;
    out->detail.append("the display name '").append(content::DecodedPhrase(display));
    out->detail.append("' fits ").append(std::to_string(named_all.size()));
    out->detail.append(" frequent contacts alike (").append(best->address);
    out->detail.append(" and ").append(other->address).append("), not this address");
  } else if (!typed_form.transliterated || best_kind != SlipKind::kHomoglyph ||
             local != best->key) {
    out->detail.append(KindDetail(best_kind, best_edits, best->address, display, local, best->key));
  }
  out->detail.append("; ").append(WrittenClause(best->messages, best->last_seen));
  out->last_seen = best->last_seen;
  return true;
}

}  // namespace nearmiss::engine
