// RowOrder: the flagged rows `audit --json` / `--csv` print, put in time
// order before they are written.
//
// The readers pass rows on roughly, not strictly, in time order: a Postfix
// hand-off whose next hop never delivers is settled when that queue id ends
// (minutes of log time later, after rows of other messages), and a second
// server's log read after the first goes back in time. Rows are held, keyed
// by Row::seconds (0, unknown, sorts first), and written oldest first; rows
// of the same second keep the order they came in.
//
// Bounded: at most `max_held` rows are held; past that the oldest is written
// at once, so a run with more flagged rows than that is in order only within
// that window (flagged rows are the rare ones: look-alike and blocked
// domains). Memory: about a kilobyte per held row.
//
// Thread safety: none; one per output stream.
#ifndef NEARMISS_INVESTIGATE_ROW_ORDER_H_
#define NEARMISS_INVESTIGATE_ROW_ORDER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>

#include "investigate/report.h"

namespace nearmiss::investigate {

class RowOrder {
 public:
  static constexpr size_t kMaxHeld = 20000;

  explicit RowOrder(std::function<void(const Row&)> write, size_t max_held = kMaxHeld)
      : write_(std::move(write)), max_held_(max_held) {}
  RowOrder(const RowOrder&) = delete;
  RowOrder& operator=(const RowOrder&) = delete;

  void Add(const Row& row);
  // A copy read later (a Sent folder's, a trace's hop) joins the rows of
  // its delivery still held (Report::JoinInto): their level and full
  // marking are the copy's. A row already written past max_held keeps what
  // it had (bounded, as the order is).
  void Join(const Report::Joined& j);
  // Writes every held row, oldest first. Call once the input is read.
  void Flush();

 private:
  std::function<void(const Row&)> write_;
  size_t max_held_;
  std::multimap<int64_t, Row> held_;  // equal keys keep insertion order
};

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_ROW_ORDER_H_
