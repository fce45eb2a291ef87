// [delivery]: the Postfix parameters that decide where an address really
// goes (postconf(5) names), so nearmiss judges the domain the mail server
// delivers to (nearmiss/delivery.h).
#include "policy/sections.h"

namespace nearmiss::policy {
namespace {

// A host name as postconf prints it: lower-cased, one trailing dot dropped.
// Single labels ("localhost") are fine here: they are the server's own.
std::optional<std::string> HostName(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty() || s.front() == '.' || s.front() == '-') return std::nullopt;
  std::string out;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return std::nullopt;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

}  // namespace

void ReadDeliverySection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "delivery");
  DeliveryPolicy& d = policy.delivery;
  d.where = ctx.Where(t.source());
  if (auto name = GetString(ctx, t, "myhostname")) {
    std::optional<std::string> n = HostName(*name);
    if (n) {
      d.myhostname = *n;
    } else {
      ctx.Error(t.get("myhostname")->source(), "bad host name '" + *name + "'",
                "the mail server's fully qualified name: \"mail.example.gov.uk\"");
    }
  }
  if (auto name = GetString(ctx, t, "myorigin")) {
    std::optional<std::string> n = HostName(*name);
    if (n) {
      d.myorigin = *n;
    } else {
      ctx.Error(t.get("myorigin")->source(), "bad domain '" + *name + "'",
                "the domain bare local names get: \"example.gov.uk\"");
    }
  }
  if (auto names = GetStrings(ctx, t, "mydestination")) {
    d.mydestination.clear();
    for (const Located& l : *names) {
      std::optional<std::string> n = HostName(l.value);
      if (n) {
        d.mydestination.push_back(*n);
      } else {
        ctx.Error(l.at, "bad domain '" + l.value + "' in mydestination",
                  "list the names exactly as `postconf -xh mydestination` prints them");
      }
    }
  }
  if (auto v = GetBool(ctx, t, "allow_percent_hack")) d.allow_percent_hack = *v;
  if (auto v = GetBool(ctx, t, "swap_bangpath")) d.swap_bangpath = *v;
  // The milter reads the local names from postconf unless they are given.
  d.configured = t.contains("myhostname") || t.contains("mydestination");
}

}  // namespace nearmiss::policy
