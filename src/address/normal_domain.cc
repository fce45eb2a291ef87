#include "address/normal_domain.h"

#include <cctype>

namespace nearmiss::address {

bool NormalDomain(std::string_view domain, Domain* scratch, std::string* out) {
  if (ParseDomain(domain, scratch).ok()) {
    out->assign(scratch->ascii);
    return true;
  }
  out->assign(domain);
  for (char& c : *out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out->size() > 1 && out->back() == '.') out->pop_back();
  return false;
}

}  // namespace nearmiss::address
