// The stable JSON of a DecisionRecord, written by the admin API
// (GET /v1/audit's records) and the journal's spool (one line per record):
//   {"id", "key", "time_ms", "source", "queue_id", "sender",
//    "recipients": [{"address", "verdict", "action", "reasons": [code],
//                    "target", "suggestion"}],
//    "level", "action", "rule", "message_id", "digest"}
// target and suggestion only when set. Golden:
// tests/testdata/render/decision_record.golden.jsonl.
//
// Thread safety: pure functions.
#ifndef NEARMISS_RENDER_DECISION_RECORD_H_
#define NEARMISS_RENDER_DECISION_RECORD_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "nearmiss/decision_record.h"
#include "render/json_writer.h"

namespace nearmiss::render {

void WriteDecisionRecordJson(const DecisionRecord& record, JsonWriter& w);

// The same object as an nlohmann tree (the admin API's documents), parsed
// from WriteDecisionRecordJson's text.
nlohmann::ordered_json DecisionRecordToJson(const DecisionRecord& record);

// Reads what WriteDecisionRecordJson wrote; also the keys of earlier
// versions ("class" for "verdict" and "time" for "time_ms", before
// 2026-11-30), so a spool written by the last version still loads. False
// when `line` is not such an object or has no key and time.
bool DecisionRecordFromJson(std::string_view line, DecisionRecord* out);

}  // namespace nearmiss::render

#endif  // NEARMISS_RENDER_DECISION_RECORD_H_
