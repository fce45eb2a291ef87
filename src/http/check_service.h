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
  // Fail-closed paths taken, for the metrics (docs/fail-closed.md): the
  // check failed and the answer is [defaults] on_error's; the content was
  // not read to the end ([limits] incomplete_level applied).
  bool unchecked = false;
  bool incomplete = false;
  std::string error;  // why it was unchecked, for the log
};

CheckAnswer CheckMessage(const Engine& engine, const CheckRequest& request);

// CheckMessage (or `check`, for tests), with anything it throws turned into
// the policy's fail action: `block` under on_error = "tempfail" (send again
// later), `allow` marked unchecked under "accept". Never an error status,
// which an add-in might read as "nothing to say".
using CheckFunction = CheckAnswer (*)(const Engine&, const CheckRequest&);
CheckAnswer CheckMessageOrFail(const Engine& engine, const CheckRequest& request,
                               CheckFunction check = &CheckMessage);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_CHECK_SERVICE_H_
