// CORS for the mail-client add-ins: only origins on the allowlist get the
// Access-Control-Allow-* headers, so a page elsewhere cannot read answers
// with a user's browser. The console is same-origin and needs none.
//
// An entry is an exact origin ("https://outlook.office.com") or
// kAnyThunderbirdExtension, "moz-extension://*": Thunderbird gives each
// installed extension its own random UUID host (WebExtensions'
// moz-extension://<uuid>), so an add-in's origin differs per install and
// cannot be listed. The wildcard matches that scheme with one UUID-shaped
// host and nothing else; no web page can send it.
//
// Thread-safety: immutable after construction; concurrent reads are safe.
#ifndef NEARMISS_HTTP_CORS_H_
#define NEARMISS_HTTP_CORS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nearmiss::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kAnyThunderbirdExtension = "moz-extension://*";

class CorsPolicy {
 public:
  explicit CorsPolicy(std::vector<std::string> origins) : origins_(std::move(origins)) {}

  bool Allows(std::string_view origin) const;
  // Headers for an actual response to `origin`; none when not allowed.
  HeaderList ResponseHeaders(std::string_view origin) const;
  // Headers for a preflight (OPTIONS) to `origin`; none when not allowed.
  HeaderList PreflightHeaders(std::string_view origin) const;

 private:
  std::vector<std::string> origins_;
};

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_CORS_H_
