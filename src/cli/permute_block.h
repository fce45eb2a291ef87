// The policy's [domains] block list in `nearmiss permute`'s outputs.
//
// A block entry (".ml", "evil.com") refuses the name and every name under
// it, except what the allowlist trusts (docs/policy.md, `domains.block`,
// `domains.allow`). permute writes look-alikes that check flags, and a
// blocked name is check's `blocked`, not `lookalike`: before round 46 a
// block took its names out of the map, so `block = [".ml"]` (the docs' own
// example for a US defence sender) left no `ml` key, and with the milter
// down Postfix delivered to army.ml (issue 15, round 45's tester,
// finding 1). Each entry is now written as a line of its own, with the
// policy's action for a blocked recipient:
//   Postfix: "ml REJECT 5.7.1 *.ml: .ml is blocked by policy ([domains]
//     block)", and ".ml" for parent_domain_matches_subdomains without
//     smtpd_access_maps; the allow-listed names under it first as
//     "sante.gov.ml DUNNO" (access(5): DUNNO ends the lookup, so the parent
//     key "ml" is not tried);
//   RPZ: "ml CNAME ." and "*.ml CNAME .", the allowed names as
//     rpz-passthru (an exact or longer trigger wins over *.ml);
//   JSON Lines: class "blocked", "except" the allowed names;
//   list: the entries as the policy writes them, under "# [domains] block";
//   CSV: the single domains (a namespace is no registrable name).
//
// Thread safety: pure functions over a const Engine.
#ifndef NEARMISS_CLI_PERMUTE_BLOCK_H_
#define NEARMISS_CLI_PERMUTE_BLOCK_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/permute_output.h"
#include "nearmiss/engine.h"

namespace nearmiss::cli {

// The `source` of every blocked entry PermuteBlockEntries makes.
inline constexpr std::string_view kBlockSource = "[domains] block";

// One PermuteFound per entry of the policy's block list (code "blocked",
// `source` kBlockSource, `target` the entry as written: ".ml"), with the
// action MapPolicyAction takes for a name it blocks (x@example.ml for
// ".ml", x@evil.com for "evil.com") and the allow-listed names under it
// that check accepts as `except`. Each name is added to `written`, so a
// look-alike with the same key ("ml" of .mil) is not written twice; an
// entry already there, or one check does not block (an allow entry
// covering it), is left out and said in `left_out` ("evil.com: check
// accepts it (on the allowlist)"). MapPolicyAction's milder senders are
// counted in `milder`.
std::vector<PermuteFound> PermuteBlockEntries(const Engine& engine, std::set<std::string>& written,
                                              std::map<std::string, size_t>& milder,
                                              std::vector<std::string>& left_out);

// What permute says on stderr of the block entries written: "the block
// list is written (2 entries: .ml except sante.gov.ml, evil.com) with the
// policy's action for a blocked recipient: reject (rule 'blocked')"; ""
// when there are none.
std::string BlockWrittenNote(const std::vector<PermuteFound>& block);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_PERMUTE_BLOCK_H_
