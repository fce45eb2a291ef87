#include "http/problem.h"

namespace nearmiss::http {
namespace {

std::string_view TitleFor(int status) {
  switch (status) {
    case 400: return "The request is malformed";
    case 401: return "A bearer token is needed";
    case 403: return "The token may not do this";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 406: return "Not acceptable";
    case 408: return "The request took too long";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length required";
    case 413: return "The request is too large";
    case 415: return "Unsupported media type";
    case 422: return "The request names something that is not there";
    case 429: return "Too many requests";
    case 502: return "The mail server's tools failed";
    case 503: return "Not available";
    // Any other 4xx is still the client's to fix, never "internal".
    default: return status >= 400 && status < 500 ? "The request cannot be served"
                                                    : "Internal error";
  }
}

}  // namespace

Problem MakeProblem(int status, std::string_view code, std::string detail) {
  Problem p;
  p.status = status;
  p.type = "urn:nearmiss:problem:" + std::string(code);
  p.title = std::string(TitleFor(status));
  p.detail = std::move(detail);
  return p;
}

Problem InvalidRequest(std::string detail, std::vector<FieldError> errors) {
  Problem p = MakeProblem(400, "invalid-request", std::move(detail));
  p.errors = std::move(errors);
  return p;
}
std::string JsonPointer(std::string_view base, std::string_view token) {
  std::string out(base);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

Problem InvalidBody(std::vector<FieldError> errors) {
  std::string detail;
  if (errors.size() > 1) detail.append(std::to_string(errors.size())).append(" problems: ");
  for (size_t i = 0; i < errors.size(); ++i) {
    if (i > 0) detail.append("; ");
    detail.append(errors[i].detail);
    if (!errors[i].pointer.empty()) detail.append(" (at ").append(errors[i].pointer).append(")");
  }
  return InvalidRequest(std::move(detail), std::move(errors));
}

Problem TooLarge(std::string detail) { return MakeProblem(413, "too-large", std::move(detail)); }
Problem Unauthorized(std::string detail) {
  return MakeProblem(401, "unauthorized", std::move(detail));
}
Problem Forbidden(std::string detail) { return MakeProblem(403, "forbidden", std::move(detail)); }
Problem NotFound(std::string detail) { return MakeProblem(404, "not-found", std::move(detail)); }
Problem MethodNotAllowed(std::string detail) {
  return MakeProblem(405, "method-not-allowed", std::move(detail));
}
Problem RateLimited(int retry_after) {
  Problem p = MakeProblem(429, "rate-limited",
                          "this client sent too many requests; retry after " +
                              std::to_string(retry_after) + " s");
  p.retry_after = retry_after;
  return p;
}
Problem Internal(std::string detail) { return MakeProblem(500, "internal", std::move(detail)); }

std::string ProblemBody(const Problem& p) {
  nlohmann::ordered_json j;
  j["type"] = p.type;
  j["title"] = p.title;
  j["status"] = p.status;
  j["detail"] = p.detail;
  if (!p.errors.empty()) {
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const FieldError& e : p.errors) {
      errors.push_back({{"pointer", e.pointer}, {"detail", e.detail}});
    }
    j["errors"] = std::move(errors);
  }
  // Details may quote client input that is not UTF-8: replace, never throw.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace nearmiss::http
