#include "maillog/host_alias.h"

#include <algorithm>

#include "base/ascii.h"

namespace nearmiss::maillog {
namespace {

// "10.0.0.7" is an address, not a host "10" in a domain.
bool Ipv4Literal(std::string_view h) {
  return !h.empty() && std::all_of(h.begin(), h.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.';
  });
}

// `shortname` is `fqdn`'s first label.
bool FirstLabelOf(std::string_view shortname, std::string_view fqdn) {
  if (shortname.empty() || shortname.find('.') != std::string_view::npos) return false;
  const size_t dot = fqdn.find('.');
  if (dot == std::string_view::npos || Ipv4Literal(fqdn)) return false;
  return EqualsNoCase(shortname, fqdn.substr(0, dot));
}

}  // namespace

bool SameLoggingHost(std::string_view a, std::string_view b) {
  return EqualsNoCase(a, b) || FirstLabelOf(a, b) || FirstLabelOf(b, a);
}

std::string_view HostAliases::Canonical(std::string_view host) {
  if (has_last_ && last_ == host) return groups_[last_group_].shown;
  size_t found = groups_.size();
  for (size_t g = 0; g < groups_.size() && found == groups_.size(); ++g) {
    const std::vector<std::string>& m = groups_[g].members;
    if (std::find(m.begin(), m.end(), host) != m.end()) found = g;
  }
  if (found == groups_.size()) {
    if (names_ >= kMaxNames) return host;
    for (size_t g = 0; g < groups_.size() && found == groups_.size(); ++g) {
      const std::vector<std::string>& m = groups_[g].members;
      if (std::all_of(m.begin(), m.end(),
                      [&](const std::string& n) { return SameLoggingHost(n, host); })) {
        found = g;
      }
    }
    if (found == groups_.size()) groups_.push_back({std::string(host), {}});
    groups_[found].members.emplace_back(host);
    ++names_;
  }
  last_.assign(host);
  last_group_ = found;
  has_last_ = true;
  return groups_[found].shown;
}

}  // namespace nearmiss::maillog
