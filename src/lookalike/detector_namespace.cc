// Candidates from a protected namespace (.mil, .gov.uk): its ending
// slipped (army.ml, mod.gvo.uk), run into the name (hmrcgov.uk, dodmil.com)
// or cut short under a TLD the root zone lacks (army.m).
#include <algorithm>

#include "address/idna.h"
#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "address/second_level_zone.h"
#include "address/special_use_names.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

// "x.cz.ml" read as under .mil would be "x.cz.mil": cz.mil is no name
// anyone has. A country code as the name under a namespace is taken only
// when the lists know a name at or under it (af.mil: the Air Force).
bool DetectorImpl::UnseenCountryName(std::string_view head, std::string_view name_label,
                                     std::string_view ns) const {
  if (head == name_label || name_label.size() != 2 || !address::HasDelegatedTld(name_label)) {
    return false;
  }
  std::string target = Join(name_label, ".");
  target += ns;
  return !names_under_namespaces_.contains(target);
}

std::vector<std::string_view> DetectorImpl::RealNamesNear(const std::vector<std::string>& names,
                                                          std::string_view name) {
  std::vector<std::string_view> out, plain;
  if (names.empty() || CharCount(name) < 3) return out;
  for (const std::string& real : names) {
    if (real == name) return {};
  }
  // Letters that read as another's (arrny, rnarines: army, marines): the
  // name a reader sees is the one meant, as for a name with no namespace
  // slip (rnod.uk; issue 15, round 43's tester, finding 15). Folded only
  // when the typed name has such letters, which few do; "rn" and "vv" only
  // (VisualKey folds "rr" too, which would read arrny as amny).
  std::string folded;
  for (size_t i = 0; i < name.size(); ++i) {
    const std::string_view pair = name.substr(i, 2);
    if (pair == "rn" || pair == "vv") {
      folded += pair == "rn" ? 'm' : 'w';
      ++i;
    } else {
      folded += name[i];
    }
  }
  if (folded.size() != name.size()) {
    for (const std::string& real : names) {
      if (real.size() >= 4 && real == folded) return {real};
    }
  }
  // One edit of any kind when only one name is that near (navv: navy);
  // among several, the plain slips alone (keys next to each other, two
  // swapped, one left out or doubled).
  for (const std::string& real : names) {
    // Every .ml query comes here: the bounded distance, which allocates
    // nothing, turns away all but the one-edit names first.
    if (real.size() < 4 || BoundedDamerau(name, real, 1) != 1) continue;
    Edit e = DescribeEdit(name, real);
    if (e.kind == EditKind::kNone || e.kind == EditKind::kOther) continue;
    out.push_back(real);
    if (PlainKeySlip(e)) plain.push_back(real);
  }
  return out.size() <= 1 ? out : plain;
}

bool DetectorImpl::NamespaceNameKnown(std::string_view name) const {
  if (KnownUnderNamespace(name)) return true;
  const size_t dot = name.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view label = name.substr(0, dot), ns = name.substr(dot + 1);
  for (const Namespace& n : namespaces_) {
    if (n.ns == ns) return std::find(n.names.begin(), n.names.end(), label) != n.names.end();
  }
  return false;
}

void DetectorImpl::NamespaceCandidates(const Query& q, Best& best) const {
  std::string_view ascii = q.domain->ascii;
  const TailSplits splits(ascii);
  // An A-label's length says nothing of its U-label's, which SuffixDistance
  // compares.
  const bool ascii_idn = ascii.find("xn--") != std::string_view::npos;
  // "army" of army.mil: a real name under the namespace (its names list, or
  // a name the lists hold under it).
  auto ns_stem_known = [&](const Namespace& n, std::string_view stem) {
    if (std::find(n.names.begin(), n.names.end(), stem) != n.names.end()) return true;
    std::string name = Join(stem, ".");
    name += n.ns;
    return KnownUnderNamespace(name);
  };
  // Only the namespaces a test below can fire for (namespace_index.h), in
  // their order, so ties and runners-up fall as over all of them. The
  // cheap tests go first; the rest (public-suffix lookups, the trusted
  // set) only follow a slip.
  thread_local std::vector<uint32_t> near;
  namespace_index_.Candidates(ascii, q.reg_label, near);
  for (uint32_t at : near) {
    const Namespace& n = namespaces_[at];
    const uint32_t id = n.id;
    std::string_view ns = n.ns;
    const size_t k = n.labels;
    std::string_view head, tail;
    if (splits.Split(k, head, tail) && tail != ns) {
      const SuffixConfusion* conf = n.confused ? Confusion(tail, ns) : nullptr;
      // Lengths two apart are two edits apart: the distance is not asked.
      const bool near_length = ascii_idn || n.idn || (tail.size() + 1 >= ns.size() &&
                                                      tail.size() <= ns.size() + 1);
      int dist = near_length ? SuffixDistance(tail, ns, 1) : 2;
      // A one-letter change into another real namespace (qc.ca for gc.ca)
      // is a different government, not a slip, unless people are known to
      // confuse the two (ml for mil).
      // A TLD outside the root zone is a suffix only by libpsl's "*" rule:
      // nothing is registered under it (army.mik).
      // "mail.mil.ml" is not "mail.mil.mil": a name that repeats the
      // namespace's first label is no domain anyone has (see AppendCandidates).
      // A namespace of several labels may repeat its first (nhs.nhs.ul for
      // nhs.nhs.uk is still a slip of .nhs.uk).
      std::string_view name_label = LastLabel(head);
      // army.il, navy.il, af.il: .mil one edit into a real TLD (the 'm' left
      // out: Israel's .il; .ril, .mit are brands' TLDs). A TLD namespace's
      // real names (its names list, or a name the lists hold under it) are
      // the government's, so the same name under the slipped TLD is its
      // slip; any other name there is that TLD's own (idf.il). Only a
      // namespace that is a TLD: one of several labels slipped into a real
      // zone lands in another government's (health.gov.ua for .gov.au),
      // which ForeignZoneCandidates and RealZoneNeighbour name (issue 15,
      // breaker 15, round 4, item 1).
      auto real_tld_slip = [&] { return k == 1 && dist == 1 && ns_stem_known(n, name_label); };
      // met.uk.police, ird.nz.govt: the two labels swapped (item 7 of the
      // same round); under .gov or any delegated TLD such a name is trusted
      // before it gets here, or is that TLD's own.
      const bool swapped = k == 2 && LabelsSwapped(tail, ns);
      // A suffix by a wildcard rule alone (gvo.bd under *.bd) is no zone
      // either, unless it is a real one (gov.np for .gov.bd: another
      // government's, ForeignZoneCandidates): issue 15, breaker 15 round 6,
      // defect 1.
      auto open_tail = [&] {
        return !IsPublicSuffix(tail) || !address::HasDelegatedTld(tail) ||
               (address::IsWildcardOnlySuffix(tail) && !address::IsRealSecondLevelZone(tail));
      };
      const bool slip = conf != nullptr || (dist == 1 && open_tail()) ||
                        real_tld_slip() || swapped;
      const bool repeats = k == 1 && name_label == ns;
      // "seznam.cz.ml", "gmail.com.mi": a trusted name with one label
      // added is its slip (suffix-append, AppendCandidates), not "cz.mil".
      // mail.gmail.com.ml: the same past a provider's host label; never
      // "mail.gmail.com.mil" (issue 15, round 33, item 10).
      auto appended = [&] {
        std::string_view covered;
        return head != name_label && TrustedPastHosts(head, covered).has_value();
      };
      // "yahoo.ml" is not "yahoo.mil": no provider has a domain under a
      // government namespace; FamilyCandidates and SuffixCandidates name
      // its own domains instead. With a host label before it too
      // (www.gmail.ml, mx.hotmail.ml): "www.hotmail.mil" is no one's, nor
      // is "www.mail.mil" what was meant by gmail, and the provider's
      // reading is the one a sender means (issue 15, breaker 15, round 4,
      // item 3).
      auto provider = [&] { return families_.contains(std::string(name_label)); };
      // acme.com.gv is no acme.com.gov: under a TLD the root zone lacks, a
      // second level's word (com, org, ac, edu) is no name under a
      // namespace (issue 15, breaker 15 round 6, defect 7).
      auto zone_word = [&] {
        return (IsOpenSecondLevel(name_label) || address::IsPublicSectorLabel(name_label)) &&
               !address::HasDelegatedTld(LastLabel(tail));
      };
      // army.ml.ml, us.army.ml.ml: the slipped ending typed twice (an
      // address completed twice) is the name before it under the
      // namespace (army.mil), not "ml.mil" (no one's) with a host: the map
      // refuses all of .ml, and check let these through (issue 15, round
      // 44's tester, finding 2).
      if (k == 1 && conf != nullptr && name_label == tail && head != name_label) {
        std::string_view inner = head;
        while (LastLabel(inner) == tail && inner.size() > tail.size()) {
          inner.remove_suffix(tail.size() + 1);
        }
        // ml.ml.ml: nothing but the slip, as ml.ml: the namespace itself.
        if (inner == tail) {
          std::string detail = SuffixDetail(tail, ns);
          detail.append("; ").append(conf->note).append("; ").append(ns);
          detail.append(" is the namespace itself, no mail domain");
          Offer({id, ReasonCode::kSuffixEdit, std::move(detail), std::string(ns), "", 0.95}, best);
          continue;
        }
        {
          std::string detail = SuffixDetail(tail, ns);
          detail.append("; ").append(conf->note).append("; .").append(tail).append(" is typed twice");
          std::string target = Join(LastLabel(inner), ".");
          target += ns;
          Offer({id, ReasonCode::kSuffixEdit, std::move(detail), target, Join(inner, ".") + std::string(ns),
                 ns_stem_known(n, LastLabel(inner)) ? 0.96 : 0.95},
                best);
          continue;
        }
      }
      if (slip && !repeats && !appended() && !provider() && !zone_word() &&
          !UnseenCountryName(head, name_label, ns)) {
        std::string target = Join(name_label, ".");
        target += ns;
        // One key off a country's public-sector zone (health.gov.ai for
        // .gov.au, dia.gov.nz for .govt.nz, interieur.gov.fr for .gouv.fr)
        // ranks above reading the head as a US name with a country code
        // added (health.gov + .ai, AppendCandidates' 0.92); fbi.gov.us,
        // no neighbouring key from .gov.uk, stays fbi.gov's (issue 15
        // breaker, round 3, item 8).
        double score = conf ? 0.95 : 0.9;
        if (!conf && k >= 2 && PlainKeySlip(DescribeEdit(tail, ns))) score = 0.93;
        const ReasonCode code =
            dist <= 1 || swapped ? ReasonCode::kSuffixEdit : ReasonCode::kTldSwap;
        std::string detail = swapped ? SwappedDetail(tail, ns) : SuffixDetail(tail, ns);
        if (conf) detail += "; " + conf->note;
        // armu.ml, navv.ml: a slip of a real .mil name as well. That name
        // is the one meant; armu.mil is no one's (issue 15, the founding
        // case; data/lists/namespace-names.txt).
        const std::string_view before = head.substr(0, head.size() - name_label.size());
        bool real_name = false;
        for (std::string_view real : RealNamesNear(n.names, name_label)) {
          real_name = true;
          std::string meant = Join(real, ".");
          meant += ns;
          std::string why = detail;
          why.append("; the name ").append(DescribeEdit(name_label, real).detail);
          why.append(", and ").append(meant).append(" is a real .").append(ns).append(" name");
          Offer({id, code, std::move(why), meant, Join(before, meant), score + 0.01}, best);
        }
        // dft.gov.u: dft is a real .gov.uk name typed whole, so dft.gov.uk
        // (one slip) ranks above dfat.gov.au (a real .gov.au name, but a
        // slip in the name as well); dva.gov.u: dva.gov.au above dvla.gov.uk
        // (issue 15, round 42, tester item 1).
        if (!real_name) {
          const bool listed = k >= 2 && std::find(n.names.begin(), n.names.end(),
                                                  name_label) != n.names.end();
          Offer({id, code, std::move(detail), target, Join(head, ".") + std::string(ns),
                 listed ? score + 0.02 : score},
                best);
        }
      }
      // "mil.ml": the namespace's own name under its slip. No name is meant
      // (mil.mil is no one's), yet whoever holds mil.ml receives what was
      // meant for .mil, and permute's map refuses all of .ml (issue 15,
      // breaker 15, item 14): a look-alike of the namespace, no suggestion.
      if (slip && repeats && head == name_label) {
        std::string detail = SuffixDetail(tail, ns);
        if (conf) detail.append("; ").append(conf->note);
        detail.append("; ").append(ns).append(" is the namespace itself, no mail domain");
        Offer({id, dist <= 1 ? ReasonCode::kSuffixEdit : ReasonCode::kTldSwap, std::move(detail),
               std::string(ns), "", conf ? 0.95 : 0.9},
              best);
      }
    }
    const std::string& flat = n.flat;
    // "hmrc.govuk", "cra.gcca": a multi-label namespace with its dot left
    // out, as a last label of its own.
    if (k >= 2 && LastLabel(ascii) == flat && ascii.size() > flat.size() + 1) {
      std::string_view before = ascii.substr(0, ascii.size() - flat.size() - 1);
      std::string target = Join(LastLabel(before), ".");
      target += ns;
      Offer({id, ReasonCode::kDotOmission, "the ending ." + flat + " is missing the dot in ." +
                                               std::string(ns),
             target, Join(before, ".") + std::string(ns), 0.9},
            best);
    }
    // "hmrcgov.uk", "hmrc-gov.uk", "armymil.nz": the dot between the name
    // and a namespace of several labels dropped or made a hyphen. Only a
    // domain that ends in the namespace's string can be one: tested here,
    // as every query meets every namespace.
    if (k >= 2 && ascii.size() > ns.size() && ascii.ends_with(ns)) {
      RunIntoNamespace(q, id, ns, best);
    }
    // "dodmil.com", "army-mil.com": the namespace run into the name.
    std::string_view reg = q.reg_label;
    if (reg.size() <= flat.size() || !reg.ends_with(flat)) continue;
    std::string_view stem = reg.substr(0, reg.size() - flat.size());
    bool hyphen = stem.ends_with('-');
    if (hyphen) stem.remove_suffix(1);
    if (stem.empty() || stem.ends_with('-') || !AllLetters(stem)) continue;
    // A stem of plain letters before the habitual generic endings: the slip
    // is "dodmil.com"; "goldtamil.info" and "99gamil.com" are words.
    // Before a country's code (armymil.us, hmrcgovuk.us, afmil.de) only
    // what no word makes: a real name under the namespace, the run-in
    // form of a namespace of several labels ("govuk"), or .gov and .mil
    // before .us, the country whose namespaces they are (stategov.us, as
    // fbi.gov.us is fbi.gov's). The habitual endings alone were asked, and
    // the family got through to the mail server (issue 15, breaker 15,
    // item 1).
    // usarmymil.com: a listed name two labels deep (us.army.mil) with both
    // dots left out (JoinedKnownName's index).
    std::string joined(stem);
    joined.append(".").append(ns);
    const auto deeper = n.labels == 1 ? joined_known_names_.find(joined) : joined_known_names_.end();
    const bool known = ns_stem_known(n, stem) || deeper != joined_known_names_.end();
    const std::string_view cc = LastLabel(q.domain->suffix);
    if (IsHabitualSuffix(q.domain->suffix)) {
      // opengov.com, promil.com, windmil.com, treadmil.com: words that end
      // in a TLD namespace's name, so its run-in form counts only for a
      // name the lists hold (dodmil.com, armymil.com). One of several
      // labels (hmrcgovuk.com) is no word (issue 15, round 37, item 8).
      if (k == 1 && !known) continue;
      if (stem.size() < (hyphen || known ? 2u : 3u)) continue;
    } else if (!address::IsCountryCodeTld(cc) ||
               !(known || (k >= 2 && stem.size() >= 2) ||
                 (k == 1 && cc == "us" && stem.size() >= 3))) {
      continue;
    }
    const std::string meant = deeper != joined_known_names_.end() ? deeper->second
                                                                 : Join(stem, ".") + std::string(ns);
    std::string target = TargetUnder(set_[id], meant);
    std::string detail = hyphen ? "has a hyphen where the dot before '" + flat + "' belongs"
                                : "is missing the dot before '" + flat + "'";
    if (deeper != joined_known_names_.end()) {
      detail = hyphen ? "has a hyphen for a dot of " : "is missing the dots of ";
      detail += meant;
    }
    detail += " and ends in ." + q.domain->suffix;
    Offer({id, ReasonCode::kDotOmission, detail, target, Join(q.prefix, meant), 0.7}, best);
  }
}

void DetectorImpl::RunIntoNamespace(const Query& q, uint32_t id, std::string_view ns,
                                    Best& best) const {
  // ns "gov.uk": first "gov", rest "uk"; the typed domain is
  // STEM + "gov" + ".uk" or STEM + "-gov" + ".uk", its name one label.
  const size_t dot = ns.find('.');
  std::string_view first = ns.substr(0, dot), rest = ns.substr(dot + 1);
  std::string_view ascii = q.domain->ascii;
  if (!ascii.ends_with(ns)) return;  // first + "." + rest
  std::string_view run = ascii.substr(0, ascii.size() - rest.size() - 1);
  if (run.find('.') != std::string_view::npos || run.size() <= first.size()) return;
  std::string_view stem = run.substr(0, run.size() - first.size());
  const bool hyphen = stem.ends_with('-');
  if (hyphen) stem.remove_suffix(1);
  // Two letters at least (ato, ird, met): "gov.uk" itself, "-gov.uk" or a
  // digit stem ("2gov.uk") say nothing.
  if (stem.size() < 2 || !AllLetters(stem)) return;
  std::string target = Join(stem, ".") + std::string(ns);
  std::string detail = hyphen ? "has a hyphen where the dot before '" + std::string(first) + "' belongs"
                              : "is missing the dot before '" + std::string(first) + "'";
  Offer({id, ReasonCode::kDotOmission, detail, target, target, 0.85}, best);
}

void DetectorImpl::UndelegatedCandidates(const Query& q, Best& best) const {
  std::string_view ascii = q.domain->ascii;
  const size_t last = ascii.rfind('.');
  if (last == std::string_view::npos || last == 0) return;
  std::string_view tld = ascii.substr(last + 1);
  const std::string no_tld = address::NoSuchTldPhrase(tld);
  // gmail.c -> gmail.com, army.m -> army.mil, nato.i -> nato.int: the TLD
  // cut short. The trusted names under the same name, and the namespaces.
  auto truncated = [&](std::string_view tsuf) {
    return tsuf.size() > tld.size() && tsuf.starts_with(tld) &&
           tsuf.find('.') == std::string_view::npos;
  };
  by_name_.Find(HashKey(q.name), [&](uint32_t id) {
    const Entry& e = set_[id];
    if (e.name() != q.name || !truncated(e.suffix())) return;
    // hotmail.c, gmx.n: the ending nearly everyone types (.com, .net) cut
    // short is likelier than a regional domain the typed letters start
    // or are one letter from (hotmail.ca, hotmail.ch, gmx.cn; round 51's
    // tester 15, finding 4).
    Offer({id, ReasonCode::kTldNotDelegated,
           no_tld + "; it is ." + std::string(e.suffix()) + " cut short", e.domain, e.domain,
           IsHabitualSuffix(e.suffix()) ? 0.92 : 0.85},
          best);
  });
  // gmail.web, gmail.emai, army.web: a trusted name exactly, under a TLD
  // of three letters or more that does not exist and is no slip of one
  // (issue 15, fresh tester 15, item 8). Nothing can be delivered there,
  // and the name says what was meant: a provider family's home, a trusted
  // domain of that name, or a real name under a TLD namespace (army.mil).
  // Below every slip of the ending (gmail.comm: suffix-edit), which says
  // more.
  if (tld.size() >= 3) {
    constexpr double kNameAloneScore = 0.7;
    const std::string_view name = q.reg_label;
    auto offer = [&](uint32_t id, const std::string& domain) {
      // gov.ukk, nhs.ukk: "gov" and "nhs" head many governments' zones;
      // gov.scot and gov.wales are two places' own domains, never what a
      // slip of .uk, .au or .ie meant (round 46's tester 15, finding 1).
      if (address::IsPublicSectorLabel(name) && TldNamesAPlace(LastLabel(domain))) return;
      std::string detail = no_tld;
      detail.append("; ").append(domain).append(" is the trusted domain of that name");
      Offer({id, ReasonCode::kTldNotDelegated, std::move(detail), TargetUnder(set_[id], domain),
             Join(q.prefix, domain), kNameAloneScore},
            best);
    };
    if (auto f = families_.find(std::string(name)); f != families_.end()) {
      if (std::optional<uint32_t> home = set_.Exact(f->second.home)) offer(*home, f->second.home);
    } else {
      by_name_.Find(HashKey(name), [&](uint32_t id) {
        const Entry& e = set_[id];
        if (e.name() == name && !e.is_namespace) offer(id, e.domain);
      });
      for (const Namespace& n : namespaces_) {
        if (n.labels != 1) continue;
        std::string known = Join(Join(name, "."), n.ns);
        if (NamespaceNameKnown(known)) offer(n.id, known);
      }
    }
  }
  // gov.ukk, gov.auu, police.ukk, gov.uj: a namespace of two labels as a
  // whole, its TLD one slip from the namespace's own (a letter doubled,
  // changed or swapped). No address to offer: the namespace is where the
  // sender meant to write ("did you mean an address under .gov.uk?"); a name
  // before it (hmrc.gov.ukk) is the suffix rules' (round 46's tester 15,
  // finding 1).
  if (const size_t first_dot = ascii.find('.'); first_dot == last) {
    for (const Namespace& n : namespaces_) {
      if (n.labels != 2) continue;
      const std::string_view ns = n.ns;
      const size_t cut = ns.find('.');
      if (ascii.substr(0, first_dot) != ns.substr(0, cut)) continue;
      const std::string_view ns_tld = ns.substr(cut + 1);
      if (ns_tld == tld || BoundedDamerauAscii(tld, ns_tld, 1) > 1) continue;
      // nhs.ukk: what the unslipped namespace's look-alike offers (nhs.uk,
      // nhs.co.uk: nhs.net, NamespaceApexCandidates), the mail domain of
      // its name when it has one; gov.ukk has none (issue 15, tester
      // round 57b, finding 1).
      const std::string mail = ApexMailDomain(ns).value_or("");
      std::string detail = no_tld;
      detail.append("; it is .").append(ns_tld).append(" mistyped, and ").append(ns);
      if (mail.empty()) {
        detail.append(" is a namespace: its mail domains are names under it");
      } else {
        detail.append(" is a namespace, and ").append(mail).append(" the mail domain of that name");
      }
      Offer({n.id, ReasonCode::kTldNotDelegated, std::move(detail), std::string(ns), mail, 0.9},
            best);
    }
  }
  // No provider has a domain under a namespace (hotmail.m is not hotmail.mil),
  // and a trusted name with a label added is AppendCandidates' (gmail.com.mi
  // is gmail.com, not com.mil).
  if (families_.contains(std::string(q.reg_label)) || set_.TrustedBy(q.name)) return;
  // ird.govt, interieur.gouv, met.police, leeds.nhs: a namespace of several
  // labels with its country's code left off, the rest the TLD typed. Such a
  // TLD does not exist, so the namespace meant is the one the rest begins
  // (.govt.nz), never the US .gov a letter away (ird.gov), nor nothing
  // (issue 15, breaker 15, round 4, item 4).
  for (const Namespace& n : namespaces_) {
    if (n.labels < 2) continue;
    const std::string_view ns = n.ns;
    const size_t cut = ns.rfind('.');
    std::string_view head, tail;
    if (!SplitTail(ascii, n.labels - 1, head, tail) || tail != ns.substr(0, cut)) continue;
    // met.uk.police: the code is there, swapped (NamespaceCandidates); so
    // is another namespace's (hacienda.es.gob is hacienda.gob.es swapped,
    // not es.gob.mx; issue 15, breaker 15 round 6, defect 8).
    if (LastLabel(head) == ns.substr(cut + 1)) continue;
    std::string other(ns.substr(0, cut + 1));
    other += LastLabel(head);
    if (std::optional<uint32_t> o = set_.Exact(other); o && set_[*o].is_namespace) continue;
    // Classify says the TLD does not exist (a suffix slip).
    std::string detail = "the .";
    detail.append(ns.substr(cut + 1)).append(" of .").append(ns).append(" is missing");
    std::string target = Join(LastLabel(head), ".");
    target += ns;
    Offer({n.id, ReasonCode::kSuffixDrop, std::move(detail), std::move(target),
           Join(head, ".") + std::string(ns), 0.93},
          best);
  }
  // army.military, af.milit: a TLD namespace's name written longer, for
  // its real names alone (a word that begins "mil" says nothing else).
  for (const Namespace& n : namespaces_) {
    if (n.labels != 1 || tld.size() <= n.ns.size() || !tld.starts_with(n.ns)) continue;
    if (!NamespaceNameKnown(Join(q.reg_label, ".") + n.ns)) continue;
    std::string detail = no_tld + "; it is ." + n.ns + " with '";
    detail.append(tld.substr(n.ns.size())).append("' added");
    Offer({n.id, ReasonCode::kTldNotDelegated, std::move(detail), Join(q.reg_label, ".") + n.ns,
           Join(q.name, ".") + n.ns, 0.85},
          best);
  }
  // gmail.co.m is gmail.com with a dot moved, not gmail.co.mil: a
  // provider's name before an open second level is no name under a
  // namespace either (issue 15 breaker, round 3, item 12).
  if (IsOpenSecondLevel(q.reg_label) && q.prefix.size() > 1 &&
      families_.contains(std::string(LastLabel(q.prefix.substr(0, q.prefix.size() - 1))))) {
    return;
  }
  // acme.com.g is not acme.com.gov: a second level's word (com, ac) is no
  // name under a namespace (a .com.gr or .com.gh cut short; issue 15,
  // breaker 15 round 6, defect 7).
  if (IsOpenSecondLevel(q.reg_label) || address::IsPublicSectorLabel(q.reg_label)) return;
  for (uint32_t id : set_.namespaces()) {
    std::string_view ns = set_[id].domain;
    if (!truncated(ns)) continue;
    std::string target = Join(q.reg_label, ".") + std::string(ns);
    Offer({id, ReasonCode::kTldNotDelegated, no_tld + "; it is ." + std::string(ns) + " cut short",
           target, Join(q.name, ".") + std::string(ns), 0.8},
          best);
  }
}

}  // namespace nearmiss::lookalike
