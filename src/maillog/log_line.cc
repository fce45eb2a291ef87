#include "maillog/log_line.h"

#include <cstring>

#include "maillog/clock_step.h"
#include "maillog/container_line.h"
#include "maillog/log_zone.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

bool IsQueueIdChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// "<PRI>" (RFC 5424 6.2.1: one to three digits, 0..191): its length, 0 when
// absent.
size_t Pri(std::string_view s) {
  if (s.size() < 3 || s[0] != '<') return 0;
  size_t n = 1;
  int v = 0;
  while (n < s.size() && n <= 3 && s[n] >= '0' && s[n] <= '9') v = v * 10 + (s[n++] - '0');
  if (n == 1 || n >= s.size() || s[n] != '>' || v > 191) return 0;
  return n + 1;
}

// Splits off the next space-delimited token; false when none.
bool Token(std::string_view& rest, std::string_view* token) {
  size_t sp = rest.find(' ');
  if (sp == 0 || sp == std::string_view::npos) return false;
  *token = rest.substr(0, sp);
  rest.remove_prefix(sp + 1);
  return true;
}

// RFC 5424 6.3 STRUCTURED-DATA: "-" or one or more "[ID PARAM="VALUE"...]",
// where '"', '\' and ']' are escaped by '\' inside a value. Its length; 0
// when malformed.
size_t StructuredData(std::string_view s) {
  if (s.starts_with('-')) return 1;
  size_t i = 0;
  while (i < s.size() && s[i] == '[') {
    bool quoted = false;
    for (++i; i < s.size(); ++i) {
      char c = s[i];
      if (quoted && c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ']') {
        break;
      }
    }
    if (i >= s.size()) return 0;
    ++i;
  }
  return i;
}

// After the timestamp: "HOST TAG: TEXT" (RFC 3164 4.1.2-4.1.3). The tag is
// optional: "host -- MARK --" is framed too.
bool HostAndTag(std::string_view rest, LogLine* out) {
  // Some syslog daemons (busybox syslogd, a local socket relayed without a
  // host) write no HOST: "Nov 30 09:12:04 postfix/smtp[103]: ...". A first
  // token that ends the tag (':' or "[pid]:") is the tag, not a host.
  if (std::string_view first = rest.substr(0, rest.find(' '));
      first.size() > 1 && first.back() == ':' && first.find('/') != std::string_view::npos) {
    out->host = {};
  } else if (!Token(rest, &out->host)) {
    return false;
  }
  out->program = {};
  out->text = rest;
  size_t colon = rest.find(": ");
  size_t space = rest.find(' ');
  if (colon == std::string_view::npos || colon > space) return true;
  std::string_view tag = rest.substr(0, colon);
  size_t bracket = tag.find('[');
  out->program = bracket == std::string_view::npos ? tag : tag.substr(0, bracket);
  out->text = rest.substr(colon + 2);
  // Solaris and illumos syslogd put a message id and the facility and
  // level after the tag ("postfix/smtp[103]: [ID 197553 mail.info] QID:
  // ..."; syslog(3C), msgid(1M)): the message follows it.
  if (std::string_view t = out->text; t.starts_with("[ID ")) {
    size_t n = 4;
    while (n < t.size() && t[n] >= '0' && t[n] <= '9') ++n;
    size_t close = t.find("] ", n);
    if (n > 4 && n < t.size() && t[n] == ' ' && close != std::string_view::npos &&
        t.substr(n + 1, close - n - 1).find_first_of(" []") == std::string_view::npos &&
        t.substr(n + 1, close - n - 1).find('.') != std::string_view::npos) {
      out->text = t.substr(close + 2);
    }
  }
  return true;
}

// After APP-NAME: "PROCID MSGID SD [MSG]" (RFC 5424 6).
bool Rfc5424Rest(std::string_view rest, LogLine* out) {
  std::string_view procid, msgid;
  if (!Token(rest, &procid) || !Token(rest, &msgid)) {
    return false;
  }
  size_t sd = StructuredData(rest);
  if (sd == 0 || (sd < rest.size() && rest[sd] != ' ')) return false;
  rest.remove_prefix(sd < rest.size() ? sd + 1 : sd);
  // MSG may start with a UTF-8 byte order mark (6.4).
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  out->text = rest;
  return true;
}

// The queue id at the start of the text. Postfix's own check
// (global/mail_queue.c, mail_queue_id_ok()) accepts any non-empty run of
// up to 255 letters, digits and '_'; what it writes is narrower, and that
// keeps "warning:" and "statistics:" from passing for ids:
//   short ids: upper-case hex of any length (the microseconds and the
//     inode number in hex, so a small inode gives a short id: "3F1: ");
//   long ids (enable_long_queue_ids = yes): 12 or more letters and digits
//     of an alphabet without vowels (mail_queue.h, MQID_LG_*).
// Any other id mail_queue_id_ok() takes ("5a5", "Q5A5", "q_1": a patched
// Postfix, a log rewritten by a tool) is read as one when what follows is
// a line a delivery is made of ("to=<", "from=<", ...): such a line is
// never dropped for the shape of its id. So is an action cleanup or smtpd
// logs against a message ("milter-hold: ...; from=<a> to=<b> proto=..."):
// a held or rejected message may have no other line a delivery is made of
// (issue-16 tester round 59b, finding 3). NOQUEUE (smtpd's word for a
// command refused before any queue file) is no id.
bool DeliveryText(std::string_view t) {
  if (t.starts_with("to=<") || t.starts_with("from=<") || t.starts_with("message-id=") ||
      t.starts_with("client=") || t.starts_with("orig_to=<") || t == "removed") {
    return true;
  }
  for (std::string_view action : {"milter-hold: ", "milter-reject: ", "milter-discard: ", "hold: ",
                                  "reject: ", "discard: ", "redirect: "}) {
    if (t.starts_with(action)) return t.find(" to=<") != std::string_view::npos;
  }
  return false;
}

void QueueId(LogLine* out) {
  std::string_view t = out->text;
  size_t n = 0;
  while (n < t.size() && (IsQueueIdChar(t[n]) || t[n] == '_')) ++n;
  bool id = n >= 1 && n <= 255 && n + 1 < t.size() && t[n] == ':' && t[n + 1] == ' ';
  if (id && (t.substr(0, n) == "NOQUEUE" || !DeliveryText(t.substr(n + 2)))) {
    bool hex = true, vowel = false;
    for (size_t i = 0; i < n; ++i) {
      char c = t[i];
      hex &= (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
      vowel |= std::strchr("aeiouAEIOU", c) != nullptr;
    }
    id = hex || (n >= 12 && !vowel);
  }
  out->queue_id = id ? t.substr(0, n) : std::string_view();
  if (id) out->text = t.substr(n + 2);
}


// What a container wrote (container_line.h): a syslog line with a stamp of
// its own, whose time the runtime's replaces, or a tagged message without
// one ("postfix/smtp[1]: ..."). The stamp's year, if any, is not used, so
// the parser's year is not moved by it.
bool ContentFraming(std::string_view s, LogLine* out) {
  size_t pri = Pri(s);
  std::string_view rest = s.substr(pri);
  Stamp st;
  if (pri > 0 && rest.starts_with("1 ")) {
    rest.remove_prefix(2);
    std::string_view stamp, app;
    if (!Token(rest, &stamp) || !Token(rest, &out->host) || !Token(rest, &app) ||
        !Rfc5424Rest(rest, out)) {
      return false;
    }
    if (out->host == "-") out->host = kUnnamedHost;
    out->program = app == "-" ? std::string_view() : app;
    return true;
  }
  size_t n = ReadBsdStamp(rest, &st);
  if (n == 0) n = ReadRfc3339Stamp(rest, &st);
  if (n == 0) n = ReadFullStamp(rest, &st);
  if (n == 0) {
    // No stamp: only a program's tag may start it, never a host (any
    // word would pass for one, and the line with it).
    std::string_view first = rest.substr(0, rest.find(' '));
    if (first.size() < 2 || first.back() != ':' || first.find('/') == std::string_view::npos) {
      return false;
    }
    return HostAndTag(rest, out);
  }
  return HostAndTag(rest.substr(n + 1), out);
}

}  // namespace

std::string_view FormatName(LineFormat f) {
  switch (f) {
    case LineFormat::kRfc3164: return "rfc3164";
    case LineFormat::kRfc3164Precise: return "rfc3164-precise";
    case LineFormat::kRfc3339: return "rfc3339";
    case LineFormat::kRfc5424: return "rfc5424";
    case LineFormat::kJournalFull: return "journal-full";
    case LineFormat::kJournalUnix: return "journal-unix";
    case LineFormat::kJournalMarker: return "journal-marker";
    case LineFormat::kKubectl: return "kubectl";
    case LineFormat::kCri: return "cri";
    case LineFormat::kExchangeTracking: return "exchange-tracking";
    case LineFormat::kM365Trace: return "m365-trace";
    case LineFormat::kM365Historical: return "m365-historical";
    case LineFormat::kExchangeTrackingExport: return "exchange-tracking-export";
    case LineFormat::kNone: break;
  }
  return "none";
}

bool CarriesYear(LineFormat f) {
  return f == LineFormat::kRfc3339 || f == LineFormat::kRfc5424 ||
         f == LineFormat::kJournalFull || f == LineFormat::kJournalUnix ||
         f == LineFormat::kKubectl || f == LineFormat::kCri;
}

int LineParser::InferYear(const Stamp& st, int64_t offset) {
  // A log is written in time order: a month earlier than the last line's
  // is the next year's (Nov 20 then Jun 1: June of the next year), however
  // few months back. Lines written out of order by at most a day (at a
  // month's turn, or New Year's 31 December after 1 January's first
  // lines) keep the year that puts them just before. A day earlier within
  // the same month (lines of two hosts interleaved) moves nothing: a year
  // minus a few days is the less likely reading.
  auto at = [&](int year) {
    return CivilToSeconds(year, st.month, st.day, st.hour, st.minute, st.second) - offset;
  };
  // A step back of more than a day, up to kMaxStepBack (Jan 3 then Dec 28:
  // six days back, not 51 weeks on), is where one file of a rotated set
  // concatenated out of order ends and the older one starts: its lines
  // are dated back, and the caller warns (TakeStepBack).
  if (last_month_ == 0) {
    first_month_index_ = year_ * 12 + st.month - 1;
  } else if (int64_t t = at(year_); t < last_bsd_time_ && st.month < last_month_) {
    if (last_bsd_time_ - t <= 86400) return year_;  // out of order by moments: not moved
    if (last_bsd_time_ - t <= kMaxStepBack) {
      step_back_ = last_bsd_time_ - t;
    } else {
      ++year_;
    }
  } else if (st.month > last_month_ + 6) {
    int64_t before = at(year_ - 1);
    if (before <= last_bsd_time_ && last_bsd_time_ - before <= 86400) return year_ - 1;
    if (before <= last_bsd_time_ && last_bsd_time_ - before <= kMaxStepBack) {
      step_back_ = last_bsd_time_ - before;
      --year_;
    }
  } else if (int64_t t = at(year_); last_bsd_time_ - t > 86400 &&
                                    last_bsd_time_ - t <= kMaxStepBack) {
    step_back_ = last_bsd_time_ - t;  // back within the same year: dated as written
  }
  last_month_ = st.month;
  last_bsd_time_ = CivilToSeconds(year_, st.month, st.day, st.hour, st.minute, st.second) - offset;
  // Twelve months or more since the first line: a date could be a year off
  // either way, and nothing in the line says which.
  if (restart_span_) {
    restart_span_ = false;
    span_over_year_ = false;
    first_month_index_ = year_ * 12 + st.month - 1;
  }
  if (!span_over_year_ && year_ * 12 + st.month - 1 - first_month_index_ >= 12) {
    span_over_year_ = true;
    span_crossed_ = true;
  }
  return year_;
}

void LineParser::NoteDated(const Stamp& st, int64_t time) {
  if (last_month_ == 0) first_month_index_ = st.year * 12 + st.month - 1;
  year_ = st.year;
  last_month_ = st.month;
  last_bsd_time_ = time;
}

bool LineParser::Parse(std::string_view line, LogLine* out) {
  *out = LogLine();
  joined_.clear();
  line = AfterKubectlPrefix(line);
  if (ContainerFrame frame; !line.empty() && line[0] >= '0' && line[0] <= '9' &&
                            ReadContainerFrame(line, &frame)) {
    return ParseContainer(frame, out);
  }
  return ParseSyslog(line, out);
}

bool LineParser::ParseContainer(const ContainerFrame& f, LogLine* out) {
  const Stamp& st = f.stamp;
  const int64_t time =
      CivilToSeconds(st.year, st.month, st.day, st.hour, st.minute, st.second) - st.offset;
  // Dated: later lines without a year (the same file's, a rotated set's
  // next) carry its year on, as after any line that has one.
  NoteDated(st, time);
  last_time_ = time;
  last_zone_ = ZoneSource::kInput;
  out->format = f.kind == ContainerFrame::Kind::kCri ? LineFormat::kCri : LineFormat::kKubectl;
  out->time = time;
  out->zone = ZoneSource::kInput;  // the runtime's RFC 3339 UTC stamp
  std::string& pending = f.stream == "stderr" ? partial_err_ : partial_out_;
  if (f.partial) {
    // Recognised, and no entry until the stream's full record ends it.
    if (pending.size() + f.content.size() > kMaxPartial) {
      partial_cut_ = true;
      pending.clear();
    } else {
      pending.append(f.content);
    }
    return true;
  }
  std::string_view content = f.content;
  if (!pending.empty()) {
    joined_.swap(pending);
    pending.clear();
    joined_.append(content);
    content = joined_;
  }
  if (!ContentFraming(content, out)) {
    *out = LogLine();  // not recognised: no form, as for any other line
    return false;
  }
  QueueId(out);
  return true;
}

bool LineParser::ParseSyslog(std::string_view line, LogLine* out) {
  if (line.starts_with("-- ") && line.ends_with(" --")) {
    out->format = LineFormat::kJournalMarker;
    out->time = last_time_;
    out->zone = last_zone_;
    out->text = line;
    return true;
  }
  size_t pri = Pri(line);
  std::string_view rest = line.substr(pri);
  bool rfc5424 = pri > 0 && rest.size() > 2 && rest[0] == '1' && rest[1] == ' ';
  if (rfc5424) rest.remove_prefix(2);
  Stamp st;
  size_t n = 0;
  LineFormat format = LineFormat::kNone;
  if (rfc5424 && rest.starts_with("- ")) {
    n = 1;  // NILVALUE: no time
  } else if (rest.empty()) {
    return false;
  } else if (rest[0] >= '0' && rest[0] <= '9') {
    if ((n = ReadRfc3339Stamp(rest, &st)) != 0) {
      format = LineFormat::kRfc3339;
    } else if (pri == 0 && (n = ReadUnixStamp(rest, &st)) != 0) {
      format = LineFormat::kJournalUnix;
    }
  } else if (!rfc5424) {
    if ((n = ReadBsdStamp(rest, &st)) != 0) {
      format = n > 15 ? LineFormat::kRfc3164Precise : LineFormat::kRfc3164;
    } else if (pri == 0 && (n = ReadFullStamp(rest, &st)) != 0) {
      format = LineFormat::kJournalFull;
    }
  }
  if (n == 0 || (rfc5424 && format != LineFormat::kRfc3339 && n != 1)) return false;
  rest.remove_prefix(n + 1);
  if (rfc5424) {
    std::string_view app;
    if (!Token(rest, &out->host) || !Token(rest, &app) || !Rfc5424Rest(rest, out)) {
      return false;
    }
    if (out->host == "-") out->host = kUnnamedHost;
    out->program = app == "-" ? std::string_view() : app;
    format = LineFormat::kRfc5424;
  } else if (!HostAndTag(rest, out)) {
    return false;
  }
  out->format = format;
  out->zone = ZoneSource::kInput;
  out->time_unknown = false;
  out->clock_unset = false;
  out->clock_ahead = false;
  if (n == 1 && rfc5424 && st.month == 0 && st.unix_time < 0) {
    // NILVALUE: no time, and none borrowed from the line before; the
    // year and last_time_ stay as they were.
    out->time = 0;
    out->time_unknown = true;
    QueueId(out);
    return true;
  } else if (st.unix_time >= 0) {
    out->time = st.unix_time;
  } else {
    int year = st.year;
    int64_t offset = st.zoned ? st.offset : 0;
    if (!st.zoned) out->zone = ZoneSource::kRunZone;
    if (st.zoned && st.year != 0 && in_zone_) {
      const int64_t utc =
          CivilToSeconds(st.year, st.month, st.day, st.hour, st.minute, st.second) - st.offset;
      // Once an hour and offset: lines come in time order.
      if (utc / 3600 != checked_hour_ || st.offset != checked_offset_) {
        checked_hour_ = utc / 3600;
        checked_offset_ = st.offset;
        if (LogZoneOffsetAt(utc) != st.offset) {
          offset_seen_ = true;
          last_offset_ = st.offset;
        }
      }
    }
    if (!st.zoned && in_zone_ && !st.abbreviation.empty()) {
      // short-full's abbreviation names the offset among the zone's
      // (log_zone.h); one the zone never writes then says the line was
      // written in another zone (issue-16 tester round 47, finding 7).
      const int64_t wall = CivilToSeconds(year != 0 ? year : year_, st.month, st.day, st.hour,
                                          st.minute, st.second);
      int64_t utc = 0;
      if (!AbbreviatedToUtc(wall, st.abbreviation, &utc) && abbreviation_mismatches_++ == 0) {
        first_mismatch_abbreviation_ = st.abbreviation;
      }
      offset = wall - utc;
    } else if (!st.zoned && in_zone_ && !LogZoneIsUtc()) {
      // The host's wall clock (log_zone.h): its offset at the time written.
      const int64_t wall = CivilToSeconds(year != 0 ? year : year_, st.month, st.day, st.hour,
                                          st.minute, st.second);
      offset = wall - ZonelessToUtc(wall);
      odd_wall_ = ClassifyWall(wall);
    }
    if (year == 0) {
      year = InferYear(st, offset);
      if (st.month == 2 && st.day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
        impossible_year_ = year;
      }
    }
    out->time = CivilToSeconds(year, st.month, st.day, st.hour, st.minute, st.second) - offset;
    if (st.year != 0 && out->time >= kClockFloor && out->time <= clock_ceiling_) {
      NoteDated(st, out->time);
    }
  }
  if ((out->time < kClockFloor || out->time > clock_ceiling_) &&
      (st.year != 0 || st.unix_time >= 0)) {
    // Written by a clock set wrong: unset (clock_step.h kClockFloor) or
    // ahead (kClockAllowance): no time, neither the year nor last_time_
    // moved by it.
    out->clock_ahead = out->time > clock_ceiling_;
    out->time = 0;
    out->clock_unset = true;
    QueueId(out);
    return true;
  }
  last_time_ = out->time;
  last_zone_ = out->zone;
  QueueId(out);
  return true;
}

}  // namespace nearmiss::maillog
