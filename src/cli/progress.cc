#include "cli/progress.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "base/text_format.h"
#include "investigate/render.h"

namespace nearmiss::cli {

Progress::Progress(std::string what)
    : what_(std::move(what)),
      enabled_(isatty(fileno(stderr)) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { Clear(); }

void Progress::Tick() {
  ++count_;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  size_t rate = seconds > 0 ? static_cast<size_t>(count_ / seconds) : 0;
  std::fprintf(stderr, "\r\033[Kscanned %s %s, %s/s", Thousands(static_cast<int64_t>(count_)).c_str(), what_.c_str(),
               Thousands(static_cast<int64_t>(rate)).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Clear() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

ByteProgress::ByteProgress(std::string command)
    : command_(std::move(command)),
      on_(::isatty(STDERR_FILENO) == 1),
      start_(Clock::now()),
      last_(start_) {
  pass_start_ = start_;  // declared before start_ (progress.h)
}

namespace {
// " [#####---------------] 26%"; past 100 (a file that grows while read
// can pass its size at the start), 100.
std::string Bar(uint64_t done, uint64_t total) {
  int pct = static_cast<int>(std::min<uint64_t>(100, done * 100 / total));
  return " [" + std::string(pct / 5, '#') + std::string(20 - pct / 5, '-') + "] " +
         std::to_string(pct) + "%";
}
std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", bytes / 1e6);
  return buf;
}
}  // namespace

std::string ReadRate(uint64_t bytes, double seconds) {
  if (seconds < 0.05) return "starting";
  const double mb = bytes / 1e6 / seconds;
  if (mb >= 100) return Thousands(static_cast<int64_t>(mb + 0.5)) + " MB/s";
  char buf[48];
  if (mb >= 0.1) {
    std::snprintf(buf, sizeof buf, "%.1f MB/s", mb);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f kB/s", mb * 1e3);
  }
  return buf;
}

void ByteProgress::SetLogs(const std::vector<std::string>& ordered, int year) {
  const std::set<std::string> twice = maillog::YearPassPaths(ordered, year);
  uint64_t total = 0, file_bytes = 0;
  for (const std::string& read : ordered) {
    struct stat st;
    if (::stat(read.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      total += static_cast<uint64_t>(st.st_size) * (twice.count(read) ? 2 : 1);
      file_bytes += static_cast<uint64_t>(st.st_size);
    }
  }
  set_total(total, file_bytes);
}

void ByteProgress::EndYearPass() {
  if (!year_pass_) return;
  year_pass_ = false;
  pass_base_ = last_bytes_;
  pass_start_ = Clock::now();
}

void ByteProgress::Update(uint64_t bytes, uint64_t lines) {
  last_bytes_ = bytes;
  if (!on_) return;
  auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  // Each pass its own bytes, rate and bar (the header says why).
  const uint64_t read = bytes > pass_base_ ? bytes - pass_base_ : 0;
  const uint64_t of = year_pass_ ? year_bytes_ : file_bytes_;
  const double s = std::chrono::duration<double>(now - pass_start_).count();
  std::string bar;
  if (of > 0) bar = Bar(read, of) + " of " + Megabytes(of) + " MB";
  std::string line = command_;
  if (year_pass_) {
    // No line is counted yet: this pass finds each file's year.
    line += ": pass 1 of 2 (the year): read " + Megabytes(read) + " MB";
  } else {
    line += year_bytes_ != 0 ? ": pass 2 of 2: read " : ": read ";
    line += Megabytes(read);
    line += " MB, ";
    line += Thousands(static_cast<int64_t>(lines));
    line += " lines";
  }
  line += " (";
  line += ReadRate(read, s);
  line += ')';
  line += bar;
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  drawn_ = true;
}

void ByteProgress::Step(const content::ReadStep& step, uint64_t messages) {
  if (!on_) return;
  auto now = Clock::now();
  const bool starts = step.part.empty();
  if (starts) item_start_ = now;
  if (!starts && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  std::string line = command_ + ": " + Counted(messages, "mailbox message") + " read; ";
  line.append(step.message);
  line += " (";
  line += Megabytes(step.bytes);
  line += " MB)";
  if (!starts) {
    line += ", ";
    line.append(step.part);
    if (step.pages > 0) {
      line += " page ";
      line += Thousands(step.page);
      line += " of ";
      line += Thousands(step.pages);
    }
  }
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(now - item_start_).count();
  if (secs > 0) {
    line += ", ";
    line += std::to_string(secs);
    line += " s";
  }
  // A long source (a deep Maildir path) is cut, not wrapped: one line,
  // redrawn in place.
  if (line.size() > 150) {
    size_t cut = 147;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    line.resize(cut);
    line += "...";
  }
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  drawn_ = true;
}

void ByteProgress::Writing(uint64_t deliveries) {
  writing_ = deliveries;
  stage_.reset();
  if (!on_) return;
  std::fprintf(stderr, "\r\033[K%s: writing %s to the store", command_.c_str(),
               Counted(deliveries, "delivery", "deliveries").c_str());
  std::fflush(stderr);
  last_ = Clock::now();
  drawn_ = true;
}

void ByteProgress::Written(const WriteProgress& p) {
  if (!on_) return;
  // A stage's first and last counts always show, so each stage is seen
  // ending however fast it is; the ones between at most ten times a second.
  const auto now = Clock::now();
  const bool edge = p.stage != stage_ || p.done == p.total;
  if (!edge && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  stage_ = p.stage;
  const bool keys = p.stage == WriteProgress::Stage::kKeys;
  std::fprintf(stderr, "\r\033[K%s: writing %s to the store: %s of %s %s", command_.c_str(),
               Counted(writing_, "delivery", "deliveries").c_str(),
               Thousands(static_cast<int64_t>(p.done)).c_str(),
               Thousands(static_cast<int64_t>(p.total)).c_str(),
               keys ? "keys checked for repeats" : "relationships written");
  std::fflush(stderr);
  drawn_ = true;
}

void ByteProgress::Clear() {
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

}  // namespace nearmiss::cli
