// IsSystemNoticeSender (system_sender.h).
#include "maillog/system_sender.h"

#include "base/ascii.h"

namespace nearmiss::maillog {

namespace {

// The local part of `sender`, ASCII lower case; "" when it has none.
std::string LocalPart(std::string_view sender) {
  const size_t at = sender.rfind('@');
  return at == std::string_view::npos || at == 0 ? std::string() : AsciiLower(sender.substr(0, at));
}

}  // namespace

bool IsExchangeSystemMailbox(std::string_view sender) {
  return LocalPart(sender) == "microsoftexchange329e71ec88ae4615bbc36ab6ce41109e";
}

bool IsSystemNoticeSender(std::string_view sender) {
  return sender.empty() || sender == "<>" || LocalPart(sender) == "mailer-daemon" ||
         IsExchangeSystemMailbox(sender);
}

}  // namespace nearmiss::maillog
