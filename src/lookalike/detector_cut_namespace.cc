// A listed name of a TLD namespace typed with that TLD left off, where what
// is left ends in a real TLD: us.af, us.army, us.navy for us.af.mil,
// us.army.mil, us.navy.mil (data/lists/namespace-names.txt). .af is
// Afghanistan's ccTLD and .army, .navy are open gTLDs anyone registers
// under, so the mail goes to whoever holds the name there; it was external
// (issue 15, round 42, tester item 4). The suffix-drop look-alike
// ramstein.af already is of the protected ramstein.af.mil. A name of one
// label (army for army.mil) is DotlessMatch's.
#include <algorithm>
#include <string>
#include <utility>

#include "address/root_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/namespace_names.h"
#include "lookalike/slip_score.h"
#include "nearmiss/address.h"

namespace nearmiss::lookalike {

void DetectorImpl::IndexCutNamespaceNames() {
  // The list's names of three labels or more (Namespace::names keeps one
  // label under each namespace only).
  for (const std::string& listed : NamespaceNames()) {
    const size_t dot = listed.rfind('.');
    if (dot == std::string::npos) continue;
    const std::string_view ns = std::string_view(listed).substr(dot + 1);
    const std::string_view name = std::string_view(listed).substr(0, dot);
    const bool tld_namespace =
        std::any_of(namespaces_.begin(), namespaces_.end(),
                    [&](const Namespace& n) { return n.labels == 1 && n.ns == ns; });
    // "us.af": the name's own last label must be a TLD mail can reach.
    if (!tld_namespace || name.find('.') == std::string_view::npos ||
        !address::HasDelegatedTld(name)) {
      continue;
    }
    // A name trusted as it is (a protected us.af) stays so.
    if (set_.TrustedBy(name)) continue;
    cut_namespace_.emplace(std::string(name), listed);
  }
}

bool DetectorImpl::CutNamespaceMatch(const Domain& d, LookalikeMatch& m) const {
  const std::string_view reg = d.registrable;
  auto it = cut_namespace_.find(reg);
  if (it == cut_namespace_.end()) return false;
  // A real domain of that name (real-mail-domains.txt) is no slip.
  if (real_domains_.contains(std::string(reg))) return false;
  const std::string& full = it->second;  // "us.af.mil"
  const std::string_view ns = LastLabel(full);
  const std::optional<uint32_t> id = set_.TrustedBy(full);
  if (!id) return false;
  const std::string_view hosts = std::string_view(d.ascii).substr(0, d.ascii.size() - reg.size());
  m.kind = LookalikeMatch::Kind::kLookalike;
  m.source = set_[*id].source;
  m.code = ReasonCode::kSuffixDrop;
  m.target = full;
  m.resembles = full;
  m.target_domain_for_suggestion = std::string(hosts) + full;
  std::string detail = "the .";
  detail.append(ns).append(" of ").append(full).append(" is missing; ").append(full);
  detail.append(" is a name the lists hold under .").append(ns);
  m.detail = std::move(detail);
  m.score = 0.93;
  return true;
}

void DetectorImpl::CutCountryCodeCandidates(const Query& q, Best& best) const {
  // army.mod, royalnavy.mod, raf.mod for army.mod.uk ...: a declared domain
  // of one name and a country code (mod.uk) typed with the code left off,
  // so its name is the TLD typed, which does not exist. The host is kept
  // and the organisation's name is the one meant, not a name of the host
  // under another namespace (army.mil: "the trusted domain of that name",
  // which a UK MoD sender never meant; issue 15, round 43's tester,
  // finding 4). Asked only for a TLD the root zone lacks.
  const std::string_view tld = LastLabel(q.domain->ascii);
  if (tld.size() < 2 || q.domain->ascii.size() <= tld.size() + 1) return;
  const std::string_view ascii = q.domain->ascii;
  const std::string_view host = ascii.substr(0, ascii.size() - tld.size() - 1);
  // dstl.mod: dstl is a department a country's zone lists (dstl.gov.uk),
  // the name the other readings of an undelegated TLD find.
  if (!NamespaceListing(LastLabel(host)).empty()) return;
  by_name_.Find(HashKey(tld), [&](uint32_t id) {
    const Entry& e = set_[id];
    // A country code (mod.uk) or .int (nato.int: a treaty organisation's,
    // hosts under it are its own); not nhs.net, whose leeds.nhs is
    // leeds.nhs.uk's (the namespace reading).
    const std::string_view code = e.suffix();
    if (e.is_namespace || !Declared(e.source) || e.name() != tld ||
        code.find('.') != std::string_view::npos ||
        (code != "int" && !address::IsCountryCodeTld(code))) {
      return;
    }
    std::string detail = "the .";
    detail.append(e.suffix()).append(" of ").append(e.domain).append(" is missing");
    Offer({id, ReasonCode::kSuffixDrop, std::move(detail), e.domain, Join(Join(host, "."), e.domain),
           0.93},
          best);
  });
}

}  // namespace nearmiss::lookalike
