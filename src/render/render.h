// Renderings of a RecipientCheck: the stable JSON object other tools script
// against, and the one line a person reads.
#ifndef NEARMISS_RENDER_RENDER_H_
#define NEARMISS_RENDER_RENDER_H_

#include <nlohmann/json.hpp>
#include <string>

#include "render/json_writer.h"
#include "render/terminal.h"
#include "nearmiss/decision.h"
#include "nearmiss/verdict.h"

namespace nearmiss::render {

// The recipient check, written once: {"input", "address", "domain",
// "domain_unicode", "verdict", "route_domains", "target", "suggestion",
// "score", "address_typo": {"kind", "score"}, "reasons": [{"code",
// "message"}]}; domain_unicode, route_domains, target, suggestion and
// address_typo (an address-typo finding's kind and score) only when set. Leaves the object
// open so the caller can add members (scan's "field") before EndObject().
// Golden: tests/testdata/render/check.golden.json.
void OpenCheckJson(const RecipientCheck& check, JsonWriter& w);

// The member "dns": {"exists", "mx", "mail_exchanger", "catch_all",
// "checked_at"[, "unknown"][, "catch_all_unknown"]} (null facts are
// unknown; "unknown" says why), as check's JSON and the milter's decision
// log write it.
void WriteDnsFacts(const DnsFacts& d, JsonWriter& w);

// The same object, closed, as an nlohmann tree (the API's recipients):
// parsed from OpenCheckJson's text, so the two cannot differ.
nlohmann::ordered_json CheckToJson(const RecipientCheck& check);

// The class a person is shown for `check`: its verdict's name, but
// "address-typo" for a slip of a known address at a trusted or external
// domain, the finding the decision acts on (a green "trusted" before "did
// you mean" told the reader the opposite: issue 14, round 35's second
// tester, defect 3). JSON keeps the verdict and the finding apart.
std::string_view ShownClass(const RecipientCheck& check);
// The same once the policy decided: a trusted or external recipient is
// shown as the finding whose rule decided (RecipientDecision::finding:
// "new-address -> warn", not "trusted -> warn"); otherwise as above.
std::string_view ShownClass(const RecipientCheck& check, const RecipientDecision& decision);

// What the DNS said of the check's domain, for a person, as the line of
// CheckToLine ends with it: "DNS: gmial.com does not exist", "DNS: gmai.com
// exists and receives mail (MX), and accepts mail for any address (a
// catch-all)"; "" when it was not looked up. `policy explain` shows it too
// (round 43's tester, finding 17: it refused by DNS without saying so).
std::string DnsFactsSentence(const RecipientCheck& check);

// "bob@army.ml: army.ml looks like army.mil (...); did you mean bob@army.mil?"
// preceded by the class (`shown`, ShownClass(check) when empty), padded
// and coloured when the terminal allows.
std::string CheckToLine(const RecipientCheck& check, const Terminal& term,
                        std::string_view shown = {});

}  // namespace nearmiss::render

#endif  // NEARMISS_RENDER_RENDER_H_
