#include "engine/address_typo.h"

#include <algorithm>
#include <array>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "engine/display_name.h"
#include "engine/initial_forms.h"
#include "engine/mailbox_space.h"
#include "lookalike/visual_key.h"

namespace nearmiss::engine {
namespace {

constexpr size_t kMaxLocal = 64;  // RFC 5321 section 4.5.3.1.1
constexpr size_t kMaxParts = 4;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
// ' ' only in a quoted local part ("john smith"@), read as its content.
bool IsSeparator(char c) { return c == '.' || c == '_' || c == '-' || c == ' '; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Name parts of a lower-case local part: "john.a.smith" -> john, a, smith.
// More than kMaxParts parts (or an empty one) gives 0: not a name.
struct Parts {
  std::array<std::string_view, kMaxParts> p;
  size_t n = 0;
};
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

// The same parts, counted, in any order (at most kMaxParts each: counting
// beats sorting, and GCC 12 warns falsely on std::sort over 4 elements).
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
bool Shortened(std::string_view typed, const Parts& t, const Parts& k, bool allow_drop = true) {
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

// Domains whose mailboxes ignore dots in the local part: Gmail delivers
// john.smith@, johnsmith@ and j.ohn.smith@ to one mailbox (Google, Gmail
// Help "Dots don't matter in Gmail addresses", answer 7436150; the same for
// googlemail.com, Gmail's other domain).
bool DotsIgnored(std::string_view domain) {
  return domain == "gmail.com" || domain == "googlemail.com";
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

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A local part as it is compared: lower case and, outside ASCII, the
// letters a reader sees (lookalike::AsciiLookalike: accents stripped,
// UTS #39 skeletons, stroked letters: "józef" -> "jozef", "bjørn" ->
// "bjorn", Cyrillic "bоb" -> "bob"); what has no ASCII look-alike stays
// case-folded UTF-8 and is compared by characters. A quoted local part
// ("jon smith") is compared by its content: a space is then one more name
// separator and, for a dot, one edit (RFC 5321 section 4.1.2).
struct Compared {
  std::string plain;  // the content, unquoted, as written
  std::string text;   // as compared
};
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
  out.text = IsAscii(out.plain) ? out.plain : lookalike::AsciiLookalike(out.plain).text;
  return out;
}

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
  return icu::UnicodeString::fromUTF8(typed.plain)
             .caseCompare(icu::UnicodeString::fromUTF8(known.plain), U_FOLD_CASE_DEFAULT) == 0;
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
                        std::string_view domain, std::string_view display, Slip* out) const {
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
        fits |= NamesPerson(local, given, family);
        names.emplace_back(std::move(given), std::move(family));
      }
    }
  }
  const bool named = !fits && !names.empty();
  auto names_it = [&names](std::string_view known_key) {
    return std::any_of(names.begin(), names.end(), [&](const auto& n) {
      return NamesPerson(known_key, n.first, n.second);
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
  for (const Frequent& f : *list) {
    if (f.domain != domain) continue;
    // A frequent address is never a slip of another one, nor is the same
    // local part in other capitals ("JÓZEF" for "józef") or written with
    // quotes it does not need.
    if (f.local == typed_local || SameMailbox(typed_form, f.local, f.key)) return false;
    // Nor is the same mailbox written with other dots, where dots are ignored.
    if (DotsIgnored(domain) && SameWithoutDots(typed_local, f.local)) return false;
    const Parts known = Split(f.key);
    SlipKind kind;
    int edits = 0;
    double score = 0;
    if (!display_address.empty() && display_address == f.local + "@" + f.domain) {
      kind = SlipKind::kDisplayAddress;
      score = 0.95;
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
    } else if (DifferOnlyInDigits(local, f.key)) {
      // One rule wherever the digits sit (john.smith2, john2.smith,
      // john.smith22), before the name-part rules could read "smith2" as
      // another family name: a number added to or dropped from a frequent
      // address is a slip; two numbered addresses are a slip when one
      // digit of a long number differs (s1234576 for s1234567), a series
      // of desks when a short counter changes (support1, support2).
      if (HasDigit(local) != HasDigit(f.key)) {
        kind = SlipKind::kNumber;
        score = 0.6;
      } else if (CounterSeries(local, f.key) || OsaDistance(local, f.key, 1) > 1) {
        // A series of desks, or another number (two digits or more differ:
        // s1234599 is another student than s1234567).
        continue;
      } else {
        // One digit swapped with its neighbour, dropped, added or changed
        // in a long number: the classic slip of an ID or a year.
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
    } else if (typed.n > 0 && InitialAfterFamily(local, typed, known)) {
      kind = SlipKind::kInitialAfterFamily;
      score = 0.7;
    } else if (typed.n > 0 &&
               (Shortened(local, typed, known) || InitialsKept(local, typed, known))) {
      kind = SlipKind::kShortenedParts;
      score = 0.7;
    } else if (!crowded && typed.n >= 2 && known.n > 0 &&
               (InitialAfterFamily(f.key, known, typed) ||
                Shortened(f.key, known, typed, /*allow_drop=*/false))) {
      kind = SlipKind::kLongForm;
      score = 0.65;
    } else if (!crowded && typed.n == 2 && known.n == 2 && typed.p[0] == known.p[0] &&
               typed.p[0].size() >= 2 && typed.p[1].size() >= 2) {
      kind = SlipKind::kOtherFamilyName;
      score = 0.5;
    } else if (OtherInitialForm(local, f.key)) {
      // jsmith for smith.j, akowalski for kowalski.a: the parts swapped
      // and the separator dropped or added at once (initial_forms.h).
      kind = SlipKind::kSwappedParts;
      score = 0.8;
    } else {
      continue;
    }
    if (best == nullptr || score > best_score ||
        (score == best_score && f.messages > best->messages)) {
      best = &f;
      best_kind = kind;
      best_edits = edits;
      best_score = score;
    }
  }
  if (best == nullptr) return false;
  out->known = best->address;
  out->messages = best->messages;
  out->kind = best_kind;
  out->edits = best_edits;
  out->score = best_score;
  switch (best_kind) {
    case SlipKind::kEdit:
      out->detail = best_edits == 1 ? "one character differs" : "two characters differ";
      break;
    case SlipKind::kSwappedParts:
      out->detail = "the same name parts in another order";
      break;
    case SlipKind::kInitialAfterFamily:
      out->detail = "the family name first and the given name's initial after it";
      break;
    case SlipKind::kShortenedParts:
      out->detail = "a name part dropped or cut to its initial";
      break;
    case SlipKind::kOtherFamilyName:
      out->detail = "the same given name with another family name";
      break;
    case SlipKind::kNumber:
      out->detail = "the same name with a number added or dropped";
      break;
    case SlipKind::kDigit:
      out->detail = "one digit of the number swapped, dropped, added or changed";
      break;
    case SlipKind::kLongForm:
      out->detail = "the name written out where the frequent address shortens it";
      break;
    case SlipKind::kHomoglyph:
      out->detail = "the same letters on screen";
      break;
    case SlipKind::kNeighbourDomain:  // FindNeighbourSlip's own
      break;
    case SlipKind::kDisplayAddress:
      out->detail = "the display name is the address " + best->address + ", not this one";
      break;
    case SlipKind::kDisplayName:
      out->detail = "the display name '" + std::string(display) + "' fits " + best->address +
                    ", not this address";
      break;
  }
  out->detail += "; written to " + std::to_string(best->messages) + " times";
  return true;
}

}  // namespace nearmiss::engine
