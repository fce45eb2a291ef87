#include "content/mbox_from_line.h"

#include <ctime>
#include <string>

namespace nearmiss::content {

int64_t MboxFromLineTime(std::string_view line) {
  if (!line.starts_with("From ")) return 0;
  static constexpr std::string_view kDays[] = {"Mon ", "Tue ", "Wed ", "Thu ",
                                               "Fri ", "Sat ", "Sun "};
  std::string text(line);
  for (size_t i = 5; i + 24 <= text.size(); ++i) {
    bool day = false;
    for (std::string_view d : kDays) day = day || std::string_view(text).substr(i).starts_with(d);
    if (!day || text[i - 1] != ' ') continue;
    struct tm tm = {};
    const char* end = ::strptime(text.c_str() + i, "%a %b %d %H:%M:%S %Y", &tm);
    if (end == nullptr || (*end != '\0' && *end != ' ' && *end != '\r' && *end != '\n')) continue;
    int64_t t = ::timegm(&tm);
    return t > 0 ? t : 0;
  }
  return 0;
}

}  // namespace nearmiss::content
