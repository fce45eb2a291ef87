// TraceMessageIds: the key a trace's message is known by in audit. Exchange
// and Microsoft 365 write one Message-ID in either case (the trace's
// "<H2@MOD.GOV.UK>", the tracking log's "<h2@mod.gov.uk>"), so a
// Message-ID is folded to ASCII lower case and given its first spelling
// in the run, which joins one message's events across servers and
// exports (issue-16 tester §5). A Message-ID's local part is
// case-sensitive all the same (RFC 5322 3.6.4, msg-id's id-left is a
// dot-atom-text, compared as written), so two Microsoft 365 rows whose
// MessageTraceIds differ (Get-MessageTraceV2: the service's own id of one
// message) and whose Message-IDs differ in case are two messages: the
// later one keeps its own spelling as its key, never merged with the first
// as a row read again (issue 16, carried finding 1).
//
// Thread safety: none; one per Auditor.
#ifndef NEARMISS_INVESTIGATE_TRACE_MESSAGE_IDS_H_
#define NEARMISS_INVESTIGATE_TRACE_MESSAGE_IDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace nearmiss::investigate {

class TraceMessageIds {
 public:
  // `max` bounds what is kept: past it everything is forgotten (a message
  // crossing the bound may then be shown in two spellings, never lost).
  explicit TraceMessageIds(size_t max) : max_(max) {}
  // The key of the message whose Message-ID (or other key) is `id`, as one
  // row spells it, the row carrying `trace_id` ("" when none: Exchange,
  // historical search). The view stays valid until the next call.
  std::string_view Key(std::string_view id, std::string_view trace_id);
  // True when `key` (from Key) is a spelling kept apart from the folded
  // one: its message is not the one other spellings name.
  bool Apart(std::string_view key) const { return apart_.contains(std::string(key)); }

 private:
  struct First {
    std::string spelling;  // the first spelling read
    std::string trace_id;  // the first MessageTraceId read with it ("" until one is)
  };
  size_t max_;
  std::unordered_map<std::string, First> by_folded_;
  // Spellings of messages told apart by their MessageTraceId, with theirs.
  std::unordered_map<std::string, std::string> apart_;
};

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_TRACE_MESSAGE_IDS_H_
