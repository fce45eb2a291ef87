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
  // The id-right is a domain or a literal (RFC 5322 section 3.6.4), whose
  // case tools write as they like: an Exchange host EX01.MOD.EXAMPLE in one
  // export, ex01.mod.example in another (issue 14 breaker, round 5, item
  // 7). The id-left is compared as written.
  std::string key("msgid:");
  const size_t at = message_id.rfind('@');
  if (at == std::string_view::npos) {
    key.append(message_id);
  } else {
    key.append(message_id.substr(0, at + 1)).append(AsciiLower(message_id.substr(at + 1)));
  }
  return key.append(" ").append(AsciiLower(recipient));
}

}  // namespace nearmiss::history
