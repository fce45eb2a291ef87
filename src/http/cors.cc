#include "http/cors.h"

namespace nearmiss::http {
namespace {

// moz-extension://<uuid>: 8-4-4-4-12 hex digits (RFC 9562's text form),
// the form Firefox and Thunderbird give extension hosts.
bool IsExtensionOrigin(std::string_view origin) {
  constexpr std::string_view kScheme = "moz-extension://";
  if (!origin.starts_with(kScheme)) return false;
  std::string_view uuid = origin.substr(kScheme.size());
  if (uuid.size() != 36) return false;
  for (size_t i = 0; i < uuid.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    char c = uuid[i];
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (dash ? c != '-' : !hex) return false;
  }
  return true;
}

}  // namespace

bool CorsPolicy::Allows(std::string_view origin) const {
  if (origin.empty()) return false;
  for (const std::string& o : origins_) {
    // The wildcard entry matches extension origins only, never itself.
    if (o == kAnyThunderbirdExtension ? IsExtensionOrigin(origin) : o == origin) return true;
  }
  return false;
}

HeaderList CorsPolicy::ResponseHeaders(std::string_view origin) const {
  if (!Allows(origin)) return {};
  // Vary: caches must not hand one origin's answer to another.
  return {{"Access-Control-Allow-Origin", std::string(origin)}, {"Vary", "Origin"}};
}

HeaderList CorsPolicy::PreflightHeaders(std::string_view origin) const {
  if (!Allows(origin)) return {};
  HeaderList h = ResponseHeaders(origin);
  h.emplace_back("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
  h.emplace_back("Access-Control-Allow-Headers", "Authorization, Content-Type");
  h.emplace_back("Access-Control-Max-Age", "600");
  return h;
}

}  // namespace nearmiss::http
