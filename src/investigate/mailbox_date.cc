#include "investigate/mailbox_date.h"

#include <sys/stat.h>

#include <cctype>
#include <ctime>
#include <string>

namespace nearmiss::investigate {

int64_t MboxFromLineTime(std::string_view line) {
  if (!line.starts_with("From ")) return 0;
  // The sender may be anything up to the date (even quoted with spaces), so
  // the date is found by its shape: a weekday name, then asctime's fields.
  static constexpr std::string_view kDays[] = {"Mon ", "Tue ", "Wed ", "Thu ",
                                               "Fri ", "Sat ", "Sun "};
  std::string text(line);
  for (size_t i = 5; i + 24 <= text.size(); ++i) {
    bool day = false;
    for (std::string_view d : kDays) day = day || std::string_view(text).substr(i).starts_with(d);
    if (!day || text[i - 1] != ' ') continue;
    struct tm tm = {};
    const char* end = ::strptime(text.c_str() + i, "%a %b %d %H:%M:%S %Y", &tm);
    if (end == nullptr || (*end != '\0' && *end != ' ')) continue;
    int64_t t = ::timegm(&tm);
    return t > 0 ? t : 0;
  }
  return 0;
}

int64_t MaildirNameTime(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  int64_t t = 0;
  size_t i = 0;
  for (; i < name.size() && i < 12 && std::isdigit(static_cast<unsigned char>(name[i])); ++i) {
    t = t * 10 + (name[i] - '0');
  }
  return i >= 9 && i < name.size() && name[i] == '.' ? t : 0;
}

MailboxDate MessageDate(const content::ScannedMessage& m) {
  if (m.date > 0) return {m.date, "date-header"};
  if (!m.mbox_from_line.empty()) {
    int64_t t = MboxFromLineTime(m.mbox_from_line);
    return t > 0 ? MailboxDate{t, "mbox-from-line"} : MailboxDate{};
  }
  if (int64_t t = MaildirNameTime(m.source); t > 0) return {t, "maildir-name"};
  struct stat st;
  if (m.source != "-" && ::stat(m.source.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    return {static_cast<int64_t>(st.st_mtime), "file-mtime"};
  }
  return {};
}

}  // namespace nearmiss::investigate
