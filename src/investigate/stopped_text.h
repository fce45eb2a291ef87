// What the reports say of a recipient the mail server itself stopped
// (status "rejected", "held", "discarded"): who stopped it, as the log says
// (maillog/stopped_by.h), never "a milter" of an Exchange transport rule
// (issue 16, h52 item 2).
//
// Thread safety: pure functions.
#ifndef NEARMISS_INVESTIGATE_STOPPED_TEXT_H_
#define NEARMISS_INVESTIGATE_STOPPED_TEXT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "investigate/report_lines.h"

namespace nearmiss::investigate {

// "a milter or a transport rule": the stoppers of c's rejected recipients
// (Counts::rejected_by), in maillog::StoppedBy's order; those whose log
// names none add "another check of the mail server"; "the mail server"
// when no log named any.
std::string RejectedBy(const Counts& c);
// {"milter": 2, "transport_rule": 1, "unknown": 0...}: the non-zero counts
// of c.rejected_by by StoppedByKey (--summary-json "rejected_by").
nlohmann::ordered_json RejectedByJson(const Counts& c);
// "rejected by a transport rule" for a row the log says who stopped
// (Row::stopped_by); "" otherwise.
std::string StoppedText(const Row& r);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_STOPPED_TEXT_H_
