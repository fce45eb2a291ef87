// What the policy does with the look-alikes `nearmiss permute` writes, and
// which names under a namespace look-alike it accepts, so that a Postfix
// map carries the policy's own action (REJECT, HOLD, WARN: access(5)) and
// never refuses a name check accepts (issue 15, round 43's tester,
// findings 7 and 9).
//
// Thread safety: pure functions over a const Engine.
#ifndef NEARMISS_CLI_PERMUTE_POLICY_H_
#define NEARMISS_CLI_PERMUTE_POLICY_H_

#include <string>
#include <vector>

#include "nearmiss/decision.h"
#include "nearmiss/engine.h"

namespace nearmiss::cli {

struct PermuteAction {
  Action action = Action::kReject;
  std::string rule;  // the deciding rule's name ("lookalike-confirm"), "default"
};

// The least severe action the policy takes on `check` (one recipient on an
// SMTP session, a message with no content, as `check` decides it), over a
// sender in no [senders] group and one sender of each group (its first
// address, else a name at its first domain). A map or zone holds one
// answer for every sender, so the least is the one it may carry: a rule
// that lets one group through (or only confirms for it) is kept. Without
// DNS facts, as `check` without [dns]: a look-alike counts as able to
// receive mail (docs/policy.md, `rule.can_receive`).
PermuteAction LeastPolicyAction(const Engine& engine, const RecipientCheck& check);

// The zones of the Public Suffix List under the namespace look-alike
// `cand` ("gov.ml", "gouv.ml" under "ml" of .mil), out of `zones`
// (address::IcannSuffixRules), whose names check accepts: a name under
// the zone ("example.gov.ml") comes back trusted or external. A map writes
// each as an exception (DUNNO; RPZ rpz-passthru) before the namespace key,
// so Mali's government zones pass where check lets them (round 43's
// tester, finding 7).
std::vector<std::string> AcceptedZonesUnder(const Engine& engine, const std::string& cand,
                                            const std::vector<std::string>& zones);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_PERMUTE_POLICY_H_
