// The stable JSON of a Decision's outcome (decision.h), the one shape
// `scan --json`, `policy explain --json` and the HTTP API's `decision`
// object write:
//   {"action": "hold", "message_action": "hold",
//    "rule": {"index": 5, "name": "secret-external",
//             "id": "rule 5 'secret-external' (policy.toml:132:1)"},
//    "level": "SECRET", "message": "held for review: ...",
//    "smtp_code": "", "reasons": [{"code", "message"}]}
// `action` is the most severe recipient action (what reports show);
// `message_action` what is done to the message itself; `level` the level
// the rules saw; reasons' sentences are rendered here (ReasonMessage).
// Golden: tests/testdata/render/decision.golden.jsonl.
//
// Thread safety: pure functions.
#ifndef NEARMISS_RENDER_DECISION_H_
#define NEARMISS_RENDER_DECISION_H_

#include <nlohmann/json.hpp>

#include "nearmiss/decision.h"
#include "render/json_writer.h"

namespace nearmiss::render {

// Writes the object.
void WriteDecisionJson(const Decision& d, JsonWriter& w);

// The same object as an nlohmann tree (parsed from WriteDecisionJson's
// text, so the two cannot drift), for the API's document.
nlohmann::ordered_json DecisionToJson(const Decision& d);

}  // namespace nearmiss::render

#endif  // NEARMISS_RENDER_DECISION_H_
