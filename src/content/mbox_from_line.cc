#include "content/mbox_from_line.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <string>

namespace nearmiss::content {
namespace {

struct FromDate {
  size_t at = 0;   // where the date starts; 0: no date
  size_t end = 0;  // just past the year
  // Unix seconds; 0 or less for the epoch and before, which writers with
  // no time to give put there ("Thu Jan  1 00:00:00 1970"): still a date
  // of the From_ shape, so still a separator (`at`), but no delivery time.
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
    return FromDate{i, static_cast<size_t>(end - text.c_str()), ::timegm(&tm) - offset};
  }
  return {};
}

bool IsAtext(char c) {
  // RFC 5322 section 3.2.3 atext, and "." of a dot-atom.
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

// One sender token as writers put it on the From_ line: an address
// (local part a dot-atom or a quoted string, RFC 5322 3.4.1; Postfix
// local(8) quotes a local part that needs it, quote_822_local), a bare
// local name (UUCP, "From root ..."), MAILER-DAEMON for the null sender
// (Postfix mail_copy.c), or "-" (Thunderbird).
bool IsSenderToken(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  if (s.front() == '"') {
    i = 1;
    while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
    if (i >= s.size()) return false;
    ++i;
    if (i == s.size() || s[i] != '@') return false;
  }
  for (; i < s.size(); ++i) {
    if (s[i] != '@' && s[i] != '[' && s[i] != ']' && s[i] != ':' && !IsAtext(s[i])) return false;
  }
  return true;
}

// A zone word after the asctime date: "+0000", "-0500" or "UTC", "EST".
bool IsZoneWord(std::string_view w) {
  if (w.size() == 5 && (w[0] == '+' || w[0] == '-')) {
    return std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  return w.size() >= 2 && w.size() <= 5 &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

int64_t MboxFromLineTime(std::string_view line) { return std::max<int64_t>(FindDate(line).time, 0); }

bool IsMboxFromLine(std::string_view line) {
  FromDate d = FindDate(line);
  if (d.at == 0) return false;
  // The sender: something other than blanks between "From " and the date.
  return line.substr(5, d.at - 5).find_first_not_of(' ') != std::string_view::npos;
}

bool IsFullMboxFromLine(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  FromDate d = FindDate(line);
  if (d.at == 0) return false;
  // asctime's three-letter day ("Mon"), not strptime's "Monday".
  if (line.size() < d.at + 4 || line[d.at + 3] != ' ') return false;
  std::string_view sender = line.substr(5, d.at - 5);
  while (!sender.empty() && sender.front() == ' ') sender.remove_prefix(1);
  while (!sender.empty() && sender.back() == ' ') sender.remove_suffix(1);
  if (!IsSenderToken(sender)) return false;
  // After the year: nothing, a zone, and UUCP's "remote from HOST".
  std::string_view rest = line.substr(std::min(d.end, line.size()));
  auto word = [&rest]() {
    size_t b = rest.find_first_not_of(' ');
    rest.remove_prefix(b == std::string_view::npos ? rest.size() : b);
    size_t e = std::min(rest.find(' '), rest.size());
    std::string_view w = rest.substr(0, e);
    rest.remove_prefix(e);
    return w;
  };
  std::string_view w = word();
  if (IsZoneWord(w)) w = word();
  if (w == "remote") {
    if (word() != "from" || !IsSenderToken(word())) return false;
    w = word();
  }
  return w.empty();
}

}  // namespace nearmiss::content
