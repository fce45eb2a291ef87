// Service hosts of mail providers, and slips of those under a provider's
// web domain (issue 15, round 53's new-user tester, finding 1).
#include "lookalike/provider_host.h"

#include <algorithm>
#include <iterator>

#include "lookalike/edit.h"

namespace nearmiss::lookalike {
namespace {

// The hosts of a provider's servers and web site, named by their service:
// protocols (smtp, imap, pop, mx), web and webmail (www and its slips ww,
// w, wwww; web, webmail, mail, email, m, mobile, owa, outlook; Google's
// webmail hosts gmail.google.com and inbox.google.com), sign-in (login,
// signin, accounts, auth). None is anyone's mail domain under a provider
// (mail.gmail.com, ww.gmail.com, login.yahoo.com, outlook.office365.com:
// issue 15, tester 15, item 24; round 52's tester, finding 1). Under a
// provider's web domain (google.com) only these are read: its other hosts
// may be a team's mail domain.
constexpr std::string_view kLabels[] = {
    "www",   "ww",     "w",       "wwww",   "www1",     "www2",    "web",    "webmail",
    "mail",  "email",  "m",       "mobile", "owa",      "outlook", "smtp",   "imap",
    "pop",   "pop3",   "mx",      "mx1",    "mx2",      "login",   "signin", "accounts",
    "account", "auth", "gmail",   "inbox"};

// A label short enough that one letter from it is a dozen real words
// (m, w, mx, web, pop): only its exact form is a service label.
constexpr size_t kMinSlippedLabel = 4;

}  // namespace

bool ServiceHostLabel(std::string_view label) {
  return std::find(std::begin(kLabels), std::end(kLabels), label) != std::end(kLabels);
}

std::optional<WebHostSlip> NearWebHost(
    std::string_view typed, const std::unordered_map<std::string, std::string>& web_domains) {
  const size_t dot = typed.find('.');
  // A host and a domain of two labels at least: LABEL.NAME.TLD.
  if (dot == std::string_view::npos || dot == 0 || typed.find('.', dot + 1) == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view label = typed.substr(0, dot);
  const std::string_view rest = typed.substr(dot + 1);
  const bool service = ServiceHostLabel(label);
  for (const auto& [web, mail] : web_domains) {
    // "*.fastmail.com": a provider whose hosts are mail domains, no web domain.
    if (web.starts_with('*')) continue;
    if (rest == web) {
      // mial.google.com: the label one slip from a service label.
      if (service || label.size() < kMinSlippedLabel - 1) continue;
      for (std::string_view s : kLabels) {
        if (s.size() < kMinSlippedLabel || BoundedDamerauAscii(label, s, 1) != 1) continue;
        // mai.google.com, mal.google.com: a letter of a service label left
        // out, its first kept (round 54's tester 15, finding 6). Any other
        // three letters one slip from one (map of imap) are words.
        if (label.size() < kMinSlippedLabel &&
            (label.size() + 1 != s.size() || label.front() != s.front())) {
          continue;
        }
        return WebHostSlip{std::string(s) + "." + web, web, mail};
      }
      continue;
    }
    // mail.googel.com, mail.google.cm: the web domain one slip off under
    // an exact service label. One slip in all: not both.
    if (service && BoundedDamerauAscii(rest, web, 1) == 1) {
      return WebHostSlip{std::string(label) + "." + web, web, mail};
    }
  }
  return std::nullopt;
}

}  // namespace nearmiss::lookalike
