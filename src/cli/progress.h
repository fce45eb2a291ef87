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
// second: the bar and the percent are of the work, the bytes of every log
// given (a gzip file's as stored) counted once per pass over it: a log
// without years in its timestamps is read twice (its year first,
// maillog::YearPassPaths), so the bar fills over both passes and says so
// ("... of 41.0 MB, read twice for the year"). `audit` and `learn` draw
// the same bar, each with its own name first.
class ByteProgress {
 public:
  explicit ByteProgress(std::string command);
  ~ByteProgress() { Clear(); }
  // `work`: what Update's bytes reach at the end; `bytes`: the files' size.
  void set_total(uint64_t work, uint64_t bytes) {
    total_ = work;
    file_bytes_ = bytes;
  }
  // set_total over the logs `ordered`, planned with --year `year` (0:
  // none) and read: a log read twice for its year counts its bytes twice
  // (maillog::YearPassPaths), so the bar covers both passes.
  void SetLogs(const std::vector<std::string>& ordered, int year);
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
  uint64_t writing_ = 0;  // the deliveries Writing named
  std::optional<WriteProgress::Stage> stage_;  // the one Written last drew
  Clock::time_point start_, last_;
};

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_PROGRESS_H_
