// Renderings of one scanned message and its decision for `nearmiss scan`:
// a JSON Lines object for programs, a short block for people.
#ifndef NEARMISS_CLI_SCAN_RENDER_H_
#define NEARMISS_CLI_SCAN_RENDER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/terminal.h"
#include "nearmiss/content_reader.h"
#include "nearmiss/decision.h"

namespace nearmiss::cli {

struct ScanResult {
  const content::ScannedMessage* message;
  const MessageFacts* facts;
  const Decision* decision;
};

// {"source", "message_id", "from", "subject", "recipients": [check + "field"],
//  "sensitivity": {"level", "findings": [{"marking", "level", "where",
//  "offset", "text"}]}, "action", "rule", "errors": [...]}
nlohmann::ordered_json ScanToJson(const ScanResult& r);

std::string ScanToText(const ScanResult& r, const Terminal& term);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_SCAN_RENDER_H_
