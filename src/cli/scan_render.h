// Renderings of one scanned message and its decision for `nearmiss scan`:
// a JSON Lines object for programs, a short block for people.
#ifndef NEARMISS_CLI_SCAN_RENDER_H_
#define NEARMISS_CLI_SCAN_RENDER_H_

#include <string>
#include <vector>

#include "render/json_writer.h"
#include "render/terminal.h"
#include "nearmiss/content_reader.h"
#include "nearmiss/decision.h"

namespace nearmiss::cli {


struct ScanResult {
  const content::ScannedMessage* message;
  const MessageFacts* facts;
  const Decision* decision;
  // The envelope sender the decision used when it is not the From header
  // (null then), and where it came from ("Return-Path", "--sender").
  const std::string* sender = nullptr;
  const char* sender_from = "";
};

// A read message that names no recipient (To, Cc, Bcc and their Resent-
// forms all empty: a draft, or a sent copy whose only recipients were Bcc,
// which the copy does not keep): the policy has no recipient to judge it
// for, so `scan` judges nothing rather than show the default action's
// "accept" (a guard fails closed). Shown as action "not-judged", counted
// as flagged.
bool NamesNoRecipient(const ScanResult& r);
inline constexpr const char* kNotJudged = "not-judged";

// {"source", "message_id", "from", "sender" and "sender_from" (only when
// the envelope sender is not From), "subject", "recipients": [check + "field"],
//  "sensitivity": {...} (render/sensitivity.h), "level" (the level the
//  rules used and the summary counts: [limits] incomplete_level for a
//  message not read to the end when higher; null for an unread input), "action" ("not-judged" and
//  "not_judged": "no-recipients" when NamesNoRecipient, "not-read" for an
//  input that held no message; "rule" and "decision" null then), "rule",
//  "decision" (render/decision.h), "errors": [...], "not_read": true on an
//  unread input}, appended to `out` as one line of JSON text (no
// newline). Sensitivity and recipients are the facts the decision used.
void AppendScanJson(const ScanResult& r, std::string* out);

std::string ScanToText(const ScanResult& r, const render::Terminal& term);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_SCAN_RENDER_H_
