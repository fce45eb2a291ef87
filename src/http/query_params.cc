// Query parameters of the admin API's GET routes (query_params.h).
#include "http/query_params.h"

#include <cstdlib>
#include <string>

namespace nearmiss::http {

std::optional<Problem> UnknownQueryParam(const httplib::Request& req,
                                         std::initializer_list<std::string_view> known) {
  for (const auto& [name, value] : req.params) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || name == k;
    if (ok) continue;
    std::string detail = "unknown query parameter '";
    detail += name.substr(0, 64);
    detail += "'; this route takes";
    if (known.size() == 0) detail += " none, and did nothing";
    else detail += ':';
    for (std::string_view k : known) {
      detail += ' ';
      detail += k;
    }
    return InvalidRequest(std::move(detail));
  }
  return std::nullopt;
}

bool IntParam(const httplib::Request& req, const char* name, int64_t* out) {
  if (!req.has_param(name)) return true;
  std::string v = req.get_param_value(name);
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < 0) return false;
  *out = n;
  return true;
}

}  // namespace nearmiss::http
