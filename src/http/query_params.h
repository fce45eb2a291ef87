// Query parameters of the admin API's routes: a name the route does not
// take, or a number that is not one, is a 400 naming it, never ignored (a
// typo such as `/v1/audit?sendr=ann@x` answered every record, as if
// filtered; stop 37's issue 14 tester, item 10).
// Thread-safe (pure).
#ifndef NEARMISS_HTTP_QUERY_PARAMS_H_
#define NEARMISS_HTTP_QUERY_PARAMS_H_

#include <httplib.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "http/problem.h"

namespace nearmiss::http {

// A 400 naming the first parameter of `req` not in `known` (and the ones
// the route takes); nullopt when all are known. `known` empty: a route that
// takes none (DELETE, release: an act is never done with a parameter it
// did not read; the issue-14 tester, round 42, finding 8a).
std::optional<Problem> UnknownQueryParam(const httplib::Request& req,
                                         std::initializer_list<std::string_view> known);

// Parameter `name` as a non-negative whole number into `*out` (left as it
// is when absent); false when present and not one.
bool IntParam(const httplib::Request& req, const char* name, int64_t* out);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_QUERY_PARAMS_H_
