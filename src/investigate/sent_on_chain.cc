#include "investigate/sent_on_chain.h"

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "maillog/attempt.h"        // BareQueueId
#include "maillog/trace_log.h"       // kSmartHostOutside

namespace nearmiss::investigate {
namespace {

// A trace's row keys its message by Message-ID; a Postfix row by queue id.
bool FromPostfix(const Row& r) { return r.queue_id != r.message_id; }

bool EventOnly(const Row& r) { return r.relay.ends_with("no later event in the logs given)"); }

// `hops` ("A via R1, X via R2") has an entry for queue id `id`.
bool HopFrom(std::string_view hops, std::string_view id) {
  std::string entry(id);
  entry += " via ";
  for (size_t at = hops.find(entry); at != std::string_view::npos;
       at = hops.find(entry, at + 1)) {
    if (at == 0 || hops.substr(0, at).ends_with(", ")) return true;
  }
  return false;
}

// Re-keyed from the hand-off into its queue id: its last hop is its relay.
bool Handed(const Row& r) {
  std::string tail = " via ";
  tail += r.relay;
  return !r.hops.empty() && !r.relay.empty() && r.hops.ends_with(tail);
}

enum class Link { kNone, kPostfix, kToTrace };

// How `a` comes before `b` (file comment), if it does.
Link Before(const Row& a, const Row& b) {
  if (FromPostfix(a) && FromPostfix(b)) {
    // A row's queue id is keyed by host and instance (maillog::QueueKey);
    // a hop names it bare.
    const std::string_view id = maillog::BareQueueId(a.queue_id);
    if (id != maillog::BareQueueId(b.queue_id)) {
      return HopFrom(b.hops, id) ? Link::kPostfix : Link::kNone;
    }
    return Handed(a) && !Handed(b) ? Link::kPostfix : Link::kNone;
  }
  if (FromPostfix(a) && !FromPostfix(b) && EventOnly(b) &&
      a.relay.find(maillog::kSmartHostOutside) == std::string::npos) {
    return Link::kToTrace;
  }
  return Link::kNone;
}

std::string Folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

size_t ChainSentOn(std::vector<Row>& rows) {
  std::unordered_map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].message_id.empty()) continue;
    std::string key = rows[i].message_id;
    key += '\0';
    key += Folded(rows[i].to);
    groups[key].push_back(i);
  }
  std::vector<ptrdiff_t> pred(rows.size(), -1), succ(rows.size(), -1);
  std::vector<Link> link(rows.size(), Link::kNone);
  for (const auto& [key, members] : groups) {
    if (members.size() < 2) continue;
    for (size_t i : members) {
      for (size_t j : members) {
        if (i == j || succ[i] != -1 || pred[j] != -1) continue;
        const Link l = Before(rows[i], rows[j]);
        // Each way at once: no order to tell; both stay rows.
        if (l == Link::kNone || Before(rows[j], rows[i]) != Link::kNone) continue;
        // No loop: j must not lead back to i.
        bool loop = false;
        for (ptrdiff_t k = succ[j]; k != -1 && !loop; k = succ[k]) loop = k == static_cast<ptrdiff_t>(i);
        if (loop) continue;
        succ[i] = static_cast<ptrdiff_t>(j);
        pred[j] = static_cast<ptrdiff_t>(i);
        link[j] = l;
      }
    }
  }
  // From each chain's head down: each row gets its predecessor's hops.
  for (size_t head = 0; head < rows.size(); ++head) {
    if (pred[head] != -1 || succ[head] == -1) continue;
    for (ptrdiff_t i = static_cast<ptrdiff_t>(head), j = succ[head]; j != -1; i = j, j = succ[j]) {
      const Row& a = rows[i];
      Row& b = rows[j];
      // The address the sender gave, rewritten at an earlier hop: the
      // earliest hop's stands (Row::orig_to).
      if (!a.orig_to.empty()) b.orig_to = a.orig_to;
      std::string hops = a.hops;
      if (link[j] == Link::kToTrace) {
        // The Postfix hop itself is shown, as Auditor shows a hop.
        if (!hops.empty()) hops += ", ";
        hops += maillog::BareQueueId(a.queue_id);
        hops += " via ";
        hops += a.relay.empty() ? std::string("(no relay logged)") : a.relay;
      }
      if (hops.empty() || b.hops.starts_with(hops)) continue;
      if (!b.hops.empty()) {
        hops += ", ";
        hops += b.hops;
      }
      b.hops = std::move(hops);
    }
  }
  size_t kept = 0, absorbed = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (succ[i] != -1) {
      ++absorbed;
      continue;
    }
    if (kept != i) rows[kept] = std::move(rows[i]);
    ++kept;
  }
  rows.resize(kept);
  return absorbed;
}

}  // namespace nearmiss::investigate
