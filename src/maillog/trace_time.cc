#include "maillog/trace_time.h"

#include <cctype>
#include <string>

#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

int Number(std::string_view s, size_t* at, size_t max_digits) {
  int v = 0;
  size_t n = 0;
  while (*at < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[*at]))) {
    v = v * 10 + (s[(*at)++] - '0');
    ++n;
  }
  return n == 0 ? -1 : v;
}

}  // namespace

int64_t TraceTime(std::string_view v, DateOrder order) {
  Stamp st;
  std::string iso(v);
  if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
  if (iso.size() == 16 && iso[10] == 'T' && iso[13] == ':') iso += ":00";  // to the minute
  iso += ' ';
  if (ReadRfc3339Stamp(iso, &st) == iso.size() - 1) {
    if (!CivilDateExists(st.year, st.month, st.day)) return -1;  // 2025-02-30: no such day
    return CivilToSeconds(st.year, st.month, st.day, st.hour, st.minute, st.second) -
           (st.zoned ? st.offset : 0);
  }
  // The date as the exporting machine's locale writes it (Export-Csv and
  // the admin center take the short date of the culture: en-US "11/3/2025",
  // en-GB "03/11/2025", de-DE "03.11.2025", nl-NL "03-11-2025", ja-JP
  // "2025/11/03"; CLDR's short date patterns). Breaker round 16 §11.
  size_t at = 0;
  int first = Number(v, &at, 4);
  if (first < 1 || at >= v.size()) return -1;
  const char sep = v[at++];
  if (sep != '/' && sep != '.' && sep != '-') return -1;
  int second_part = Number(v, &at, 2);
  if (second_part < 1 || at >= v.size() || v[at++] != sep) return -1;
  int year = Number(v, &at, 4);
  if (at >= v.size() || v[at++] != ' ') return -1;
  if (first >= 1000) {
    // Year first ("2025/11/03", "2025.11.03"): year, month, day in every
    // locale that writes it.
    if (year < 1 || year > 31) return -1;
    const int day_first = year;
    year = first;
    first = second_part;  // the month
    second_part = day_first;
    order = DateOrder::kMonthDay;
  } else if (year < 1970 || first > 31) {
    return -1;
  } else if (sep == '.' && order == DateOrder::kUnstated) {
    // A dotted date with the year last is day first wherever it is
    // written (de-DE, ru-RU, pl-PL, ...; CLDR): no order to state.
    order = DateOrder::kDayMonth;
  }
  int hour = Number(v, &at, 2);
  if (hour < 0 || at >= v.size() || v[at++] != ':') return -1;
  int minute = Number(v, &at, 2);
  if (minute < 0 || minute > 59) return -1;
  int second = 0;  // none: to the minute
  if (at < v.size() && v[at] == ':') {
    ++at;
    second = Number(v, &at, 2);
    if (second < 0 || second > 60) return -1;
  }
  std::string_view rest = v.substr(at);
  if (rest == " AM" || rest == " PM") {
    if (hour < 1 || hour > 12) return -1;
    hour = hour % 12 + (rest == " PM" ? 12 : 0);
  } else if (!rest.empty() || hour > 23) {
    return -1;
  } else if (order == DateOrder::kUnstated) {
    // 24-hour time: not Export-Csv's en-US form, so the locale that wrote
    // the date is unknown and so is which number is the day (13/11 only
    // says so for its own row, not for the file's 04/11).
    return kAmbiguousDate;
  }
  int month = order == DateOrder::kDayMonth ? second_part : first;
  int day = order == DateOrder::kDayMonth ? first : second_part;
  if (month > 12 && day <= 12 && month <= 31 && day >= 1) return kWrongOrderDate;
  if (!CivilDateExists(year, month, day)) return -1;  // 11/31, 2/29/2025: no such day
  return CivilToSeconds(year, month, day, hour, minute, second);
}

bool ToTheMinute(std::string_view v) {
  size_t colon = v.find(':');
  return colon != std::string_view::npos && v.find(':', colon + 1) == std::string_view::npos &&
         v.find_first_of("Z+", colon) == std::string_view::npos;
}

}  // namespace nearmiss::maillog
