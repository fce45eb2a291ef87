// Feeds arbitrary bytes as a whole mail-log file through ReadLog, the one
// reader of `nearmiss audit` and `learn` (read_log.cc): gzip or plain,
// UTF-16 traces converted, the first line telling a CSV trace (Exchange
// message tracking, Microsoft 365 message trace or historical search) from
// a Postfix log in any syslog/journald form, then every line through one
// PostfixLog, which joins a message's lines across the file (queue ids,
// multi-line CSV records, deliveries handed to the sink at the end). The
// bytes go to a file in /dev/shm (memory) because ReadLog takes a path.
// Checks what callers rely on: the counts add up, and a file in which no
// line was recognised is an error, never a silently empty report.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz_support.h"
#include "maillog/postfix_log.h"
#include "maillog/read_log.h"

namespace {

using namespace nearmiss::maillog;
using nearmiss::fuzz::Check;

class Sink final : public DeliverySink {
 public:
  void OnAttempt(const Attempt& a) override { Check(!a.status.empty()); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path =
      "/dev/shm/nearmiss-maillog-fuzz-" + std::to_string(getpid());
  if (size == 0) return 0;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) __builtin_trap();
  // The first byte picks the options a user gives: --date-order, --year.
  if (std::fwrite(data + 1, 1, size - 1, f) != size - 1) __builtin_trap();
  std::fclose(f);
  static constexpr DateOrder kOrders[] = {
      DateOrder::kUnstated, DateOrder::kDayMonth, DateOrder::kMonthDay};
  ReadLogOptions options;
  options.date_order = kOrders[data[0] % 3];
  options.year = (data[0] & 4) ? 0 : 2025;  // 0: from the file's mtime
  Sink sink;
  PostfixLog log(PostfixLogOptions{}, &sink);
  LineCounts counts;
  nearmiss::Status s = ReadLog(path, log, options, &counts);
  log.Finish();
  Check(counts.recognised + counts.unrecognised <= counts.lines);
  if (counts.recognised == 0) Check(!s.ok());
  return 0;
}
