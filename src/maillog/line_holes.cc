#include "maillog/line_holes.h"

namespace nearmiss::maillog {

void LineHoles::Note(int64_t time, uint64_t line, ZoneSource zone) {
  const int64_t hour = time >= 0 ? time / 3600 : (time - 3599) / 3600;
  auto [it, added] = hours_.try_emplace(hour);
  Hour& h = it->second;
  if (added || time < h.first.time) h.first = {time, line, zone};
  if (added || time >= h.last.time) h.last = {time, line, zone};
}

std::vector<LineHoles::Hole> LineHoles::Holes(int64_t min_seconds) const {
  std::vector<Hole> out;
  const Hour* prev = nullptr;
  for (const auto& [hour, h] : hours_) {
    if (prev != nullptr && h.first.time - prev->last.time > min_seconds) {
      out.push_back({prev->last, h.first});
    }
    prev = &h;
  }
  return out;
}

}  // namespace nearmiss::maillog
