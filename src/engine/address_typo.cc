#include "engine/address_typo.h"

#include <algorithm>
#include <array>
#include <utility>

#include "engine/display_name.h"
#include "engine/initial_forms.h"
#include "engine/local_part_rules.h"
#include "engine/mailbox_space.h"
#include "engine/name_forms.h"
#include "lookalike/visual_key.h"

namespace nearmiss::engine {
namespace {

constexpr size_t kMaxLocal = 64;  // RFC 5321 section 4.5.3.1.1

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A folded copy of an address or sender: on the stack for any address
// RFC 5321 allows (section 4.5.3.1.3: 256 octets of path), on the heap
// beyond that.
class FoldBuffer {
 public:
  std::string_view Fold(std::string_view s) {
    if (s.size() > stack_.size()) {
      heap_ = std::string(s);
      for (char& c : heap_) c = Lower(c);
      return heap_;
    }
    for (size_t i = 0; i < s.size(); ++i) stack_[i] = Lower(s[i]);
    return std::string_view(stack_.data(), s.size());
  }

 private:
  std::array<char, 320> stack_;
  std::string heap_;
};

std::string Folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// A slip's shape by its name parts (typed first; both as compared): the
// kind and score, or score 0 for none. The order is the rules' priority
// for one frequent address (address_typo.h lists the kinds).
struct Shape {
  SlipKind kind = SlipKind::kEdit;
  double score = 0;
};
Shape ShapeOf(std::string_view local, const Parts& typed, std::string_view key,
              const Parts& known, bool crowded) {
  if (typed.n >= 2 && SameMultiset(typed, known)) return {SlipKind::kSwappedParts, 0.85};
  // Another given-name form of the same person ranks above another person
  // with the same given name (kOtherFamilyName, 0.5): chris.lee is meant
  // for christopher.lee, not chris.wood. On a crowded domain only the
  // table's forms count: a prefix there (ann / anna, dan / dana) is as
  // often another person.
  if (OtherGivenForm(typed, known, /*prefixes=*/!crowded)) return {SlipKind::kGivenNameForm, 0.75};
  if (typed.n > 0 && InitialAfterFamily(local, typed, known)) {
    return {SlipKind::kInitialAfterFamily, 0.7};
  }
  if (typed.n > 0 && (Shortened(local, typed, known) || InitialsKept(local, typed, known))) {
    return {SlipKind::kShortenedParts, 0.7};
  }
  if (typed.n > 0 && FamilyGroupShortened(local, typed, known)) {
    return {SlipKind::kFamilyGroup, 0.7};
  }
  if (!crowded && typed.n >= 2 && known.n > 0 &&
      (InitialAfterFamily(key, known, typed) ||
       Shortened(key, known, typed, /*allow_drop=*/false))) {
    return {SlipKind::kLongForm, 0.65};
  }
  // jsmith for smith.j, akowalski for kowalski.a: the parts swapped and
  // the separator dropped or added at once (initial_forms.h).
  if (OtherInitialForm(local, key)) return {SlipKind::kSwappedParts, 0.8};
  return {};
}

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
  if (shape.score > 0) shape.score -= 0.1;
  return shape;
}

std::string KindDetail(SlipKind kind, int edits, const std::string& known,
                       std::string_view display) {
  switch (kind) {
    case SlipKind::kEdit:
      return edits == 1 ? "one character differs" : "two characters differ";
    case SlipKind::kSwappedParts:
      return "the same name parts in another order";
    case SlipKind::kInitialAfterFamily:
      return "the family name first and the given name's initial after it";
    case SlipKind::kShortenedParts:
      return "a name part dropped or cut to its initial";
    case SlipKind::kGivenNameForm:
      return "the given name in another form (a short or familiar one)";
    case SlipKind::kFamilyGroup:
      return "the family name's particles or second part dropped or run together";
    case SlipKind::kOtherFamilyName:
      return "the same given name with another family name";
    case SlipKind::kNumber:
      return "the same name with a number added or dropped";
    case SlipKind::kDigit:
      return "one digit of the number swapped, dropped, added or changed";
    case SlipKind::kLongForm:
      return "the name written out where the frequent address shortens it";
    case SlipKind::kHomoglyph:
      return "the same letters on screen";
    case SlipKind::kNeighbourDomain:  // FindNeighbourSlip's own
      return {};
    case SlipKind::kDisplayAddress: {
      std::string out("the display name is the address ");
      return out.append(known).append(", not this one");
    }
    case SlipKind::kDisplayName: {
      std::string out("the display name '");
      return out.append(display).append("' fits ").append(known).append(", not this address");
    }
  }
  return {};
}

}  // namespace

std::string WithoutExtension(std::string_view address, std::string_view delimiters) {
  if (delimiters.empty()) return {};
  size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  size_t cut = address.substr(0, at).find_first_of(delimiters);
  if (cut == std::string_view::npos || cut == 0) return {};
  return std::string(address.substr(0, cut)) + std::string(address.substr(at));
}

std::string_view DisplayNameOf(std::string_view input) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '\r' || c == '\n'; };
  auto trim = [&blank](std::string_view d) {
    while (!d.empty() && blank(d.front())) d.remove_prefix(1);
    while (!d.empty() && blank(d.back())) d.remove_suffix(1);
    return d;
  };
  size_t lt = input.rfind('<');
  if (lt != std::string_view::npos) return trim(input.substr(0, lt));
  // RFC 5322 section 4.4's obsolete form, `pat.doe@x.org (John Smith)`:
  // what mail readers show as the name (mailx and scripts still write
  // it). The last comment after the address, nested ones kept whole.
  std::string_view t = trim(input);
  if (!t.ends_with(')')) return {};
  int depth = 0;
  for (size_t i = t.size(); i-- > 0;) {
    if (t[i] == ')' && (i == 0 || t[i - 1] != '\\')) ++depth;
    if (t[i] == '(' && (i == 0 || t[i - 1] != '\\') && --depth == 0) {
      if (t.substr(0, i).find('@') == std::string_view::npos) return {};
      return trim(t.substr(i + 1, t.size() - i - 2));
    }
  }
  return {};
}

void AddressIndex::Add(std::string_view sender, std::string_view recipient_as_given,
                       int64_t messages) {
  // Kept folded, as learn folds what it counts: John.Smith@ and
  // john.smith@ are one correspondent, never a slip of each other.
  const std::string recipient = Folded(recipient_as_given);
  size_t at = recipient.rfind('@');
  if (at == std::string::npos || at == 0) return;
  by_anyone_[recipient] += messages;
  by_sender_[Folded(sender)].emplace(recipient);
  if (messages >= min_messages_ && !sender.empty()) {
    // By mailbox space: a slip at googlemail.com is compared with the
    // frequent addresses at gmail.com (engine/mailbox_space.h).
    Frequent f{recipient, recipient.substr(0, at),
               std::string(MailboxSpace(std::string_view(recipient).substr(at + 1))), messages,
               {}, {}};
    f.key = CompareForm(f.local).text;
    f.visual = lookalike::VisualKey(f.key);
    sender_frequent_[Folded(sender)].push_back(std::move(f));
  }
}

void AddressIndex::Finish() {
  for (const auto& [address, messages] : by_anyone_) {
    if (messages < min_messages_) continue;
    size_t at = address.rfind('@');
    Frequent f{address, address.substr(0, at),
               std::string(MailboxSpace(std::string_view(address).substr(at + 1))), messages, {},
               {}};
    f.key = CompareForm(f.local).text;
    f.visual = lookalike::VisualKey(f.key);
    org_frequent_[f.domain].push_back(std::move(f));
  }
}

bool AddressIndex::Known(std::string_view sender_as_given,
                         std::string_view address_as_given) const {
  // Asked with the address as written (JOHN.SMITH@), compared folded.
  FoldBuffer address_buffer, sender_buffer;
  std::string_view address = address_buffer.Fold(address_as_given);
  const Set* written = nullptr;
  if (!sender_as_given.empty()) {
    auto it = by_sender_.find(sender_buffer.Fold(sender_as_given));
    if (it == by_sender_.end()) return false;
    written = &it->second;
  }
  auto known = [&](std::string_view a) {
    return written == nullptr ? by_anyone_.find(a) != by_anyone_.end()
                              : written->find(a) != written->end();
  };
  if (known(address)) return true;
  // The same mailbox at its space's other domains (mailbox_space.h):
  // john.smith@googlemail.com written to is john.smith@gmail.com known.
  size_t at = address.rfind('@');
  if (at == std::string_view::npos) return false;
  for (std::string_view other : MailboxSpaceDomains(address.substr(at + 1))) {
    std::string alias(address.substr(0, at + 1));
    if (known(alias.append(other))) return true;
  }
  return false;
}

bool AddressIndex::FindSlip(std::string_view sender, std::string_view address,
                            std::string_view display, Slip* out) const {
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocal) return false;
  FoldBuffer domain_buffer;
  std::string_view domain = MailboxSpace(domain_buffer.Fold(address.substr(at + 1)));
  std::array<char, kMaxLocal> buffer;
  for (size_t i = 0; i < at; ++i) buffer[i] = Lower(address[i]);
  std::string_view local(buffer.data(), at);
  const std::vector<Frequent>* list = ListFor(sender, domain);
  return list != nullptr && Best(list, local, domain, display, out);
}

const std::vector<AddressIndex::Frequent>* AddressIndex::ListFor(std::string_view sender,
                                                                 std::string_view domain) const {
  if (sender.empty()) {
    auto it = org_frequent_.find(domain);
    return it == org_frequent_.end() ? nullptr : &it->second;
  }
  FoldBuffer sender_buffer;
  auto it = sender_frequent_.find(sender_buffer.Fold(sender));
  return it == sender_frequent_.end() ? nullptr : &it->second;
}

bool AddressIndex::FindKnownDisplaySlip(std::string_view sender, std::string_view address,
                                        std::string_view display, Slip* out) const {
  if (display.empty()) return false;
  if (FindDisplaySlip(sender, address, display, out)) return true;
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocal) return false;
  FoldBuffer domain_buffer;
  std::string_view domain = MailboxSpace(domain_buffer.Fold(address.substr(at + 1)));
  std::array<char, kMaxLocal> buffer;
  for (size_t i = 0; i < at; ++i) buffer[i] = Lower(address[i]);
  std::string_view local(buffer.data(), at);
  const std::vector<Frequent>* list = ListFor(sender, domain);
  return list != nullptr && Best(list, local, domain, display, out, /*display_only=*/true);
}

bool AddressIndex::FindNeighbourSlip(std::string_view sender, std::string_view address,
                                     std::string_view target, std::string_view display,
                                     Slip* out) const {
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocal) return false;
  const std::string domain(MailboxSpace(Folded(address.substr(at + 1))));
  const std::string folded_target(MailboxSpace(Folded(target)));
  // The domains people write to that this one sits next to: the detector's
  // target, and any within two edits (mfa.gov.hu by mfa.gov.au, where the
  // detector names the protected mfa.gov; gmx.net by gmx.de).
  auto near = [&](std::string_view d) {
    if (d == domain) return false;
    if (d == folded_target) return true;
    return d.size() <= kMaxLocal && domain.size() <= kMaxLocal && OsaDistance(d, domain, 2) <= 2;
  };
  std::vector<std::pair<std::string_view, const std::vector<Frequent>*>> lists;
  if (sender.empty()) {
    for (const auto& [d, list] : org_frequent_) {
      if (near(d)) lists.emplace_back(d, &list);
    }
  } else if (const std::vector<Frequent>* list = ListFor(sender, ""); list != nullptr) {
    for (const Frequent& f : *list) {
      bool listed = std::any_of(lists.begin(), lists.end(),
                                [&f](const auto& l) { return l.first == f.domain; });
      if (!listed && near(f.domain)) lists.emplace_back(f.domain, list);
    }
  }
  std::array<char, kMaxLocal> buffer;
  for (size_t i = 0; i < at; ++i) buffer[i] = Lower(address[i]);
  const std::string_view local(buffer.data(), at);
  // The same mailbox name at a neighbour: the strongest sign, as the domain
  // is all that changed (a one-letter slip, or autocomplete).
  const Frequent* same = nullptr;
  for (const auto& [d, list] : lists) {
    for (const Frequent& f : *list) {
      if (f.domain == d && f.local == local && (same == nullptr || f.messages > same->messages)) {
        same = &f;
      }
    }
  }
  if (same != nullptr) {
    out->known = same->address;
    out->messages = same->messages;
    out->kind = SlipKind::kNeighbourDomain;
    out->edits = 0;
    out->score = 0.9;
    // Built by append: GCC 12's false -Wrestrict on literal + string (bug 105329).
    out->detail.assign("the same name at ");
    out->detail.append(same->domain).append(", a domain written to next to this one; written to ");
    out->detail.append(std::to_string(same->messages)).append(" times");
    return true;
  }
  bool found = false;
  for (const auto& [d, list] : lists) {
    Slip slip;
    if (!Best(list, local, d, display, &slip)) continue;
    if (found && slip.score <= out->score) continue;
    std::string where("at ");
    where.append(d).append(", a domain written to next to this one: ");
    slip.detail.insert(0, where);
    *out = std::move(slip);
    found = true;
  }
  return found;
}

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
      for (auto& [given, family] : DisplayNameReadings(form)) {
        // "Bob Brown" fits robert.brown (name_forms.h).
        fits |= NamesPerson(local, given, family) || NamesPersonByForm(local, given, family);
        names.emplace_back(std::move(given), std::move(family));
      }
    }
  }
  const bool named = !fits && !names.empty();
  auto names_it = [&names](std::string_view known_key) {
    return std::any_of(names.begin(), names.end(), [&](const auto& n) {
      return NamesPerson(known_key, n.first, n.second) ||
             NamesPersonByForm(known_key, n.first, n.second);
    });
  };
  const bool crowded =
      static_cast<size_t>(std::count_if(list->begin(), list->end(), [&](const Frequent& f) {
        return f.domain == domain;
      })) > kCrowdedDomain;
  const int max_edits = crowded ? 1 : 2;
  const Frequent* best = nullptr;
  SlipKind best_kind = SlipKind::kEdit;
  int best_edits = 0;
  double best_score = 0;
  bool best_with_number = false;
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
    bool with_number = false;
    if (!display_address.empty() && display_address == f.local + "@" + f.domain) {
      kind = SlipKind::kDisplayAddress;
      score = 0.95;
    } else if (display_only) {
      // A known address is judged by what its display name names only.
      if (!(named && names_it(f.key))) continue;
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
    } else if (named && names_it(f.key)) {
      kind = SlipKind::kDisplayName;
      score = 0.85;
    } else if (typed.n >= 2 && SameMultiset(typed, known)) {
      kind = SlipKind::kSwappedParts;
      score = 0.85;
    } else if (int d = OsaDistance(local, f.key, max_edits);
               d <= max_edits &&
               ((d == 1 && std::max(local.size(), f.key.size()) >= 3) ||
                (d == 2 && std::min(local.size(), f.key.size()) >= 6))) {
      kind = SlipKind::kEdit;
      edits = d;
      score = d == 1 ? 0.8 : 0.6;
    } else if (Shape shape = ShapeOf(local, typed, f.key, known, crowded); shape.score > 0) {
      kind = shape.kind;
      score = shape.score;
    } else if (!crowded && typed.n == 2 && known.n == 2 && typed.p[0] == known.p[0] &&
               typed.p[0].size() >= 2 && typed.p[1].size() >= 2) {
      kind = SlipKind::kOtherFamilyName;
      score = 0.5;
    } else if (Shape shape = NumberedShapeOf(local, f.key, crowded); shape.score > 0) {
      // Two kinds at once: rbrown1, brown.robert2 for robert.brown (a
      // directory's numbered initial form for the second R. Brown).
      kind = shape.kind;
      score = shape.score;
      with_number = true;
    } else {
      continue;
    }
    if (best == nullptr || score > best_score ||
        (score == best_score && f.messages > best->messages)) {
      best = &f;
      best_kind = kind;
      best_edits = edits;
      best_score = score;
      best_with_number = with_number;
    }
  }
  if (best == nullptr) return false;
  out->known = best->address;
  out->messages = best->messages;
  out->kind = best_kind;
  out->edits = best_edits;
  out->score = best_score;
  out->detail = best_with_number ? "a number added or dropped, and " : "";
  out->detail.append(KindDetail(best_kind, best_edits, best->address, display));
  out->detail += "; written to " + std::to_string(best->messages) + " times";
  return true;
}

}  // namespace nearmiss::engine
