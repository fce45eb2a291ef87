// Feeds arbitrary bytes, line by line, to the mail-log line parser, the
// delivery reader and the CSV trace reader. Besides "no crash, no UB", it checks what callers rely
// on: a recognised line has a form and its views lie inside the line, and
// every line is counted exactly once.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "maillog/log_files.h"
#include "maillog/log_line.h"
#include "maillog/postfix_log.h"
#include "maillog/trace_log.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Inside(std::string_view part, std::string_view line) {
  return part.empty() ||
         (part.data() >= line.data() && part.data() + part.size() <= line.data() + line.size());
}

class Sink final : public nearmiss::maillog::DeliverySink {
 public:
  void OnAttempt(const nearmiss::maillog::Attempt& a) override {
    Check(!a.status.empty());
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nearmiss::maillog;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string_view input = text;
  LineParser parser(2025);
  Sink sink;
  PostfixLog log(PostfixLogOptions{}, &sink);
  log.BeginFile("fuzz", LineParser(2025));
  uint64_t lines = 0, starts = 0, continuations = 0;
  bool continuing = false;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    LogLine l;
    if (parser.Parse(line, &l)) {
      Check(l.format != LineFormat::kNone);
      // Or, for a CRI line joined from partial records, inside the join.
      const std::string_view in = parser.joined().empty() ? line : parser.joined();
      Check(Inside(l.host, in) && Inside(l.program, in) && Inside(l.queue_id, in) &&
            Inside(l.text, in));
    } else {
      Check(l.format == LineFormat::kNone);
    }
    log.Feed(line);
    // A NUL run's marker (log_files.h) is a line of this reader only at a
    // line's start; the piece after a marker continues that line. The
    // trace reader counts no marker and every other piece.
    uint64_t run = 0;
    bool at_start = false;
    if (ReadNulRunMarker(line, &run, &at_start)) {
      lines += at_start ? 1 : 0;
      starts += at_start ? 1 : 0;
      continuing = true;
      continue;
    }
    if (continuing) {
      continuing = false;
      ++continuations;
      continue;
    }
    ++lines;
  }
  log.Finish();
  const LineCounts& c = log.counts();
  Check(c.lines == lines && c.recognised + c.unrecognised <= c.lines && c.postfix <= c.recognised);
  // A line a run of NUL bytes splits (LineCounts::nul_runs) is one line,
  // but may hold two delivery lines not understood.
  Check(c.not_understood <= c.recognised + c.nul_runs);

  // The same bytes as a CSV trace (trace_log.h): every line counted once,
  // also inside quoted fields that span lines.
  TraceLog trace("fuzz", &sink);
  text = input;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    trace.Feed(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  trace.Finish();
  const LineCounts& t = trace.counts();
  Check(t.lines == lines - starts + continuations && t.recognised + t.unrecognised <= t.lines);
  return 0;
}
