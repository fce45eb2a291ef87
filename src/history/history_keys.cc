#include "history/history_keys.h"

#include "address/normal_domain.h"
#include "base/ascii.h"
#include "maillog/postfix_fields.h"

namespace nearmiss::history {

std::string Canonical(std::string_view entry) {
  Result<Address> a = ParseAddress(entry);
  return a.ok() ? AsciiLower(a->ToString()) : "";
}

bool HistoryAddress(std::string_view address, Domain* scratch, std::string* out) {
  std::string_view domain = maillog::AddressDomain(address);
  std::string d;
  bool ok = !domain.empty() && address::NormalDomain(domain, scratch, &d);
  *out = AsciiLower(address.substr(0, address.size() - domain.size())) + d;
  return ok;
}

std::string DeliveryKey(std::string_view message_id, std::string_view recipient) {
  return "msgid:" + std::string(message_id) + " " + AsciiLower(recipient);
}

}  // namespace nearmiss::history
