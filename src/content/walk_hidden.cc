// MessageWalker::ScanHidden: the text a document holds and no longer shows
// (a Word or ODF document's deleted text, a PDF's earlier revisions;
// Extracted::hidden), read for what it adds.
#include <string>
#include <utility>
#include <vector>

#include "content/message_walker.h"

namespace nearmiss::content {
namespace {

// `where` itself or one of its hidden texts ("attachment:brief.pdf
// (earlier revision 1)").
bool SamePlace(const std::string& found_at, const std::string& where) {
  if (found_at.size() < where.size() || found_at.compare(0, where.size(), where) != 0) {
    return false;
  }
  return found_at.size() == where.size() ||
         found_at.compare(where.size(), 2, " (") == 0;
}

// A finding at the same place that says as much: the same form and words
// at the same level, as strong or stronger.
bool SaidAlready(const std::vector<Finding>& findings, std::size_t known,
                 const std::string& where, const Finding& f) {
  for (std::size_t k = 0; k < known; ++k) {
    const Finding& g = findings[k];
    if (!SamePlace(g.where, where) || g.marking != f.marking || g.text != f.text ||
        g.level != f.level || g.pack != f.pack) {
      continue;
    }
    const bool as_strong = g.strength == Strength::kStrong || f.strength == Strength::kWeak;
    if (as_strong && (!g.needs_corroboration || f.needs_corroboration)) return true;
  }
  return false;
}

}  // namespace

// Each hidden text is scanned on its own, as the page it is; a finding the
// document's shown text (or an earlier hidden text) already made is
// dropped, so that an unchanged banner is not reported once per revision
// (each hidden text's own repeats are kept, as a page's are), and what is
// left is what the past adds: the SECRET a tracked deletion or
// an incremental update removed.
void MessageWalker::ScanHidden(const std::vector<HiddenText>& hidden,
                               const std::string& where) {
  for (const HiddenText& h : hidden) {
    std::string at = where;
    at += " (";
    at += h.label;
    at += ")";
    Sensitivity found;
    const std::size_t known = out_->sensitivity.findings.size();
    // Read by the rules its shown text is read by: a bulk mail's body
    // without its CSS-hidden preheader is still bulk mail's (issue 13, round
    // 44 tester finding 5: the second reading skipped the bulk-mail rule and
    // held a newsletter TOP SECRET).
    Scan(bulk_ && where == "body" ? TextKind::kBulkBody : TextKind::kBody, at, h.text,
         &found);
    if (!found.complete) out_->sensitivity.complete = false;
    for (Finding& f : found.findings) {
      if (!SaidAlready(out_->sensitivity.findings, known, where, f)) {
        out_->sensitivity.Add(std::move(f));
      }
    }
  }
}

}  // namespace nearmiss::content
