#include "engine/address_typo.h"

#include <algorithm>
#include <array>
#include <ctime>

#include "engine/address_fold.h"
#include "engine/display_name.h"
#include "engine/invisible_characters.h"
#include "engine/local_part_rules.h"
#include "engine/mailbox_space.h"
#include "lookalike/visual_key.h"

namespace nearmiss::engine {

void Tally::Merge(const Tally& other) {
  if (other.last_seen > 0) {
    first_seen = last_seen == 0 ? other.first_seen : std::min(first_seen, other.first_seen);
    last_seen = std::max(last_seen, other.last_seen);
  }
  messages += other.messages;
}

std::string WrittenClause(int64_t messages, int64_t last_seen) {
  std::string out("written to ");
  out.append(std::to_string(messages)).append(messages == 1 ? " time" : " times");
  if (last_seen > 0) {
    const std::time_t t = static_cast<std::time_t>(last_seen);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    out.append(", last on ").append(day);
  }
  return out;
}

void AddressIndex::Add(std::string_view sender, std::string_view recipient_as_given,
                       int64_t messages, int64_t first_seen, int64_t last_seen,
                       std::string_view display_name) {
  // Kept folded, as learn folds what it counts: John.Smith@ and
  // john.smith@ are one correspondent, never a slip of each other.
  // Read without invisible characters (invisible_characters.h), as check
  // reads a typed one and learn reads its sources: a row a store learned
  // before learn dropped them (round 58b's tester 15, finding 1) is the
  // address as it reads, so it is never offered as a suggestion no one can
  // see, nor makes that address a "typo" of itself.
  const std::string visible = WithoutInvisible(recipient_as_given);
  const std::string recipient = Folded(visible.empty() ? recipient_as_given : visible);
  size_t at = recipient.rfind('@');
  if (at == std::string::npos || at == 0) return;
  const Tally pair{messages, first_seen, last_seen};
  by_anyone_[recipient].Merge(pair);
  by_sender_[Folded(sender)].emplace(recipient);
  if (!display_name.empty()) display_names_[recipient] = std::string(display_name);
  if (messages >= min_messages_ && !Burst(pair) && !sender.empty()) {
    // By mailbox space: a slip at googlemail.com is compared with the
    // frequent addresses at gmail.com (engine/mailbox_space.h).
    Frequent f{recipient, recipient.substr(0, at),
               std::string(MailboxSpace(std::string_view(recipient).substr(at + 1))), messages,
               {}, {}, {}, last_seen};
    f.key = CompareForm(f.local).text;
    f.visual = lookalike::VisualKey(f.key);
    f.organisation = OrganisationOf(f.domain);
    organisations_.insert(f.organisation);
    std::vector<Frequent>& list = sender_frequent_[Folded(sender)];
    // The same address from a row with invisible characters and one
    // without: one correspondent.
    auto same = std::find_if(list.begin(), list.end(),
                             [&](const Frequent& g) { return g.address == f.address; });
    if (same != list.end()) {
      same->messages += f.messages;
      same->last_seen = std::max(same->last_seen, f.last_seen);
    } else {
      list.push_back(std::move(f));
    }
  }
}

void AddressIndex::Finish() {
  Map<NameOrderVotes> votes;
  for (const auto& [address, tally] : by_anyone_) {
    size_t at = address.rfind('@');
    votes[std::string(MailboxSpace(std::string_view(address).substr(at + 1)))].Add(
        CompareForm(std::string_view(address).substr(0, at)).text);
  }
  for (const auto& [domain, v] : votes) name_order_[domain] = v.Order();
  for (const auto& [address, tally] : by_anyone_) {
    if (tally.messages < min_messages_ || Burst(tally)) continue;
    size_t at = address.rfind('@');
    Frequent f{address, address.substr(0, at),
               std::string(MailboxSpace(std::string_view(address).substr(at + 1))),
               tally.messages, {}, {}, {}, tally.last_seen};
    f.key = CompareForm(f.local).text;
    f.visual = lookalike::VisualKey(f.key);
    f.organisation = OrganisationOf(f.domain);
    organisations_.insert(f.organisation);
    std::vector<std::string>& domains = local_domains_[f.local];
    if (std::find(domains.begin(), domains.end(), f.domain) == domains.end()) {
      domains.push_back(f.domain);
    }
    if (f.local.find('.') != std::string::npos) {
      std::vector<std::string>& locals = undotted_locals_[WithoutDots(f.local)];
      if (std::find(locals.begin(), locals.end(), f.local) == locals.end()) {
        locals.push_back(f.local);
      }
    }
    AddPerson("", f);
    org_frequent_[f.domain].push_back(std::move(f));
  }
  for (const auto& [sender, list] : sender_frequent_) {
    for (const Frequent& f : list) AddPerson(sender, f);
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
  const std::string_view local = FoldedLocal(address, at, buffer);
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
  // The name the address is written to under is its own, whoever else has
  // it: "John Smith" <jon.smith@...> written so often (round 46).
  if (DisplayFits(address, display)) return false;
  FoldBuffer domain_buffer;
  std::string_view domain = MailboxSpace(domain_buffer.Fold(address.substr(at + 1)));
  std::array<char, kMaxLocal> buffer;
  const std::string_view local = FoldedLocal(address, at, buffer);
  const std::vector<Frequent>* list = ListFor(sender, domain);
  return list != nullptr && Best(list, local, domain, display, out, /*display_only=*/true);
}

}  // namespace nearmiss::engine
