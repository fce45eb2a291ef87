// The part of an address entry AddressIndex's callers read: the address
// without its extension (address_typo.h). The display name is
// address/display_name.h's.
#include <string>
#include <string_view>

#include "engine/address_typo.h"

namespace nearmiss::engine {

std::string WithoutExtension(std::string_view address, std::string_view delimiters) {
  if (delimiters.empty()) return {};
  size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  size_t cut = address.substr(0, at).find_first_of(delimiters);
  if (cut == std::string_view::npos || cut == 0) return {};
  return std::string(address.substr(0, cut)) + std::string(address.substr(at));
}


}  // namespace nearmiss::engine
