// [history]: when correspondence history makes a domain trusted.
#include "policy/sections.h"

namespace nearmiss::policy {

void ReadHistorySection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "history");
  HistoryPolicy& h = policy.history;
  if (auto v = GetInt(ctx, t, "min_messages", 1, 1'000'000'000)) h.min_messages = *v;
  if (auto v = GetInt(ctx, t, "min_days", 0, 100'000)) h.min_days = *v;
  if (auto v = GetBool(ctx, t, "flag_new_addresses")) h.flag_new_addresses = *v;
  if (auto v = GetBool(ctx, t, "address_typo")) h.address_typo = *v;
  if (auto v = GetString(ctx, t, "address_typo_scope")) {
    if (*v == "organisation") {
      h.address_typo_scope = HistoryPolicy::TypoScope::kOrganisation;
    } else if (*v == "sender") {
      h.address_typo_scope = HistoryPolicy::TypoScope::kSender;
    } else {
      ctx.Error(t.get("address_typo_scope")->source(), "unknown scope '" + *v + "'",
                "\"organisation\" (never written to by anyone here) or \"sender\" (by this "
                "sender)");
    }
  }
  if (auto v = GetInt(ctx, t, "address_typo_min_messages", 1, 1'000'000'000)) {
    h.address_typo_min_messages = *v;
  }
  if (auto v = GetInt(ctx, t, "address_typo_min_days", 0, 100'000)) h.address_typo_min_days = *v;
  if (auto v = GetString(ctx, t, "recipient_delimiter")) {
    // Postfix takes any characters; '@', quotes, blanks and controls would
    // split addresses, not extensions.
    bool ok = true;
    for (char c : *v) ok &= c > ' ' && c < 0x7f && c != '@' && c != '"' && c != '\\';
    if (ok) {
      h.recipient_delimiter = *v;
      h.recipient_delimiter_set = true;
    } else {
      ctx.Error(t.get("recipient_delimiter")->source(),
                "recipient_delimiter may hold only printable ASCII other than '@', '\"' and '\\'",
                "Postfix's recipient_delimiter, e.g. \"+\" or \"+-\"; \"\" for none");
    }
  }
  // At least 10 s: each refresh reads every domain and recompiles.
  if (auto v = GetInt(ctx, t, "refresh_seconds", 10, 86'400)) h.refresh_seconds = *v;
  if (auto v = GetInt(ctx, t, "audit_retention_days", 0, 100'000)) h.audit_retention_days = *v;
}

}  // namespace nearmiss::policy
