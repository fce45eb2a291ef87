// AddressIndex::FindNearNameSlip: a display name one part of which is a
// near miss of a frequent contact's name, on another contact's address
// (address_typo.h). The exact name was already flagged
// (FindKnownDisplaySlip, FindKnownDisplayElsewhere); a name typed with a
// slip, or an old contact card's misspelling picked by autocomplete
// ("Jon Smith" <jane.doe@bank.example>), passed silently (the issue-14
// tester, round 45, N1).
#include <string>
#include <utility>
#include <vector>

#include "content/header_encode.h"
#include "engine/address_fold.h"
#include "engine/address_typo.h"
#include "engine/display_name.h"
#include "engine/local_part_rules.h"
#include "engine/mailbox_space.h"
#include "engine/name_groups.h"
#include "engine/person_names.h"

namespace nearmiss::engine {

bool NearNameWord(std::string_view a, std::string_view b) {
  if (a == b) return false;
  const size_t shorter = std::min(a.size(), b.size());
  const size_t longer = std::max(a.size(), b.size());
  if (longer < 4) return false;
  const int d = OsaDistance(a, b, 2);
  return d == 1 || (d == 2 && shorter >= 4);
}

namespace {

using NamePairs = std::vector<std::pair<std::string, std::string>>;

// Whether (given, family) is one of `names` or a near miss of one in one
// part, the other exact.
bool NearOrSame(const NamePairs& names, std::string_view given, std::string_view family) {
  for (const auto& [g, f] : names) {
    if (g == given && (f == family || NearNameWord(f, family))) return true;
    if (f == family && NearNameWord(g, given)) return true;
  }
  return false;
}

}  // namespace

bool AddressIndex::FindNearNameSlip(std::string_view sender, std::string_view address,
                                    std::string_view display, Slip* out, bool written) const {
  if (display.empty() || name_parts_.empty() || !DisplayAddress(display).empty()) return false;
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocal) return false;
  const std::string folded = Folded(address);
  if (DisplayFits(folded, display)) return false;
  const NamePairs readings = ElsewhereReadings(display);
  if (readings.empty()) return false;
  // The address's own names: its local part read as one, and the name it
  // was written to under. A near miss of those is the address's own
  // person written with a slip, not another contact.
  const std::string_view local_view = std::string_view(folded).substr(0, at);
  NamePairs own = LocalPartNames(CompareForm(local_view).text);
  if (auto it = display_names_.find(folded); it != display_names_.end()) {
    for (auto& name : ElsewhereReadings(it->second)) own.push_back(std::move(name));
  }
  for (const auto& [given, family] : readings) {
    if (NearOrSame(own, given, family)) return false;
  }
  const std::string typed_space(MailboxSpace(std::string_view(folded).substr(at + 1)));
  const std::string typed_organisation = OrganisationOf(typed_space);
  FoldBuffer sender_buffer;
  const std::string_view scope = sender.empty() ? std::string_view() : sender_buffer.Fold(sender);
  const Frequent* best = nullptr;
  std::pair<std::string, std::string> best_name;
  auto consider = [&](std::string_view given, std::string_view family) {
    auto it = people_.find(ElsewhereKey(scope, given, family));
    if (it == people_.end()) return;
    for (const Frequent& f : it->second) {
      if (f.address == folded || (f.domain == typed_space && f.local == local_view)) continue;
      if (!written && f.domain != typed_space && f.organisation != typed_organisation) continue;
      // "Abdul Aziz" is not "Abdul Rahman" one part off (name_groups.h).
      if (!LearnedNameGroupsAgree(display_names_, f.address, display, /*near_miss=*/true)) continue;
      if (best == nullptr || f.messages > best->messages) {
        best = &f;
        best_name = {std::string(given), std::string(family)};
      }
    }
  };
  // On an address never written to, a word that only starts the
  // contact's, or that the contact's only starts, is another name
  // ("Janet Smith", "Jan Smith" beside Jane Smith: whole words only, as
  // FindSlip reads names), not a misspelling ("Jhon", "Jon").
  const auto near = [written](std::string_view typed_word, std::string_view contact_word) {
    if (!NearNameWord(typed_word, contact_word)) return false;
    return written ||
           !(typed_word.starts_with(contact_word) || contact_word.starts_with(typed_word));
  };
  for (const auto& [given, family] : readings) {
    // The given name exact, the family name one off; then the other way.
    if (auto it = name_parts_.find(NamePartKey(scope, 'g', given)); it != name_parts_.end()) {
      for (const std::string& other : it->second) {
        if (near(family, other)) consider(given, other);
      }
    }
    if (auto it = name_parts_.find(NamePartKey(scope, 'f', family)); it != name_parts_.end()) {
      for (const std::string& other : it->second) {
        if (near(given, other)) consider(other, family);
      }
    }
  }
  if (best == nullptr) return false;
  // Built by append: GCC 12's false -Wrestrict on literal + string.
  std::string detail("the display name '");
  detail.append(content::DecodedPhrase(display)).append("' is a near miss of '");
  if (auto it = display_names_.find(best->address); it != display_names_.end()) {
    detail.append(content::DecodedPhrase(it->second));
  } else {
    detail.append(best_name.first).append(" ").append(best_name.second);
  }
  detail.append("', the name of ").append(best->address).append(", not of this address");
  if (auto it = display_names_.find(folded); it != display_names_.end()) {
    detail.append(", written to as '").append(content::DecodedPhrase(it->second)).append("'");
  }
  detail.append("; ").append(WrittenClause(best->messages, best->last_seen));
  *out = Slip{best->address, best->messages, SlipKind::kDisplayName, 0, 0.75, std::move(detail),
              best->last_seen};
  return true;
}

}  // namespace nearmiss::engine
