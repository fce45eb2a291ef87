// Auditor, the log files given: the years planned across them, each read
// into the report (a Postfix log or a trace, told by its first line; traces
// after every Postfix log), its counts kept, and an input that could not be
// read kept as one with its error (auditor.h).
#include <string>
#include <utility>
#include <vector>

#include "investigate/auditor.h"
#include "maillog/log_files.h"
#include "maillog/read_log.h"

namespace nearmiss::investigate {

Status Auditor::AddLog(const std::string& path) { return AddLog(path, path); }

void Auditor::AddUnread(const std::string& path, const std::string& error) {
  report_->inputs.push_back(path);
  maillog::LineCounts c;
  c.file = path;
  c.error = error;
  report_->logs.push_back(std::move(c));
}

void Auditor::PlanYears(const std::vector<std::string>& paths) {
  uint64_t file = 0;  // the bytes of the file being scanned
  years_ = maillog::PlanYears(
      paths,
      [&](uint64_t bytes) {
        file = bytes;
        if (options_.on_progress) options_.on_progress(bytes_before_ + bytes, log_.lines());
      },
      [&](const std::string&) {
        bytes_before_ += file;
        file = 0;
      },
      options_.year);
  bytes_before_ += file;
}

Status Auditor::AddLog(const std::string& path, const std::string& shown) {
  // Traces are read after every Postfix log (audit_command.cc): the
  // Postfix attempts still held for a hand-off (postfix_log.h) reach the
  // report first, so a trace's SEND to the organisation's Postfix gateway
  // finds the gateway's delivery (OnAttempt).
  if (maillog::LooksLikeTrace(maillog::FirstLine(path))) {
    log_.Finish();
    ResolveQueuedOn();
  }
  report_->inputs.push_back(shown);
  shown_ = shown;
  maillog::ReadLogOptions o;
  o.year = options_.year;
  o.years = &years_;
  o.date_order = options_.date_order;
  o.min_recognised_percent = options_.min_recognised_percent;
  uint64_t before = bytes_before_;
  uint64_t last = 0;
  o.on_bytes = [&](uint64_t bytes) {
    last = bytes;
    // The reader's own line count: Report::lines is set only once a file
    // is done, so it read 0 for the whole of a single-file run.
    if (options_.on_progress) options_.on_progress(before + bytes, log_.lines());
  };
  maillog::LineCounts counts;
  Status s = maillog::ReadLog(path, log_, o, &counts);
  if (shown != path) {
    counts.file = shown;
    if (!s.ok()) {
      // The message names the spool; the report names what was given.
      std::string m = s.message();
      for (size_t at; (at = m.find(path)) != std::string::npos;) m.replace(at, path.size(), shown);
      s = Status::IoError(m);
    }
  }
  if (!s.ok()) counts.error = s.message();
  if (counts.file.empty()) counts.file = shown;
  bytes_before_ += last;
  report_->lines = log_.lines();
  if (log_.file() != 0) {
    log_slots_.resize(log_.file(), report_->logs.size());
    log_slots_[log_.file() - 1] = report_->logs.size();
  }
  JudgeUnread(counts);
  report_->logs.push_back(std::move(counts));
  return s;
}

}  // namespace nearmiss::investigate
