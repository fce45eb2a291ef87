// The stable JSON of a content::Sensitivity, the one shape `scan`, `policy
// explain`, the HTTP API (POST /v1/check) and the milter's decision log
// write:
//   {"level": "SECRET", "complete": true,
//    "findings": [{"marking", "pack", "level", "where", "place"?, "offset",
//                  "text", "strength", "why"?}]}
// `why` (when the finding has one: Finding::why) is the place rule that
// made the marking strong or weak, in the words `policy explain` prints
// ("on a banner line", "in running text, not on a banner line; nothing
// else in the message agrees"); labels read from header values, detectors,
// custom patterns and limits have none. The milter's decision log leaves
// it out (`with_why` false): its lines are bounded (issue 13, round 43
// tester finding 5 and note 44: scan --json had no `why`).
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
                          size_t max_findings = kAllFindings, bool with_why = true);

// The same object as an nlohmann tree, for the API's and the milter log's
// documents: parsed from WriteSensitivityJson's text, so it cannot drift.
nlohmann::ordered_json SensitivityToJson(const content::Sensitivity& s,
                                         size_t max_findings = kAllFindings);

}  // namespace nearmiss::render

#endif  // NEARMISS_RENDER_SENSITIVITY_H_
