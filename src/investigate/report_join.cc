// Report's joins: a Sent-folder copy's or a trace hop's level, marking
// and hop into the delivery's row, open or closed; and the per-marking
// counts page 1 gives (CountSensitivity).
#include <cctype>
#include <optional>
#include <string>

#include "investigate/report.h"
#include "nearmiss/content_sensitivity.h"

namespace nearmiss::investigate {
namespace {

std::string JoinFolded(const std::string& to) {
  std::string out = to;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The rank (content::Level) of a row's level name; -1 when none.
int JoinedRank(const std::string& level) {
  std::optional<content::Level> l = content::ParseLevel(level);
  return l ? static_cast<int>(*l) : -1;
}

}  // namespace

bool Report::JoinedLevelAbove(const std::string& kept, const std::string& other) {
  return JoinedRank(kept) > JoinedRank(other);
}

void Report::JoinInto(Row& r, const Joined& j) {
  const int rank = JoinedRank(r.level);
  if (!j.level.empty() &&
      (j.level_rank > rank || (j.level_rank == rank && r.marking.empty()))) {
    r.level = j.level;
    r.marking = j.marking;
  }
  if (!j.hop.empty()) r.hops = r.hops.empty() ? j.hop : j.hop + ", " + r.hops;
  if (!j.orig_to.empty()) r.orig_to = j.orig_to;
}

bool Report::IsJoinedTo(const Row& r, const Joined& j) {
  return r.queue_id == j.queue_id && JoinFolded(r.to) == JoinFolded(j.to);
}

void Report::JoinCopy(const Joined& j) {
  if (auto open = open_.find(j.queue_id); open != open_.end()) {
    for (Open& d : open->second) {
      if (!IsJoinedTo(d.row, j)) continue;
      JoinInto(d.row, j);
      d.joined_level = d.row.level;
      d.joined_marking = d.row.marking;
      if (!j.hop.empty()) d.joined_hop = j.hop;
      if (!j.orig_to.empty()) d.joined_orig_to = j.orig_to;
    }
  } else {
    // A row closed already was counted by its level: counted again by
    // the level the join gives it (a trace's subject joined after the
    // gateway's delivery closed; issue-16 tester F10).
    for (Row& r : table_) {
      if (!IsJoinedTo(r, j)) continue;
      CountSensitivity(r, -1);
      JoinInto(r, j);
      CountSensitivity(r, 1);
    }
  }
  if (!j.postfix_hop) ++(j.hop.empty() ? joined_copies : joined_hops);
}

void Report::CountSensitivity(const Row& r, int64_t delta) {
  if (r.level.empty()) return;
  sensitivity_read_ += delta;
  if (r.level == "none") return;
  const std::string& m = r.marking.empty() ? r.level : r.marking;
  if (delta < 0) {
    // Uncounted where it was counted: its own entry, else "other".
    auto it = by_marking_.find(m);
    if (it == by_marking_.end()) it = by_marking_.find("other");
    if (it != by_marking_.end() && (it->second += delta) <= 0) by_marking_.erase(it);
    return;
  }
  if (by_marking_.size() < kMaxMarkingsCounted || by_marking_.contains(m)) {
    by_marking_[m] += delta;
  } else {
    by_marking_["other"] += delta;
  }
}

}  // namespace nearmiss::investigate
