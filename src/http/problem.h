// Problem details (RFC 9457): every error the API returns is an
// application/problem+json object with a stable `type` a client can switch
// on, the HTTP status, a title and a detail a person can act on.
#ifndef NEARMISS_HTTP_PROBLEM_H_
#define NEARMISS_HTTP_PROBLEM_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::http {

inline constexpr std::string_view kProblemContentType = "application/problem+json";

// One thing wrong with a request body, located by a JSON Pointer (RFC 6901).
struct FieldError {
  std::string pointer;  // "/to/2"
  std::string detail;   // "'bob@' has an empty domain"
};

struct Problem {
  int status = 500;
  std::string type;   // "urn:nearmiss:problem:invalid-request"
  std::string title;  // short, the same for every instance of the type
  std::string detail;
  std::vector<FieldError> errors;  // 400 on a body: every error, not the first
  int retry_after = 0;             // 429 and 503: seconds
};

// Named problems; `code` is the last part of the type URN.
Problem MakeProblem(int status, std::string_view code, std::string detail);
Problem InvalidRequest(std::string detail, std::vector<FieldError> errors = {});
// RFC 6901: `base` (a pointer, "" the whole document) and one more
// reference token, its '~' written "~0" and '/' "~1": ("/headers",
// "X-A/B") -> "/headers/X-A~1B".
std::string JsonPointer(std::string_view base, std::string_view token);
// The one shape of a refused request body (400, invalid-request): every
// error in `errors`, each with its pointer ("" the whole body), and a
// `detail` that says each with its pointer too, as a person reads it:
// "'justification' must be a string (at /acknowledge/justification)";
// several: "2 problems: ...; ...".
Problem InvalidBody(std::vector<FieldError> errors);
Problem TooLarge(std::string detail);
Problem Unauthorized(std::string detail);
Problem Forbidden(std::string detail);
Problem NotFound(std::string detail);
Problem MethodNotAllowed(std::string detail);
Problem RateLimited(int retry_after);
Problem Internal(std::string detail);

// The JSON body: type, title, status, detail and `errors` when present.
std::string ProblemBody(const Problem& p);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_PROBLEM_H_
