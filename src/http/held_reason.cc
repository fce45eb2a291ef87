#include "http/held_reason.h"

namespace nearmiss::http {

std::string HeldReason(const DecisionRecord& record) {
  std::string out;
  for (const DecisionRecipient& r : record.recipients) {
    if (r.action == "accept") continue;
    std::string codes;
    for (const std::string& c : r.reasons) {
      if (c == "trusted") continue;
      codes.append(codes.empty() ? "" : ",").append(c);
    }
    if (!out.empty()) out += "; ";
    out.append(r.address).append(": ").append(codes.empty() ? r.action : codes);
    if (!r.suggestion.empty()) out.append("; did you mean ").append(r.suggestion).append("?");
  }
  return out;
}

void HeldReasonFromStore(Store* store, HeldMessage& m) {
  if (store == nullptr || m.id.empty()) return;
  AuditQuery q;
  q.source = "milter";
  q.text = m.id;
  q.limit = 20;
  Result<std::vector<DecisionRecord>> records = store->SearchAudit(q);
  if (!records.ok()) return;
  for (const DecisionRecord& r : *records) {  // newest first
    if (r.queue_id != m.id) continue;
    std::string reason = HeldReason(r);
    if (!reason.empty()) m.reason = std::move(reason);
    return;
  }
}

}  // namespace nearmiss::http
