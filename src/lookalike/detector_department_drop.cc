// A department a country's zone lists typed with the zone's middle label
// left out: hmrc.uk, ato.au, nzdf.nz for hmrc.gov.uk, ato.gov.au,
// nzdf.mil.nz. .uk (2014), .nz (2014) and .au (2022) let anyone register
// directly under the ccTLD, so the mail went to whoever holds the name
// there; it was external (issue 15, round 36, defect 1). It is the
// suffix-drop look-alike the protected lists give cba.au of cba.com.au.
//
// So is a listed mail host of a declared domain (protected-hosts.txt) with
// that domain's own label left out: army.uk, royalnavy.uk for army.mod.uk,
// royalnavy.mod.uk; ec.eu for ec.europa.eu (issue 15, round 45's tester,
// finding 6: they were external). .eu has let anyone register directly
// under it since 2006.
#include <optional>
#include <string>

#include "address/second_level_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/namespace_names.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

namespace {

// The countries whose departments' names under the bare ccTLD are read so.
// Not .ie and .fr: many Irish offices write from NAME.ie (justice.ie,
// revenue.ie: namespace-names.txt), and the French ministries' labels are
// words (culture.fr, justice.fr) others hold.
bool DropReadIn(std::string_view cctld) {
  return cctld == "uk" || cctld == "au" || cctld == "nz";
}

// The same for a listed host's domain (mod.uk, europa.eu). Not .de: the
// federal bodies hold their short names there (www.bmvg.de is the
// Ministry of Defence's own address beside bmvg.bund.de), and not .int,
// where only treaty organisations register.
bool HostDropReadIn(std::string_view cctld) { return DropReadIn(cctld) || cctld == "eu"; }

}  // namespace

void DetectorImpl::IndexDepartmentsUnderCcTlds() {
  for (const Namespace& n : namespaces_) {
    if (n.labels != 2) continue;
    const std::string_view cctld = LastLabel(n.ns);
    if (!DropReadIn(cctld)) continue;
    // Only a government's zone (gov.uk, govt.nz, mil.nz): the police
    // forces' names (kent, essex, scotland of .police.uk) are places, whose
    // names under .uk are the places' own.
    if (!address::IsPublicSectorLabel(n.ns.substr(0, n.ns.find('.')))) continue;
    for (const std::string& label : n.listed_names) {
      std::string name = Join(label, ".");
      name += cctld;
      // A name trusted as it is (a protected or allowed hmrc.uk) stays so.
      if (set_.TrustedBy(name)) continue;
      department_under_cctld_[std::move(name)].push_back(Join(label, ".") + n.ns);
    }
  }
  // army.uk -> army.mod.uk: a listed host of a declared domain directly
  // under the ccTLD, no namespace (whose hosts are trusted where typed).
  for (const std::string& host : ProtectedHosts()) {
    const size_t dot = host.find('.');
    if (dot == std::string::npos || dot == 0) continue;
    const std::string_view domain = std::string_view(host).substr(dot + 1);
    const std::optional<uint32_t> id = set_.Exact(domain);
    if (!id || set_[*id].is_namespace || !Declared(set_[*id].source)) continue;
    const std::string_view tld = LastLabel(domain);
    if (!HostDropReadIn(tld) || LabelCount(domain) != 2) continue;
    std::string name = host.substr(0, dot + 1);
    name += tld;
    if (set_.TrustedBy(name)) continue;
    std::vector<std::string>& listed = department_under_cctld_[std::move(name)];
    if (listed.empty()) listed.push_back(host);
  }
}

bool DetectorImpl::DepartmentUnderCcTld(const Domain& d, LookalikeMatch& m) const {
  const std::string_view reg = d.registrable;
  auto it = department_under_cctld_.find(reg);
  if (it == department_under_cctld_.end()) return false;
  // A real domain of that name (mod.uk, the Ministry of Defence's own
  // beside mod.gov.uk: real-mail-domains.txt) is no slip.
  if (real_domains_.contains(std::string(reg))) return false;
  // barclays.fco.uk: the organisation's barclays.co.uk with an 'f' typed
  // in, not a host of fco.gov.uk: a trusted name one letter shorter in the
  // department's label is the slip (issue 15, round 42, tester item 20).
  if (d.ascii.size() > reg.size()) {
    const size_t at = d.ascii.size() - reg.size();
    const size_t label_end = at + reg.find('.');
    thread_local std::string shorter;
    for (size_t i = at; i < label_end; ++i) {
      shorter.assign(d.ascii).erase(i, 1);
      if (std::optional<uint32_t> id = set_.Exact(shorter); id && !set_[*id].is_namespace) {
        return false;
      }
    }
  }
  const std::string& listed = it->second.front();  // "hmrc.gov.uk"
  const std::string_view zone = std::string_view(listed).substr(listed.find('.') + 1);
  return DepartmentDropMatch(d, it->second, zone.substr(0, zone.find('.')), m);
}

}  // namespace nearmiss::lookalike
