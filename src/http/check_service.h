// The pre-send check: a parsed CheckRequest through the Engine, answered as
// the API's JSON and recorded for the audit log.
//
// The client sees one of three actions, mapped from the policy's Decision:
//   allow  accept, tag          (send as it is)
//   warn   warn, hold           (ask the sender; a held message waits for
//                                review at the mail server if sent anyway)
//   block  remove-recipient, reject  (fix the recipients first)
//
// Thread safety: CheckMessage may run on many threads at once; each thread
// keeps its own content::Scratch.
#ifndef NEARMISS_HTTP_CHECK_SERVICE_H_
#define NEARMISS_HTTP_CHECK_SERVICE_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "http/check_request.h"
#include "nearmiss/decision_record.h"
#include "nearmiss/engine.h"

namespace nearmiss::http {

enum class ClientAction { kAllow, kWarn, kBlock };
std::string_view ClientActionName(ClientAction a);  // "allow" | "warn" | "block"
ClientAction ToClientAction(Action a);

struct CheckAnswer {
  nlohmann::ordered_json body;
  ClientAction action = ClientAction::kAllow;
  DecisionRecord record;  // source "api"; time set by the caller
};

CheckAnswer CheckMessage(const Engine& engine, const CheckRequest& request);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_CHECK_SERVICE_H_
