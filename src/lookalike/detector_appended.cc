// Candidates for a trusted name with a zone appended where the query's
// Public Suffix split hides the name, and for a namespace's slip into
// another country's real public-sector zone (issue 15, fresh tester,
// items 1, 3, 4 and 5).
//
// The split reads army.mil.cn as "army" under the PSL zone mil.cn, and
// dwp.gov.uk.us.com as "uk" under .us.com (ICANN section: "com"); neither
// shows the trusted name army.mil or dwp.gov.uk that AppendCandidates
// (detector_name.cc) looks for.
#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "address/second_level_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

bool DetectorImpl::KnownUnderNamespace(std::string_view name) const {
  return known_under_namespace_.contains(std::string(name));
}

void DetectorImpl::AppendedZoneCandidates(const Query& q, Best& best) const {
  const std::string_view ascii = q.domain->ascii;
  std::string_view head, tail;
  // army.mil.cn, fbi.gov.ru, hq.army.mil.kr: a ccTLD after a trusted name
  // whose last label makes a zone the PSL lists with it (mil.cn, gov.ru).
  // Only declared names (the organisation's, protected): a provider's
  // name under com.cn is FamilyCandidates'. Whether the country's own
  // name of that zone is meant (wp.mil.pl, the Polish armed forces) is
  // decided by RealZoneNeighbour: a name the lists hold (KnownUnderNamespace,
  // or an entry of its own) is the slip, another is a real neighbour.
  if (SplitTail(ascii, 1, head, tail) && head.find('.') != std::string_view::npos &&
      q.domain->suffix.find('.') != std::string_view::npos && tail.size() == 2 &&
      address::HasDelegatedTld(tail)) {
    if (std::optional<uint32_t> id = set_.TrustedBy(head); id && Declared(set_[*id].source)) {
      std::string detail = "has .";
      detail.append(ShownEnding(tail)).append(" added at the end");
      std::string target = TargetUnder(set_[*id], head);
      // A name no list holds is likely the country's own (RealZoneNeighbour
      // makes it a real neighbour), so a namespace slip into the zone
      // (mfa.gov.hu: mfa.gov.au, ForeignZoneCandidates) names it better.
      const bool known = !set_[*id].is_namespace || KnownUnderNamespace(target);
      Offer({*id, ReasonCode::kSuffixAppend, std::move(detail), std::move(target),
             std::string(head), known ? 0.92 : 0.6},
            best);
    }
  }
  // dwp.gov.uk.us.com, hmrc.gov.uk.gb.net, gmail.com.uk.com: an open
  // private zone (CentralNic's us.com, gb.net: public_suffix.h) after a
  // trusted name of two labels or more. Whoever registers uk.us.com
  // receives them.
  if (q.open_zone.empty()) return;
  head = q.open_zone_head;
  tail = q.open_zone;
  const std::string zone_note = ", a zone where anyone registers a name";
  if (head.find('.') != std::string_view::npos) {
    if (std::optional<uint32_t> id = set_.TrustedBy(head)) {
      std::string detail = "has .";
      detail.append(tail).append(" added at the end (.").append(tail).append(zone_note).append(")");
      Offer({*id, ReasonCode::kSuffixAppend, std::move(detail), TargetUnder(set_[*id], head),
             std::string(head), 0.92},
            best);
    }
  }
  // hmrc.gov.uk.com, leeds.nhs.uk.net: the name with its own TLD, then a
  // generic TLD added; the zone uk.com makes "gov" read as a name (gov.scot
  // was suggested). The trusted name is the head with the zone's first
  // label, and it is the whole of what was typed before ".com".
  const size_t dot = tail.find('.');
  std::string meant(head);
  meant.append(".").append(tail.substr(0, dot));
  if (std::optional<uint32_t> id = set_.TrustedBy(meant);
      id && !(set_[*id].is_namespace && set_[*id].domain == meant)) {
    std::string detail = "has .";
    detail.append(tail.substr(dot + 1)).append(" added after .").append(tail.substr(0, dot));
    detail.append(" (.").append(tail).append(zone_note).append(")");
    Offer({*id, ReasonCode::kSuffixAppend, std::move(detail), TargetUnder(set_[*id], meant), meant,
           0.95},
          best);
  }
}

void DetectorImpl::BareNamespaceEndingCandidates(const Query& q, Best& best) const {
  // gov.uk.com, police.uk.net, mil.nz.com, govt.nz.co, gov.au.co.uk: a
  // namespace of two labels or more, itself no mail domain, with an ending
  // added (a TLD, a public suffix such as co.uk, or an open zone such as
  // us.com). Whoever registers the name under that ending receives the
  // mail; the PSL split reads it as "gov" under uk.com, or as the
  // registered name nz.com, so no finder of a trusted name sees the
  // namespace, and gov.uk.com was suggested as gov.scot (issue 15, breaker
  // 15, item 9). No suggestion but the mail domain of the namespace's name
  // (nhs.net): the namespace's mail domains are names under it, and which
  // is meant cannot be told. Single-label namespaces
  // (.mil, .gov) are left out: mil.com and gov.com are names of their own;
  // so are the dots made hyphens (gov-uk.com, HyphensForTheDotsOfAMulti-
  // LabelEnding: a namespace written so is no one's).
  for (size_t k = 1; k <= 2; ++k) {
    std::string_view head, tail;
    if (!SplitTail(q.domain->ascii, k, head, tail) || LabelCount(head) < 2) continue;
    const bool open_zone = k == 2 && address::IsOpenPrivateZone(tail);
    if (k == 1 ? !address::HasDelegatedTld(tail) : !open_zone && !IsPublicSuffix(tail)) continue;
    std::string flat(head);
    std::erase(flat, '.');
    auto it = flat_namespaces_.find(flat);
    if (it == flat_namespaces_.end() || namespaces_[it->second].ns != head) continue;
    const Namespace& n = namespaces_[it->second];
    // nhs.uk.com: what the bare namespace's look-alike offers (nhs.co.uk:
    // nhs.net, NamespaceApexCandidates), the mail domain of its name, when
    // it has one (issue 15, tester round 56b, finding 3).
    const std::string mail = ApexMailDomain(n.ns).value_or("");
    std::string detail = "is the namespace " + n.ns;
    detail.append(" with .").append(tail).append(" added; ").append(n.ns);
    if (mail.empty()) {
      detail.append(" is no mail domain: its mail domains are names under it");
    } else {
      detail.append(" is a namespace, and ").append(mail).append(" the mail domain of that name");
    }
    if (open_zone) detail.append(" (.").append(tail).append(", a zone where anyone registers a name)");
    Offer({n.id, ReasonCode::kSuffixAppend, std::move(detail), n.ns, mail, 0.95}, best);
  }
}

void DetectorImpl::ForeignZoneCandidates(const Query& q, Best& best) const {
  // health.gov.ua (health.gov.au), mfa.gov.hu: NamespaceCandidates leaves a
  // real public suffix one letter from a namespace alone (another country's
  // government, not a slip); the name is still reported, so that a policy
  // can warn or confirm, and names the namespace's name it is one slip
  // from. RealZoneNeighbour turns it into real-neighbour; a known name with
  // the zone's country code added (af.mil.ng, not af.mil.nz: 0.92) ranks
  // above it and stays a look-alike.
  // Not a regression path for look-alikes: a candidate this one outranks
  // names a target outside the zone, which RealZoneNeighbour makes a real
  // neighbour all the same.
  const std::string_view ascii = q.domain->ascii;
  const TailSplits splits(ascii);
  // The namespaces one edit from a tail (namespace_index.h), in order.
  thread_local std::vector<uint32_t> near;
  near.clear();
  namespace_index_.AppendNear(ascii, near);
  NamespaceIndex::SortUnique(near);
  for (uint32_t at : near) {
    const Namespace& n = namespaces_[at];
    if (n.labels < 2) continue;
    std::string_view head, tail;
    if (!splits.Split(n.labels, head, tail) || tail == n.ns) continue;
    if (BoundedDamerau(tail, n.ns, 1) != 1 || !address::IsRealSecondLevelZone(tail)) continue;
    if (!address::IsPublicSectorLabel(tail.substr(0, tail.find('.')))) continue;
    std::string target(LastLabel(head));
    target.append(".").append(n.ns);
    std::string suggestion(head);
    suggestion.append(".").append(n.ns);
    // mfa.gov.hu also reads as mfa.gov with .hu added (AppendCandidates,
    // 0.92): a real neighbour either way unless the lists hold mfa.gov, and
    // the namespace slip names the neighbour a sender would know.
    std::string_view no_tld, tld;
    std::optional<uint32_t> appended;
    if (SplitTail(ascii, 1, no_tld, tld)) appended = set_.TrustedBy(no_tld);
    const bool known_append =
        appended && (!set_[*appended].is_namespace ||
                     KnownUnderNamespace(TargetUnder(set_[*appended], no_tld)));
    Offer({n.id, ReasonCode::kSuffixEdit, SuffixDetail(tail, n.ns), std::move(target),
           std::move(suggestion), known_append ? 0.9 : 0.925},
          best);
  }
}

}  // namespace nearmiss::lookalike
