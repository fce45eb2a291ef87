// The milter's structured log: one JSON object per decision, one line each,
// with stable keys (queue_id, sender, recipients with verdict/action/rule,
// level, sensitivity, rule, action) so mail admins can grep and programs can
// parse it. The recipient class is "verdict", as in the API and the CLI
// (until 2026-11-30 it was "class"; journal/milter_log_reader.cc reads
// both). "level" is the level the decision used; "sensitivity" is
// render/sensitivity.h's object.
// Untrusted strings are cut (like Postfix's %.100s) so a hostile address
// cannot flood the log.
#ifndef NEARMISS_MILTER_DECISION_LOG_H_
#define NEARMISS_MILTER_DECISION_LOG_H_

#include <string>
#include <string_view>
#include <vector>

#include "milter/transaction.h"
#include "nearmiss/content_sensitivity.h"
#include "nearmiss/decision.h"

namespace nearmiss::milter {

// A recipient answered at RCPT time (refused, or a provisional accept that
// a policy rule flagged).
std::string RcptLogLine(const Transaction& tx, const TxRecipient& rcpt,
                        std::string_view milter_action);

// The end-of-message decision; `milter_action` is what the MTA was told:
// "accept", "tag", "quarantine", "delete-recipient", "reject";
// `check_ms` the time the scan and decision took; `errors` what the reader
// could not read (an encrypted or damaged attachment), logged so it is
// never silent.
std::string MessageLogLine(const Transaction& tx, const Decision& decision,
                           const content::Sensitivity& sensitivity,
                           std::string_view milter_action, double check_ms,
                           const std::vector<std::string>& errors = {});

// No decision could be made; `milter_action` is the fail action taken.
std::string FailLogLine(const Transaction& tx, std::string_view why,
                        std::string_view milter_action);

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_DECISION_LOG_H_
