// The hosts of a mail provider's servers and web site, read as the mail
// domain a sender meant (DetectorImpl::ProviderHost, detector_neighbours.cc;
// data/lists/provider-web-domains.txt says which providers and why).
#ifndef NEARMISS_LOOKALIKE_PROVIDER_HOST_H_
#define NEARMISS_LOOKALIKE_PROVIDER_HOST_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace nearmiss::lookalike {

// A first label that names a service of a provider's site or servers:
// www and its slips, web and webmail hosts (mail, m, owa, outlook, gmail,
// inbox), protocols (smtp, imap, pop, mx), sign-in (login, accounts).
bool ServiceHostLabel(std::string_view label);

// A service host of a provider's web domain that `typed` (ASCII, lower
// case, not itself under a web domain) is one slip from: the service label
// slipped (mial.google.com; labels of four letters or more, or of three
// with one letter of a service label left out and its first kept,
// mai.google.com: any other short label is one letter from too many words)
// or the web domain slipped with the
// label exact (mail.googel.com, mail.google.cm, outlook.ofice365.com).
struct WebHostSlip {
  std::string host;  // "mail.google.com"
  std::string web;   // "google.com"
  std::string mail;  // "gmail.com"
};
std::optional<WebHostSlip> NearWebHost(
    std::string_view typed, const std::unordered_map<std::string, std::string>& web_domains);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_PROVIDER_HOST_H_
