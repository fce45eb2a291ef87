// Runs a program with an argv and no shell: nothing in an argument is ever
// interpreted (no globbing, no word splitting, no `;`). The child gets
// /dev/null (or the file `stdin_path`) for stdin, a fixed PATH and the C locale; its output is read up
// to a bound, and it is killed when it outlives the timeout.
//
// Thread safety: may be called from any thread (posix_spawn, no fork in a
// threaded process).
#ifndef NEARMISS_BASE_PROCESS_H_
#define NEARMISS_BASE_PROCESS_H_

#include <chrono>
#include <string>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
  bool truncated = false;  // output beyond max_output was dropped
};

// argv[0] is an absolute path to the program.
Result<ProcessResult> RunProcess(const std::vector<std::string>& argv, size_t max_output,
                                 std::chrono::milliseconds timeout,
                                 const std::string& stdin_path = "/dev/null");

}  // namespace nearmiss

#endif  // NEARMISS_BASE_PROCESS_H_
