// Engine::CheckRecipient: a recipient's class (trusted, external,
// look-alike, blocked, invalid) and reasons, for the domain Postfix would
// deliver to (and each domain a routed address names), without allocating
// once warm.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "address/display_name.h"
#include "address/idna.h"
#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "address/special_use_names.h"
#include "engine/country_code_slip.h"
#include "engine/decision_table.h"
#include "engine/invalid_repairs.h"
#include "engine/invisible_characters.h"
#include "engine/reason_sink.h"
#include "engine/routed_mailbox.h"
#include "engine/suffix_mail_domain.h"
#include "engine/suggestion_vet.h"
#include "nearmiss/address.h"
#include "nearmiss/delivery.h"
#include "nearmiss/engine.h"
#include "nearmiss/lookalike.h"

namespace nearmiss {
namespace {

// Starts `c` over for `input`: every field but the reasons (a ReasonSink's)
// empty, the strings and vectors keeping their capacity.
void Reset(std::string_view input, RecipientCheck& c) {
  c.input.assign(input);
  c.address.clear();
  c.domain.clear();
  c.domain_unicode.clear();
  c.verdict = Verdict::kInvalid;
  c.target.clear();
  c.suggestion.clear();
  c.target_source = TrustSource::kProtected;
  c.also_suggestion.clear();
  c.score = 0;
  c.address_typo.reset();
  c.route_domains.clear();
  c.dns.reset();
}

// Resets `c` to an invalid recipient: nothing parsed, one reason.
void SetInvalid(std::string_view input, const Status& why, RecipientCheck& c) {
  Reset(input, c);
  engine::ReasonSink sink(c.reasons);
  sink.Add(ReasonCode::kInvalidAddress).detail.assign(why.message());
  sink.Finish();
}

}  // namespace

const DomainItem* Engine::BlockedBy(std::string_view ascii) const {
  // The domain itself, then each parent: as many lookups as labels, however
  // long the block list (threat feeds run to many thousands).
  for (std::string_view d = ascii;;) {
    if (auto it = blocked_.find(d); it != blocked_.end()) return it->second;
    size_t dot = d.find('.');
    if (dot == std::string_view::npos) return nullptr;
    d.remove_prefix(dot + 1);
  }
}

namespace {

// Which of two classes a recipient takes when its address names several
// domains: the one that needs more care.
int Severity(Verdict v) {
  switch (v) {
    case Verdict::kTrusted: return 0;
    case Verdict::kExternal: return 1;
    case Verdict::kLookalike: return 2;
    case Verdict::kBlocked: return 3;
    case Verdict::kInvalid: return 4;
  }
  return 4;
}

// The "did you mean" of match `m` for the address `a` (its local part) at
// the typed domain `typed` (ASCII):
// a suggestion is one this check accepts (engine/suggestion_vet.h):
// usarmy.ml's is us.army.mil, not the usarmy.mil that is refused in turn.
// A second one is offered only beside a first: one the detector left empty
// leaves none ("did you mean  or x@gov.wales?"); one refused here gives its
// place to it. Returns the domain RankSuggestions put first in place of the
// detector's reading ("" when it kept it).
std::string Suggest(const LookalikeDetector& detector, const LookalikeMatch& m,
                    std::string_view typed, Address& a, RecipientCheck& c) {
  std::string meant, also;
  if (!m.target_domain_for_suggestion.empty()) {
    meant = engine::AcceptedSuggestion(detector, m.target_domain_for_suggestion);
    if (!m.alternative_suggestion.empty()) {
      also = engine::AcceptedSuggestion(detector, m.alternative_suggestion);
    }
    if (meant.empty()) std::swap(meant, also);
    if (also == meant) also.clear();
  }
  const bool near_first = engine::RankSuggestions(detector, m.code, typed, &meant, &also);
  engine::DropFarSecond(detector, typed, meant, &also);
  if (!meant.empty()) c.suggestion = a.WithDomain(meant);
  if (!also.empty()) c.also_suggestion = a.WithDomain(also);
  return near_first ? meant : std::string();
}

// `domain` is the namespace `target` (a public suffix: gov.uk, mil) with
// its own labels added again, whole or its ending only: mil.mil,
// gov.uk.gov.uk, gov.uk.uk. No name was typed, so the address is invalid,
// not a look-alike; gov.uk.com adds another ending and is a name.
bool NamespaceTypedTwice(std::string_view domain, std::string_view target) {
  if (domain.size() <= target.size() + 1 || !domain.starts_with(target) ||
      domain[target.size()] != '.') {
    return false;
  }
  const std::string_view added = domain.substr(target.size() + 1);
  return added == target ||
         (target.ends_with(added) && target[target.size() - added.size() - 1] == '.');
}

}  // namespace

void Engine::JudgeDomain(const Domain& domain, const std::string& local, RecipientCheck& c,
                         engine::ReasonSink& reasons) const {
  LookalikeMatch m = detector_->Classify(domain);
  bool allowlisted = m.kind == LookalikeMatch::Kind::kTrusted && m.source == TrustSource::kAllowlist;
  const DomainItem* block = allowlisted ? nullptr : BlockedBy(domain.ascii);
  if (block != nullptr) {
    c.verdict = Verdict::kBlocked;
    Reason& r = reasons.Add(ReasonCode::kBlocked);
    r.subject.assign(domain.unicode);
    r.object.assign(block->domain);
    r.detail.assign(block->where);
  }
  switch (m.kind) {
    case LookalikeMatch::Kind::kTrusted:
      if (block == nullptr) c.verdict = Verdict::kTrusted;
      c.target_source = m.source;  // where the trust comes from (rule.target)
      {
        Reason& r = reasons.Add(ReasonCode::kTrusted);
        FillReason(m, domain, &r);
        // Trusted by an administrator's word, not by mail written: said so
        // (a `learn --confirm`ed domain nobody wrote to was "a regular
        // correspondent"; the issue-14 tester, round 43, item 17c).
        if (m.source == TrustSource::kLearned && !confirmed_domains_.empty() &&
            confirmed_domains_.count(std::string(m.trusted_entry)) > 0) {
          r.detail.assign("confirmed by an administrator (learn --confirm)");
          auto written = domain_written_.find(std::string(m.trusted_entry));
          if (written == domain_written_.end() || written->second.first == 0) {
            r.detail.append(", never written to here");
          }
        }
      }
      break;
    case LookalikeMatch::Kind::kLookalike: {
      // mil.mil, gov.gov, gov.uk.gov.uk: a namespace's ending typed twice
      // with no name before it. The reading names the namespace itself,
      // which is no domain, and there is no name to offer: a name is
      // missing, as in x@gov.uk, so invalid (round 53's tester, finding 5;
      // a public suffix is no mail domain: address/domain.cc).
      // Only the namespace's own labels again: gov.uk.com adds .com, a
      // public suffix of its own (uk.com, the PSL's private section), so
      // gov.uk.com is a registrable name that takes mail, a suffix-append
      // look-alike of .gov.uk as README says (round 55's tester 16,
      // finding 6).
      if (m.code == ReasonCode::kSuffixAppend && m.target_domain_for_suggestion.empty() &&
          !m.target.empty() && address::SplitSuffix(m.target).registrable.empty() &&
          NamespaceTypedTwice(domain.ascii, m.target)) {
        if (block == nullptr) c.verdict = Verdict::kInvalid;
        std::string& why = reasons.Add(ReasonCode::kInvalidAddress).detail;
        why.assign("'").append(domain.unicode).append("' has no name before .").append(m.target);
        why.append(": it is .").append(m.target).append(" typed twice, and .").append(m.target);
        why.append(" itself is no mail domain");
        break;
      }
      if (block == nullptr) c.verdict = Verdict::kLookalike;
      c.target = m.target;
      c.target_source = m.source;
      // A local part that still routes ("x@army.mil" in x@army.mil@army.ml)
      // was not meant whole: the suggestion keeps its first name only. It
      // routes only when a domain follows ("army.mil"): "a@b" in
      // "a@b"@gmial.com is one mailbox's name, kept whole and quoted (issue
      // 15 breaker, round 3, item 10).
      Address a;
      const std::size_t routing = local.find_first_of("@%!");
      const bool routes = routing != 0 && routing != std::string::npos &&
                          local.find('.', routing) != std::string::npos;
      a.local = routes ? local.substr(0, routing) : local;
      // A namespace meant as a whole (police.co.uk for police.uk) has no
      // one address to suggest (Suggest).
      const std::string near_first = Suggest(*detector_, m, domain.ascii, a, c);
      c.score = m.score;
      Reason& first = reasons.Add(m.code);
      FillReason(m, domain, &first);
      if (!near_first.empty()) {
        // The reading set aside is named only when it is still offered.
        // A reading of another country's zone (teva.co.jl: co.il, co.jp)
        // keeps no trusted name as the second offer, so names none.
        const bool target_offered =
            !c.also_suggestion.empty() && engine::NearZoneNames(domain.ascii).empty();
        engine::NameTheNearName(domain.ascii, near_first, target_offered ? m.target : std::string(),
                                &first, &c.target);
        // The class is the offered name's, not the reading's set aside
        // (teva.co.jl: teva.co.il, no protected .mil name).
        c.target_source = TrustSource::kNone;
        if (Result<Domain> near = ParseDomain(near_first); near.ok()) {
          const LookalikeMatch n = detector_->Classify(*near);
          if (n.kind == LookalikeMatch::Kind::kTrusted) c.target_source = n.source;
        }
      }
      // Look-alike letters (gmаil.zz, gmail.соm: .xn--m-0tbi) or another
      // slip under a TLD the root zone lacks: whatever the first reason,
      // no mail can be delivered there, and a rule on tld-not-delegated or
      // can_receive must see it; the hold offered a release that could
      // only bounce (issue 15, breaker 15, item 5).
      // RFC 6761's names for tests are left out, as the detector does.
      const std::string_view ascii = domain.ascii;
      const std::string_view tld = ascii.substr(ascii.rfind('.') + 1);
      // A name of one label (gmailcom) has no TLD: its reason says what
      // Postfix does with it.
      if (m.code != ReasonCode::kTldNotDelegated && !address::HasDelegatedTld(ascii) &&
          ascii.find('.') != std::string_view::npos && !address::IsTestingTld(tld)) {
        Reason& r = reasons.Add(ReasonCode::kTldNotDelegated);
        FillReason(m, domain, &r);
        r.code = address::NoSuchTldCode(tld);
        r.detail = address::UndelegatedTldDetail(tld);
        // Said of the domain alone: the first reason already says what it
        // looks like ("hospita.local looks like hospital.local" was
        // printed twice: issue 15, round 34, item 6).
        r.object.clear();
      }
      break;
    }
    case LookalikeMatch::Kind::kNone:
      // Under a TLD the root zone lacks: nothing can be delivered, so it is
      // invalid, never a silent external (fail closed).
      if (m.code == ReasonCode::kTldNotDelegated) {
        if (block == nullptr) c.verdict = Verdict::kInvalid;
        // A real, untrusted mail domain one slip away (y7mail.con); else
        // the same name under the common TLD one slip from the one typed
        // (acme.con: acme.com), when that is a registrable name.
        std::string near = m.target_domain_for_suggestion;
        const std::string_view ascii = domain.ascii;
        const size_t dot = ascii.rfind('.');
        if (near.empty() && dot != std::string_view::npos && dot > 0) {
          const std::string_view tld = address::CommonTldOneSlipFrom(ascii.substr(dot + 1));
          if (!tld.empty()) {
            near.assign(ascii.substr(0, dot + 1));
            near += tld;
            if (address::SplitSuffix(near).registrable.empty()) near.clear();
            // Offered only as check accepts it: a repair the detector
            // left (no look-alike under any retyping) can still land on a
            // name check refuses; its own suggestion is offered then, or
            // none (issue 15, tester r59c, finding 1).
            if (!near.empty()) near = engine::AcceptedSuggestion(*detector_, near);
          }
        }
        // bakery.co.ul, kcl.ac.ul: a country's code slipped under one of
        // its zones (co.uk, ac.uk) is that zone's name, one key away; two
        // such zones are both offered (round 51's tester 15, finding 5).
        std::string also;
        if (near.empty()) {
          size_t adjacent = 0;
          std::vector<std::string> zones = engine::NearZoneNames(ascii, &adjacent);
          if (adjacent > 0) near = zones[0];
          if (adjacent > 1) also = zones[1];
        }
        // dfa.ei, mzv.zc: a country's code slipped with no zone before it
        // (two letters swapped: .ie, .cz) is that country's name, when only
        // one code is that slip away; a name this check refuses in turn is
        // never offered (round 58b's tester 15, finding 4).
        if (near.empty()) {
          const std::string slip = engine::CountryCodeSlipName(ascii);
          if (!slip.empty()) near = engine::AcceptedSuggestion(*detector_, slip);
        }
        if (!near.empty()) {
          Address a;
          a.local = local;
          c.suggestion = a.WithDomain(near);
          if (!also.empty()) c.also_suggestion = a.WithDomain(also);
        }
        FillReason(m, domain, &reasons.Add(m.code));
        break;
      }
      if (block == nullptr) c.verdict = Verdict::kExternal;
      // A real mail domain near a trusted one: external, with the note a
      // rule can match (reason = ["real-neighbour"]) to warn or confirm.
      // A short name one slip from a trusted one (gm.de): the same, with
      // the near name suggested as a hint (short-name-slip).
      if (m.code == ReasonCode::kRealNeighbour || m.code == ReasonCode::kShortNameSlip ||
          m.code == ReasonCode::kSisterZone) {
        c.target = m.target;
        if (m.code == ReasonCode::kShortNameSlip) {
          Address a;
          a.local = local;
          Suggest(*detector_, m, domain.ascii, a, c);
        }
        FillReason(m, domain, &reasons.Add(m.code));
      }
      break;
  }
}

RecipientCheck Engine::CheckRecipient(std::string_view input) const {
  RecipientCheck c;
  CheckRecipient(input, &c);
  return c;
}

void Engine::CheckRecipient(std::string_view input, RecipientCheck* out) const {
  // Set on every way out, once the class and reasons are final: whether a
  // rule could let DNS facts decide (RecipientCheck::dns_can_decide).
  struct DnsCanDecideOnReturn {
    const engine::DecisionTable* table;
    RecipientCheck* check;
    ~DnsCanDecideOnReturn() {
      check->dns_can_decide = table == nullptr || check->verdict != Verdict::kLookalike ||
                              table->DnsCanDecide(*check);
    }
  } dns_can_decide{table_.get(), out};
  // The parse's strings, kept per thread so a plain address is parsed
  // without allocating (ParseRecipient's in-place form).
  thread_local Recipient parsed;
  Status status = ParseRecipient(input, delivery_, &parsed);
  if (!status.ok()) {
    // army.mil<U+200E>, gmail.com<U+202C>: UTS #46 disallows the bidi
    // controls (and ignores the other invisible characters), so a mark
    // pasted from right-to-left text made the address invalid while a zero
    // width space in the same place was dropped. Every Default_Ignorable
    // and Bidi_Control character of the domain is treated alike: the
    // domain judged is the one a reader sees, and AddInvisibleReason
    // (below, from `input`) says which were there (issue 15, fresh tester
    // 15, item 11).
    // Not the zero width joiner and non-joiner (U+200D, U+200C): IDNA2008
    // gives them a context rule (RFC 5892 A.1, A.2, CONTEXTJ), so out of
    // place they make the domain invalid, as Postfix's delivery to
    // "army.ml<U+200D>" (a name no DNS holds) shows in
    // tests/postfix/differential.
    const engine::TypedAddress typed = engine::TypedAddressOf(input);
    const bool joiner = typed.domain.find("\u200c") != std::string_view::npos ||
                        typed.domain.find("\u200d") != std::string_view::npos;
    if (!joiner) {
      thread_local std::string visible_input;
      visible_input = engine::WithVisibleDomain(input);
      if (!visible_input.empty() && ParseRecipient(visible_input, delivery_, &parsed).ok()) {
        status = Status::Ok();
      }
    }
  }
  RecipientCheck& c = *out;
  if (!status.ok()) {
    // gc.ca, nic.in: a public suffix that is its owner's mail domain too.
    thread_local std::string probe;
    std::optional<Domain> d = engine::PublicSuffixDomain(input, &probe);
    auto mail_domain = [&] {
      if (engine::ListedSuffixMailDomain(d->ascii)) return true;
      const LookalikeMatch m = detector_->Classify(*d);
      if (m.kind != LookalikeMatch::Kind::kTrusted) return engine::SectorSecondLevel(d->ascii);
      return m.trusted_entry == d->ascii &&
             (!m.trusted_namespace || (policy_.use_default_protected &&
                                       engine::WrittenAsDomainInProtectedList(d->ascii)));
    };
    if (d && mail_domain() && ParseRecipient(probe, delivery_, &parsed).ok() &&
        parsed.route.empty()) {
      Reset(input, c);
      parsed.WriteAddress(&c.address);
      c.address.resize(c.address.rfind('@') + 1);
      c.address.append(d->ascii);
      c.domain.assign(d->ascii);
      c.domain_unicode.assign(d->unicode);
      engine::ReasonSink reasons(c.reasons);
      JudgeDomain(*d, parsed.local, c, reasons);
      reasons.Finish();
      return;
    }
    // x@gmailcom, x@hotmailcouk, x@armymil: a trusted name with its dots
    // left out is its look-alike, with the name to suggest; any other name
    // of one label stays invalid (issue 15, round 35, defect 1).
    std::string local, unicode;
    if (std::string one = engine::OneLabelDomain(input, local, unicode); !one.empty()) {
      Domain d;
      d.ascii = std::move(one);
      d.unicode = std::move(unicode);
      if (detector_->Classify(d).kind == LookalikeMatch::Kind::kLookalike) {
        Reset(input, c);
        Address a;
        a.local = local;
        c.address = a.WithDomain(d.ascii);
        c.domain.assign(d.ascii);
        c.domain_unicode.assign(d.unicode);
        engine::ReasonSink reasons(c.reasons);
        JudgeDomain(d, local, c, reasons);
        reasons.Finish();
        return;
      }
    }
    SetInvalid(input, status, c);
    // hotmail.pg, live.np: a name under a wildcard public suffix is no
    // mail domain, but the sender meant one (issue 15 breaker, round 3,
    // item 11).
    engine::SuggestForSuffix(input, *detector_, c, [this](const Domain& d, const std::string& local,
                                      RecipientCheck& meant) {
      engine::ReasonSink sink(meant.reasons);
      JudgeDomain(d, local, meant, sink);
      sink.Finish();
    });
    if (!c.suggestion.empty()) return;
    // gmail..com, .army.mil: a doubled or leading dot is a slip; gmai<U+200D>l.com,
    // a joiner out of place, reads as gmail.com (round 49's tester 15,
    // finding 6). The address stays invalid (fail closed), with what it
    // was meant to be.
    std::string repaired = engine::WithVisibleDomain(input);
    if (repaired.empty()) repaired = engine::RepairDots(input);
    // x@barclays.co,uk: a comma typed for a dot (issue 15, finding 2). The
    // check CLI and the HTTP API keep such a comma in one recipient
    // (SplitPastedAddressList); the milter's envelope recipient is one.
    if (repaired.empty()) {
      char typed = ',';
      repaired = engine::RepairCommas(input, &typed);
      if (!repaired.empty()) {
        if (std::string dots = engine::RepairDots(repaired); !dots.empty()) repaired = std::move(dots);
        if (!c.reasons.empty()) {
          c.reasons.back().detail.append(typed == '/' ? " (its '/' is a slash typed where a dot belongs)"
                                                      : " (its ',' is a comma typed where a dot belongs)");
        }
      }
    }
    // x@gmail.com:587, x@gmail.com?subject=hi, x@[army.ml]: a URL's or a
    // link's tail after the domain (tester 15 round 57, finding 7).
    if (repaired.empty()) {
      std::string what;
      repaired = engine::RepairStrayTail(input, &what);
      if (!repaired.empty() && !c.reasons.empty()) {
        c.reasons.back().detail.append(" (").append(what).append(")");
      }
    }
    // jane＠army.ml: an East Asian input method's fullwidth at sign (U+FF20)
    // or the small one (U+FE6B) is no '@' to Postfix, which would deliver
    // it here as a local name; the sender meant '@' (round 51's tester 15,
    // finding 9). Still invalid, with the address meant.
    if (repaired.empty() && input.find('@') == std::string_view::npos) {
      for (std::string_view at : {std::string_view("\xEF\xBC\xA0"), std::string_view("\xEF\xB9\xAB")}) {
        const size_t p = input.rfind(at);
        if (p == std::string_view::npos) continue;
        repaired.assign(input.substr(0, p)).append("@").append(input.substr(p + at.size()));
        if (!c.reasons.empty()) {
          c.reasons.back().detail.append(" (its '").append(at).append(
              "' is a fullwidth at sign, as an East Asian input method types it, not '@')");
        }
        break;
      }
    }
    if (repaired.empty()) return;
    RecipientCheck meant;
    CheckRecipient(repaired, &meant);
    // The repair itself when it is a deliverable address (trusted, or
    // external: the next check judges it), a look-alike's own suggestion,
    // never a blocked or invalid one.
    if (meant.verdict == Verdict::kTrusted || meant.verdict == Verdict::kExternal) {
      c.suggestion = std::move(meant.address);
    } else if (meant.verdict == Verdict::kLookalike) {
      c.suggestion = std::move(meant.suggestion);
      c.also_suggestion = std::move(meant.also_suggestion);
    }
    return;
  }
  const Recipient& r = parsed;
  Reset(input, c);
  r.WriteAddress(&c.address);
  c.domain.assign(r.domain.ascii);
  c.domain_unicode.assign(r.domain.unicode);
  engine::ReasonSink reasons(c.reasons);
  // Judged as it reads: a look-alike's suggestion keeps no invisible
  // character of the local part (invisible_characters.h); "" for ASCII.
  const std::string visible_local = engine::WithoutInvisible(r.local);
  JudgeDomain(r.domain, visible_local.empty() ? r.local : visible_local, c, reasons);
  engine::AddInvisibleReason(input, c, reasons);
  // Known before the history is asked: a routed address's display name
  // is judged with its routed mailbox, not at the relay (routed_mailbox.h).
  for (const RouteHop& hop : r.route) c.route_domains.push_back(hop.domain.ascii);
  if (has_history_) AddHistoryReasons(input, c, reasons);

  // A domain the address routes on to is judged as if it were the
  // delivery domain: the next hop may deliver there.
  if (!r.route.empty()) {
    reasons.Finish();
    for (const RouteHop& hop : r.route) {
      RecipientCheck h;
      engine::ReasonSink hop_reasons(h.reasons);
      JudgeDomain(hop.domain, hop.local, h, hop_reasons);
      if (Severity(h.verdict) <= Severity(c.verdict)) continue;
      c.verdict = h.verdict;
      c.target = std::move(h.target);
      c.target_source = h.target_source;
      c.suggestion = std::move(h.suggestion);
      c.score = h.score;
      Reason& routed = hop_reasons.Add(ReasonCode::kRoutedAddress);
      routed.subject = hop.domain.unicode;
      routed.detail = hop.how;
      hop_reasons.Finish();
      for (Reason& reason : c.reasons) h.reasons.push_back(std::move(reason));
      c.reasons = std::move(h.reasons);
    }
    reasons.Resume();
  }
  if (!r.irregular.empty()) {
    Reason& irregular = reasons.Add(ReasonCode::kIrregularAddress);
    irregular.subject.assign(r.domain.unicode);
    irregular.detail.assign(r.irregular);
  }
  reasons.Finish();
  // And the mailbox it routes to, for the wrong person at the right domain
  // (routed_mailbox.h). Last: it checks each hop, which reuses this
  // thread's `parsed`, so nothing may read `r` after it.
  if (has_history_ && !r.route.empty()) {
    engine::AddRoutedMailboxTypo(
        r.route, address::DisplayNameOf(input),
        [this](const std::string& entry) { return CheckRecipient(entry); }, c);
  }
}

}  // namespace nearmiss
