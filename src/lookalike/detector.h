// DetectorImpl: the LookalikeDetector behind the public interface.
//
// The candidate types (Query, Candidate, Best) are candidate.h's.
//
// Indexes (all HashIndex over TrustedSet ids):
//   typo_     deletion neighbourhoods of each entry's visual key and plain
//             spelling (name part, keyed with its suffix): one-edit matches,
//             and two-edit matches for long names, found by symmetric
//             deletion (SymSpell).
//   by_name_  the name part alone: the same name under another suffix.
//   joined_   the domain with one dot dropped or made a hyphen.
//   host_     first labels of known hosts (mildenhall of mildenhall.af.mil).
//   letters_  declared and provider domains by the letters of their first
//             label, in any order, and the rest (LettersKey): the one
//             lookup DistantSwapCandidates makes for all its variants.
// Namespaces are few and checked directly.
#ifndef NEARMISS_LOOKALIKE_DETECTOR_H_
#define NEARMISS_LOOKALIKE_DETECTOR_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lookalike/candidate.h"
#include "lookalike/edit.h"
#include "lookalike/hash_index.h"
#include "lookalike/namespace_index.h"
#include "lookalike/slip_score.h"
#include "lookalike/trusted_set.h"
#include "nearmiss/lookalike.h"

namespace nearmiss::lookalike {

class DetectorImpl final : public LookalikeDetector {
 public:
  Status Init(std::vector<TrustedEntry> entries, LookalikeLists lists, LookalikeOptions options);

  LookalikeMatch Classify(const Domain& domain) const override;
  size_t size() const override { return set_.entries().size(); }
  std::optional<std::string> ApexMailDomain(std::string_view apex) const override;
  bool NamespaceNameListed(std::string_view name) const override { return NameOrParentKnown(name); }
  size_t MemoryBytes() const;

 private:
  // Classify's reading of `domain`, before the suggestion is made the
  // target where the labels were only reordered (detector_classify.cc).
  LookalikeMatch ClassifyReading(const Domain& domain) const;
  // `m`, no look-alike, made one when the labels before the public suffix
  // or the registered domain are a look-alike (hmrc.uk.com, army.ml.com,
  // army.ml.mailo.com: suffix-append of it). Asked where nothing near was
  // found, and for a host of a listed real domain, then with
  // `registered_only`: only the labels before the registered domain, as
  // for any other host (gov.uk.post.ch is gov.uk's host under post.ch, not
  // gov.uk.post with .ch added). True when so
  // (detector_appended_lookalike.cc).
  bool AppendedLookalike(const Domain& d, LookalikeMatch& m, bool registered_only = false) const;
  void SuffixCandidates(const Query& q, Best& best) const;
  // A slip inside a suffix of several labels (barclays.cp.uk, mod.gvo.uk):
  // the query's own split does not show the name, so try the last k labels.
  void MultiLabelSuffixCandidates(const Query& q, Best& best) const;
  // A label inserted into the ending of a declared name (mod.co.uk for
  // mod.uk, hmrc.gov.co.uk for hmrc.gov.uk): the query's split hides it.
  void InsertedSuffixLabelCandidates(const Query& q, Best& best) const;
  // Part of it when the name meant is the namespace `ns` itself (nhs.co.uk
  // for nhs.uk): suggests a declared mail domain of that name (nhs.net), or
  // nothing, never the namespace. `detail` says what was inserted.
  void NamespaceApexCandidates(const Query& q, uint32_t ns, std::string detail, Best& best) const;
  // A provider's name under a ccTLD it has no domain in (seznam.cy).
  void FamilyCandidates(const Query& q, Best& best) const;
  // Its part for a generic or brand TLD `dsuf` one edit from one of the
  // provider's own TLDs (t-online.dev for t-online.de); `other_slip`: the
  // name was slipped too, left alone (detector_family.cc).
  void GenericTldSlip(const ProviderFamily& f, std::string_view dsuf, std::string_view prefix,
                      bool other_slip, Best& best) const;
  // A slip in a provider's name under a ccTLD it has no domain in
  // (gmial.de, gmai.co.uk): detector_family_typo.cc.
  void FamilyTypoCandidates(const Query& q, Best& best) const;
  // A provider's or a declared name under another generic TLD (gmail.net,
  // nato.com for nato.int): detector_generic_tld.cc says whose is whose.
  // hmrc.com: a government body's acronym one namespace lists (hmrc.gov.uk)
  // under a generic TLD (detector_generic_tld.cc).
  void GovernmentAcronymCandidates(const Query& q, Best& best) const;
  void GenericTldCandidates(const Query& q, Best& best) const;
  // Its part for declared names (nato.com, nhs.co): detector_generic_tld.cc.
  void DeclaredUnderGenericTld(const Query& q, Best& best) const;
  // A host typed under a protected organisation's name with its ending
  // made a generic TLD (us.army.com, hq.af.com, royalnavy.mod.com):
  // detector_generic_tld.cc.
  void MovedHostCandidates(const Query& q, Best& best) const;
  // Fills family_typo_ from families_ (Init, once).
  void IndexFamilyTypos();
  // A trusted name in an open zone of the PSL's private section
  // (gmail.uk.com, barclays.us.com): address::IsOpenPrivateZone.
  void OpenZoneCandidates(const Query& q, Best& best) const;
  // A trusted name under another script's form of its TLD (gmail.ком for
  // gmail.com): address::AsciiTldOfForm.
  void ScriptTldCandidates(const Query& q, Best& best) const;
  void NamespaceCandidates(const Query& q, Best& best) const;
  // "hmrcgov.uk" for hmrc.gov.uk: part of NamespaceCandidates for the
  // namespace `ns` of several labels (entry `id`).
  void RunIntoNamespace(const Query& q, uint32_t id, std::string_view ns, Best& best) const;
  // Those of a namespace's real `names` (Namespace::names) that `name` is
  // a slip of (armu, navv for army, navy under .mil): the one name one edit
  // away, or of several the plain slips (PlainKeySlip); none when `name` is
  // one itself. Names of four letters or more only: the short acronyms
  // (dla, dia, dss) are each a slip of several others.
  static std::vector<std::string_view> RealNamesNear(const std::vector<std::string>& names,
                                                     std::string_view name);
  // A domain under a TLD the root zone lacks (gmail.c, army.m): the trusted
  // name whose TLD it cuts short. Asked only for such a domain.
  void UndelegatedCandidates(const Query& q, Best& best) const;
  // A domain of one label that is a trusted name with its dots left out
  // (gmailcom, hotmailcouk, armymil): true and `m` its look-alike.
  // Asked for a Domain of one label, which the engine builds for a name
  // ParseDomain refuses (detector_dotless.cc).
  bool DotlessMatch(const Domain& d, LookalikeMatch& m) const;
  // The same with one slip more (gmailcon, armymill, gmail-com): the
  // typed name `s` (ASCII) with its dots put back is judged, and a
  // suggestion one edit from `s` kept. detector_dotless.cc.
  bool DotlessSlipMatch(std::string_view s, LookalikeMatch& m) const;
  // NamespaceNameKnown of `name` or of a parent of it (us.army.mil: army.mil).
  bool NameOrParentKnown(std::string_view name) const;
  // `ascii`, trusted by namespace entry `id` but a name the lists do not
  // hold there (arrny.mil, the ASCII reading of a homoglyph), read as the
  // real name under it a reader sees or one slip from (RealNamesNear):
  // "army.mil" and, in `why`, what differs; nullopt when none is.
  // detector_homoglyph_name.cc.
  std::optional<std::string> RealNameUnder(uint32_t id, std::string_view ascii,
                                           std::string& why) const;
  // `m` of an IDN `d` whose ASCII reading is a real mail domain no list
  // trusts (mаilo.com: mailo.com): that domain named and suggested.
  void HomoglyphOfRealDomain(const Domain& d, LookalikeMatch& m) const;
  // A dot moved one letter or typed once too often, wherever it lands:
  // gmailc.om, armym.il, gmai.lcom, army.mi.l, hotmail.c.om, hmrc.go.v.uk.
  void DotShiftCandidates(const Query& q, Best& best) const;
  void AppendCandidates(const Query& q, Best& best) const;
  // The entry that trusts `name` (TrustedBy), or else the first entry that
  // `name` is with host labels before it (hotmail.co.jp of
  // mail.hotmail.co.jp: a provider is trusted exactly), `covered` set to
  // that part of `name`. detector_name.cc.
  std::optional<uint32_t> TrustedPastHosts(std::string_view name,
                                           std::string_view& covered) const;
  // A whole trusted domain followed by another registered domain
  // (army.mil.attacker.com, partner.example-mail.com): detector_embedded.cc.
  void EmbeddedDomainCandidates(const Query& q, Best& best) const;
  // A trusted name with a zone appended that the query's split hides:
  // a ccTLD making a real zone of its last label (army.mil.cn: mil.cn), an
  // open private zone (dwp.gov.uk.us.com), or its own TLD's (hmrc.gov.uk.com:
  // uk.com). detector_appended.cc.
  void AppendedZoneCandidates(const Query& q, Best& best) const;
  // True when `name` (army.mil) is under a namespace and the lists hold it
  // or a name under it, so a real foreign zone ending it is a slip, not
  // that country's own name (wp.mil.pl). detector_appended.cc.
  bool KnownUnderNamespace(std::string_view name) const;
  // For a name `covered` under namespace entry `id` with `ending` typed
  // after it: the candidate COVERED.CC when CC, the ending's first label as
  // typed (the rest added) or with its two letters swapped, makes a name of
  // a real public-sector zone (address/second_level_zone.h: mea.gov.in), its
  // target and suggestion that name; else none. detector_name.cc.
  std::optional<Candidate> ForeignZoneName(uint32_t id, std::string_view covered,
                                           std::string_view ending) const;
  // The same for a slip of the namespace's label into another country's
  // public-sector label: COVERED's last label one edit from LABEL, and
  // LABEL.CC a real zone (sre.gov.mx: sre.gob.mx; mofa.gov.jp:
  // mofa.go.jp); else none. detector_zone_label.cc.
  std::optional<Candidate> ZoneLabelSlipName(uint32_t id, std::string_view covered,
                                             std::string_view ending) const;
  // KnownUnderNamespace, or `name` is NAME.NS with NAME in the namespace
  // NS's names list (af.mil, dla.mil: names too short for the former).
  bool NamespaceNameKnown(std::string_view name) const;
  // A multi-label name with its dots made hyphens or left out and an
  // ending added (hmrc.gov-uk.com, yahoo-co-uk.com, hmrc.govuk.com).
  // detector_combosquat.cc.
  void HyphenatedEndingCandidates(const Query& q, Best& best) const;
  // A namespace of several labels, no mail domain itself, with an ending
  // added (gov.uk.com, mil.nz.com, gov-uk.net): suffix-append of the
  // namespace, with no suggestion. detector_appended.cc.
  void BareNamespaceEndingCandidates(const Query& q, Best& best) const;
  // A slip of a namespace into another country's real public-sector zone
  // (health.gov.ua for health.gov.au): reported as a real neighbour of the
  // namespace's name (RealZoneNeighbour). detector_appended.cc.
  void ForeignZoneCandidates(const Query& q, Best& best) const;
  // A name the lists hold under a zone of several labels, typed with the
  // zone's last label another TLD (forces.gc.com, met.police.com) or with
  // its first the same country's company zone (hmrc.co.uk, ato.com.au):
  // detector_moved_zone.cc.
  void MovedZoneCandidates(const Query& q, Best& best) const;
  void JoinedCandidates(const Query& q, Best& best) const;
  void HostLabelCandidates(const Query& q, Best& best) const;
  // A listed host of a declared domain joined to it, its dot dropped or a
  // hyphen (armymod.uk, ec-europa.eu; hqnato.com under a generic TLD):
  // detector_joined_name.cc, from data/lists/protected-hosts.txt.
  void JoinedHostCandidates(const Query& q, Best& best) const;
  // Two letters swapped across a third (sezman.cz for seznam.cz), of a
  // declared or provider name exactly: detector_swap.cc.
  void DistantSwapCandidates(const Query& q, Best& best) const;
  // Fills letters_ (Init, once, after the set).
  void IndexDistantSwaps();
  void TypoCandidates(const Query& q, Best& best) const;
  // `under`: the suffix whose names to search, when not the query's own.
  // `whole`: the query's whole name, else its last label only.
  // `label`: the name to search for when not the query's own last label
  // (the head of a two-label ending the PSL split does not see, "barclsys"
  // of barclsys.cp.uk); `typed_under`: the ending as typed, when not the
  // query's suffix ("cp.uk").
  void TypoCandidatesFor(const Query& q, bool whole, std::string_view prefix, Best& best,
                         std::string_view under = {}, std::string_view label = {},
                         std::string_view typed_under = {}) const;
  // A slip in the name and one in an ending nearly everyone types at once
  // (gmial.co, gmal.cm for gmail.com). Asked only when nothing else is near.
  void TypoAndSuffixCandidates(const Query& q, Best& best) const;
  // A slip in the name and one in an ending of two labels that a trusted
  // name has (barclsys.cp.uk, yaho.co.ul, bigpnd.net.ai):
  // detector_two_slips.cc. Asked only when nothing else is near.
  void TypoAndMultiLabelSuffixCandidates(const Query& q, Best& best) const;
  // Part of it when the typed ending is another country's real one
  // (westapc.com.ua): declared names only, capped. detector_two_slips.cc.
  void RealEndingSlip(const Query& q, std::string_view prefix, std::string_view label,
                      std::string_view tail, std::string_view meant, Best& best) const;
  // A slip in the name and one in a country's commercial second level that
  // no trusted name is under, or under a name too short for two slips
  // (gmial.con.au, hbsc.cp.uk): true and `m` the look-alike the domain is
  // with its ending repaired (gmial.com.au, hbsc.co.uk).
  // detector_two_slips.cc. Asked only when nothing else is near.
  bool SecondLevelSlip(const Domain& d, LookalikeMatch& m) const;
  // True (and `m` filled as a real neighbour) when the domain lies in a
  // country's public-sector zone outside the best target's (mfa.gov.hu).
  bool RealZoneNeighbour(const Domain& d, const Best& best, LookalikeMatch& m) const;
  // True (and `m` filled as a real neighbour) when the domain is the best
  // target with its country code replaced whole by another delegated one
  // under the same public-sector label (mod.gov.se, mod.gov.de for
  // mod.gov.uk): another country's government naming, not a slip.
  // detector_neighbours.cc.
  bool ForeignGovernmentEnding(const Domain& d, const Best& best, LookalikeMatch& m) const;
  // True when `name` is a government body's name under the public-sector
  // label `kind` ("gov") in a country other than `cc`: a real domain the
  // lists hold (mod.gov.ua) or a protected namespace listing it.
  bool GovernmentNameElsewhere(std::string_view name, std::string_view kind,
                               std::string_view cc) const;
  // True (and `best` turned to it) when the domain is a department's name
  // in another country's public-sector zone one slip from the protected
  // zone that holds it (hmrc.gov.ua, defence.gov.ir): a look-alike, not a
  // real neighbour (detector_departments.cc).
  bool ForeignZoneDepartment(const Domain& d, Best& best) const;
  // The first protected namespace of several labels whose names list holds
  // `label` ("gov.au" for defence), or "".
  std::string_view NamespaceListing(std::string_view label) const;
  // A department a country's zone lists, typed under the one-label
  // namespace of its kind that holds no such name (hmrc.gov, nzdf.mil):
  // true and `m` its look-alike of the listed name (hmrc.gov.uk). Asked of
  // a domain trusted by such a namespace (detector_departments.cc).
  bool DepartmentUnderTld(const Domain& d, LookalikeMatch& m) const;
  // Fills department_under_tld_ (Init, once).
  void IndexDepartmentsUnderTlds();
  // A name under a namespace that is a listed name two labels deep with
  // the dot between them left out (usarmy.mil for us.army.mil): true and
  // `m` its look-alike (detector_joined_name.cc). Asked of a domain a
  // namespace trusts.
  bool JoinedKnownName(const Domain& d, LookalikeMatch& m) const;
  // A name under the namespace `ns` that types its ending, or its first
  // label, twice (mail.mil.mil, hmrc.gov.gov.uk): true and `m` its
  // look-alike of the name meant (detector_namespace_twice.cc).
  bool NamespaceTypedTwice(const Domain& d, const Entry& ns, LookalikeMatch& m) const;
  // Fills joined_known_names_ and adds the file's deeper names to
  // known_under_namespace_ (Init, once, after the namespaces).
  void IndexJoinedNames();
  // A department a zone of .uk, .au or .nz lists, typed with the zone's
  // middle label left out (hmrc.uk for hmrc.gov.uk), or a listed host of a
  // declared domain so (army.uk for army.mod.uk, ec.eu for ec.europa.eu):
  // true and `m` its look-alike (detector_department_drop.cc).
  bool DepartmentUnderCcTld(const Domain& d, LookalikeMatch& m) const;
  // `m` the suffix-drop look-alike of listed[0] ("hmrc.gov.uk"), the label
  // `missing` of its zone left out; false when the zone is not trusted.
  bool DepartmentDropMatch(const Domain& d, const std::vector<std::string>& listed,
                           std::string_view missing, LookalikeMatch& m) const;
  // Fills department_under_cctld_ (Init, once).
  void IndexDepartmentsUnderCcTlds();
  // A listed name of a TLD namespace with that TLD left off, landing in a
  // real TLD (us.af, us.army for us.af.mil, us.army.mil): true and `m` its
  // suffix-drop look-alike (detector_cut_namespace.cc).
  bool CutNamespaceMatch(const Domain& d, LookalikeMatch& m) const;
  // Fills cut_namespace_ (Init, once).
  void IndexCutNamespaceNames();
  // A declared NAME.CC typed with its country code left off, a host kept
  // (army.mod for army.mod.uk): suffix-drop (detector_cut_namespace.cc).
  void CutCountryCodeCandidates(const Query& q, Best& best) const;
  // A declared name with its country code moved into the name or left out
  // of it (nmc-uk.org for nmc.org.uk, gmc.org for gmc-uk.org):
  // detector_country_tag.cc.
  void CountryTagCandidates(const Query& q, Best& best) const;
  // Fills country_tag_ (Init, once).
  void IndexCountryTags();
  // A declared name with its country code joined on (natwest-uk.com,
  // hsbcuk.co.uk): detector_brand_country.cc.
  void BrandCountryCandidates(const Query& q, Best& best) const;
  // Fills brand_country_ (Init, once, after the set).
  void IndexBrandCountries();
  // `best` names LABEL.gov or LABEL.mil, or LABEL under a country's zone
  // (abs.gov.uk), which no list holds: turned to the one listed name of
  // that label under a country's zone of the kind (hmrc.gov.uk for
  // hmrc.gov.com, abs.gov.au for abs.gov.us), when there is one.
  void RetargetMadeUpName(const Domain& d, Best& best) const;
  // The same `best` turned to a trusted domain of the typed name (proton.me
  // of proton.ml) or one the name is with its dots left out (army.mil of
  // armymil.ml): true when turned (detector_made_up.cc).
  bool RealNameForMadeUp(const Query& q, Best& best) const;
  // The trusted domain named `name` and the one label `dsuf` written as one
  // word (hotmail.com for hot + mail): a provider's home, else a declared
  // domain of that name; none when `dsuf` has several labels.
  // The typed domain with its last dot left out, trusted as a whole
  // (ssa.g.ov: ssa.gov), for a name with a label before the one joined.
  // detector_made_up.cc.
  std::optional<uint32_t> JoinedUnderPrefix(const Query& q, std::string_view name,
                                            std::string_view dsuf) const;
  std::optional<uint32_t> JoinedName(std::string_view name, std::string_view dsuf) const;
  // The one listed name LABEL.NS of a namespace of several labels that
  // begins with `kind` ("gov."): "hmrc.gov.uk" for hmrc; "" when none or
  // several (health: gov.au and gov.ie).
  std::string ListedNameOfKind(std::string_view label, std::string_view kind) const;
  // The same for a name one slip from `label` (hmrc.gov.uk for hmcr):
  // the one the lists hold, or "" when none or several are that near.
  std::string ListedNameNearOfKind(std::string_view label, std::string_view kind) const;
  // Whether `d` itself is listed in real-mail-domains.txt (or the ISPDB's
  // list). The lists name exact mail domains (mailo.com, mail.usa.com,
  // mod.gov.sk), never the names under them: army.mil.mailo.com is no mail
  // domain of Mailo's but a trusted name with mailo.com appended, read as
  // suffix-append as army.mil.example.com is (issue 15, tester round 56b,
  // finding 1: the registrable domain's match let the whole subtree of
  // every listed domain through, with a note naming it a real mail domain).
  const std::string* ListedRealNote(const Domain& d) const {
    auto it = real_domains_.find(std::string(d.ascii));
    return it == real_domains_.end() ? nullptr : &it->second;
  }
  bool ListedRealDomain(const Domain& d) const { return ListedRealNote(d) != nullptr; }
  // `d` (no reading found: `m` kNone) typed with the Russian keyboard
  // layout on (пьфшдюсщь for gmail.com): `m` the look-alike of the name
  // read back under QWERTY when the lists hold it. detector_russian_layout.cc.
  bool RussianLayoutSlip(const Domain& d, LookalikeMatch& m) const;
  // `best` below the threshold, a slip in the letters of a trusted name
  // too short to call it a look-alike (gm.de for gmx.de): `m` becomes
  // external with a short-name-slip hint suggesting the name, or a
  // real-neighbour note when the lists hold the domain. True when so
  // (detector_short_name.cc).
  bool ShortNameSlip(const Domain& d, const Best& best, LookalikeMatch& m) const;
  // A declared name under its country's other open second level (fca.co.uk
  // for fca.org.uk): `m` a real-neighbour note; true when so
  // (detector_short_name.cc).
  bool SisterZoneNote(const Domain& d, LookalikeMatch& m) const;
  // A TLD the root zone lacks typed for one it has (gmail.co.ik,
  // gmail.comcom, gmail.cm0): `m` becomes the look-alike the retyped
  // domain is, or is near, as tld-not-delegated (detector_retype.cc).
  bool UndelegatedRetyped(const Domain& d, LookalikeMatch& m) const;
  // Endings cut off before their end (detector_cut_off.cc). The trusted
  // domains of the provider family `name` whose ending continues
  // `typed_ending` ("co." for hotmail.co.uk), most written to first, then
  // in the family's order.
  // A word name's listed domains count (word_families_): completing an
  // ending keeps the name, so no unrelated live.<cc> is ever offered.
  std::vector<std::string> FamilyCompletions(std::string_view name,
                                             std::string_view typed_ending) const;
  // The family of `name` whose domains complete a cut-short ending: a
  // provider family, else a word name's listed domains; null for neither.
  const ProviderFamily* CompletionFamily(std::string_view name) const;
  // hotmail.co: beside the best reading (hotmail.com), the family's domain
  // whose ending continues the typed one past a dot is offered second.
  void CutOffSecondOffer(const Query& q, Best& best) const;
  // outlook.co.u: a family's name under a real ending cut short into no
  // TLD: `m` the look-alike of the family's domain completing it, or of
  // its home when none does. True when found.
  bool CutOffUndelegated(const Domain& d, LookalikeMatch& m) const;
  // A slip of a real mail domain's ending into a TLD the root zone lacks
  // (y7mail.con, mailo.con, tim.iy): `m` becomes tld-not-delegated with
  // that domain to suggest, though it is not trusted. A public suffix that
  // is a mail domain (nic.ib, gc.cs for nic.in, gc.ca) is read so too, and
  // when it is trusted `m` is its look-alike. True when found.
  bool RealDomainSuffixSlip(const Query& q, LookalikeMatch& m) const;
  // A host of a provider typed as the mail domain (mail.gmail.com): `m`
  // becomes a look-alike of the provider, suggesting it, unless `best`
  // explains the domain as a slip across a dot (g.mail.com); a host not
  // named for a protocol (mail.gmail.com) leaves `m` external. True when
  // `m` is the answer.
  bool ProviderHost(const Domain& d, const Best& best, LookalikeMatch& m) const;
  // The provider `provider`'s regional domain a two-letter country label
  // among `host_labels` names (uk.mail.yahoo.com: yahoo.co.uk), from its
  // family (provider-regions.txt); else `provider` (detector_neighbours.cc).
  uint32_t CountryDomainOfHost(std::string_view host_labels, uint32_t provider) const;
  // True when `alt` is `typed` with a dot moved and no entry of its own.
  bool UnlistedDotMove(std::string_view typed, const std::string& alt) const;
  // Keeps `c` in `best` when it ranks higher.
  void Offer(Candidate c, Best& best) const;
  // After the finders: a trusted domain under the very ending typed, one
  // slip in its name (partner.ml for partnr.ml), named before the reading
  // of a name no list holds under a namespace one slip in the ending
  // (partnr.mil): the organisation trusts the first, no one the second
  // (issue 15, round 41, item 9). Swaps best and runner-up when so.
  void PreferTrustedUnderTypedEnding(const Query& q, Best& best) const;
  // After the ranking: a runner-up whose target the organisation declared
  // (organisation, protected) beside a best whose target it only allows,
  // learned or knows as a provider (hsbc.co: hsbc.com allowed, hsbc.co.uk
  // protected) becomes the target, so the strictest rule of the two
  // decides: adding a partner never weakens a protected name (fail closed;
  // issue 15, round 45's tester, finding 2). True when swapped; the other
  // stays the runner-up, offered beside it.
  bool PromoteStricterRunnerUp(Best& best) const;
  bool UnseenCountryName(std::string_view head, std::string_view name_label,
                         std::string_view ns) const;
  const SuffixConfusion* Confusion(std::string_view typed, std::string_view intended) const;
  // The entry's name as a reader sees it: ASCII look-alike of its U-label.
  std::string EntryLookName(const Entry& e) const;
  // The entry's name as its U-label ("münchen" of xn--mnchen-3ya.de); the
  // ASCII name itself when it has no A-label.
  std::string EntryUnicodeName(const Entry& e) const;
  // 2 for names long enough to match at edit distance two, else 1; the
  // length in characters (CharCount), not UTF-8 bytes.
  int DeletionDepth(std::string_view name) const { return DepthForChars(CharCount(name)); }
  // The same for a name of `chars` characters (an ASCII name: its size).
  int DepthForChars(size_t chars) const {
    return chars >= options_.distance2_min_length ? 2 : 1;
  }

  LookalikeOptions options_;
  TrustedSet set_;
  std::unordered_map<std::string, SuffixConfusion> confusions_;  // "typed\0intended"
  std::unordered_map<std::string, ProviderFamily> families_;     // by name: "seznam"
  std::unordered_set<std::string> family_domains_;               // all their domains
  // The listed domains of the word names that make no family (live,
  // orange, terra: word-provider-names.txt), by name. Asked only to
  // complete an ending cut short under the same name (live.co: live.co.uk),
  // never to make a name under another ccTLD a slip.
  std::unordered_map<std::string, ProviderFamily> word_families_;
  // A hyphenated family name without its hyphens: "tonline" -> "t-online".
  std::unordered_map<std::string, std::string> family_unhyphenated_;
  // Deletion keys (one deep, under kFamilyTypoKey) of the providers' names
  // of kFamilyTypoMinLength letters or more -> those names.
  static constexpr uint64_t kFamilyTypoKey = 0x66616d696c79ULL;  // "family"
  static constexpr size_t kFamilyTypoMinLength = 5;
  std::unordered_map<uint64_t, std::vector<std::string>> family_typo_;
  std::unordered_map<std::string, std::string> real_domains_;    // domain -> note
  // A provider's web domain -> its mail domain: "google.com" -> "gmail.com".
  std::unordered_map<std::string, std::string> web_domains_;
  // Public suffixes that are mail domains (LookalikeLists::suffix_mail_domains).
  std::unordered_set<std::string> suffix_mail_domains_;
  // The same by name part: "y7mail" -> {"y7mail.com"}; "nic" -> {"nic.in"}.
  std::unordered_map<std::string, std::vector<std::string>> real_by_name_;
  HashIndex typo_, by_name_, joined_, host_, letters_;
  // letters_'s key: `first` (a label of a-z only) with its letters sorted,
  // and `rest` ("com" of sezman.com). Two domains share it when they differ
  // only in the order of their first label's letters: every variant of a
  // distant swap (detector_swap.cc) is such a reordering.
  static uint64_t LettersKey(std::string_view first, std::string_view rest);
  // The namespaces with what NamespaceCandidates asks of each, worked out
  // once: every query is compared with every namespace.
  struct Namespace {
    uint32_t id = 0;
    std::string ns;         // "gov.uk"
    size_t labels = 0;      // 2
    std::string flat;       // "govuk"
    bool confused = false;  // a listed confusion intends it (ml for mil)
    bool idn = false;       // has an A-label ("xn--"): its U-label's length differs
    // Real names directly under it ("army" of army.mil:
    // NamespaceNamesUnder); empty for most namespaces.
    std::vector<std::string> names;
    // The names data/lists/namespace-names.txt holds alone, without the
    // trusted and learned names added to `names`: the department rule
    // (detector_departments.cc) refuses a name under a neighbouring
    // country's real zone only for these, so a learned mfa.gov.au does
    // not turn Hungary's mfa.gov.hu into a 550.
    std::vector<std::string> listed_names;
  };
  std::vector<Namespace> namespaces_;
  // Which of namespaces_ a query can meet (positions in it): the two loops
  // over them visit those alone (namespace_index.h says why).
  NamespaceIndex namespace_index_;
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Each namespace of several labels by its flat form ("govuk" of gov.uk),
  // to its index in namespaces_ (the first of that form).
  std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>> flat_namespaces_;
  // "hmrc.gov" -> {"hmrc.gov.uk"}: each listed department of a country's
  // zone (gov.uk) under the one-label namespace its zone begins with (gov),
  // when the lists hold no such name there (namespace-names.txt's dotgov
  // names), with every zone that lists it ("education.gov": .gov.uk,
  // .gov.au, .gov.ie). Read without allocating for every domain a
  // one-label namespace trusts.
  std::unordered_map<std::string, std::vector<std::string>, ViewHash, std::equal_to<>>
      department_under_tld_;
  // "usarmy.mil" -> "us.army.mil": JoinedKnownName's index.
  std::unordered_map<std::string, std::string, ViewHash, std::equal_to<>> joined_known_names_;
  // "armymod.uk", "army-mod.uk" (same ending) and "armymod" (the label,
  // for a generic TLD) -> the host "army.mod.uk" and its entry's id
  // (IndexJoinedNames, from protected-hosts.txt).
  struct JoinedHost {
    std::string host;
    uint32_t id;
  };
  std::unordered_map<std::string, JoinedHost, ViewHash, std::equal_to<>> joined_hosts_;
  // "hmrc.uk" -> {"hmrc.gov.uk"}, "army.uk" -> {"army.mod.uk"}: each
  // listed department or host under its country's bare ccTLD
  // (IndexDepartmentsUnderCcTlds).
  std::unordered_map<std::string, std::vector<std::string>, ViewHash, std::equal_to<>>
      department_under_cctld_;
  // "us.af" -> "us.af.mil": each listed name of a TLD namespace whose own
  // last label is a delegated TLD (IndexCutNamespaceNames).
  std::unordered_map<std::string, std::string, ViewHash, std::equal_to<>> cut_namespace_;
  // HashKey("nmc-uk.org") -> the entry nmc.org.uk; HashKey("gmc.org") ->
  // gmc-uk.org (IndexCountryTags; each verified when read).
  HashIndex country_tag_;
  // "natwest-uk" -> natwest.com; "hsbcuk" -> .hsbc.co.uk: the joined forms
  // of the declared names (IndexBrandCountries); `national` when the code
  // is the name's own ending's, not the organisation's country.
  struct BrandCountry {
    uint32_t id = 0;
    bool national = false;
  };
  std::unordered_map<std::string, BrandCountry, ViewHash, std::equal_to<>> brand_country_;
  // Whether Classify starts the loads of its first lookups ahead: only when
  // the indexes outgrow a core's cache (kPrefetchBytes), as with 100 names
  // the hashing it costs is all there is to it.
  static constexpr size_t kPrefetchBytes = size_t{1} << 20;
  bool prefetch_ = true;
  // Names under a namespace the lists hold, with their parents under it:
  // "af.mil" and "ramstein.af.mil" of ramstein.af.mil.
  std::unordered_set<std::string> known_under_namespace_;
  // Each name one label under a namespace that an entry is or ends in
  // ("cz.mil" of x.cz.mil), namespaces' own entries included: what
  // UnseenCountryName asked of every entry, once per query, and so of a
  // million entries with a million names.
  std::unordered_set<std::string> names_under_namespaces_;
  // Names directly under a one-label namespace that the lists hold hosts
  // under: army.mil (us.army.mil), af.mil (us.af.mil, ramstein.af.mil).
  // Filled by IndexJoinedNames; MovedHostCandidates reads it.
  std::unordered_set<std::string, ViewHash, std::equal_to<>> hosted_names_;
  // The distinct public suffixes of two labels the entries are under
  // (co.uk, com.au, gov.uk): TypoAndMultiLabelSuffixCandidates compares a
  // query's last two labels with each.
  std::vector<std::string> two_label_suffixes_;
  // Messages the organisation sent to each entry, by id (TrustedEntry::
  // messages); empty without history, so a detector without it is unchanged.
  std::vector<int64_t> messages_;
  // For a namespace's candidate, the count of its target (ato.gov.au of
  // .gov.au), when that is an entry; the engine makes each name written to
  // under a namespace one (issue 15, breaker 15 round 5, defect 3).
  double OrganisationPriorOf(uint32_t id, std::string_view target) const {
    if (messages_.empty()) return 1.0;
    if (!set_[id].is_namespace) return OrganisationPrior(messages_[id]);
    std::optional<uint32_t> written = set_.Exact(target);
    return OrganisationPrior(written ? messages_[*written] : 0);
  }
};

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_DETECTOR_H_
