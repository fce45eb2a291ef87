// AddressIndex::Written: how often everyone here wrote to an address, so a
// rarely written one is still judged (address_typo.h kRareRatio).
#include <array>

#include "engine/address_typo.h"
#include "engine/mailbox_space.h"

namespace nearmiss::engine {

Tally AddressIndex::WrittenTally(std::string_view address_as_given) const {
  // Folded on the stack for any address RFC 5321 allows (section
  // 4.5.3.1.3: 256 octets of path): asked for every known recipient.
  std::array<char, 320> buffer;
  if (address_as_given.size() > buffer.size()) return {};
  for (size_t i = 0; i < address_as_given.size(); ++i) {
    char c = address_as_given[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view address(buffer.data(), address_as_given.size());
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  auto count = [this](std::string_view a) {
    auto it = by_anyone_.find(a);
    return it == by_anyone_.end() ? Tally{} : it->second;
  };
  std::span<const std::string_view> space = MailboxSpaceDomains(address.substr(at + 1));
  if (space.empty()) return count(address);
  Tally sum;
  for (std::string_view domain : space) {
    std::string alias(address.substr(0, at + 1));
    sum.Merge(count(alias.append(domain)));
  }
  return sum;
}

}  // namespace nearmiss::engine
