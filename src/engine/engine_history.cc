// History in the engine: learned domains join the trusted set (engine/
// learned.h picks them), and checks say when a recipient is new, or a near
// miss of an address written to often (engine/address_typo.h).
#include <algorithm>

#include "engine/address_typo.h"
#include "engine/learned.h"
#include "engine/reason_sink.h"
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
  if (c.suggestion.empty() || !c.also_suggestion.empty()) return;
  if (addresses.Known("", c.suggestion)) return;
  engine::Slip slip;
  if (!addresses.FindSlip("", c.suggestion, engine::DisplayNameOf(input), &slip)) return;
  c.also_suggestion = std::move(c.suggestion);
  c.suggestion = std::move(slip.known);
}

}  // namespace

Status Engine::AddHistory(const HistorySnapshot& history, const Policy& policy,
                          const std::vector<SuffixConfusion>& confusions,
                          const LookalikeOptions& options, std::vector<TrustedEntry>& entries) {
  has_history_ = true;
  for (const DomainStats& d : history.domains) {
    if (d.messages > 0) seen_domains_.insert(d.domain);
  }
  if (policy.history.flag_new_addresses) {
    seen_addresses_.insert(history.addresses.begin(), history.addresses.end());
  }
  if (policy.history.address_typo && !history.correspondents.empty()) {
    auto index = std::make_unique<engine::AddressIndex>(policy.history.address_typo_min_messages);
    for (const AddressStats& a : history.correspondents) {
      index->Add(a.sender, a.recipient, a.messages);
    }
    index->Finish();
    addresses_ = std::move(index);
  }
  if (history.domains.empty()) return Status::Ok();
  // The policy's own detector, to tell which learned domains imitate it.
  NM_ASSIGN_OR_RETURN(std::unique_ptr<const LookalikeDetector> base,
                      LookalikeDetector::Build(entries, confusions, options));
  NM_ASSIGN_OR_RETURN(engine::LearnedSelection picked,
                      engine::SelectLearned(history, policy.history, *base, confusions, options));
  learned_entries_ = picked.trusted.size();
  for (TrustedEntry& e : picked.trusted) entries.push_back(std::move(e));
  left_out_ = std::move(picked.left_out);
  return Status::Ok();
}

bool Engine::AddAddressTypo(std::string_view sender, std::string_view input, RecipientCheck& c,
                            engine::ReasonSink& reasons) const {
  // A look-alike, blocked or invalid recipient already says more.
  if (c.verdict != Verdict::kTrusted && c.verdict != Verdict::kExternal) return false;
  if (c.address.empty() || addresses_->Known(sender, c.address)) return false;
  engine::Slip slip;
  if (!addresses_->FindSlip(sender, c.address, engine::DisplayNameOf(input), &slip)) return false;
  Reason& r = reasons.Add(ReasonCode::kAddressTypo);
  r.subject.assign(c.address);
  r.object.assign(slip.known);
  r.detail = std::move(slip.detail);
  c.target = slip.known;
  c.suggestion = std::move(slip.known);
  c.score = std::max(c.score, slip.score);
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
    r.object.assign(c.target);
    if (addresses_ != nullptr) SuggestKnownAddress(*addresses_, input, c);
    return;
  }
  // The organisation scope needs no sender, so it is judged here, at RCPT
  // time too; the sender scope waits for CheckMessage.
  if (seen && addresses_ != nullptr &&
      policy_.history.address_typo_scope == HistoryPolicy::TypoScope::kOrganisation &&
      AddAddressTypo("", input, c, reasons)) {
    return;  // says all new-address would, and what was meant
  }
  if (policy_.history.flag_new_addresses && seen &&
      (c.verdict == Verdict::kTrusted || c.verdict == Verdict::kExternal) &&
      seen_addresses_.count(c.address) == 0) {
    Reason& r = reasons.Add(ReasonCode::kNewAddress);
    r.subject.assign(c.address);
    r.object.assign(c.domain_unicode);
  }
}

void Engine::AddSenderAddressTypos(std::string_view sender, MessageFacts& facts) const {
  // The history keeps senders in lower case (history/learn.cc).
  std::string lower(sender);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (MessageRecipient& r : facts.recipients) {
    RecipientCheck& c = r.check;
    if (c.domain.empty() || seen_domains_.count(c.domain) == 0) continue;
    engine::ReasonSink reasons(c.reasons);
    reasons.Resume();
    AddAddressTypo(lower, c.input, c, reasons);
    reasons.Finish();
  }
}

}  // namespace nearmiss
