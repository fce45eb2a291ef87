// A one-line progress report on stderr for long runs ("scanned 12,345
// messages, 1,234/s"), shown only when stderr is a terminal and cleared
// before the command prints anything else there.
#ifndef NEARMISS_CLI_PROGRESS_H_
#define NEARMISS_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

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

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_PROGRESS_H_
