// [confirm]: the confirm action's notice and signed links, and how long a
// sender's acknowledgement lasts.
#include <sys/stat.h>

#include <cerrno>

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
  if (auto v = GetString(ctx, t, "key_file")) {
    c.key_file = ctx.Resolve(*v);
    // A key named but absent would leave every confirm hold without its
    // notice (the milter) and every link refused (serve): said here, with
    // the path, so `policy lint` catches it. Only a file known to be
    // missing: one this user may not look at (a root-only directory) is
    // the daemons' to read.
    struct stat st;
    if (::stat(c.key_file.c_str(), &st) != 0 && errno == ENOENT) {
      ctx.Error(t.get("key_file")->source(), "key_file " + c.key_file + " does not exist",
                "create it (head -c 32 /dev/urandom > " + c.key_file +
                    "), or leave key_file out: a confirm hold then waits for an administrator");
    } else if (::stat(c.key_file.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      ctx.Error(t.get("key_file")->source(), "key_file " + c.key_file + " is not a file");
    }
  }
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
