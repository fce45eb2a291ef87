#include "history/history_keys.h"

#include "address/normal_domain.h"
#include "base/ascii.h"
#include "maillog/postfix_fields.h"
#include "store/learned_keys.h"

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
  // The id-right's case is the tool's (issue 14 breaker, round 5, item 7):
  // folded by the store's one rule, which migration 6 applied to the keys
  // stored before.
  std::string key("msgid:");
  return key.append(store::FoldMessageId(message_id)).append(" ").append(AsciiLower(recipient));
}

}  // namespace nearmiss::history
