#include "engine/mailbox_space.h"

#include <algorithm>
#include <array>

#include "engine/local_part_rules.h"

namespace nearmiss::engine {
namespace {

// Each group's first domain names the space (see the header for sources).
constexpr std::array<std::string_view, 2> kGmail = {"gmail.com", "googlemail.com"};
constexpr std::array<std::string_view, 3> kApple = {"icloud.com", "me.com", "mac.com"};
constexpr std::array<std::string_view, 4> kProton = {"proton.me", "protonmail.com",
                                                     "protonmail.ch", "pm.me"};
constexpr std::array<std::string_view, 5> kYandex = {"yandex.ru", "yandex.com", "ya.ru",
                                                     "yandex.by", "yandex.kz"};
constexpr std::array<std::span<const std::string_view>, 4> kSpaces = {kGmail, kApple, kProton,
                                                                       kYandex};

}  // namespace

std::span<const std::string_view> MailboxSpaceDomains(std::string_view domain) {
  for (std::span<const std::string_view> space : kSpaces) {
    for (std::string_view d : space) {
      if (d == domain) return space;
    }
  }
  return {};
}

std::string_view MailboxSpace(std::string_view domain) {
  std::span<const std::string_view> space = MailboxSpaceDomains(domain);
  return space.empty() ? domain : space.front();
}

std::string MailboxIdentity(std::string_view mailbox) {
  std::string out;
  for (char c : mailbox) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  const size_t at = out.rfind('@');
  if (at == std::string::npos) return out;
  const std::string space(MailboxSpace(std::string_view(out).substr(at + 1)));
  std::string local = out.substr(0, at);
  if (DotsIgnored(space)) local.erase(std::remove(local.begin(), local.end(), '.'), local.end());
  return local.append("@").append(space);
}

}  // namespace nearmiss::engine
