// History in the engine: learned domains join the trusted set (engine/
// learned.h picks them), and checks say when a recipient is new, or a near
// miss of an address written to often (engine/address_typo.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "base/ascii.h"
#include "address/idna.h"
#include "base/log.h"
#include "engine/address_typo.h"
#include "engine/invisible_characters.h"
#include "engine/learned.h"
#include "engine/mailbox_space.h"
#include "engine/reason_sink.h"
#include "engine/routed_mailbox.h"
#include "nearmiss/address.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

// A look-alike domain's suggestion is the input's local part at the domain
// meant; when that address is itself a slip of a frequent one
// (jon.smith@partner.exmaple: partner.example, where people write to
// john.smith), the frequent address is what was meant, and the
// domain-only fix stays the second suggestion.
void SuggestKnownAddress(const engine::AddressIndex& addresses, std::string_view input,
                         RecipientCheck& c) {
  if (c.suggestion.empty()) return;
  if (addresses.Known("", c.suggestion)) return;
  // Of two targets, or one and a domain next to it, the address the
  // organisation writes to is named first: sam.jones@hotmail.co is
  // sam.jones@hotmail.co.uk when that is whom people here write to, not
  // the hotmail.com the detector ranks first (README; issue 14, round 34,
  // item 7).
  if (!c.also_suggestion.empty() && addresses.Known("", c.also_suggestion)) {
    std::swap(c.suggestion, c.also_suggestion);
    return;
  }
  // The name written to comes first and the detector's first reading
  // second: the farther second reading goes (mail.eee: mail.de written to,
  // then mail.ee, one letter off; mail.ru went in its place: round 48's
  // tester 15, finding 8).
  if (std::string known = addresses.SameLocalNearest(c.address); !known.empty()) {
    c.also_suggestion = std::move(c.suggestion);
    c.suggestion = std::move(known);
    return;
  }
  if (!c.also_suggestion.empty()) return;
  engine::Slip slip;
  if (!addresses.FindSlip("", c.suggestion, engine::DisplayNameOf(input), &slip)) return;
  c.also_suggestion = std::move(c.suggestion);
  c.suggestion = std::move(slip.known);
}

// The To and Cc header entries that write `address` with a display name
// (`"John Smith" <jane.doe@partner.example>`), in header order; none: one
// "". The milter judges the envelope recipient, whose RCPT TO carries none,
// and a display name that names another correspondent is the same slip
// however the address came; an address written twice (`"Jane Doe" <x>,
// "Mary Jones" <x>`) is judged under each name, as the sender saw both
// (the issue-14 tester, round 44, finding 7h: only the first was).
// Addresses compare without ASCII case, as the history keeps them.
std::vector<std::string> HeaderEntriesFor(const content::ScannedMessage& m,
                                          std::string_view address) {
  std::vector<std::string> out;
  for (const auto* list : {&m.to, &m.cc}) {
    for (const std::string& header : *list) {
      for (std::string& entry : SplitAddressList(header)) {
        if (engine::DisplayNameOf(entry).empty()) continue;
        Result<Address> parsed = ParseAddress(entry);
        if (!parsed.ok() || AsciiLower(parsed->ToString()) != AsciiLower(address)) continue;
        if (std::find(out.begin(), out.end(), entry) == out.end()) out.push_back(std::move(entry));
      }
    }
  }
  if (out.empty()) out.emplace_back();
  return out;
}

// The trusted domain a real mail domain sits next to (mailo.com by
// mail.com: the real-neighbour note's target), or "". An external
// recipient has a target only then (Engine::JudgeDomain); read so, not from
// c.reasons, whose slots past a ReasonSink's end are a previous check's.
std::string_view RealNeighbourOf(const RecipientCheck& c) {
  return c.verdict == Verdict::kExternal ? std::string_view(c.target) : std::string_view();
}

// The address-typo sentence's clause about the typed address itself
// (Reason::history): what the history says of it, and nothing else. Its
// count is everyone's (AddressIndex::WrittenTally); "never" is said of
// the scope asked: by `sender`, or by anyone here.
std::string TypedHistory(const engine::Tally& typed, bool known, bool burst,
                         std::string_view sender) {
  std::string out;
  if (typed.messages == 0) {
    out.assign("has never been written to ");
    if (sender.empty()) return out.append("here");
    return out.append("by ").append(sender);
  }
  auto times = [](int64_t n) { return std::to_string(n) + (n == 1 ? " time" : " times"); };
  if (known) return "has been written to " + times(typed.messages) + " here";
  if (burst) {
    const int64_t days = std::max<int64_t>(1, (typed.last_seen - typed.first_seen + 86'399) / 86'400);
    out = "has been written to " + times(typed.messages) + " here, all within " +
          (days == 1 ? std::string("one day") : std::to_string(days) + " days") +
          " (one thread or burst, counted as one contact: a slip repeated or replied to makes "
          "one too)";
    return out;
  }
  return "has been written to only " + times(typed.messages) + " here";
}

}  // namespace

Status Engine::AddHistory(const HistorySnapshot& history, const Policy& policy,
                          const LookalikeLists& lists, const LookalikeOptions& options,
                          std::vector<TrustedEntry>& entries) {
  has_history_ = true;
  for (const DomainStats& d : history.domains) {
    if (d.confirmed) confirmed_domains_.insert(d.domain);
    if (d.messages <= 0) continue;
    seen_domains_.insert(d.domain);
    auto& written = domain_written_[d.domain];
    written.first += d.messages;
    written.second = std::max(written.second, d.last_seen);
    // One mailbox space is one domain written to (engine/mailbox_space.h):
    // a slip at googlemail.com of a frequent gmail.com address is judged.
    for (std::string_view other : engine::MailboxSpaceDomains(d.domain)) {
      seen_domains_.emplace(other);
      auto& space = domain_written_[std::string(other)];
      space.first += d.messages;
      space.second = std::max(space.second, d.last_seen);
    }
  }
  // The history is kept by mailbox, as recipients are judged (Postfix's
  // recipient_delimiter): john.smith+proj@ written to makes john.smith@
  // known, and jon.smith@ a slip of it, not the other way round.
  const std::string& delimiters = policy.history.recipient_delimiter;
  auto mailbox = [&delimiters](const std::string& address) {
    std::string m = engine::WithoutExtension(address, delimiters);
    return m.empty() ? address : m;
  };
  if (policy.history.flag_new_addresses) {
    // Folded, as the checks ask: JOHN.SMITH@ written is john.smith@ known.
    for (const std::string& a : history.addresses) seen_addresses_.insert(AsciiLower(mailbox(a)));
  }
  if (history.domains.empty()) return Status::Ok();
  // The policy's own detector, to tell which learned domains imitate it:
  // with the policy's lists, as check's is, so that a real mail domain
  // (mailo.com, post.ch) gets check's verdict, not "looks like mail.com"
  // (tester 15 round 57, finding 2).
  NM_ASSIGN_OR_RETURN(std::unique_ptr<const LookalikeDetector> base,
                      LookalikeDetector::BuildWithLists(entries, lists, options));
  NM_ASSIGN_OR_RETURN(engine::LearnedSelection picked,
                      engine::SelectLearned(history, policy.history, *base, lists.confusions, options,
                                            engine::FinalTargets(policy)));
  if (!picked.skipped.empty()) {
    // Said on every compile (each check, each reload) until the rows are
    // fixed, and bounded: a store of many bad rows names the first few.
    constexpr size_t kNamed = 5;
    std::string named;
    for (size_t i = 0; i < picked.skipped.size() && i < kNamed; ++i) {
      named += (i ? "; " : "") + picked.skipped[i];
    }
    log::Warn("history: skipped " + std::to_string(picked.skipped.size()) +
              " rows of the store's domain table that are not A-label domain names, none "
              "trusted: " + named + (picked.skipped.size() > kNamed ? "; ..." : ""));
  }
  learned_entries_ = picked.trusted.size();
  for (TrustedEntry& e : picked.trusted) entries.push_back(std::move(e));
  left_out_ = std::move(picked.left_out);
  return Status::Ok();
}

std::string Engine::Mailbox(std::string_view address) const {
  std::string m = engine::WithoutExtension(address, policy_.history.recipient_delimiter);
  return m.empty() ? std::string(address) : m;
}

bool Engine::AddAddressTypo(std::string_view sender, std::string_view input, RecipientCheck& c,
                            engine::ReasonSink& reasons) const {
  // A look-alike, blocked or invalid recipient already says more.
  if (c.verdict != Verdict::kTrusted && c.verdict != Verdict::kExternal) return false;
  if (c.address.empty()) return false;
  // An address written to is known, unless it is rare: written to fewer
  // than address_typo_min_messages times by everyone here. One Sent copy
  // of a past slip (the misdirection that led to deploying this, or one
  // that bounced) would otherwise make that slip known for good; it stays
  // a slip while the address it misses was written to kRareRatio times as
  // often (issue 14 breaker, round 5, item 9). 0: never written to.
  // A burst (messages all within history.address_typo_min_days: a slip a
  // thread repeated) counts as one contact, so it stays a slip (issue 14,
  // round 33, item 4). `typed`: how the address itself was written to,
  // for the sentence.
  int64_t rare = 0;
  engine::Tally typed;
  auto established = [&](std::string_view address) {
    if (!addresses_->Known(sender, address)) return false;
    const engine::Tally written = addresses_->WrittenTally(address);
    if (written.messages > typed.messages) typed = written;
    if (written.messages >= policy_.history.address_typo_min_messages &&
        !addresses_->Burst(written)) {
      return true;
    }
    rare = std::max(rare, addresses_->Contacts(written));
    return false;
  };
  // Written to often enough to be meant, as established says, without
  // making it the typed address's history.
  auto frequent = [&](std::string_view address) {
    if (!addresses_->Known(sender, address)) return false;
    const engine::Tally written = addresses_->WrittenTally(address);
    return written.messages >= policy_.history.address_typo_min_messages &&
           !addresses_->Burst(written);
  };
  // A sub-address is judged by its mailbox (Postfix's recipient_delimiter):
  // john.smith+news@ is john.smith@, known; jon.smith+x@ is a slip of it.
  std::string mailbox = engine::WithoutExtension(c.address, policy_.history.recipient_delimiter);
  std::string_view judged = mailbox.empty() ? std::string_view(c.address) : mailbox;
  // Judged as it reads (invisible_characters.h): jo<U+200B>hn.smith@ is
  // john.smith@ on screen, however many such characters it holds and
  // wherever they sit, so the slip it makes is the one a reader cannot see.
  const std::string visible = engine::WithoutInvisible(judged);
  if (!visible.empty()) judged = visible;
  engine::Slip slip;
  const std::string_view display = engine::DisplayNameOf(input);
  // At a real domain next to a trusted one, the frequent addresses there
  // say who was meant: pat@mfa.gov.hu for the frequent pat@mfa.gov.au. A
  // display name that writes a frequent address is judged first, at any
  // domain: the sender picked that person (address_typo_display.cc).
  const std::string_view neighbour = RealNeighbourOf(c);
  const bool routed = !c.route_domains.empty();
  bool known = false;
  if (!visible.empty() && frequent(visible)) {
    // Exactly a frequent address on screen: the strongest slip there is.
    const engine::Tally meant = addresses_->WrittenTally(visible);
    slip.known = visible;
    slip.messages = meant.messages;
    slip.kind = AddressTypoKind::kHomoglyph;
    slip.score = 0.95;
    slip.last_seen = meant.last_seen;
    slip.detail = "the same letters on screen, with a character no one can see written in it; ";
    slip.detail.append(engine::WrittenClause(meant.messages, meant.last_seen));
  } else if (established(c.address) || (!mailbox.empty() && established(mailbox))) {
    known = true;
    // A known address is still a slip when its display name is another
    // frequent contact: "Robert Brown" <li.wei@...> (address_typo.h).
    // So is one whose display name names a frequent contact at another
    // domain of the same organisation (address_typo_organisation.cc).
    // And one whose display name names a frequent contact at another
    // organisation: "Mary Jones" <jane.doe@bank.example> for the frequent
    // mary.jones@nhs.net (address_typo_elsewhere.cc).
    if (!addresses_->FindKnownDisplaySlip(sender, judged, display, &slip) &&
        !addresses_->FindOrganisationSlip(sender, judged, display, /*known=*/true, &slip) &&
        !addresses_->FindKnownDisplayElsewhere(sender, judged, display, &slip) &&
        // Or a near miss of such a name, one part off: "Jon Smith" <jane.doe@...>
        // for the frequent John Smith (address_typo_near_name.cc).
        !addresses_->FindNearNameSlip(sender, judged, display, &slip)) {
      return false;
    }
    rare = 0;
  } else if (!addresses_->FindQuotedAddressSlip(sender, judged, display, &slip) &&
             !addresses_->FindDisplaySlip(sender, judged, display, &slip) &&
             !addresses_->FindSlip(sender, judged, display, &slip) &&
             !addresses_->FindOrganisationSlip(sender, judged, display, /*known=*/false,
                                               &slip) &&
             (neighbour.empty() ||
              !addresses_->FindNeighbourSlip(sender, judged, neighbour, display, &slip)) &&
             // The same mailbox name at a neighbouring domain that is
             // itself trusted or written to (gmail.com by mail.com): only
             // the same local part, as a near miss of another name at a
             // provider is another person as often as not.
             (!neighbour.empty() || !addresses_->SameLocalNearDomain(judged) ||
              !addresses_->FindNeighbourSlip(sender, judged, "", display, &slip,
                                             /*same_local_only=*/true)) &&
             // The name of a frequent contact at another organisation's
             // domain over this one: "John Smith" <john.smith@partner-
             // example.com> for john.smith@partner.example.
             // Not at a routed address's relay: its name is judged with
             // the routed mailbox (routed_mailbox.h), where the mail goes.
             (routed || !addresses_->FindDisplayNameElsewhere(sender, judged, display, &slip)) &&
             // A frequent person's mailbox name at another organisation
             // written to: john.smith@bank.example for the frequent
             // john.smith@partner.example.
             !addresses_->FindOtherDomainSlip(sender, judged, &slip) &&
             // A near miss of a contact's name there: "Jhon Smith"
             // <info@partner.example> (address_typo_near_name.cc).
             (routed || !addresses_->FindNearNameSlip(sender, judged, display, &slip,
                                                      /*written=*/false))) {
    return false;
  }
  if (rare > 0 && slip.messages < engine::kRareRatio * rare) return false;
  // A near miss of one contact under the name of another: both slips, the
  // name's first (AddDisplayNameElsewhere).
  std::string also = std::move(slip.also);
  if (!known && !routed) addresses_->AddDisplayNameElsewhere(sender, judged, display, &slip, &also);
  Reason& r = reasons.Add(ReasonCode::kAddressTypo);
  // Named as people read them, U-labels, as every other reason names its
  // domain and the line its address and suggestion: "jon@xn--bcher-kva.de
  // ... did you mean john@bücher.de?" showed one domain in two forms
  // (issue 14, round 35's second tester, item 7). The suggestion stays
  // the A-label address mail is sent to.
  r.subject = engine::MarkInvisible(address::ShownAddress(c.address));
  r.object = address::ShownAddress(slip.known);
  r.detail = std::move(slip.detail);
  r.scope.assign(sender);
  r.history = TypedHistory(typed, known, rare > 0 && addresses_->Burst(typed), sender);
  c.target = slip.known;
  c.suggestion = std::move(slip.known);
  if (!also.empty()) c.also_suggestion = std::move(also);
  c.score = std::max(c.score, slip.score);
  // In hundredths, as shown: a rule's address_typo_score_at_least = 0.75
  // must match what JSON shows as 0.75 (0.85 - 0.1 is 0.7499999...).
  c.address_typo = AddressTypo{slip.kind, std::round(slip.score * 100) / 100};
  return true;
}

void Engine::AddHistoryReasons(std::string_view input, RecipientCheck& c,
                               engine::ReasonSink& reasons) const {
  if (c.domain.empty()) return;
  bool seen = seen_domains_.count(c.domain) > 0;
  if (c.verdict == Verdict::kLookalike && !seen) {
    // The strongest signal: a near miss of a domain people write to, where
    // nobody has ever written.
    c.score = std::min(1.0, c.score + 0.25);
    Reason& r = reasons.Add(ReasonCode::kNewDomain);
    r.subject.assign(c.domain_unicode);
    // The target in the subject's form: "looks like müller.de", not its
    // A-label beside U-label text (round 58's tester 15, finding 7).
    Result<std::string> target = address::ToUnicode(c.target);
    r.object.assign(target.ok() ? *target : c.target);
    if (addresses_ != nullptr) SuggestKnownAddress(*addresses_, input, c);
    return;
  }
  // The organisation scope needs no sender, so it is judged here, at RCPT
  // time too; the sender scope waits for CheckMessage.
  // A display name may name a frequent address at another domain than
  // this never-seen one (FindDisplaySlip), so it is judged too.
  // A subdomain's trust comes from its parent: the organisation's other
  // domains written to say who was meant there (us.partner.example).
  if (addresses_ != nullptr &&
      (seen || !RealNeighbourOf(c).empty() || !engine::DisplayNameOf(input).empty() ||
       addresses_->InFrequentOrganisation(c.domain) ||
       addresses_->SameLocalNearDomain(c.address)) &&
      policy_.history.address_typo_scope == HistoryPolicy::TypoScope::kOrganisation &&
      AddAddressTypo("", input, c, reasons)) {
    return;  // says all new-address would, and what was meant
  }
  if (policy_.history.flag_new_addresses && seen &&
      (c.verdict == Verdict::kTrusted || c.verdict == Verdict::kExternal) &&
      seen_addresses_.count(AsciiLower(c.address)) == 0 &&
      seen_addresses_.count(AsciiLower(
          engine::WithoutExtension(c.address, policy_.history.recipient_delimiter))) == 0) {
    Reason& r = reasons.Add(ReasonCode::kNewAddress);
    r.subject = address::ShownAddress(c.address);  // as its domain, in U-labels
    r.object.assign(c.domain_unicode);
    // Only what the history shows: people here wrote to the domain, so
    // often, last then. "A known correspondent" said more than it knew: a
    // domain written to once is no correspondent (issue 14, round 34).
    if (auto it = domain_written_.find(c.domain); it != domain_written_.end()) {
      r.history = engine::WrittenClause(it->second.first, it->second.second);
    }
  }
}

void Engine::AddMessageAddressTypos(std::string_view sender,
                                    const content::ScannedMessage* headers,
                                    MessageFacts& facts) const {
  const bool by_sender =
      policy_.history.address_typo_scope == HistoryPolicy::TypoScope::kSender;
  // The index keeps senders by mailbox (AddHistory): alice+list@ asks for
  // alice@'s contacts. The organisation's list is asked with no sender.
  std::string lower = by_sender ? AsciiLower(Mailbox(sender)) : std::string();
  for (MessageRecipient& r : facts.recipients) {
    RecipientCheck& c = r.check;
    if (c.domain.empty()) continue;
    const std::vector<std::string> entries =
        r.field == RecipientField::kEnvelope && headers != nullptr
            ? HeaderEntriesFor(*headers, c.address)
            : std::vector<std::string>(1);
    if (entries.size() == 1) {
      JudgeHeaderEntry(lower, by_sender, entries[0], c);
      continue;
    }
    // Each name the address is written under, judged apart: the one whose
    // name names another contact (display-name, display-address) is what
    // the sender was shown; else the first slip; else none.
    std::optional<RecipientCheck> chosen;
    int chosen_rank = -1;
    for (const std::string& entry : entries) {
      RecipientCheck t = c;
      JudgeHeaderEntry(lower, by_sender, entry, t);
      int rank = 0;
      if (t.address_typo) {
        const AddressTypoKind kind = t.address_typo->kind;
        rank = kind == AddressTypoKind::kDisplayName || kind == AddressTypoKind::kDisplayAddress ? 2 : 1;
      }
      if (rank > chosen_rank) {
        chosen = std::move(t);
        chosen_rank = rank;
      }
    }
    c = std::move(*chosen);
  }
}

void Engine::JudgeHeaderEntry(std::string_view lower, bool by_sender, const std::string& entry,
                              RecipientCheck& c) const {
  {
    std::string_view input = entry.empty() ? std::string_view(c.input) : std::string_view(entry);
    // At a domain nobody writes to, only a display name can name who was
    // meant (FindDisplaySlip).
    // A routed address (c.route_domains) is judged for its routed mailbox
    // below, whatever its relay.
    if (seen_domains_.count(c.domain) == 0 && RealNeighbourOf(c).empty() &&
        engine::DisplayNameOf(input).empty() && c.route_domains.empty() &&
        (addresses_ == nullptr || (!addresses_->InFrequentOrganisation(c.domain) &&
                                   !addresses_->SameLocalNearDomain(c.address)))) {
      return;
    }
    // The organisation scope judged the recipient as written at
    // CheckRecipient; only a display name found here is news.
    if (!by_sender && entry.empty()) return;
    bool flagged = false;
    for (const Reason& x : c.reasons) flagged |= x.code == ReasonCode::kAddressTypo;
    if (flagged && !entry.empty()) {
      // Flagged at RCPT by the address alone (did you mean john.smith@?),
      // where the header's display name names another frequent contact
      // ("John Jones" <jon.smith@>: did you mean john.jones@?). The sender
      // picked that entry, `check` and the API judge it so, and an
      // acknowledgement of the first warning must not settle this one:
      // judged again as the header writes it. The envelope's input and DNS
      // facts stay (a slip is trusted or external: none are looked up).
      RecipientCheck again = CheckRecipient(entry);
      again.input = std::move(c.input);
      again.dns = std::move(c.dns);
      again.dns_pending = c.dns_pending;
      c = std::move(again);
      flagged = false;
      for (const Reason& x : c.reasons) flagged |= x.code == ReasonCode::kAddressTypo;
      if (!by_sender) return;
    }
    if (flagged) return;
    engine::ReasonSink reasons(c.reasons);
    reasons.Resume();
    const bool found = AddAddressTypo(lower, input, c, reasons);
    reasons.Finish();
    if (found || c.route_domains.empty()) return;
    // A routed address's mailbox (engine/routed_mailbox.h): each hop
    // checked under the header's display name (the organisation scope
    // judged the envelope's bare address at RCPT, without it), then, for
    // the sender scope, against the sender's own contacts.
    Result<Recipient> parsed = ParseRecipient(c.input, delivery_);
    if (!parsed.ok()) return;
    engine::AddRoutedMailboxTypo(
        parsed->route, engine::DisplayNameOf(input),
        [this, lower, by_sender](const std::string& routed_entry) {
          RecipientCheck h = CheckRecipient(routed_entry);
          if (h.address_typo || !by_sender) return h;
          engine::ReasonSink sink(h.reasons);
          sink.Resume();
          AddAddressTypo(lower, routed_entry, h, sink);
          sink.Finish();
          return h;
        },
        c);
  }
}

}  // namespace nearmiss
