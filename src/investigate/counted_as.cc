// What the report's figures count (render.h, CountedAs): said in the text's
// "counted:" line and the HTML and PDF footer alike.
#include <algorithm>
#include <string>
#include <vector>

#include "investigate/render.h"
#include "investigate/report.h"

namespace nearmiss::investigate {

std::string CountedAs(const Report& report) {
  std::string out(kCountedAs);
  const std::vector<Row>& rows = report.table();
  const bool undecided = std::any_of(rows.begin(), rows.end(), [](const Row& r) {
    return r.status == "unknown" && !r.delivery_line;
  });
  if (undecided) {
    // An Exchange RECEIVE (SUBMIT, TRANSFER, a SEND to another of the
    // organisation's servers) stands for its recipients until a later
    // event ends the delivery; with none in the logs given it is what the
    // report holds of them.
    out +=
        "; an Exchange event that does not end a recipient's delivery (a RECEIVE, SUBMIT or "
        "TRANSFER, a SEND to another of the organisation's servers) with no later event in the "
        "logs given counts as that recipient's attempt, outcome unknown, but is not a "
        "delivery line";
  }
  return out;
}

}  // namespace nearmiss::investigate
