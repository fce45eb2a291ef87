#include "engine/mailbox_space.h"

#include <array>

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

}  // namespace nearmiss::engine
