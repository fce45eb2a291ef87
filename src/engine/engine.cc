// Engine: compiling a Policy (and a history snapshot) into the immutable
// Engine; checking recipients is engine_recipient.cc, messages
// message_check.cc.
#include "nearmiss/engine.h"

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include "engine/address_typo.h"
#include "engine/decision_table.h"
#include "engine/learned.h"
#include "engine/reason_sink.h"
#include "engine/trust_inputs.h"
#include "nearmiss/address.h"
#include "nearmiss/delivery.h"

namespace nearmiss {
namespace {

DeliveryOptions DeliveryOptionsFor(const DeliveryPolicy& p) {
  DeliveryOptions o;
  o.allow_percent_hack = p.allow_percent_hack;
  o.swap_bangpath = p.swap_bangpath;
  o.local_domains = p.mydestination;
  // Postfix's myorigin defaults to $myhostname.
  o.myorigin = p.myorigin.empty() ? p.myhostname : p.myorigin;
  return o;
}

}  // namespace

Engine::Engine() {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1, std::memory_order_relaxed);
}
Engine::~Engine() = default;

Result<std::shared_ptr<const Engine>> Engine::Compile(const Policy& policy,
                                                      const HistorySnapshot* history) {
  NM_ASSIGN_OR_RETURN(engine::TrustInputs inputs, engine::MakeTrustInputs(policy, true));
  std::vector<TrustedEntry>& entries = inputs.entries;
  LookalikeLists& lists = inputs.lists;
  LookalikeOptions options;
  options.threshold = policy.lookalike_threshold;
  auto engine = std::shared_ptr<Engine>(new Engine());
  if (history != nullptr) {
    NM_RETURN_IF_ERROR(engine->AddHistory(*history, policy, lists, options, entries));
    // How often the organisation writes to each trusted domain ranks the
    // targets of a slip that score alike (lookalike/slip_score.h).
    std::unordered_map<std::string_view, int64_t> sent;
    for (const DomainStats& d : history->domains) sent[d.domain] = d.messages;
    for (TrustedEntry& e : entries) {
      auto it = sent.find(e.domain);
      if (it != sent.end()) e.messages = it->second;
    }
    // A name written to under a namespace (ato.gov.au under .gov.au) is
    // rarely an entry of its own, so its count had nowhere to go, and
    // ato.gov.u named ato.gov.uk first for an organisation that writes to
    // ato.gov.au every day (issue 15, breaker 15 round 5, defect 3). Each
    // becomes an entry with its namespace's trust (already trusted by it:
    // nothing new passes) and its count; the detector ranks a namespace's
    // candidate by its target's count. A few namespaces against the
    // history's domains, once per compile.
    std::vector<TrustedEntry> written;
    for (const TrustedEntry& e : entries) {
      if (!e.domain.starts_with('.')) continue;
      for (const DomainStats& d : history->domains) {
        if (d.messages > 0 && d.domain.ends_with(e.domain)) {
          written.push_back({d.domain, e.source, d.messages});
        }
      }
    }
    for (TrustedEntry& e : written) entries.push_back(std::move(e));
  }
  NM_ASSIGN_OR_RETURN(engine->detector_,
                      LookalikeDetector::BuildWithLists(std::move(entries), std::move(lists), options));
  engine->policy_ = policy;
  engine->delivery_ = DeliveryOptionsFor(policy.delivery);
  for (const DomainItem& item : engine->policy_.block) {
    std::string_view key = item.domain;
    if (key.starts_with('.')) key.remove_prefix(1);
    engine->blocked_.emplace(key, &item);  // the first entry names the place
  }
  if (history != nullptr) engine->BuildAddressIndex(*history);
  // The Scanner's options carry every built-in pack or none, so the packs
  // the policy turned off are compiled in and their findings dropped
  // (FilterSensitivity).
  content::ScannerOptions scan;
  const std::vector<std::string>& on = policy.sensitivity.packs;
  scan.builtin_packs = !on.empty();
  for (const std::string& name : BuiltinPackNames()) {
    if (scan.builtin_packs && std::find(on.begin(), on.end(), name) == on.end()) {
      engine->disabled_packs_.push_back(name);
    }
  }
  // A label name only a pack that is off would place is unknown-label.
  scan.ignored_packs = engine->disabled_packs_;
  scan.pack_files = policy.sensitivity.pack_files;
  scan.custom_patterns = policy.sensitivity.patterns;
  scan.labels = policy.sensitivity.labels;
  scan.detectors = policy.sensitivity.detectors;
  const std::string& cache_dir = policy.sensitivity.cache_dir;
  scan.cache_dir = cache_dir == "none" ? ""
                   : cache_dir.empty() ? content::DefaultDatabaseCacheDir()
                                       : cache_dir;
  NM_ASSIGN_OR_RETURN(engine->scanner_, content::Scanner::Compile(scan));
  engine->table_ = std::make_unique<const engine::DecisionTable>(engine->policy_);
  engine->stats_.trusted_entries = engine->detector_->size();
  engine->stats_.blocked_entries = policy.block.size();
  engine->stats_.rules = policy.rules.size();
  engine->stats_.content_patterns = engine->scanner_->PatternCount();
  engine->stats_.learned_entries = engine->learned_entries_;
  if (history != nullptr) {
    engine->stats_.history_domains = history->domains.size();
    engine->stats_.history_correspondents = history->correspondents.size();
  }
  return std::shared_ptr<const Engine>(std::move(engine));
}

std::string Engine::FinalLookalikeTarget(std::string_view domain) const {
  Result<Domain> d = ParseDomain(domain);
  if (!d.ok()) return "";
  LookalikeMatch m = detector_->Classify(*d);
  if (m.kind != LookalikeMatch::Kind::kLookalike) return "";
  const unsigned final_targets = engine::FinalTargets(policy_);
  return (final_targets & (1u << static_cast<unsigned>(m.source))) != 0 ? m.target : "";
}

}  // namespace nearmiss
