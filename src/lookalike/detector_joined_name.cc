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
#include "lookalike/slip_score.h"

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
  // armymod.uk, army-mod.uk for army.mod.uk: a listed host of a declared
  // domain (protected-hosts.txt) joined to it. Only a domain of the set,
  // declared, and no namespace (whose hosts are trusted where typed).
  for (const std::string& host : ProtectedHosts()) {
    const size_t dot = host.find('.');
    if (dot == std::string::npos || dot == 0) continue;
    std::optional<uint32_t> id = set_.Exact(std::string_view(host).substr(dot + 1));
    if (!id || set_[*id].is_namespace || !Declared(set_[*id].source)) continue;
    const Entry& e = set_[*id];
    const std::string_view label = std::string_view(host).substr(0, dot);
    for (const char* glue : {"", "-"}) {
      std::string joined(label);
      joined.append(glue).append(e.domain);
      joined_hosts_.try_emplace(std::move(joined), JoinedHost{host, *id});
      // The label alone, for the habitual generic endings (hqnato.com).
      joined.assign(label).append(glue).append(e.name());
      joined_hosts_.try_emplace(std::move(joined), JoinedHost{host, *id});
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

void DetectorImpl::JoinedHostCandidates(const Query& q, Best& best) const {
  if (joined_hosts_.empty()) return;
  const Domain& d = *q.domain;
  auto offer = [&](const JoinedHost& h, bool generic) {
    const Entry& e = set_[h.id];
    const std::string_view label = std::string_view(h.host).substr(0, h.host.find('.'));
    const bool hyphen = q.reg_label.size() > label.size() && q.reg_label[label.size()] == '-';
    std::string detail = hyphen ? "has a hyphen where the dot between '" : "is missing the dot between '";
    detail.append(label).append("' and '").append(e.name()).append(hyphen ? "' belongs" : "'");
    if (generic) detail.append(" and has .").append(d.suffix).append(" for .").append(e.suffix());
    detail.append("; ").append(h.host).append(" is a mail domain of ").append(e.domain);
    Offer({h.id, ReasonCode::kDotOmission, std::move(detail), e.domain, Join(q.prefix, h.host),
           generic ? 0.8 : 0.9},
          best);
  };
  if (auto it = joined_hosts_.find(d.registrable); it != joined_hosts_.end()) {
    offer(it->second, false);
    return;
  }
  // hqnato.com: the dot dropped and .com typed for .int, as hq.nato.com is
  // hq.nato.int's (MovedHostCandidates).
  if (!IsHabitualSuffix(d.suffix)) return;
  if (auto it = joined_hosts_.find(q.reg_label); it != joined_hosts_.end()) {
    if (set_[it->second.id].suffix() != d.suffix) offer(it->second, true);
  }
}

}  // namespace nearmiss::lookalike
