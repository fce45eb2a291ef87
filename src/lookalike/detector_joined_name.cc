// A name the lists hold two labels deep under a protected namespace, typed
// with the dot between those labels left out: usarmy.mil for us.army.mil,
// ramsteinaf.mil for ramstein.af.mil, usnavy.mil for us.navy.mil. The
// namespace trusts every name under it, so the mail went to a name no one
// registered there (the lists hold the registry's names, namespace-names.txt
// from GSA's .mil list), and the sender meant the listed one (issue 15,
// round 38, item 5). The dotless slip of the whole name (usarmymil) is
// detector_dotless.cc's.
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/namespace_names.h"

namespace nearmiss::lookalike {

void DetectorImpl::IndexJoinedNames() {
  // The names of namespace-names.txt two labels or more under a namespace
  // (us.army.mil, the Army's mail domain) are known names, as the listed
  // entries and their parents are (known_under_namespace_).
  for (const std::string& d : NamespaceNames()) {
    for (size_t dot = d.find('.'); dot != std::string::npos; dot = d.find('.', dot + 1)) {
      std::optional<uint32_t> ns = set_.Exact(std::string_view(d).substr(dot + 1));
      if (!ns || !set_[*ns].is_namespace) continue;
      if (d.find('.') < dot) {
        for (size_t at = 0; at < dot; at = d.find('.', at) + 1) {
          known_under_namespace_.emplace(d.substr(at));
        }
      }
      break;
    }
  }
  for (const std::string& known : known_under_namespace_) {
    // army.mil of us.army.mil, af.mil of ramstein.af.mil: a name under a
    // one-label namespace with hosts the lists hold (MovedHostCandidates).
    if (const size_t last = known.rfind('.'); last != std::string::npos && last > 0) {
      const size_t prev = known.rfind('.', last - 1);
      std::optional<uint32_t> tld = set_.Exact(std::string_view(known).substr(last + 1));
      if (prev != std::string::npos && tld && set_[*tld].is_namespace) {
        hosted_names_.emplace(known.substr(prev + 1));
      }
    }
    for (const Namespace& n : namespaces_) {
      const std::string& ns = n.ns;
      if (known.size() <= ns.size() + 1 || !known.ends_with(ns) ||
          known[known.size() - ns.size() - 1] != '.') {
        continue;
      }
      // "us.army" of us.army.mil: its last two labels joined are the name
      // a sender types (usarmy); one label, or a name the lists hold
      // joined (a real usarmy.mil), is no slip.
      const std::string_view under = std::string_view(known).substr(0, known.size() - ns.size() - 1);
      const size_t last_dot = under.rfind('.');
      if (last_dot == std::string_view::npos) break;
      const size_t start = under.rfind('.', last_dot - 1) + 1;  // npos + 1 == 0
      const std::string_view host = under.substr(start, last_dot - start);
      const std::string_view name = under.substr(last_dot + 1);
      if (host.size() < 2 || !AllLetters(host) || !AllLetters(name)) break;
      std::string joined(host);
      joined.append(name).append(".").append(ns);
      if (NamespaceNameKnown(joined)) break;
      std::string meant(host);
      meant.append(".").append(name).append(".").append(ns);
      joined_known_names_.emplace(std::move(joined), std::move(meant));
      break;
    }
  }
}

bool DetectorImpl::JoinedKnownName(const Domain& d, LookalikeMatch& m) const {
  const std::string_view reg = d.registrable;
  auto it = joined_known_names_.find(reg);
  if (it == joined_known_names_.end()) return false;
  const std::string& meant = it->second;  // "us.army.mil"
  std::optional<uint32_t> id = set_.TrustedBy(meant);
  if (!id) return false;
  const std::string_view before = std::string_view(d.ascii).substr(0, d.ascii.size() - reg.size());
  const size_t dot = meant.find('.');
  m.kind = LookalikeMatch::Kind::kLookalike;
  m.source = set_[*id].source;
  m.code = ReasonCode::kDotOmission;
  // A namespace's name is the target (army.mil), a listed entry itself.
  m.target = set_[*id].is_namespace ? meant.substr(dot + 1) : set_[*id].domain;
  m.resembles = m.target;
  m.target_domain_for_suggestion = Join(before, meant);
  m.detail = "is missing the dot between '" + meant.substr(0, dot) + "' and '";
  m.detail += std::string_view(meant).substr(dot + 1, meant.find('.', dot + 1) - dot - 1);
  m.detail += "'; no list holds ";
  m.detail += reg;
  m.score = 0.9;
  return true;
}

}  // namespace nearmiss::lookalike
