// One DecisionRecord as one line of JSON, for the spool (spool.h): every
// field but the store's id, with stable short keys. Not the API's schema
// (render/): this form only has to round-trip within one nearmiss version
// and the next.
//
// Thread safety: pure functions.
#ifndef NEARMISS_JOURNAL_RECORD_JSON_H_
#define NEARMISS_JOURNAL_RECORD_JSON_H_

#include <string>
#include <string_view>

#include "nearmiss/decision_record.h"

namespace nearmiss::journal {

// No newline in the result (strings are JSON-escaped; invalid UTF-8 is
// replaced, as addresses come off the wire).
std::string RecordToJson(const DecisionRecord& record);

// False when `line` is not a record RecordToJson wrote (not JSON, not an
// object, no key).
bool RecordFromJson(std::string_view line, DecisionRecord* out);

}  // namespace nearmiss::journal

#endif  // NEARMISS_JOURNAL_RECORD_JSON_H_
