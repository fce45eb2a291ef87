// The stable JSON of a content::Sensitivity, the one shape `scan`, `policy
// explain`, the HTTP API (POST /v1/check) and the milter's decision log
// write:
//   {"level": "SECRET", "complete": true,
//    "findings": [{"marking", "pack", "level", "where", "offset", "text",
//                  "strength"}]}
// `level` is the sensitivity's own (the decision may raise it to [limits]
// incomplete_level when `complete` is false; decisions carry that level).
// Golden: tests/testdata/render/sensitivity.golden.json.
//
// Thread safety: pure functions.
#ifndef NEARMISS_RENDER_SENSITIVITY_H_
#define NEARMISS_RENDER_SENSITIVITY_H_

#include <cstddef>
#include <limits>
#include <nlohmann/json.hpp>

#include "nearmiss/content_sensitivity.h"
#include "render/json_writer.h"

namespace nearmiss::render {

inline constexpr size_t kAllFindings = std::numeric_limits<size_t>::max();

// Writes the object; at most `max_findings` findings, in order (a bound on
// what an API answer or a log line carries).
void WriteSensitivityJson(const content::Sensitivity& s, JsonWriter& w,
                          size_t max_findings = kAllFindings);

// The same object as an nlohmann tree, for the API's and the milter log's
// documents: parsed from WriteSensitivityJson's text, so it cannot drift.
nlohmann::ordered_json SensitivityToJson(const content::Sensitivity& s,
                                         size_t max_findings = kAllFindings);

}  // namespace nearmiss::render

#endif  // NEARMISS_RENDER_SENSITIVITY_H_
