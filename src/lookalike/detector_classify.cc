// Classifying one recipient domain: trusted, a look-alike, or neither. The
// candidate finders are in detector_suffix.cc (endings), detector_namespace.cc
// (protected namespaces), detector_family.cc (providers' names under foreign
// zones), detector_dots.cc and detector_name.cc (the name); this file builds the query, keeps the best candidate and turns
// it into the answer.
#include <algorithm>

#include "address/idna.h"
#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "address/second_level_zone.h"
#include "nearmiss/address.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"
#include "lookalike/slip_score.h"
#include "lookalike/visual_key.h"

namespace nearmiss::lookalike {
namespace {

// Fills `q` in place: its views may point into q.look_storage.
void MakeQuery(const Domain& d, Query& q) {
  q.domain = &d;
  std::string_view ascii = d.ascii;
  if (!d.suffix.empty() && ascii.size() > d.suffix.size() + 1) {
    q.name = ascii.substr(0, ascii.size() - d.suffix.size() - 1);
  }
  q.reg_label = LastLabel(q.name);
  q.prefix = q.name.substr(0, q.name.size() - q.reg_label.size());
  q.idn = d.unicode != d.ascii && !d.unicode.empty();
  if (!q.idn) {
    q.look_name = q.name;
    q.uni_name = q.name;
  } else {
    // Same number of labels in both forms: cut the suffix's labels off.
    const size_t suffix_labels = std::count(d.suffix.begin(), d.suffix.end(), '.') + 1;
    auto name_of = [&](std::string_view uni) -> std::optional<std::string_view> {
      size_t cut = uni.size();
      for (size_t i = 0; i < suffix_labels && cut != std::string_view::npos && cut > 0; ++i) {
        cut = uni.rfind('.', cut - 1);
      }
      if (cut == std::string_view::npos) return std::nullopt;
      return uni.substr(0, cut);
    };
    if (std::optional<std::string_view> uni = name_of(d.unicode)) {
      q.uni_name = *uni;
      // Read with its capitals as typed: Greek "Ν" is an N, "ν" a v.
      const std::optional<std::string_view> shown =
          d.typed_capitals.empty() ? uni : name_of(d.typed_capitals);
      q.look_storage = AsciiLookalike(shown ? *shown : *uni).text;
    }
    q.look_name = q.look_storage;
  }
  q.look_reg_label = LastLabel(q.look_name);
  q.uni_reg_label = LastLabel(q.uni_name);
}

// Fills q's hashes (Query::ascii_hash ...).
void HashNames(Query& q) {
  const Domain& d = *q.domain;
  q.ascii_hash = HashKey(d.ascii);
  // The registrable domain is asked for only when it differs from the
  // whole (JoinedCandidates); else its hash is the whole's, read already.
  q.registrable_hash =
      d.registrable.empty() || d.registrable == d.ascii ? q.ascii_hash : HashKey(d.registrable);
  q.name_hash = HashKey(q.name);
  // Most names are one label: the last label is the name.
  q.reg_label_hash = q.reg_label == q.name ? q.name_hash : HashKey(q.reg_label);
}

// Fills q.open_zone: asked only of a domain the finders search, not of the
// trusted ones most checks answer.
void FindOpenZone(Query& q) {
  std::string_view head, zone;
  if (SplitTail(q.domain->ascii, 2, head, zone) && address::IsOpenPrivateZone(zone)) {
    q.open_zone = zone;
    q.open_zone_head = head;
  }
}


}  // namespace

bool DetectorImpl::UnlistedDotMove(std::string_view typed, const std::string& alt) const {
  // navy.imil read as navyi.mil: a name no list holds, made up by moving
  // the dot, is no second choice beside the namespace slip (navy.mil)
  // (issue 15 breaker, round 3, item 12).
  if (alt.empty() || set_.Exact(alt).has_value()) return false;
  std::string flat_typed(typed), flat_alt(alt);
  std::erase(flat_typed, '.');
  std::erase(flat_alt, '.');
  return flat_typed == flat_alt;
}

const SuffixConfusion* DetectorImpl::Confusion(std::string_view typed,
                                               std::string_view intended) const {
  std::string key = Join(typed, std::string_view("\0", 1));
  key += intended;
  auto it = confusions_.find(key);
  return it == confusions_.end() ? nullptr : &it->second;
}

void DetectorImpl::Offer(Candidate c, Best& best) const {
  constexpr double kEpsilon = kScoreEpsilon;
  if (Outranked(c.score, best)) return;
  // A provider is trusted exactly: a subdomain of it (mail.gmail.com) is no
  // trusted name, and suggesting one sends the sender to a second warning.
  // The slip was in the name the provider owns: suggest that.
  if (!set_[c.id].covers_subdomains() && c.suggestion != c.target &&
      c.suggestion.ends_with(Join(".", c.target))) {
    c.suggestion = c.target;
  }
  // Never suggest what cannot be a mail domain: a public suffix (gov.uk for
  // gov.uk.com) or a namespace itself. Only a namespace's candidate can be
  // one: any other suggestion holds a trusted domain, so the lookups (a
  // third of a check's time with a million names) are spared there.
  if (set_[c.id].is_namespace && !c.suggestion.empty()) {
    if (IsPublicSuffix(c.suggestion)) return;
    if (std::optional<uint32_t> ns = set_.Exact(c.suggestion); ns && set_[*ns].is_namespace) return;
  }
  bool better = c.score >= best.score - kEpsilon;
  double likelihood = -1;
  if (better && c.score <= best.score + kEpsilon && best.code.has_value()) {
    // Alike in score: the likelier intent names the target: how likely the
    // slip is (slip_score.h) times how often the target is meant (its place
    // in the lists, TargetPrior, and how often the organisation writes to
    // it, OrganisationPrior), then the stronger trust, then the earlier entry.
    if (best.likelihood < 0) {
      best.likelihood = SlipLikelihood(best.typed, best.suggestion) * TargetPrior(best.id) *
                        OrganisationPriorOf(best.id);
    }
    likelihood = SlipLikelihood(best.typed, c.suggestion) * TargetPrior(c.id) *
                 OrganisationPriorOf(c.id);
    if (likelihood != best.likelihood) {
      better = likelihood > best.likelihood;
    } else {
      int a = TrustStrength(set_[c.id].source), b = TrustStrength(set_[best.id].source);
      if (a > b || (a == b && c.id >= best.id)) better = false;
    }
  }
  // The runner-up with another target is kept: when it is about as likely
  // (yahoo.com.t: .tr or .tw), the sender is offered both.
  if (!better) {
    // The same suggestion by another reading is no second choice
    // (ramstein.af.mik: ramstein.af.mil twice, issue 15, fresh tester, item 11).
    if (c.code && c.target != best.target && c.suggestion != best.suggestion &&
        c.score > best.alt_score) {
      best.alt_score = c.score;
      best.alt_target = std::move(c.target);
      best.alt_suggestion = std::move(c.suggestion);
      best.alt_id = c.id;
      best.alt_code = c.code;
      best.alt_detail = std::move(c.detail);
    }
    return;
  }
  if (best.code && best.target != c.target && best.suggestion != c.suggestion &&
      best.score > best.alt_score) {
    best.alt_score = best.score;
    best.alt_target = std::move(best.target);
    best.alt_suggestion = std::move(best.suggestion);
    best.alt_id = best.id;
    best.alt_code = best.code;
    best.alt_detail = std::move(best.detail);
  } else if (best.alt_target == c.target) {
    best.alt_score = 0;
    best.alt_target.clear();
    best.alt_suggestion.clear();
    best.alt_code.reset();
    best.alt_detail.clear();
  }
  static_cast<Candidate&>(best) = std::move(c);
  best.likelihood = likelihood;
}

bool DetectorImpl::RealZoneNeighbour(const Domain& d, const Best& best, LookalikeMatch& m) const {
  // mfa.gov.hu (for mfa.gov.au), mzv.gov.cz (mzv.gov with .cz), mil.ru
  // (mail.ru), wp.mil.pl (wp.pl): the domain sits in a country's
  // public-sector zone, which is real (second_level_zone.h); what it
  // resembles lies outside that zone, so it is another government's or
  // school's name, not a slip. Not when the zone's TLD is a known confusion
  // of the target's (army.mil.ml: .ml for .mil), nor for look-alike letters.
  // The zone RealSecondLevelZoneOf would name, the last two labels; its
  // label is tested first, as asking whether the zone is real costs a
  // libpsl lookup for most look-alikes under a ccTLD (gmial.de).
  if (*best.code == ReasonCode::kHomoglyph) return false;
  const std::string_view ascii = d.ascii;
  const size_t last = ascii.rfind('.');
  if (last == std::string_view::npos || last == 0) return false;
  const size_t prev = ascii.rfind('.', last - 1);
  const std::string_view zone = prev == std::string_view::npos ? ascii : ascii.substr(prev + 1);
  const size_t dot = zone.find('.');
  if (!address::IsPublicSectorLabel(zone.substr(0, dot))) return false;
  if (!address::IsRealSecondLevelZone(zone)) return false;
  std::string_view target = best.target;
  if (target == zone || target.ends_with(Join(".", zone))) return false;
  // af.mil.sy, army.mil.cn: a name the lists hold under the namespace, with
  // a country's code added, is that name's slip whatever zone it lands in
  // (issue 15, fresh tester, item 1); wp.mil.pl, a name no list holds, is
  // the country's own.
  if (*best.code == ReasonCode::kSuffixAppend && set_[best.id].source != TrustSource::kLearned &&
      (!set_[best.id].is_namespace || KnownUnderNamespace(target))) {
    return false;
  }
  // The confusion explains a name in the zone (army.mil.ml: .ml typed for
  // .mil), not the zone itself under the target's TLD: gouv.ml is Mali's
  // government's, and gouv.mil (what a .mil namespace makes of it) is a
  // name no one has.
  const bool zone_as_target =
      target == Join(zone.substr(0, dot + 1), LastLabel(target));
  if (!zone_as_target && Confusion(zone.substr(dot + 1), LastLabel(target)) != nullptr) {
    return false;
  }
  // Within one country the PSL's own zones are the ones that exist: gv.uk
  // and go.uk are slips of gov.uk, though gv.at and go.jp are real.
  const ReasonCode c = *best.code;
  const bool suffix_slip = c == ReasonCode::kSuffixEdit || c == ReasonCode::kTldSwap ||
                           c == ReasonCode::kSuffixDrop || c == ReasonCode::kSuffixTruncate;
  if (suffix_slip && zone.substr(dot + 1) == LastLabel(target) && !address::IsListedSuffix(zone)) {
    return false;
  }
  m.code = ReasonCode::kRealNeighbour;
  m.source = set_[best.id].source;
  m.target = best.target;
  m.resembles = best.target;
  // "in gov.hu, a public-sector zone of .hu"; for mil.ru itself "a
  // public-sector zone of .ru".
  m.detail = "a public-sector zone of ." + std::string(zone.substr(dot + 1));
  if (zone != d.ascii) m.detail = "in " + std::string(zone) + ", " + m.detail;
  return true;
}

bool DetectorImpl::RealDomainSuffixSlip(const Query& q, LookalikeMatch& m) const {
  auto it = real_by_name_.find(std::string(q.name));
  if (it == real_by_name_.end()) return false;
  std::string_view typed = q.domain->suffix;
  for (const std::string& real : it->second) {
    std::string_view suffix = std::string_view(real).substr(q.name.size() + 1);
    if (SuffixDistance(typed, suffix, 1) != 1) continue;
    // A trusted one (gmail.com for gmail.con) is the look-alike's target,
    // found by the finders, except a public suffix that is a mail domain:
    // they read nic.in as no name under .in, so nic.ib was only invalid
    // (issue 15, breaker 15, item 4).
    if (std::optional<uint32_t> id = set_.TrustedBy(real)) {
      if (!suffix_mail_domains_.contains(real)) continue;
      m.kind = LookalikeMatch::Kind::kLookalike;
      m.source = set_[*id].source;
      m.target = real;
      m.resembles = real;
      m.score = 0.9;
    }
    m.code = ReasonCode::kTldNotDelegated;
    m.target_domain_for_suggestion = real;
    m.detail = "the TLD ." + std::string(LastLabel(typed)) +
               " does not exist: no mail can be delivered there; " + real +
               " is a real mail domain one slip away";
    return true;
  }
  return false;
}

bool DetectorImpl::ProviderHost(const Domain& d, const Best& best, LookalikeMatch& m) const {
  // smtp.gmail.com, www.outlook.com, mx.gmx.de: a protocol host of a
  // provider typed as the mail domain (mail.gmail.com is not taken: see
  // the host-label list below). The provider is trusted exactly (no one has
  // an address at x.gmail.com), so this is no trusted domain, and the mail
  // bounces or goes to a host that is no one's mailbox; the sender meant
  // the provider (issue 15, breaker 15, item 13). Its labels read alone
  // are no slip of another name (ymail.com for mail.gmail.com); a slip
  // across the dot is (g.mail.com: gmail.com with a dot inserted, though
  // mail.com is a provider too), and so is one of the provider's own
  // domain named outright (the best candidate's target).
  if (d.registrable.empty() || d.ascii == d.registrable) return false;
  const std::optional<uint32_t> own = set_.Exact(d.registrable);
  if (!own || set_[*own].covers_subdomains()) return false;
  if (best.code && best.score >= options_.threshold) {
    const ReasonCode c = *best.code;
    if (c == ReasonCode::kDotInsertion || c == ReasonCode::kDotOmission ||
        c == ReasonCode::kHyphenation || best.target == d.registrable) {
      return false;
    }
  }
  // Only the names of a server's protocols: "mail", "webmail", "vip" and
  // the like are real mail domains under some providers (mail.usa.com,
  // vip.qq.com, webmail.bellsouth.net: bench/false-alarms flagged 8).
  const std::string_view host_label =
      std::string_view(d.ascii).substr(0, d.ascii.size() - d.registrable.size() - 1);
  bool protocol_host = false;
  for (std::string_view h : {"www", "smtp", "imap", "pop", "pop3", "mx", "mx1", "mx2"}) {
    protocol_host = protocol_host || host_label == h;
  }
  // Another host of the provider is left external, as before: its labels
  // read alone are no slip of another name (mail.gmail.com: mail.com).
  if (!protocol_host) return true;
  // A real mail domain under the provider's (none is listed today) is
  // judged by the real-domain list, not made a slip here.
  if (real_domains_.contains(std::string(d.ascii))) return false;
  const Entry& e = set_[*own];
  m.kind = LookalikeMatch::Kind::kLookalike;
  m.code = ReasonCode::kDotOmission;
  m.source = e.source;
  m.target = e.domain;
  m.resembles = e.domain;
  m.target_domain_for_suggestion = e.domain;
  std::string_view host = std::string_view(d.ascii).substr(0, d.ascii.size() - d.registrable.size() - 1);
  // clear() then append, not assign("'"): GCC 12 at -O3 reports a false
  // -Wrestrict on assigning a one-character literal here (bug 105329).
  m.detail.clear();
  m.detail.append(1, '\'').append(host).append("' is a host of the provider ").append(e.domain);
  m.detail.append(", not a mail domain: its addresses are at ").append(e.domain).append(" itself");
  m.score = 0.9;
  return true;
}

LookalikeMatch DetectorImpl::Classify(const Domain& d) const {
  LookalikeMatch m;
  if (d.ascii.empty()) return m;
  Query q;
  MakeQuery(d, q);
  // Every index below is read at a random place; in a big trusted set each
  // read waits for main memory. Start all the loads now so they overlap.
  if (prefetch_) set_.Prefetch(d.ascii);
  if (prefetch_ && !q.name.empty()) {
    HashNames(q);
    set_.Prefetch(q.name);
    by_name_.Prefetch(q.name_hash);
    by_name_.Prefetch(q.reg_label_hash);
    joined_.Prefetch(q.ascii_hash);
    joined_.Prefetch(q.registrable_hash);
    joined_.Prefetch(q.name_hash);
    host_.Prefetch(q.reg_label_hash);
  }
  // A homoglyph of a trusted name counts even inside a trusted namespace:
  // no one registers Cyrillic names under .mil.
  AsciiForm look;
  if (q.idn) {
    look = AsciiLookalike(d.typed_capitals.empty() ? d.unicode : d.typed_capitals);
    if (look.changed && look.all_ascii && look.text != d.ascii) {
      if (auto id = set_.TrustedBy(look.text)) {
        m.kind = LookalikeMatch::Kind::kLookalike;
        m.target = TargetUnder(set_[*id], look.text);
        m.target_domain_for_suggestion = look.text;
        m.source = set_[*id].source;
        m.code = ReasonCode::kHomoglyph;
        m.resembles = look.text;
        m.detail = "it uses " + look.first_change;
        m.score = 0.98;
        return m;
      }
    }
  }
  // Trusted: the common answer at RCPT time, given without allocating.
  if (auto id = set_.TrustedBy(d.ascii)) {
    const Entry& e = set_[*id];
    m.kind = LookalikeMatch::Kind::kTrusted;
    m.source = e.source;
    m.code = ReasonCode::kTrusted;
    m.trusted_entry = e.domain;
    m.trusted_namespace = e.is_namespace;
    return m;
  }
  // Look-alike letters and a slip together (gmаil.ru, аrmy.ml, seznаm.cy
  // with a Cyrillic "а"): the name a reader sees is the ASCII one, so it is
  // judged as typed in ASCII, and its suggestion is the ASCII slip's, never
  // an A-label that is itself a homoglyph (xn--rmy-5cd.mil). Judged on the
  // letters alone, gmаil.ru was mail.ru with a "g" added (issue 15 breaker,
  // second round, items 5 and 6).
  // Not when the letters read as ASCII make a TLD that does not exist of
  // one that does (gmail.ком, .com in Cyrillic, is no "gmail.kom"), nor
  // when the target is itself an IDN name whose own letters the slip
  // concerns (müchen.de for münchen.de: an 'n' left out, the 'ü' is its own).
  // Nor when the reading turns a real IDN TLD into none (gmail.укр read as
  // gmail.ykp): that TLD is no look-alike letters, and .ykp retyped
  // (detector_retype.cc) would explain a country's own TLD as a slip.
  if (q.idn && look.changed && look.all_ascii && look.text != d.ascii &&
      (address::HasDelegatedTld(look.text) || !address::HasDelegatedTld(d.ascii))) {
    if (Result<Domain> plain = ParseDomain(look.text); plain.ok()) {
      LookalikeMatch slip = Classify(*plain);
      if (slip.kind == LookalikeMatch::Kind::kLookalike &&
          slip.target.find("xn--") == std::string::npos) {
        slip.detail = "it uses " + look.first_change + ", and " + slip.detail;
        slip.code = ReasonCode::kHomoglyph;
        slip.score = std::max(slip.score, 0.95);
        return slip;
      }
    }
  }
  if (q.name.empty()) return m;
  // Hashed above when prefetching; else only now, past the trusted answer.
  if (!prefetch_) HashNames(q);
  FindOpenZone(q);
  Best best;
  best.typed = d.ascii;
  SuffixCandidates(q, best);
  MultiLabelSuffixCandidates(q, best);
  InsertedSuffixLabelCandidates(q, best);
  FamilyCandidates(q, best);
  OpenZoneCandidates(q, best);
  ScriptTldCandidates(q, best);
  NamespaceCandidates(q, best);
  AppendCandidates(q, best);
  EmbeddedDomainCandidates(q, best);
  AppendedZoneCandidates(q, best);
  BareNamespaceEndingCandidates(q, best);
  HyphenatedEndingCandidates(q, best);
  ForeignZoneCandidates(q, best);
  JoinedCandidates(q, best);
  HostLabelCandidates(q, best);
  TypoCandidates(q, best);
  DotShiftCandidates(q, best);
  // Asked only when nothing else is near: a rarer slip, and lookups a
  // check with a candidate is spared.
  if (!best.code || best.score < options_.threshold) {
    DistantSwapCandidates(q, best);
    TypoAndSuffixCandidates(q, best);
    FamilyTypoCandidates(q, best);
  }
  if (ProviderHost(d, best, m)) return m;
  const bool delegated = address::HasDelegatedTld(d.ascii);
  // y7mail.con is y7mail.com's slip, not ymail.com's: a real mail domain
  // under the same name is the likelier target, and, not trusted, it is
  // only suggested (issue 15 breaker, round 3, item 9).
  if (!delegated && RealDomainSuffixSlip(q, m)) return m;
  if (!delegated) UndelegatedCandidates(q, best);
  if (!best.code || best.score < options_.threshold) {
    // Fail closed: a TLD outside the root zone receives no mail, near miss
    // or not (gmail.zz). See LookalikeMatch.
    std::string_view tld = LastLabel(d.ascii);
    if (!delegated && tld != "test" && tld != "example" && tld != "localhost") {
      if (UndelegatedRetyped(d, m)) return m;
      m.code = ReasonCode::kTldNotDelegated;
      m.detail = "the TLD ." + address::ShownAddress(tld) +
                 " does not exist: no mail can be delivered there";
    }
    return m;
  }
  if (RealZoneNeighbour(d, best, m)) return m;
  // A real mail domain is not a slip, however close (mailo.com, mail.com):
  // say what it is and let the policy decide. Names the organisation
  // declared itself stay look-alikes.
  if (!real_domains_.empty() && !Declared(set_[best.id].source)) {
    auto real = real_domains_.find(std::string(d.registrable.empty() ? d.ascii : d.registrable));
    if (real != real_domains_.end()) {
      m.code = ReasonCode::kRealNeighbour;
      m.source = set_[best.id].source;
      m.target = best.target;
      m.resembles = best.target;
      m.detail = real->second;
      return m;
    }
  }
  // Two targets within this of each other are both offered.
  constexpr double kClose = 0.05;
  // An alternative that only leaves off what the best one explains is no
  // second choice: hmrc.gov beside hmrc.gov.uk for hmrc.gov.ul.
  auto alt_offered = [&] {
    const bool alt_cut = best.suggestion.starts_with(best.alt_suggestion + ".") ||
                         UnlistedDotMove(d.ascii, best.alt_suggestion);
    return !best.alt_suggestion.empty() && !alt_cut && best.alt_score >= best.score - kClose &&
           best.alt_score >= options_.threshold;
  };
  // Of two close targets the one the organisation writes to more is named
  // first (yahoo.com.uk: yahoo.co.uk or yahoo.com.hk, as the history says;
  // issue 15, breaker 15, item 6). Without history both priors are 1.
  if (best.alt_code && alt_offered() &&
      OrganisationPriorOf(best.alt_id) > OrganisationPriorOf(best.id)) {
    std::swap(best.id, best.alt_id);
    std::swap(best.target, best.alt_target);
    std::swap(best.suggestion, best.alt_suggestion);
    std::swap(best.detail, best.alt_detail);
    std::swap(best.code, best.alt_code);
    std::swap(best.score, best.alt_score);
  }
  // A slip into a TLD the root zone does not have: say so, it is the
  // strongest sign (hotmail.con, barclays.co.ul, army.mik).
  // Any slip of the ending counts (army.mil.mik, hmrc.govuk).
  const ReasonCode c = *best.code;
  const bool suffix_slip = c == ReasonCode::kSuffixEdit || c == ReasonCode::kTldSwap ||
                           c == ReasonCode::kSuffixAppend || c == ReasonCode::kSuffixDrop ||
                           c == ReasonCode::kSuffixTruncate || c == ReasonCode::kDotOmission ||
                           c == ReasonCode::kDotInsertion;
  if (!delegated && suffix_slip) {
    std::string tld = "the TLD ." + address::ShownAddress(LastLabel(d.ascii));
    // "the TLD .mik has 'k' where 'l' belongs" says the TLD once.
    best.detail = best.detail.starts_with(tld + " ")
                      ? tld + " does not exist and" + best.detail.substr(tld.size())
                      : tld + " does not exist; " + best.detail;
    best.code = ReasonCode::kTldNotDelegated;
  }
  m.kind = LookalikeMatch::Kind::kLookalike;
  if (alt_offered()) m.alternative_suggestion = std::move(best.alt_suggestion);
  m.source = set_[best.id].source;
  m.target = best.target;
  // A namespace's reading names the namespace's name (af.mil); a listed
  // entry at the suggestion is the name meant (ramstein.af.mil).
  if (set_[best.id].is_namespace) {
    if (std::optional<uint32_t> id = set_.TrustedBy(best.suggestion);
        id && !set_[*id].is_namespace && set_[*id].domain.ends_with(Join(".", best.target))) {
      m.target = set_[*id].domain;
    }
  }
  m.target_domain_for_suggestion = best.suggestion;
  m.code = *best.code;
  m.resembles = m.target;
  m.detail = std::move(best.detail);
  m.score = best.score;
  return m;
}

}  // namespace nearmiss::lookalike
