// [confirm]: the confirm action's notice and signed links, and how long a
// sender's acknowledgement lasts.
#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <string>

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
    c.link_base_where = ctx.Where(t.get("link_base")->source());
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

namespace nearmiss {
namespace {

// The host of an http(s) URL, lower case, without brackets or port.
std::string LinkHost(std::string_view url) {
  const size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  std::string host;
  if (rest.starts_with("[")) {
    host = rest.substr(1, rest.find(']') - 1);
  } else {
    host = rest.substr(0, rest.find(':'));
  }
  for (char& ch : host) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return host;
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host.ends_with(".localhost") || host.starts_with("127.") ||
         host == "::1" || host == "0.0.0.0" || host == "::";
}

}  // namespace

std::vector<PolicyError> ConfirmLinkWarnings(const Policy& policy) {
  const ConfirmPolicy& c = policy.confirm;
  std::vector<PolicyError> out;
  if (c.key_file.empty() || policy.organisation.empty()) return out;  // no notices
  const std::string where = c.link_base_where.empty() ? policy.source : c.link_base_where;
  const std::string host = LinkHost(c.link_base);
  std::string what = "confirm.link_base ";
  what += c.link_base_where.empty() ? "is left at its default, " : "is ";
  what += c.link_base;
  if (IsLoopback(host)) {
    what += ": every notice's links point at the sender's own machine (";
    what += host;
    what += "), where no nearmiss serve answers, so every confirm hold waits for an administrator";
    out.push_back({where, std::move(what),
                   "set link_base to serve's address as senders' browsers reach it: "
                   "\"https://nearmiss.example.org\""});
  } else if (c.link_base.starts_with("http://")) {
    what += ": plain http to another host sends each notice's signed release link in clear "
            "over the network";
    out.push_back({where, std::move(what),
                   "serve it over https (serve --tls-cert/--tls-key, or a proxy) and write "
                   "link_base = \"https://...\""});
  }
  return out;
}

}  // namespace nearmiss
