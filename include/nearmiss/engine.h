// Engine: a policy and its data compiled once, checked many times.
//
// Compile turns a Policy plus the embedded lists into an immutable Engine:
// the look-alike index, the block list, the content Scanner (the policy's
// marking packs, patterns and detectors in one Vectorscan database) and the
// decision table (the policy's rules with sender groups resolved).
// CheckRecipient answers for one address in microseconds (its in-place form
// without allocating, for a plain address at a trusted domain); DecideRecipient
// turns that answer into an action at RCPT time; Decide answers for a whole
// message once its content is known (decision.h).
//
// Thread safety: a compiled Engine is immutable; every const method may be
// called from any number of threads (each with its own content::Scratch,
// and for CheckRecipient's in-place form its own RecipientCheck).
// Reload by compiling a new Engine and swapping a shared_ptr (EngineHolder,
// engine_holder.h).
#ifndef NEARMISS_ENGINE_H_
#define NEARMISS_ENGINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nearmiss/content_reader.h"
#include "nearmiss/content_scanner.h"
#include "nearmiss/decision.h"
#include "nearmiss/delivery.h"
#include "nearmiss/history.h"
#include "nearmiss/lookalike.h"
#include "nearmiss/message_check.h"
#include "nearmiss/policy.h"
#include "nearmiss/status.h"
#include "nearmiss/verdict.h"

namespace nearmiss {

namespace engine {
class AddressIndex;
class DecisionTable;
class ReasonSink;
}

struct EngineStats {
  size_t trusted_entries = 0;  // after de-duplication
  size_t blocked_entries = 0;
  size_t rules = 0;
  size_t content_patterns = 0;  // in the Scanner's database
  size_t learned_entries = 0;   // domains trusted from history
  // What the history compiled in holds: domains written to and sender ->
  // recipient pairs. Both 0 with no store or a store nothing was learned
  // into: trust learning, new-domain and address-typo then have nothing to
  // compare against (the daemons warn at start: daemon/single_server.h).
  size_t history_domains = 0;
  size_t history_correspondents = 0;
  bool HistoryEmpty() const { return history_domains == 0 && history_correspondents == 0; }
};

// A learned domain not trusted: it looks like `resembles`, a policy-trusted
// or more frequently used domain, and nobody confirmed it.
struct LeftOutDomain {
  std::string domain;
  std::string resembles;
  int64_t messages = 0;
  // A look-alike of a target the policy makes final (learned.h
  // FinalTargets): `learn --confirm` cannot trust it either.
  bool final = false;
};

class Engine {
 public:
  // Errors name the entry, pattern or rule and where it came from.
  // `history` (may be null) adds learned domains per the policy's
  // [history] section and enables the new-domain / new-address /
  // address-typo reasons (the last from history.correspondents).
  static Result<std::shared_ptr<const Engine>> Compile(
      const Policy& policy, const HistorySnapshot* history = nullptr);
  ~Engine();

  // Finds where the mail server delivers `input` (ParseRecipient with the
  // policy's [delivery] settings; nearmiss/delivery.h) and classifies that
  // domain: invalid (no delivery domain), then allowlisted (trusted),
  // blocked, trusted, look-alike, external, in that order of precedence.
  // Every domain the address routes through is judged too, and the worst
  // class wins (route_domains). Reasons carry their facts, not sentences:
  // ReasonMessage (verdict.h) renders one when a shell shows it.
  RecipientCheck CheckRecipient(std::string_view input) const;

  // The same answer written into `*out`, which the caller owns and may
  // reuse from call to call: its strings are assigned (keeping their
  // capacity) and its vectors refilled in place, so every field is
  // overwritten and nothing of the previous check is left. For a plain
  // address ("bob@army.mil", "<bob@army.mil>") at a trusted domain this
  // allocates nothing once `*out` and the calling thread have held a check
  // at least as long (engine_alloc_test proves it); look-alikes, routed and
  // irregular addresses and IDNs still allocate for their sentences' facts.
  // Keeps one parse buffer per calling thread. Safe to call from many
  // threads at once, each with its own `out`.
  void CheckRecipient(std::string_view input, RecipientCheck* out) const;

  // At RCPT time, before the content is known: the first rule that can be
  // settled from the sender and this recipient alone decides; a rule that
  // needs the content or the recipient list first leaves it `deferred`.
  RecipientDecision DecideRecipient(std::string_view sender,
                                    const RecipientCheck& check,
                                    RecipientField field, MailPath path) const;

  // The whole message, the one pipeline of every shell (milter, HTTP API,
  // scan, policy explain): scans `content` with the calling thread's
  // Scratch, drops the findings of the packs the policy turned off, checks
  // every recipient (through the thread's RecipientCache) and decides
  // (Decide). Fills `*out`, reusing its strings' and vectors' capacity from
  // the previous call (scan's hot loop). Never fails: what could not be read
  // leaves the sensitivity incomplete (ScannedMessage::errors says why), and
  // the decision then uses [limits] incomplete_level. src/engine/message_check.cc.
  void CheckMessage(const Envelope& envelope, const MessageContent& content,
                    MessageCheck* out) const;
  MessageCheck CheckMessage(const Envelope& envelope, const MessageContent& content) const;

  // The whole message: every recipient through the rules, then the
  // message's action (decision.h). Findings of marking packs the policy
  // turned off are ignored.
  Decision Decide(const MessageFacts& facts) const;

  // The Scanner compiled from the policy's [sensitivity] section.
  const content::Scanner& scanner() const { return *scanner_; }
  std::shared_ptr<const content::Scanner> shared_scanner() const {
    return scanner_;
  }
  // Reads and scans one message with the policy's [limits], keeping only
  // the findings of the packs the policy turned on.
  content::ScannedMessage ScanMessage(std::string_view bytes,
                                      std::string source,
                                      content::Scratch& scratch) const;
  // The same with the calling thread's Scratch (ThreadScratch); when none
  // can be made, an incomplete scan that says so.
  content::ScannedMessage ScanMessage(std::string_view bytes, std::string source) const;
  // The calling thread's Scratch for this engine's Scanner: made on first
  // use, kept per thread, replaced after a reload's new Scanner. Null only
  // when Vectorscan cannot allocate one. Valid until this thread next calls
  // it with another Engine.
  content::Scratch* ThreadScratch() const;
  // `s` without the findings of built-in packs the policy turned off, its
  // level recomputed. The Scanner carries every built-in pack when any is on.
  content::Sensitivity FilterSensitivity(content::Sensitivity s) const;

  EngineStats stats() const { return stats_; }
  const std::vector<LeftOutDomain>& learned_left_out() const { return left_out_; }
  // The target `domain` (A-label) imitates when the policy makes its
  // look-alikes final (never acknowledged: a protected target, a rule with
  // `acknowledge = false`), so no confirmation in the store may trust it
  // (`learn --confirm army.ml`); "" otherwise.
  std::string FinalLookalikeTarget(std::string_view domain) const;
  const Policy& policy() const { return policy_; }
  // `address` as one mailbox: without the extension its local part carries
  // after the first of [history] recipient_delimiter (Postfix's parameter:
  // "alice+list@x.org" -> "alice@x.org"); unchanged when it has none. The
  // form history, address-typo and acknowledgements compare.
  std::string Mailbox(std::string_view address) const;

 private:
  Engine();
  // The calling thread's Scratch and RecipientCache for this engine
  // (thread_scratch.cc); null when no Scratch can be allocated.
  struct ThreadState;
  ThreadState* Thread() const;
  // CheckMessage's steps (message_check.cc).
  void ScanContent(const MessageContent& content, ThreadState* thread,
                   MessageCheck* out) const;
  void ScanParts(const MessageParts& parts, content::Scratch& scratch,
                 content::Sensitivity* out) const;
  // Classifies one domain into `c` (verdict, target, suggestion for
  // `local`, score, reasons).
  void JudgeDomain(const Domain& domain, const std::string& local, RecipientCheck& c,
                   engine::ReasonSink& reasons) const;
  // The block entry covering `ascii` ("army.ml" under ".ml"), or null.
  const DomainItem* BlockedBy(std::string_view ascii) const;
  // engine_history.cc
  // `lists`: the policy's own, so that learn judges a history row as check
  // does (a real mail domain, mailo.com, is no look-alike of mail.com).
  Status AddHistory(const HistorySnapshot& history, const Policy& policy,
                    const LookalikeLists& lists, const LookalikeOptions& options,
                    std::vector<TrustedEntry>& entries);
  // engine_address_index.cc: address-typo's index of the history's
  // correspondents, once the detector is built; an address at a domain
  // FlaggedCorrespondentDomain (a look-alike learn left out, an undelegated
  // TLD, a blocked name) is left out of it.
  void BuildAddressIndex(const HistorySnapshot& history);
  bool FlaggedCorrespondentDomain(std::string_view ascii) const;
  void AddHistoryReasons(std::string_view input, RecipientCheck& c,
                         engine::ReasonSink& reasons) const;
  // address-typo: `c.address`, never written to by `sender` (by anyone when
  // ""), near a frequent address (engine/address_typo.h); true when found.
  bool AddAddressTypo(std::string_view sender, std::string_view input, RecipientCheck& c,
                      engine::ReasonSink& reasons) const;
  // address-typo once CheckMessage knows the sender and the headers: the
  // sender scope for every recipient, and for an envelope recipient (the
  // milter's RCPT TO, which has no display name) the display name its
  // address carries in the message's To or Cc header (`headers` null: none);
  // one RCPT flagged by its address alone is judged again with that display
  // name, which may name another person (the suggestion the API gives).
  // An address written under several names (`"Jane Doe" <x>, "Mary Jones"
  // <x>`) is judged under each, the one naming another contact kept.
  void AddMessageAddressTypos(std::string_view sender, const content::ScannedMessage* headers,
                              MessageFacts& facts) const;
  // AddMessageAddressTypos for one header entry of `c` ("": none; `lower`
  // the sender as the index keeps it, "" for the organisation scope).
  void JudgeHeaderEntry(std::string_view lower, bool by_sender, const std::string& entry,
                        RecipientCheck& c) const;

  // Unique per compiled Engine in this process (never reused, unlike an
  // address): the key of the per-thread RecipientCache.
  uint64_t id_ = 0;
  Policy policy_;
  DeliveryOptions delivery_;  // from policy_.delivery
  // Block entries by domain (a namespace without its dot: both forms cover
  // the domain and everything under it); keys view policy_.block's strings.
  std::unordered_map<std::string_view, const DomainItem*> blocked_;
  EngineStats stats_;
  std::unique_ptr<const LookalikeDetector> detector_;
  std::shared_ptr<const content::Scanner> scanner_;
  std::unique_ptr<const engine::DecisionTable> table_;
  std::vector<std::string> disabled_packs_;
  // History: every domain and (when the policy asks) address written to.
  bool has_history_ = false;
  std::unordered_set<std::string> seen_domains_, seen_addresses_;
  // How often people here wrote to each domain and when last (a mailbox
  // space's other names share it): the facts a new-address sentence states.
  std::unordered_map<std::string, std::pair<int64_t, int64_t>> domain_written_;
  // Domains an administrator confirmed (`learn --confirm`): their trust is
  // said as that, not as "a regular correspondent" (engine_recipient.cc).
  std::unordered_set<std::string> confirmed_domains_;
  // Who writes to which address, for address-typo; null without history or
  // when the policy turns it off.
  std::unique_ptr<const engine::AddressIndex> addresses_;
  std::vector<LeftOutDomain> left_out_;
  size_t learned_entries_ = 0;
};

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_H_
