#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace nearmiss::cli {
namespace {

std::string Grouped(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

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
  std::fprintf(stderr, "\r\033[Kscanned %s %s, %s/s", Grouped(count_).c_str(), what_.c_str(),
               Grouped(rate).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Clear() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace nearmiss::cli
