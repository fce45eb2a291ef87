// [history]: when correspondence history makes a domain trusted.
#include "policy/sections.h"

namespace nearmiss::policy {

void ReadHistorySection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "history");
  HistoryPolicy& h = policy.history;
  if (auto v = GetInt(ctx, t, "min_messages", 1, 1'000'000'000)) h.min_messages = *v;
  if (auto v = GetInt(ctx, t, "min_days", 0, 100'000)) h.min_days = *v;
  if (auto v = GetBool(ctx, t, "flag_new_addresses")) h.flag_new_addresses = *v;
  // At least 10 s: each refresh reads every domain and recompiles.
  if (auto v = GetInt(ctx, t, "refresh_seconds", 10, 86'400)) h.refresh_seconds = *v;
  if (auto v = GetInt(ctx, t, "audit_retention_days", 0, 100'000)) h.audit_retention_days = *v;
}

}  // namespace nearmiss::policy
