#include "http/cors.h"

namespace nearmiss::http {

bool CorsPolicy::Allows(std::string_view origin) const {
  if (origin.empty()) return false;
  for (const std::string& o : origins_) {
    if (o == origin) return true;
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
