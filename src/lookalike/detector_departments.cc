// The names of government departments under the protected namespaces
// (data/lists/namespace-names.txt) read in other countries' zones: a
// department's name one slip from its own zone is the misdirection the
// guard exists for (hmrc.gov.ua for hmrc.gov.uk), and a name built from a
// label under .gov or .mil that no list holds (hmrc.gov, for hmrc.gov.za or
// hmrc.gov.com) gives way to the listed name of that label (hmrc.gov.uk).
// Classify asks them (detector_classify.cc); issue 15, round 34, items 1
// and 5.
#include "address/public_suffix.h"
#include "address/second_level_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"
#include "lookalike/namespace_names.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

namespace {

// A department's name this long or longer is told from a word another
// government uses only by the lists: "defence", "finance", "homeoffice".
// Shorter ones are acronyms every country reuses (mod.gov.in, India's
// ministry of defence; mod.gov.il, Israel's), a department's only where
// its own zone is the one slipped (dwp.gov.ua for dwp.gov.uk).
constexpr size_t kWordLabel = 5;

// Is `label` one of the states or territories of the country `cc` whose
// governments sit under its public-sector zone (nsw.gov.au, vic.gov.au)?
// The Public Suffix List is the source: it lists each such state's zone
// under the country's gov or edu zone (qld.gov.au; nsw.edu.au, whose
// gov.au entry was removed at the state's request). Any name under one is
// that state's government (health.nsw.gov.au), so its slip into another
// country's zone (health.nsw.gov.ua) is the slip of the whole name, though
// no list holds the name itself (round 58's tester 15, finding 2).
bool StateZoneOf(std::string_view label, std::string_view cc) {
  if (label.empty() || cc.empty()) return false;
  for (std::string_view kind : {".gov.", ".edu."}) {
    std::string zone(label);
    zone.append(kind).append(cc);
    if (address::IsListedSuffix(zone)) return true;
  }
  return false;
}

}  // namespace

std::string_view DetectorImpl::NamespaceListing(std::string_view label) const {
  // A country's zone (gov.au), not .mil's US names: af, navy and the like
  // are every country's services' words.
  for (const Namespace& n : namespaces_) {
    if (n.labels < 2) continue;
    if (std::find(n.names.begin(), n.names.end(), label) != n.names.end()) return n.ns;
  }
  return {};
}

std::string DetectorImpl::ListedNameOfKind(std::string_view label, std::string_view kind) const {
  std::string found;
  for (const Namespace& n : namespaces_) {
    if (n.labels < 2 || !n.ns.starts_with(kind)) continue;
    if (std::find(n.names.begin(), n.names.end(), label) == n.names.end()) continue;
    // Two countries' departments of one name (health.gov.au,
    // health.gov.ie): neither is the one meant more than the other.
    if (!found.empty()) return "";
    found = Join(label, ".") + n.ns;
  }
  return found;
}

std::string DetectorImpl::ListedNameNearOfKind(std::string_view label,
                                               std::string_view kind) const {
  // Four letters at least: every short acronym is one slip from several.
  constexpr size_t kMinLabel = 4;
  if (label.size() < kMinLabel) return "";
  std::string found;
  for (const Namespace& n : namespaces_) {
    if (n.labels < 2 || !n.ns.starts_with(kind)) continue;
    for (const std::string& name : n.names) {
      if (name.size() + 1 < label.size() || label.size() + 1 < name.size()) continue;
      if (BoundedDamerauAscii(label, name, 1) != 1) continue;
      if (!found.empty()) return "";
      found = Join(name, ".") + n.ns;
    }
  }
  return found;
}

bool DetectorImpl::ForeignZoneDepartment(const Domain& d, Best& best) const {
  // defence.gov.ir for .gov.ie, hmrc.gov.ua for hmrc.gov.uk, defence.mil.mz
  // for .mil.nz: the typed zone is real (another country's public-sector
  // zone), but whether the name exists there nothing here knows (DNS is
  // off by default and never asked of an external name). A name the lists
  // hold for a protected namespace one slip away, or a department's word
  // they hold under any (kWordLabel), is read as the slip it most likely is;
  // any other name there stays the real neighbour RealZoneNeighbour makes
  // it (mfa.gov.hu), and so does a name the real-mail list holds.
  if (!best.code || *best.code == ReasonCode::kHomoglyph) return false;
  const std::string_view ascii = d.ascii;
  const size_t last = ascii.rfind('.');
  if (last == std::string_view::npos || last == 0) return false;
  const size_t prev = ascii.rfind('.', last - 1);
  if (prev == std::string_view::npos || prev == 0) return false;
  const std::string_view zone = ascii.substr(prev + 1);
  const std::string_view kind = zone.substr(0, zone.find('.') + 1);  // "gov."
  if (!address::IsPublicSectorLabel(kind.substr(0, kind.size() - 1))) return false;
  if (!address::IsRealSecondLevelZone(zone)) return false;
  const std::string_view head = ascii.substr(0, prev);
  const std::string_view label = LastLabel(head);
  if (ListedRealDomain(d)) {
    return false;
  }
  // treasury.gov.ua, customs.gov.lk, justice.gov.az: a department's name
  // that is an ordinary word (department-words.txt) in another country's
  // real public-sector zone is that country's ministry: every government
  // has a treasury. Only a name that is one country's own (hmrc, dwp,
  // homeoffice) is read as the slip of its zone (issue 15, round 43's
  // tester, finding 3: allies' real ministries were refused with a 550).
  // A zone that is no country's (gov.ik: .ik does not exist) never gets
  // here (IsRealSecondLevelZone), so mod.gov.ik stays mod.gov.uk's slip.
  if (IsDepartmentWord(label)) return false;
  // The protected zones of the same kind one slip from the typed one, those
  // that list the name first (hmrc: gov.uk before gov.au for gov.ua).
  std::vector<const Namespace*> near, listed;
  bool state = false;  // `label` is a state's zone of the one listed
  for (const Namespace& n : namespaces_) {
    if (n.labels != 2 || n.ns == zone || !n.ns.starts_with(kind)) continue;
    if (BoundedDamerau(zone, n.ns, 1) != 1) continue;
    near.push_back(&n);
    if (std::find(n.listed_names.begin(), n.listed_names.end(), label) != n.listed_names.end()) {
      listed.push_back(&n);
    } else if (listed.empty() && StateZoneOf(label, LastLabel(n.ns))) {
      listed.push_back(&n);
      state = true;
    }
  }
  if (state && listed.size() == 1 && !ListedRealDomain(d)) {
    // health.nsw.gov.ua: whatever the name under the state, the real one
    // is the same name under the state's real zone.
    Best& b = best;
    const Namespace& n = *listed.front();
    b.id = n.id;
    b.code = ReasonCode::kSuffixEdit;
    b.target = Join(label, ".") + n.ns;
    b.suggestion = Join(head, ".") + n.ns;
    b.detail = SuffixDetail(zone, n.ns);
    b.detail.append("; '").append(label).append("' is a state's zone under .").append(n.ns);
    b.detail.append(", not a name known in ").append(zone);
    b.score = std::max(b.score, 0.93);
    b.alt_code.reset();
    b.alt_suggestion.clear();
    b.alt_target.clear();
    b.alt_score = 0;
    return true;
  }
  if (state) listed.clear();
  if (near.empty()) return false;
  // mod.gov.lk, mod.gov.ua for mod.gov.uk: an acronym the lists hold for
  // one protected zone and also as another country's real ministry (the
  // real-mail list's mod.gov.ua, mod.gov.sk) is a name governments share,
  // so in a real zone it is that zone's (round 55's tester 15, finding 2:
  // Sri Lanka's Ministry of Defence was refused into the UK's). One body's
  // own (hmrc, dwp) stays the slip of its zone.
  for (const Namespace* n : listed) {
    if (GovernmentNameElsewhere(label, kind.substr(0, kind.size() - 1), LastLabel(n->ns))) {
      return false;
    }
  }
  const std::string_view elsewhere = listed.empty() ? NamespaceListing(label) : "";
  if (listed.empty() && (label.size() < kWordLabel || elsewhere.empty())) return false;
  const std::vector<const Namespace*>& meant = listed.empty() ? near : listed;
  // The best candidate's zone first when it is one of them (the likelier
  // slip by Offer's ranking), then the file's order.
  std::vector<const Namespace*> order;
  for (const Namespace* n : meant) {
    if (best.target == Join(label, ".") + n->ns) order.insert(order.begin(), n);
    else order.push_back(n);
  }
  auto fill = [&](const Namespace& n, uint32_t& id, std::optional<ReasonCode>& code,
                  std::string& detail, std::string& target, std::string& suggestion) {
    id = n.id;
    code = ReasonCode::kSuffixEdit;
    target = Join(label, ".") + n.ns;
    suggestion = Join(head, ".") + n.ns;
    detail = SuffixDetail(zone, n.ns);
    // "'hmrc' is a department under .gov.uk, not a name known in gov.ua";
    // "'defence' names a department under .gov.au, ...".
    detail.append("; '").append(label).append("' ");
    detail.append(listed.empty() ? "names a department under ." : "is a department under .");
    detail.append(listed.empty() ? elsewhere : std::string_view(n.ns));
    detail.append(", not a name known in ").append(zone);
  };
  fill(*order[0], best.id, best.code, best.detail, best.target, best.suggestion);
  best.score = std::max(best.score, 0.93);
  if (order.size() > 1) {
    fill(*order[1], best.alt_id, best.alt_code, best.alt_detail, best.alt_target,
         best.alt_suggestion);
    best.alt_score = best.score;
  } else {
    best.alt_code.reset();
    best.alt_suggestion.clear();
    best.alt_target.clear();
    best.alt_score = 0;
  }
  return true;
}

namespace {

// Is `zone_label`, the first label of a country's public-sector zone
// (gov.uk, gouv.fr, govt.nz, mil.nz), of the kind of the namespace TLD
// `tld` (gov, mil)? The government zones' other spellings are of .gov's
// kind: a sender who writes impots.gov for impots.gouv.fr, ird.gov for
// ird.govt.nz, wrote the one government ending a keyboard knows (round
// 52's tester, finding 5). The labels are those of second-level-zones.txt.
bool SameKindLabel(std::string_view tld, std::string_view zone_label) {
  if (zone_label == tld) return true;
  if (tld != "gov") return false;
  for (std::string_view g : {"govt", "gouv", "gob", "go", "gv"}) {
    if (zone_label == g) return true;
  }
  return false;
}

}  // namespace

void DetectorImpl::IndexDepartmentsUnderTlds() {
  for (const Namespace& tld : namespaces_) {
    if (tld.labels != 1) continue;
    for (const Namespace& n : namespaces_) {
      if (n.labels < 2 || !SameKindLabel(tld.ns, n.ns.substr(0, n.ns.find('.')))) continue;
      for (const std::string& label : n.listed_names) {
        std::string name = Join(label, ".") + tld.ns;
        if (NamespaceNameKnown(name)) continue;
        // education.gov: .gov.uk, .gov.au and .gov.ie all list it; each
        // zone once, in the file's order.
        std::vector<std::string>& listed = department_under_tld_[std::move(name)];
        listed.push_back(Join(label, ".") + n.ns);
      }
    }
  }
}

bool DetectorImpl::DepartmentDropMatch(const Domain& d, const std::vector<std::string>& listed,
                                       std::string_view missing, LookalikeMatch& m) const {
  const std::string_view reg = d.registrable;
  const std::string& first = listed.front();  // "hmrc.gov.uk"
  const std::string_view zone = std::string_view(first).substr(first.find('.') + 1);
  const std::optional<uint32_t> id = set_.Exact(zone);
  if (!id) return false;
  const std::string_view hosts = std::string_view(d.ascii).substr(0, d.ascii.size() - reg.size());
  const std::string_view label = reg.substr(0, reg.find('.'));
  m.kind = LookalikeMatch::Kind::kLookalike;
  m.source = set_[*id].source;
  m.code = ReasonCode::kSuffixDrop;
  m.target = first;
  m.resembles = first;
  m.target_domain_for_suggestion = std::string(hosts) + first;
  if (listed.size() > 1) m.alternative_suggestion = std::string(hosts) + listed[1];
  if (set_[*id].is_namespace) {
    m.detail = "the ." + std::string(missing) + " of ." + std::string(zone) + " is missing; '" +
               std::string(label) + "' is a department under ." + std::string(zone);
  } else {
    // A listed host of a declared domain (army.mod.uk of mod.uk).
    m.detail = "the ." + std::string(missing) + " of " + first + " is missing; " + first +
               " is a mail domain of " + std::string(zone);
  }
  m.score = 0.93;
  return true;
}

bool DetectorImpl::DepartmentUnderTld(const Domain& d, LookalikeMatch& m) const {
  // hmrc.gov, dwp.gov, nzdf.mil: trusted by the US namespace, which covers
  // every name under it, though no one registered them; the sender wrote a
  // department of the UK's (NZ's) zone and left its country out. Trusted,
  // the mail went to whoever registers hmrc.gov (issue 15, round 35,
  // defect 3). A label several countries list (education.gov) names the
  // first two; which is meant nothing here tells.
  const std::string_view reg = d.registrable;
  auto it = department_under_tld_.find(reg);
  if (it == department_under_tld_.end()) return false;
  const std::string& listed = it->second.front();  // "hmrc.gov.uk"
  const std::string_view zone = std::string_view(listed).substr(listed.find('.') + 1);
  if (!DepartmentDropMatch(d, it->second, zone.substr(zone.rfind('.') + 1), m)) return false;
  if (const std::string_view typed_tld = reg.substr(reg.find('.') + 1);
      !zone.starts_with(Join(typed_tld, "."))) {
    // impots.gov for impots.gouv.fr: the zone's own spelling lost as well
    // as its country (SameKindLabel).
    m.code = ReasonCode::kSuffixEdit;
    m.detail = "it ends in ." + std::string(typed_tld) + " where ." + std::string(zone) +
               " belongs; '" + std::string(reg.substr(0, reg.find('.'))) +
               "' is a department under ." + std::string(zone);
  }
  for (size_t i = 1; i < it->second.size(); ++i) {
    const std::string& other = it->second[i];
    m.detail.append(i + 1 == it->second.size() ? " and ." : ", .");
    m.detail.append(std::string_view(other).substr(other.find('.') + 1));
  }
  m.detail.append(", and no list holds ").append(reg);
  // defence.gov: defense.gov, the US Department of Defense's, a name the
  // lists hold one letter away under the very TLD typed, is offered
  // beside defence.gov.au (tester 15: only that one was).
  const size_t dot = reg.find('.');
  const std::string_view tld = reg.substr(dot + 1);
  // A second zone spelt otherwise (defence.govt.nz beside defence.gov.au)
  // gives way to that name under the TLD typed, which keeps the ending.
  std::string other_spelling;
  if (it->second.size() > 1 && !std::string_view(it->second[1])
                                    .substr(it->second[1].find('.') + 1)
                                    .starts_with(Join(tld, "."))) {
    other_spelling = std::move(m.alternative_suggestion);
    m.alternative_suggestion.clear();
  }
  for (const Namespace& n : namespaces_) {
    if (!m.alternative_suggestion.empty() || n.ns != tld) continue;
    const std::vector<std::string_view> near = RealNamesNear(n.listed_names, reg.substr(0, dot));
    if (near.size() != 1) break;
    m.alternative_suggestion = d.ascii.substr(0, d.ascii.size() - reg.size());
    m.alternative_suggestion.append(near.front()).append(".").append(tld);
  }
  if (m.alternative_suggestion.empty()) m.alternative_suggestion = std::move(other_spelling);
  return true;
}

void DetectorImpl::RetargetMadeUpName(const Domain& d, Best& best) const {
  // "gov" of the made-up hmrc.gov; "gov.uk" of abs.gov.uk, the kind "gov".
  const std::string& ns = set_[best.id].domain;
  const std::string_view kind = std::string_view(ns).substr(0, ns.find('.'));
  const std::string_view label = std::string_view(best.target).substr(0, best.target.find('.'));
  const std::string listed = ListedNameOfKind(label, Join(kind, "."));
  if (listed.empty() || listed == best.target || !best.suggestion.ends_with(best.target)) return;
  const std::optional<uint32_t> id = set_.Exact(listed.substr(label.size() + 1));
  if (!id || !set_[*id].is_namespace) return;
  const std::string_view before =
      std::string_view(best.suggestion).substr(0, best.suggestion.size() - best.target.size());
  // "hmrc.gov" of hmrc.gov.com and abs.gov.us: what was typed before the
  // ending that is the slip.
  std::string stem(before);
  stem.append(label).append(".").append(kind).append(".");
  std::string detail;
  if (d.ascii.starts_with(stem)) {
    // "has .com where .uk belongs": the ending after the name's "gov".
    const std::string_view typed = std::string_view(d.ascii).substr(stem.size());
    const std::string_view meant = std::string_view(listed).substr(label.size() + kind.size() + 2);
    detail = SuffixDetail(typed, meant);
    best.code = ReasonCode::kSuffixEdit;
  } else {
    detail = best.detail;
  }
  detail.append("; ").append(listed).append(" is a real .").append(set_[*id].domain);
  detail.append(" name, and no list holds ").append(best.target);
  best.id = *id;
  best.target = listed;
  best.suggestion = Join(before, listed);
  best.detail = std::move(detail);
  best.alt_code.reset();
  best.alt_suggestion.clear();
}

}  // namespace nearmiss::lookalike
