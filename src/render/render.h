// Renderings of a RecipientCheck: the stable JSON object other tools script
// against, and the one line a person reads.
#ifndef NEARMISS_RENDER_RENDER_H_
#define NEARMISS_RENDER_RENDER_H_

#include <nlohmann/json.hpp>
#include <string>

#include "render/json_writer.h"
#include "render/terminal.h"
#include "nearmiss/verdict.h"

namespace nearmiss::render {

// {"input", "address", "domain", "verdict", "target", "suggestion", "score",
//  "reasons": [{"code", "message"}]}; target and suggestion only when set.
nlohmann::ordered_json CheckToJson(const RecipientCheck& check);

// The same object written as text, for scan's once-per-recipient hot path
// (render_test.cc holds the two to the same bytes). Leaves the object open
// so the caller can add members (scan's "field") before EndObject().
void OpenCheckJson(const RecipientCheck& check, JsonWriter& w);

// "bob@army.ml: army.ml looks like army.mil (...); did you mean bob@army.mil?"
// preceded by the verdict, padded and coloured when the terminal allows.
std::string CheckToLine(const RecipientCheck& check, const Terminal& term);

}  // namespace nearmiss::render

#endif  // NEARMISS_RENDER_RENDER_H_
