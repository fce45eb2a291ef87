#include "engine/learned.h"

#include <algorithm>
#include <unordered_map>

#include "nearmiss/address.h"

namespace nearmiss::engine {
namespace {

// The "more frequent" side of the poisoning check is bounded: a look-alike
// of a domain outside the busiest few thousand is rare and cheap to confirm.
constexpr size_t kMaxCompared = 4096;

}  // namespace

unsigned FinalTargets(const Policy& policy) {
  unsigned bits = 1u << static_cast<unsigned>(TrustSource::kProtected);
  for (const Rule& r : policy.rules) {
    if (!r.acknowledge.has_value() || *r.acknowledge) continue;
    if (r.action == Action::kAccept) continue;
    if (!r.recipient.empty() &&
        std::find(r.recipient.begin(), r.recipient.end(), Verdict::kLookalike) ==
            r.recipient.end()) {
      continue;
    }
    if (r.targets.empty()) return ~0u;
    for (TrustSource t : r.targets) bits |= 1u << static_cast<unsigned>(t);
  }
  return bits;
}

Result<LearnedSelection> SelectLearned(const HistorySnapshot& history,
                                       const HistoryPolicy& policy,
                                       const LookalikeDetector& base,
                                       const std::vector<SuffixConfusion>& confusions,
                                       const LookalikeOptions& options,
                                       unsigned final_targets) {
  LearnedSelection out;
  // The rows the engine can hold: TrustedSet takes A-labels only, so a row
  // in any other form would fail the whole build (every check with it).
  std::vector<const DomainStats*> usable;
  std::vector<Domain> parsed_rows;
  for (const DomainStats& d : history.domains) {
    Result<Domain> parsed = ParseDomain(d.domain);
    // Appended, not "'" + string&&: GCC bug 105329 (-Wrestrict at -O3).
    std::string named = "'";
    named.append(d.domain, 0, 100);
    if (!parsed.ok()) {
      out.skipped.push_back(named + "' (" + parsed.error().message() + ")");
      continue;
    }
    if (parsed->ascii != d.domain) {
      out.skipped.push_back(named + "' (not in A-label form '" + parsed->ascii +
                            "': learn it again to count it there)");
      continue;
    }
    usable.push_back(&d);
    parsed_rows.push_back(std::move(*parsed));
  }
  std::vector<const DomainStats*> busy;  // most messages first
  for (const DomainStats* d : usable) {
    if (d->messages > 0) busy.push_back(d);
  }
  std::stable_sort(busy.begin(), busy.end(),
                   [](const DomainStats* a, const DomainStats* b) { return a->messages > b->messages; });
  if (busy.size() > kMaxCompared) busy.resize(kMaxCompared);
  std::unordered_map<std::string, size_t> rank;
  for (size_t i = 0; i < busy.size(); ++i) rank[busy[i]->domain] = i;

  // A detector built from a set that contains a domain answers "trusted"
  // for it, hiding its near misses. Split the busy domains by each bit of
  // their rank: every other domain differs from a candidate in some bit, so
  // it sits in a detector the candidate is not in.
  int bits = 0;
  while ((size_t{1} << bits) < busy.size()) ++bits;
  std::vector<std::unique_ptr<const LookalikeDetector>> halves;  // [2*bit + side]
  for (int b = 0; b < bits; ++b) {
    for (int side = 0; side < 2; ++side) {
      std::vector<TrustedEntry> entries;
      for (size_t i = 0; i < busy.size(); ++i) {
        if (static_cast<int>((i >> b) & 1) == side) {
          entries.push_back({busy[i]->domain, TrustSource::kLearned});
        }
      }
      NM_ASSIGN_OR_RETURN(std::unique_ptr<const LookalikeDetector> d,
                          LookalikeDetector::Build(std::move(entries), confusions, options));
      halves.push_back(std::move(d));
    }
  }

  for (size_t row = 0; row < usable.size(); ++row) {
    const DomainStats& d = *usable[row];
    bool passes = d.messages >= policy.min_messages &&
                  d.last_seen - d.first_seen >= policy.min_days * 86400;
    if (!passes && !d.confirmed) continue;
    const Domain* parsed = &parsed_rows[row];
    // A look-alike of a final target (army.ml of army.mil, gov.uk.com of
    // .gov.uk) stays one whoever confirmed it: the policy says no one's
    // word settles it, and a confirmed domain would trust its subdomains
    // too (issue 14, round 34, item 2).
    LookalikeMatch m = base.Classify(*parsed);
    if (m.kind == LookalikeMatch::Kind::kLookalike &&
        (final_targets & (1u << static_cast<unsigned>(m.source))) != 0) {
      out.left_out.push_back({d.domain, m.target, d.messages, true});
      continue;
    }
    if (!d.confirmed) {
      if (m.kind == LookalikeMatch::Kind::kTrusted) continue;  // trusted already
      if (m.kind == LookalikeMatch::Kind::kLookalike) {
        out.left_out.push_back({d.domain, m.target, d.messages});
        continue;
      }
      // A real mail domain the lists name (mailo.com beside mail.com) is
      // external to check, never a look-alike of a busier learned name
      // either: learned as any correspondent is (tester 15 round 57,
      // finding 2).
      const bool real_neighbour = m.kind == LookalikeMatch::Kind::kNone &&
                                  m.code == ReasonCode::kRealNeighbour;
      auto it = real_neighbour ? rank.end() : rank.find(d.domain);
      size_t my_rank = it == rank.end() ? busy.size() : it->second;
      std::string resembles;
      for (int b = 0; b < bits && resembles.empty() && !real_neighbour; ++b) {
        int other = my_rank < busy.size() ? 1 - static_cast<int>((my_rank >> b) & 1) : 0;
        for (int side = 0; side < 2 && resembles.empty(); ++side) {
          // A domain outside the ranking is in no half: try both.
          if (my_rank < busy.size() && side != other) continue;
          LookalikeMatch near = halves[2 * b + side]->Classify(*parsed);
          auto t = rank.find(near.target);
          if (near.kind == LookalikeMatch::Kind::kLookalike && t != rank.end() &&
              busy[t->second]->messages > d.messages) {
            resembles = near.target;
          }
        }
      }
      if (!resembles.empty()) {
        out.left_out.push_back({d.domain, resembles, d.messages});
        continue;
      }
    }
    out.trusted.push_back({d.domain, TrustSource::kLearned});
  }
  return out;
}

}  // namespace nearmiss::engine
