// [history]: when correspondence history makes a domain trusted.
#include "base/ascii.h"
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
  if (auto senders = GetStrings(ctx, t, "learn_skip_senders")) {
    for (Located& e : *senders) {
      std::string v = AsciiLower(e.value);
      const size_t at = v.find('@');
      const bool ok = at != std::string::npos && v.find('@', at + 1) == std::string::npos &&
                      (at > 0 || v.size() > 1) &&
                      (v.substr(0, at) != "*" || at + 1 < v.size()) &&
                      v.find_first_of(" \t\"<>,") == std::string::npos &&
                      (v.find('*') == std::string::npos || v.starts_with("*@"));
      if (!ok) {
        ctx.Error(e.at, "bad learn_skip_senders entry '" + e.value + "'",
                  "an address (\"helpdesk@ourorg.example\"), a local part and '@' (\"noreply@\"), "
                  "or \"*@\" and a domain (\"*@notify.ourorg.example\")");
        continue;
      }
      h.learn_skip_senders.push_back(std::move(v));
    }
  }
  // At least 10 s: each refresh reads every domain and recompiles.
  if (auto v = GetInt(ctx, t, "refresh_seconds", 10, 86'400)) h.refresh_seconds = *v;
  if (auto v = GetInt(ctx, t, "audit_retention_days", 0, 100'000)) h.audit_retention_days = *v;
}

}  // namespace nearmiss::policy

namespace nearmiss {

bool HistoryPolicy::SkipsSender(std::string_view sender) const {
  if (learn_skip_senders.empty()) return false;
  const std::string lower = AsciiLower(sender);
  const size_t at = lower.rfind('@');
  if (at == std::string::npos) return false;
  const std::string_view local = std::string_view(lower).substr(0, at + 1);  // "noreply@"
  const std::string_view domain = std::string_view(lower).substr(at);        // "@ourorg..."
  // The mailbox without its extension (recipient_delimiter, as Postfix and
  // the acknowledgements read it): a ticket system sends as
  // helpdesk+ticket-4711@, a new extension each ticket (round 49's tester
  // 14, finding 3).
  std::string mailbox = lower, mailbox_local(local);
  if (!recipient_delimiter.empty()) {
    const size_t cut = local.find_first_of(recipient_delimiter);
    if (cut != std::string_view::npos && cut > 0 && cut + 1 < local.size()) {
      mailbox_local = std::string(local.substr(0, cut)) + "@";
      mailbox = mailbox_local + std::string(domain.substr(1));
    }
  }
  for (const std::string& e : learn_skip_senders) {
    if (e == lower || e == local || e == mailbox || e == mailbox_local ||
        (e.starts_with("*@") && e.substr(1) == domain)) {
      return true;
    }
  }
  return false;
}

}  // namespace nearmiss
