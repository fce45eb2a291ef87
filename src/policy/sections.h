// One reader per policy section. Each reports what is wrong through the
// Context and fills what it can, so a single pass finds every error.
#ifndef NEARMISS_POLICY_SECTIONS_H_
#define NEARMISS_POLICY_SECTIONS_H_

#include <toml++/toml.h>

#include "nearmiss/policy.h"
#include "policy/parse_context.h"

namespace nearmiss::policy {

void ReadDomainsSection(Context& ctx, const toml::table& t, Policy& policy);
void ReadLookalikeSection(Context& ctx, const toml::table& t, Policy& policy);
// [senders.<group>] tables: `t` is the [senders] table.
void ReadSendersSection(Context& ctx, const toml::table& t, Policy& policy);
void ReadSensitivitySection(Context& ctx, const toml::table& t, Policy& policy);
// [[rule]]: `node` is the array of tables. Needs the sender groups read.
// Returns, per rule, whether it had an error (CheckPolicy skips those so one
// slip does not cascade into "can never match" reports).
std::vector<bool> ReadRules(Context& ctx, const toml::node& node, Policy& policy);
void ReadDefaultsSection(Context& ctx, const toml::table& t, Policy& policy);
void ReadLimitsSection(Context& ctx, const toml::table& t, Policy& policy);
void ReadApiSection(Context& ctx, const toml::table& t, Policy& policy);
void ReadHistorySection(Context& ctx, const toml::table& t, Policy& policy);
void ReadConfirmSection(Context& ctx, const toml::table& t, Policy& policy);
void ReadDeliverySection(Context& ctx, const toml::table& t, Policy& policy);
void ReadDnsSection(Context& ctx, const toml::table& t, Policy& policy);

// "550", "550 5.7.1": a 4xx or 5xx reply with an optional enhanced code.
bool IsSmtpReplyCode(std::string_view s);

// Checks across sections: conflicting domain entries, rules that can never
// match (empty ranges, shadowed by an earlier rule), duplicate rule names.
void CheckPolicy(Context& ctx, const Policy& policy, const std::vector<bool>& broken_rules);

// The recipient classes whose checks can carry reason `code` (checks.cc);
// every class for a code not placed there.
std::vector<Verdict> ReasonClasses(std::string_view code);

}  // namespace nearmiss::policy

#endif  // NEARMISS_POLICY_SECTIONS_H_
