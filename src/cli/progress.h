// A one-line progress report on stderr for long runs ("scanned 12,345
// messages, 1,234/s"), shown only when stderr is a terminal and cleared
// before the command prints anything else there.
#ifndef NEARMISS_CLI_PROGRESS_H_
#define NEARMISS_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maillog/read_log.h"
#include "maillog/year_plan.h"
#include "nearmiss/content_reader.h"
#include "nearmiss/store.h"

namespace nearmiss::cli {

class Progress {
 public:
  // `what` names the unit: "messages", "lines".
  explicit Progress(std::string what);
  ~Progress();
  // Counts one more unit; redraws at most ten times a second.
  void Tick();
  // Erases the line (before other output goes to the terminal).
  void Clear();

 private:
  std::string what_;
  bool enabled_;
  bool drawn_ = false;
  size_t count_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

// How fast `bytes` were read in `seconds`: "12.3 MB/s", "1,234 MB/s", "87
// kB/s" (decimal units, as the "read 12.3 MB" beside it), "starting" under
// 50 ms. Bytes, not lines: the year's pass (maillog::YearPassPaths) reads
// bytes but counts no line, so a lines rate over the whole run would show
// half the speed, and 0 during that pass.
std::string ReadRate(uint64_t bytes, double seconds);

// "audit: read 12.3 MB, 98,304 lines (45.6 MB/s) [######--------------]
// 30% of 41.0 MB" on stderr when it is a terminal, at most ten times a
// second: the bytes read of every log given (a gzip file's as stored), the
// bar and the percent of their size. Logs without years in their
// timestamps are read twice (their year first, maillog::YearPassPaths):
// then each pass is a bar of its own, over the bytes it reads, and says
// which it is: "audit: pass 1 of 2 (the year): read 4.1 MB (45.6 MB/s)
// [####----------------] 20% of 20.5 MB", then "audit: pass 2 of 2: read
// 12.3 MB, 98,304 lines (...) [...] 30% of 41.0 MB". (One bar over both
// once read "read 1987.0 MB ... of 1232.1 MB" and 0 lines for the first
// half: issue-16 tester, item 9.) `audit` and `learn` draw the same bar,
// each with its own name first.
class ByteProgress {
 public:
  explicit ByteProgress(std::string command);
  ~ByteProgress() { Clear(); }
  // `work`: what Update's bytes reach at the end; `bytes`: the files' size.
  void set_total(uint64_t work, uint64_t bytes) {
    total_ = work;
    file_bytes_ = bytes;
    year_bytes_ = work > bytes ? work - bytes : 0;
    year_pass_ = year_bytes_ != 0;
  }
  // The bytes of the logs `ordered`, planned with --year `year` (0: none)
  // and read, and of those read for their year first
  // (maillog::YearPassPaths): with any, the bar starts at pass 1 of 2.
  void SetLogs(const std::vector<std::string>& ordered, int year);
  // The year's pass is over (after maillog::PlanYears): the next bytes
  // are pass 2's, counted from those Update was last given.
  void EndYearPass();
  // `bytes`: read so far over both passes; `lines`: lines read.
  void Update(uint64_t bytes, uint64_t lines);
  // Where the mailbox reader is, after `messages` messages: "audit: 11
  // mailbox messages read; Sent.mbox:12 (41.2 MB), attachment:report.pdf
  // page 37 of 312, 9 s" (at most ten times a second, but at once when a
  // message starts). The seconds are the message's so far: a line that
  // keeps moving while one large attachment is read.
  void Step(const content::ReadStep& step, uint64_t messages);
  // The step after reading: "learn: writing 92,123 deliveries to the
  // store", on a terminal only, until Clear.
  void Writing(uint64_t deliveries);
  // Then how far that write is (Store::RecordDeliveries' WriteProgress),
  // at most ten times a second but always at a stage's first and last
  // count: "learn: writing 92,123 deliveries to the
  // store: 40,000 of 184,246 keys checked for repeats (a delivery
  // has its key and its aliases, Delivery::aliases)", then "...: 1,234 of 3,400
  // relationships written". On a terminal only.
  void Written(const WriteProgress& p);
  void Clear();

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point item_start_;  // the message Step last saw start
  std::string command_;
  bool on_, drawn_ = false;
  uint64_t total_ = 0, file_bytes_ = 0;
  uint64_t year_bytes_ = 0;   // the year pass's
  bool year_pass_ = false;    // drawing pass 1 of 2
  uint64_t last_bytes_ = 0;   // Update's latest
  uint64_t pass_base_ = 0;    // the bytes before pass 2
  Clock::time_point pass_start_;
  uint64_t writing_ = 0;  // the deliveries Writing named
  std::optional<WriteProgress::Stage> stage_;  // the one Written last drew
  Clock::time_point start_, last_;
};

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_PROGRESS_H_
