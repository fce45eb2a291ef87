// Candidates for a protected name whose ending of several labels was typed
// in another zone, the name and the zone's first label kept:
//   - under another TLD, which makes it a name registered there
//     (forces.gc.com for forces.gc.ca, met.police.com for met.police.uk):
//     whoever holds gc.com or police.com receives the mail. Reason
//     tld-swap.
//   - under the same country's commercial second level (hmrc.co.uk for
//     hmrc.gov.uk, ato.com.au for ato.gov.au, nzdf.co.nz for nzdf.mil.nz):
//     a commercial zone, where anyone registers the name. Reason
//     suffix-edit.
// Issue 15, round 38, items 2 and 3. Only names the lists hold: a declared
// entry (forces.gc.ca), or a name namespace-names.txt lists under a
// protected namespace (hmrc.gov.uk, met.police.uk); anything.police.com is
// police.com's. Zones of several labels come from the Public Suffix List
// (gc.ca, police.uk, gov.uk) and the protected namespaces.
#include <algorithm>

#include "address/second_level_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

void DetectorImpl::MovedZoneCandidates(const Query& q, Best& best) const {
  const std::string_view ascii = q.domain->ascii, typed_suffix = q.domain->suffix;
  if (q.reg_label.empty() || typed_suffix.empty()) return;
  // The typed ending a commercial zone of the meant one's country (co.uk
  // of gov.uk), or, for the other kind, no relation to it at all.
  const std::string_view typed_first = typed_suffix.substr(0, typed_suffix.find('.'));
  const bool commercial =
      LabelCount(typed_suffix) == 2 && IsOpenSecondLevel(typed_first);
  auto offer = [&](uint32_t id, std::string_view prefix, std::string_view meant_name,
                   std::string_view zone) {
    std::string meant(meant_name);
    meant += '.';
    meant += zone;
    std::string detail;
    ReasonCode code = ReasonCode::kTldSwap;
    if (commercial && LastLabel(zone) == LastLabel(typed_suffix)) {
      code = ReasonCode::kSuffixEdit;
      detail = "the ending .";
      detail.append(typed_suffix).append(", where anyone registers a name,");
      detail.append(" stands where .").append(zone).append(" belongs");
    } else {
      detail = "has .";
      detail.append(typed_suffix).append(" where the .").append(LastLabel(zone));
      detail.append(" of .").append(zone).append(" belongs");
    }
    detail.append(": ").append(meant).append(" is the real name");
    Candidate c{id, code, std::move(detail), meant, Join(prefix, meant), 0.9};
    c.yields_to_real_domain = true;
    Offer(std::move(c), best);
  };
  // The zone meant: its labels but the last are typed before the typed
  // ending (gc of gc.ca in forces.gc.com), or, of a commercial zone, its
  // last label is the typed one (uk of gov.uk in hmrc.co.uk).
  auto zone_fits = [&](std::string_view head, std::string_view zone,
                       std::string_view& name_part) {
    if (zone == typed_suffix || LabelCount(zone) < 2) return false;
    const std::string_view zone_tld = LastLabel(zone);
    const std::string_view zone_head = zone.substr(0, zone.size() - zone_tld.size() - 1);
    if (commercial && zone_tld == LastLabel(typed_suffix) && LabelCount(zone) == 2) {
      // A government's zone only (gov.uk, govt.nz, mil.nz): another
      // commercial zone is a sister (com.au, net.au), which SuffixCandidates
      // weighs, and the police forces' names are places (kent.co.uk).
      if (!address::IsPublicSectorLabel(zone_head)) return false;
      name_part = head;
      return true;
    }
    // Under another TLD: no country's own zone of that kind (gov.ua for
    // gov.uk is a real government's, ForeignZoneCandidates' question),
    // which the Public Suffix List's split would have shown as the suffix.
    if (zone_tld == LastLabel(typed_suffix) || !head.ends_with(zone_head) ||
        head.size() <= zone_head.size() || head[head.size() - zone_head.size() - 1] != '.') {
      return false;
    }
    name_part = head.substr(0, head.size() - zone_head.size() - 1);
    return true;
  };
  const std::string_view head = ascii.substr(0, ascii.size() - typed_suffix.size() - 1);
  // A name under a protected namespace: the lists hold it.
  for (const Namespace& n : namespaces_) {
    std::string_view name_part;
    if (n.labels < 2 || !zone_fits(head, n.ns, name_part)) continue;
    const std::string_view label = LastLabel(name_part);
    const std::string_view prefix = name_part.substr(0, name_part.size() - label.size());
    if (std::find(n.names.begin(), n.names.end(), label) == n.names.end()) continue;
    // hmrc.gov.com, army.mil.com: read as a name under the one-label
    // namespace (.gov, .mil) with a TLD added (RetargetMadeUpName,
    // AppendCandidates).
    if (name_part != head) {
      std::string under_tld(label);
      under_tld += '.';
      under_tld += n.ns.substr(0, n.ns.size() - LastLabel(n.ns).size() - 1);
      if (std::optional<uint32_t> under = set_.TrustedBy(under_tld);
          under && set_[*under].is_namespace) {
        continue;
      }
    }
    offer(n.id, prefix, label, n.ns);
  }
  // Its dot left out as well (hmrcgov.com, metpolice.com, hmrc-gov.co.uk):
  // the registrable label is the name run into the zone's first label.
  // Under the zone's own TLD (hmrcgov.uk) it is RunIntoNamespace's. Only
  // under the endings typed out of habit or the country's commercial zone:
  // a name of that shape under any other (impotsgouv.pro) is registered
  // on purpose, one of the real mail domains bench/false-alarms counts.
  const std::string_view reg = q.reg_label;
  for (const Namespace& n : namespaces_) {
    if (!commercial && !IsHabitualSuffix(typed_suffix)) break;
    if (n.labels != 2) continue;
    const std::string_view zone_tld = LastLabel(n.ns);
    const std::string_view zone_head = std::string_view(n.ns).substr(0, n.ns.size() - zone_tld.size() - 1);
    if (typed_suffix == zone_tld || reg.size() <= zone_head.size() + 1 || !reg.ends_with(zone_head)) {
      continue;
    }
    std::string_view stem = reg.substr(0, reg.size() - zone_head.size());
    const bool hyphen = stem.ends_with('-');
    if (hyphen) stem.remove_suffix(1);
    if (stem.size() < 2 || std::find(n.names.begin(), n.names.end(), stem) == n.names.end()) continue;
    std::string meant(stem);
    meant.append(".").append(n.ns);
    std::string detail = hyphen ? "has a hyphen where the dot before '" : "is missing the dot before '";
    detail.append(zone_head).append(hyphen ? "' belongs, and ." : "' and has .");
    detail.append(typed_suffix).append(" where the .");
    detail.append(zone_tld).append(" of .").append(n.ns).append(" belongs");
    Candidate c{n.id, ReasonCode::kDotOmission, std::move(detail), meant, Join(q.prefix, meant), 0.85};
    c.yields_to_real_domain = true;
    Offer(std::move(c), best);
  }
  // A declared entry of that name (forces.gc.ca, its name part "forces"):
  // the name is the label before the zone's first labels, none of them
  // for a commercial zone (hmrc of hmrc.co.uk), one or two for another TLD.
  std::string_view name_part = head;
  for (size_t m = 0; m <= 2 && !name_part.empty(); ++m) {
    const std::string_view label = LastLabel(name_part);
    if (m > 0 || commercial) {
      by_name_.Find(m == 0 ? q.reg_label_hash : HashKey(label), [&](uint32_t id) {
        const Entry& e = set_[id];
        if (e.is_namespace || !Declared(e.source) || e.name() != label) return;
        std::string_view fitted;
        if (!zone_fits(head, e.suffix(), fitted) || fitted != name_part) return;
        offer(id, name_part.substr(0, name_part.size() - label.size()), label, e.suffix());
      });
    }
    if (label.size() == name_part.size()) break;
    name_part = name_part.substr(0, name_part.size() - label.size() - 1);
  }
}

}  // namespace nearmiss::lookalike
