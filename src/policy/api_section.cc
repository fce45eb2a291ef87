// [api]: tokens, browser origins and overrides for `nearmiss serve`.
#include "policy/sections.h"

namespace nearmiss::policy {
namespace {

// Tokens travel in an HTTP header: printable ASCII without spaces, and long
// enough that guessing one is hopeless.
constexpr size_t kMinTokenLength = 16;

void ReadTokens(Context& ctx, const toml::table& t, std::string_view key,
                std::vector<std::string>& out, std::vector<std::string>& places) {
  std::optional<std::vector<Located>> tokens = GetStrings(ctx, t, key);
  if (!tokens) return;
  for (Located& token : *tokens) {
    bool ok = token.value.size() >= kMinTokenLength;
    for (char c : token.value) ok = ok && c > ' ' && c < 127;
    if (!ok) {
      ctx.Error(token.at, "bad token in '" + std::string(key) + "'",
                "at least 16 printable ASCII characters without spaces; "
                "`openssl rand -hex 24` makes one");
      continue;
    }
    out.push_back(std::move(token.value));
    std::string where(ctx.file());
    where += ':';
    where += std::to_string(token.at.begin.line);
    places.push_back(std::move(where));
  }
}

}  // namespace

void ReadApiSection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "api");
  ApiPolicy& api = policy.api;
  ReadTokens(ctx, t, "check_tokens", api.check_tokens, api.check_token_places);
  ReadTokens(ctx, t, "admin_tokens", api.admin_tokens, api.admin_token_places);
  if (auto file = GetString(ctx, t, "token_file")) api.token_file = ctx.Resolve(*file);
  if (auto origins = GetStrings(ctx, t, "cors_origins")) {
    for (Located& o : *origins) {
      // An origin is scheme://host[:port], nothing after: what browsers
      // send. The one wildcard is every Thunderbird extension's per-install
      // origin (http/cors.h).
      bool any_extension = o.value == "moz-extension://*";
      bool ok = any_extension ||
                ((o.value.starts_with("https://") || o.value.starts_with("http://")) &&
                 o.value.find('/', o.value.find("//") + 2) == std::string::npos &&
                 o.value.find('*') == std::string::npos);
      if (!ok) {
        ctx.Error(o.at, "bad origin '" + o.value + "'",
                  "scheme and host only, no path or wildcard: \"https://outlook.office.com\"; "
                  "\"moz-extension://*\" for the Thunderbird add-in");
        continue;
      }
      api.cors_origins.push_back(std::move(o.value));
    }
  }
  if (auto b = GetBool(ctx, t, "allow_send_anyway")) api.allow_send_anyway = *b;
  if (auto b = GetBool(ctx, t, "acknowledge_with_shared_token")) {
    api.acknowledge_with_shared_token = *b;
  }
}

}  // namespace nearmiss::policy
