// AddressIndex::FindDisplaySlip: a display name that is, or holds, an
// address written to often, attached to another address at any domain
// (address_typo.h). Mail clients show the display name, so the sender sees
// "john.smith@partner.example" in To: while the message goes to the
// contact's personal or new employer's address (issue 14 breaker, round 5,
// item 2). Kept apart from Best, which compares within one domain.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "engine/address_fold.h"
#include "engine/address_typo.h"
#include "engine/display_name.h"
#include "engine/local_part_rules.h"
#include "engine/mailbox_space.h"

namespace nearmiss::engine {
namespace {

// A display name names at most this many addresses worth comparing
// ("John Smith (john.smith@x.org, j.smith@y.org)"); more is a list.
constexpr size_t kMaxDisplayAddresses = 4;
// What ends an address written inside a phrase: blanks, quotes, brackets
// of any kind and list separators.
bool Delimits(char c) {
  return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == ')' || c == '<' ||
         c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ';' ||
         c == ':';
}

// local@domain, lower case, with a dotted domain: "john.smith@partner.example".
struct Named {
  std::string local, domain;
};

// The addresses written in a display name form (DisplayNameForms), in
// order: "john.smith@partner.example", "John Smith (john.smith@x.org)",
// "'j.smith@x.org' via Partner".
std::vector<Named> AddressesIn(std::string_view form) {
  std::vector<Named> out;
  size_t i = 0;
  while (i < form.size() && out.size() < kMaxDisplayAddresses) {
    while (i < form.size() && Delimits(form[i])) ++i;
    size_t start = i;
    while (i < form.size() && !Delimits(form[i])) ++i;
    std::string_view token = form.substr(start, i - start);
    while (token.ends_with('.')) token.remove_suffix(1);  // "write to x@y.org."
    size_t at = token.find('@');
    if (at == std::string_view::npos || at == 0 || at > kMaxLocal ||
        token.find('@', at + 1) != std::string_view::npos) {
      continue;
    }
    std::string_view domain = token.substr(at + 1);
    if (domain.find('.') == std::string_view::npos || domain.front() == '.') continue;
    Named n;
    for (char c : token.substr(0, at)) n.local += Lower(c);
    for (char c : domain) n.domain += Lower(c);
    out.push_back(std::move(n));
  }
  return out;
}

// Gmail delivers john.smith@ and johnsmith@ to one mailbox (address_typo.cc
// DotsIgnored, whose reading this shares).
std::string Undotted(std::string_view local, std::string_view space) {
  return DotsIgnored(space) ? WithoutDots(local) : std::string(local);
}

}  // namespace

bool AddressIndex::FindDisplaySlip(std::string_view sender, std::string_view address,
                                   std::string_view display, Slip* out) const {
  if (display.find('@') == std::string_view::npos && display.find("=?") == std::string_view::npos) {
    return false;  // no address in it, plain or RFC 2047 encoded
  }
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0) return false;
  std::string typed_domain;
  for (char c : address.substr(at + 1)) typed_domain += Lower(c);
  const std::string typed_space(MailboxSpace(typed_domain));
  std::string typed_local;
  for (char c : address.substr(0, at)) typed_local += Lower(c);
  typed_local = Undotted(typed_local, typed_space);
  const std::vector<std::string> forms = DisplayNameForms(display);
  if (forms.empty()) return false;
  for (const Named& n : AddressesIn(forms[0])) {
    const std::string space(MailboxSpace(n.domain));
    const std::string local = Undotted(n.local, space);
    // The display name writes the address itself ("john.smith@x.org"
    // <john.smith@x.org>, or the Gmail form with other dots): no slip.
    if (space == typed_space && local == typed_local) return false;
    const std::vector<Frequent>* list = ListFor(sender, space);
    if (list == nullptr) continue;
    const Frequent* best = nullptr;
    for (const Frequent& f : *list) {
      if (f.domain != space || Undotted(f.local, space) != local) continue;
      if (best == nullptr || f.messages > best->messages) best = &f;
    }
    if (best == nullptr) continue;
    // Built by append: GCC 12's false -Wrestrict on literal + string (bug 105329).
    std::string detail("the display name is the address ");
    detail.append(best->address).append(", not this one; ");
    detail.append(WrittenClause(best->messages, best->last_seen));
    *out = Slip{best->address, best->messages, SlipKind::kDisplayAddress, 0, 0.95,
                std::move(detail), best->last_seen};
    return true;
  }
  return false;
}

}  // namespace nearmiss::engine
