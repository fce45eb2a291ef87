// [confirm]: the confirm action's notice and signed links, and how long a
// sender's acknowledgement lasts.
#include "policy/sections.h"

namespace nearmiss::policy {

void ReadConfirmSection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "confirm");
  ConfirmPolicy& c = policy.confirm;
  if (auto v = GetString(ctx, t, "notice_from")) c.notice_from = *v;
  if (auto v = GetString(ctx, t, "link_base")) {
    if (!v->starts_with("http://") && !v->starts_with("https://")) {
      ctx.Error(t.get("link_base")->source(), "link_base must be an http:// or https:// URL",
                "the address of `nearmiss serve` as senders' browsers reach it");
    }
    while (!v->empty() && v->back() == '/') v->pop_back();
    c.link_base = *v;
  }
  if (auto v = GetString(ctx, t, "key_file")) c.key_file = ctx.Resolve(*v);
  if (auto v = GetInt(ctx, t, "link_hours", 1, 24 * 90)) c.link_hours = *v;
  // sendmail(1) -C wants an absolute path, and a relative program path
  // would depend on the daemon's working directory.
  for (const char* key : {"sendmail", "postfix_config"}) {
    auto v = GetString(ctx, t, key);
    if (!v) continue;
    if (!v->starts_with("/")) {
      ctx.Error(t.get(key)->source(), std::string(key) + " must be an absolute path");
    }
    (std::string_view(key) == "sendmail" ? c.sendmail : c.postfix_config) = *v;
  }
  if (auto v = GetInt(ctx, t, "acknowledgement_days", 1, 100'000)) c.acknowledgement_days = *v;
}

}  // namespace nearmiss::policy
