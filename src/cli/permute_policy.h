// What the policy does with the look-alikes `nearmiss permute` writes, and
// which names under a namespace look-alike it accepts, so that a Postfix
// map carries the policy's own action (REJECT, HOLD, WARN: access(5)) and
// never refuses a name check accepts (issue 15, round 43's tester,
// findings 7 and 9).
//
// Thread safety: pure functions over a const Engine.
#ifndef NEARMISS_CLI_PERMUTE_POLICY_H_
#define NEARMISS_CLI_PERMUTE_POLICY_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/permute_output.h"
#include "nearmiss/decision.h"
#include "nearmiss/engine.h"

namespace nearmiss::cli {

struct PermuteAction {
  Action action = Action::kReject;
  std::string rule;  // the deciding rule's name ("lookalike-confirm"), "default"
  // For a reject, the reply the policy gives at RCPT ("550 5.1.2"; the
  // rule's smtp_code, else [defaults] smtp_code); "" otherwise.
  std::string smtp_code;
  // The senders the policy treats more mildly than `action`, each with
  // what it does for them: "[senders.execs]: warn (rule 'exec-warn')",
  // "senders in no [senders] group: accept (rule 'default')". Empty when
  // every sender gets `action`.
  std::vector<std::string> milder;
};

// The action a map or zone line carries for `check` (one recipient on an
// SMTP session, a message with no content, as `check` decides it): the
// strictest the policy takes over a sender in no [senders] group and one
// sender of each group (its first address, else a name at its first
// domain). A map holds one answer for every sender and cannot know the
// sender (Postfix's check_recipient_access looks up the recipient's
// domain), so a guard fails closed: the senders a rule lets through or
// only warns about get the stricter answer too, listed in `milder` for
// permute to say on stderr and in the map's header (issue 15, round 44's
// tester, finding 8: the least of them made one warned group's rule WARN
// for everyone, unsaid). Without DNS facts, as `check` without [dns]: a
// look-alike counts as able to receive mail (docs/policy.md,
// `rule.can_receive`).
PermuteAction MapPolicyAction(const Engine& engine, const RecipientCheck& check);

// Whether `a` makes a milder map line than `b` (none < WARN < HOLD <
// REJECT: confirm and hold, reject and remove-recipient make the same).
bool MilderOnMap(Action a, Action b);

// The names under the namespace look-alike `under` ("ml" of .mil; permute
// asks for those that are a whole delegated TLD) that
// check reads as another listed name's look-alike with a milder action than
// `under`'s (gmailco.ml, coxnet.ml, mailcom.ml: a provider's name with its
// dots left out and .ml added, confirmed, where "ml" is refused), each with
// its own action, for the Postfix map (only: JSON Lines and the others
// keep one row per generated look-alike) to write before the namespace's key (Postfix
// looks up the whole domain first). Probed for each of `known` (the
// protected and trusted lists: permute_sources.h DefaultSources), its labels joined whole and with the last
// letter cut (gmailcom, gmailco); one in `written` is skipped, each found is
// added to it, and its PermuteAction::milder entries counted in `milder`
// (round 44's note: 3 of 145,519 corpus names the map refused where check
// confirms).
std::vector<PermuteFound> MilderUnder(const Engine& engine, const PermuteFound& under,
                                      const std::vector<std::string>& known,
                                      std::set<std::string>& written,
                                      std::map<std::string, size_t>& milder);

// What permute says when MapPolicyAction made lines stricter for some
// senders than the policy is for them: `milder` counts the lines per
// PermuteAction::milder entry. One sentence per entry and one on why
// ("... fails closed"), each line at most 76 characters with no comment
// mark; "" when the map is every sender's.
std::string MilderSendersNote(const std::map<std::string, size_t>& milder);

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
