#include "content/mbox_from_line.h"

#include <ctime>
#include <string>

namespace nearmiss::content {
namespace {

struct FromDate {
  size_t at = 0;  // where the date starts; 0: no date
  int64_t time = 0;
};

bool Ends(const char* end) {
  return end != nullptr && (*end == '\0' || *end == ' ' || *end == '\r' || *end == '\n');
}

FromDate FindDate(std::string_view line) {
  if (!line.starts_with("From ")) return {};
  static constexpr std::string_view kDays[] = {"Mon ", "Tue ", "Wed ", "Thu ",
                                               "Fri ", "Sat ", "Sun "};
  std::string text(line);
  for (size_t i = 5; i + 24 <= text.size(); ++i) {
    bool day = false;
    for (std::string_view d : kDays) day = day || std::string_view(text).substr(i).starts_with(d);
    if (!day || text[i - 1] != ' ') continue;
    struct tm tm = {};
    const char* end = ::strptime(text.c_str() + i, "%a %b %d %H:%M:%S %Y", &tm);
    int64_t offset = 0;
    if (!Ends(end)) {
      // "... 10:00:00 +0000 2025": glibc's %z reads +hhmm into tm_gmtoff.
      tm = {};
      end = ::strptime(text.c_str() + i, "%a %b %d %H:%M:%S %z %Y", &tm);
      if (!Ends(end)) continue;
      offset = tm.tm_gmtoff;
    }
    int64_t t = ::timegm(&tm) - offset;
    return t > 0 ? FromDate{i, t} : FromDate{};
  }
  return {};
}

}  // namespace

int64_t MboxFromLineTime(std::string_view line) { return FindDate(line).time; }

bool IsMboxFromLine(std::string_view line) {
  FromDate d = FindDate(line);
  if (d.time == 0) return false;
  // The sender: something other than blanks between "From " and the date.
  return line.substr(5, d.at - 5).find_first_not_of(' ') != std::string_view::npos;
}

}  // namespace nearmiss::content
