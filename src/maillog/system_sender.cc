// IsSystemNoticeSender (system_sender.h).
#include "maillog/system_sender.h"

#include "base/ascii.h"

namespace nearmiss::maillog {

bool IsSystemNoticeSender(std::string_view sender) {
  if (sender.empty() || sender == "<>") return true;
  const size_t at = sender.rfind('@');
  if (at == std::string_view::npos || at == 0) return false;
  const std::string local = AsciiLower(sender.substr(0, at));
  return local == "microsoftexchange329e71ec88ae4615bbc36ab6ce41109e" || local == "mailer-daemon";
}

bool IsExchangeSystemMailbox(std::string_view sender) {
  const size_t at = sender.rfind('@');
  return at != std::string_view::npos &&
         AsciiLower(sender.substr(0, at)) == "microsoftexchange329e71ec88ae4615bbc36ab6ce41109e";
}

}  // namespace nearmiss::maillog
