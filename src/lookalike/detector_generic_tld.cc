// Candidates from a provider's or a declared name under another generic
// TLD (gmail.net, outlook.org, gmail.email for gmail.com; nato.com,
// nato.org for nato.int; nhs.com for nhs.net). Putting .net or .org for
// .com, and .com for .int or .net, is the commonest wrong-ending slip
// (issue 15, fresh tester 15, item 4); no keyboard slip explains it, so the
// suffix classes (detector_suffix.cc) never saw it, and FamilyCandidates
// (detector_family.cc) judges a provider's name under ccTLDs alone.
//
// Whose is it? Decided from the data, never from a guess:
//  - a provider family (data/lists/provider-regions.txt) owns exactly the
//    domains listed for it there (gmx.net, gmx.org, fastmail.net are
//    listed and stay trusted); its name under any other generic TLD is
//    a look-alike of its home. Only a family that lists a domain under a
//    generic TLD: a brand the lists know only under country codes
//    (seznam.cz, wp.pl) may hold its .com as a company site.
//  - a declared name (protected, organisation) under a generic TLD is one
//    domain; the same name under another generic TLD is not the
//    organisation's unless it declared that one too (nato.int declared,
//    nato.org not: a look-alike). A declared name under a ccTLD
//    (barclays.co.uk) is left out: such brands commonly hold their .com
//    (barclays.com is Barclays'), which the data cannot tell.
//  - a government body's acronym the lists hold under one country's
//    public-sector namespace (hmrc of hmrc.gov.uk, gchq, dvla) under a
//    generic TLD (hmrc.com) is that body's look-alike: a ministry is in
//    its government's zone, and the .com of its initials is someone
//    else's. Only an acronym read as one (four or five letters, at most one
//    vowel, at the start or the end: no syllable such as stats or linz,
//    real words and places under .com), listed by one namespace alone
//    (issue 15, round 42, item 4).
//  - names of fewer than three letters are left out (wp.com is
//    WordPress's, un.com no one's slip of un.org), as are the names of
//    data/lists/word-provider-names.txt (no family is made of them).
#include <algorithm>

#include "address/root_zone.h"
#include "address/second_level_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {
namespace {

// Below the keyboard slips of an ending (gmail.cam: suffix-edit, 0.85) and
// a provider's name under a ccTLD (0.96), which explain a domain better.
constexpr double kGenericTldScore = 0.8;
constexpr size_t kMinNameLength = 3;

// A delegated generic TLD written in ASCII, alone: "com", "net", "int",
// "email". Not co.uk, not a ccTLD, nor another script's form of one
// (ScriptTldCandidates: gmail.ком), nor a testing TLD.
bool IsGenericTld(std::string_view tld) {
  return tld.size() > 2 && tld.find('.') == std::string_view::npos &&
         !tld.starts_with("xn--") && address::HasDelegatedTld(tld) &&
         !address::IsCountryCodeTld(tld) && !address::IsTestingTld(tld);
}

// "hmrc", "gchq", "dvla", "accc": four or five letters with at most one
// vowel, at the start or the end, so no syllable is read in it ("stats",
// "linz", "sante" are words or places, and theirs is the .com).
// .co, Colombia's code sold as "the new .com": .com with its last letter
// left off, the ending slipped into most often after .com itself.
bool ComCutShort(std::string_view tld) { return tld == "co"; }

// .bank and .insurance (fTLD Registry Services): only verified, regulated
// banks and insurers register there, and a name must correspond to the
// registrant's own trademark, trade name or service mark (fTLD's .BANK
// Registrant Eligibility and Name Selection Policies, checked before a name
// is delegated). natwest.bank is NatWest's, not a stranger's slip of the
// protected natwest.com: judged as an outside domain (issue 15, round 45's
// tester, finding 3).
bool VerifiedRegistrantTld(std::string_view tld) { return tld == "bank" || tld == "insurance"; }

bool ReadAsAcronym(std::string_view label) {
  if (label.size() < 4 || label.size() > 5) return false;
  size_t vowels = 0, at = 0;
  for (size_t i = 0; i < label.size(); ++i) {
    if (std::string_view("aeiouy").find(label[i]) != std::string_view::npos) {
      ++vowels;
      at = i;
    }
  }
  return vowels == 0 || (vowels == 1 && (at == 0 || at + 1 == label.size()));
}

}  // namespace

void DetectorImpl::GovernmentAcronymCandidates(const Query& q, Best& best) const {
  const std::string_view dsuf = q.domain->suffix;
  const std::string_view name = q.reg_label;
  if (!ReadAsAcronym(name) || !(IsGenericTld(dsuf) || ComCutShort(dsuf))) return;
  const Namespace* holder = nullptr;
  for (const Namespace& n : namespaces_) {
    if (std::find(n.listed_names.begin(), n.listed_names.end(), name) == n.listed_names.end()) {
      continue;
    }
    if (holder != nullptr) return;  // two countries list it: whose would it be?
    holder = &n;
  }
  if (holder == nullptr || holder->labels < 2 ||
      !address::IsPublicSectorLabel(holder->ns.substr(0, holder->ns.find('.')))) {
    return;
  }
  std::string target = Join(Join(name, "."), holder->ns);
  std::string detail = "has .";
  detail.append(dsuf).append(" for .").append(holder->ns).append(": ").append(target);
  detail.append(" is the government body of that name");
  Offer({holder->id, ReasonCode::kTldSwap, std::move(detail), target, Join(q.prefix, target),
         kGenericTldScore},
        best);
}

void DetectorImpl::GenericTldCandidates(const Query& q, Best& best) const {
  const std::string_view dsuf = q.domain->suffix;
  const std::string_view name = q.reg_label;
  // gov of gov.scot, gov.wales: a public-sector word, the namespace-like
  // head of a zone, not a name (hmrc.gov.com is hmrc.gov.uk's slip,
  // RetargetMadeUpName's, never hmrc.gov.wales).
  if (name.size() < kMinNameLength || address::IsPublicSectorLabel(name)) return;
  // nhs.co, who.co: .com cut short, read as .com is (nhs.com for nhs.net;
  // issue 15, round 43's tester, finding 13). Declared names only: a
  // provider's name there is a slip of its own .com (gmail.co).
  if (ComCutShort(dsuf)) {
    DeclaredUnderGenericTld(q, best);
    return;
  }
  if (!IsGenericTld(dsuf)) return;
  if (auto it = families_.find(std::string(name)); it != families_.end()) {
    const ProviderFamily& f = it->second;
    auto generic_own = [&](std::string_view own) {
      return own.size() > f.name.size() + 1 && own.starts_with(f.name) &&
             own[f.name.size()] == '.' &&
             IsGenericTld(own.substr(f.name.size() + 1));
    };
    bool under_generic = generic_own(f.home);
    for (const std::string& own : f.domains)
      under_generic = under_generic || generic_own(own);
    std::string here = Join(Join(f.name, "."), dsuf);
    // x.hotmail.com: a host under a trusted domain of the provider's own,
    // not its name under another TLD (round 51's tester 15, finding 7).
    if (under_generic && !family_domains_.contains(here) && !set_.Exact(here).has_value()) {
      if (std::optional<uint32_t> home = set_.Exact(f.home)) {
        std::string detail = "the provider " + f.name +
                             " has no domain under ." + std::string(dsuf);
        Offer({*home, ReasonCode::kTldSwap, std::move(detail), f.home,
               Join(q.prefix, f.home), kGenericTldScore},
              best);
      }
    }
  }
  DeclaredUnderGenericTld(q, best);
}

void DetectorImpl::DeclaredUnderGenericTld(const Query& q, Best& best) const {
  const std::string_view dsuf = q.domain->suffix;
  const std::string_view name = q.reg_label;
  if (VerifiedRegistrantTld(dsuf)) return;
  by_name_.Find(HashKey(name), [&](uint32_t id) {
    const Entry& e = set_[id];
    if (e.name() != name || e.is_namespace || !Declared(e.source)) return;
    const std::string_view tsuf = e.suffix();
    if (tsuf == dsuf || !IsGenericTld(tsuf)) return;
    // nhs.scot, gov.wales: a place's own domain, not what a sender who
    // typed nhs.com meant (issue 15, round 42, tester item 21c).
    if (TldNamesAPlace(tsuf)) return;
    // The organisation declared the name under this TLD too: trusted
    // already, and never asked here; under a third one it is still a slip.
    std::string detail = "has .";
    detail.append(dsuf).append(" for .").append(tsuf).append(": ").append(
        e.domain);
    detail.append(" is the trusted domain of that name");
    Offer({id, ReasonCode::kTldSwap, std::move(detail), e.domain,
           Join(q.prefix, e.domain), kGenericTldScore},
          best);
  });
}

void DetectorImpl::MovedHostCandidates(const Query& q, Best& best) const {
  // us.army.com, hq.af.com, royalnavy.mod.com: a host label kept, the
  // organisation's name kept, and its ending typed as the generic TLD
  // everyone types out of habit. The host label makes the reading plain:
  // no one writes to a host of army.com meaning the recruiting site. The
  // same rule for every protected organisation (issue 15, tester of round
  // 43, finding 2; shape.nato.com was GenericTldCandidates' already):
  //  - a declared domain directly under a country code (mod.uk, canada.ca,
  //    bund.de): the organisation declared it, and its hosts are trusted;
  //    one under a commercial second level (barclays.co.uk) is a brand,
  //    which commonly holds its .com as well (GenericTldCandidates' note);
  //  - a name under a one-label namespace that the lists hold hosts under
  //    (army.mil of us.army.mil, af.mil of ramstein.af.mil): hosted_names_.
  // The bare name (army.com, mod.com) stays external: recruiting sites and
  // companies hold them, and without a host nothing says which was meant.
  const std::string_view dsuf = q.domain->suffix;
  const std::string_view name = q.reg_label;
  if (name.size() < 2 || !IsGenericTld(dsuf)) return;
  auto offer = [&](uint32_t id, const std::string& target) {
    std::string detail = "has .";
    detail.append(dsuf).append(" for .").append(target.substr(name.size() + 1));
    detail.append(": ").append(target).append(" is the trusted domain, ");
    detail.append(q.prefix.substr(0, q.prefix.size() - 1)).append(" a host under it");
    Offer({id, ReasonCode::kTldSwap, std::move(detail), target, Join(q.prefix, target),
           kGenericTldScore},
          best);
  };
  by_name_.Find(q.reg_label_hash, [&](uint32_t id) {
    const Entry& e = set_[id];
    if (e.name() != name || e.is_namespace || !Declared(e.source)) return;
    const std::string_view tsuf = e.suffix();
    if (tsuf == dsuf || !address::IsCountryCodeTld(tsuf) || tsuf.find('.') != std::string_view::npos) {
      return;
    }
    offer(id, e.domain);
  });
  for (const Namespace& n : namespaces_) {
    if (n.labels != 1 || n.ns == dsuf) continue;
    std::string target(name);
    target.append(".").append(n.ns);
    if (hosted_names_.contains(target)) offer(n.id, target);
  }
}

}  // namespace nearmiss::lookalike
