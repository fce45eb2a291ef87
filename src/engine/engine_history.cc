// History in the engine: learned domains join the trusted set (engine/
// learned.h picks them), and checks say when a recipient is new.
#include <algorithm>

#include "engine/learned.h"
#include "engine/reason_sink.h"
#include "nearmiss/engine.h"

namespace nearmiss {

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

void Engine::AddHistoryReasons(RecipientCheck& c, engine::ReasonSink& reasons) const {
  if (c.domain.empty()) return;
  bool seen = seen_domains_.count(c.domain) > 0;
  if (c.verdict == Verdict::kLookalike && !seen) {
    // The strongest signal: a near miss of a domain people write to, where
    // nobody has ever written.
    c.score = std::min(1.0, c.score + 0.25);
    Reason& r = reasons.Add(ReasonCode::kNewDomain);
    r.subject.assign(c.domain_unicode);
    r.object.assign(c.target);
  } else if (policy_.history.flag_new_addresses && seen &&
             (c.verdict == Verdict::kTrusted || c.verdict == Verdict::kExternal) &&
             seen_addresses_.count(c.address) == 0) {
    Reason& r = reasons.Add(ReasonCode::kNewAddress);
    r.subject.assign(c.address);
    r.object.assign(c.domain_unicode);
  }
}

}  // namespace nearmiss
