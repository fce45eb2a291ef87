// Exchange's message tracking logs (tracking_log_names.h): Exchange numbers
// a day's (an hour's) files from 1 and starts the next only when one
// reaches its maximum size (Set-TransportService
// -MessageTrackingLogMaxFileSize; Microsoft's "Message tracking" page), so
// a number below the highest one given is a file of that day; and it starts
// a log for each UTC day it writes an event in, which a server in use does
// every day, its own health probes too (round 48's tester 16, finding 3).
// The names are read with a compression suffix (MSGTRK20251103-1.LOG.gz, as
// logs are moved off a Windows server) and a server's name around them
// (EX02_MSGTRK..., MSGTRK...-1_EX02.LOG): both passed with no check (round
// 49's tester 16, findings 1 and 2).
#include "investigate/tracking_log_names.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "maillog/rotation_name.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

bool IsDigit(char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }

std::string Upper(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

// The tail without its compression suffix: one day's -1.LOG.gz and -2.LOG
// are one set.
std::string TailKey(const std::string& tail) {
  const std::string up = Upper(tail);
  return up.ends_with(".GZ") ? up.substr(0, up.size() - 3) : up;
}

std::string FileName(const TrackingLogName& n, const std::string& stamp, int number) {
  return n.series + stamp + "-" + std::to_string(number) + n.tail;
}

}  // namespace

TrackingLogName ReadTrackingLogName(const std::string& path) {
  TrackingLogName out;
  const size_t slash = path.find_last_of('/');
  const std::string dir = path.substr(0, slash == std::string::npos ? 0 : slash + 1);
  const std::string name = path.substr(dir.size());
  const std::string up = Upper(name);
  const size_t gz = up.ends_with(".GZ") ? 3 : 0;
  const std::string base = up.substr(0, up.size() - gz);
  if (!base.ends_with(".LOG")) return out;
  const size_t at = up.find("MSGTRK");
  if (at == std::string::npos) return out;
  // A server's name before MSGTRK ends in a separator (EX02_MSGTRK).
  if (at > 0 && std::isalnum(static_cast<unsigned char>(up[at - 1])) != 0) return out;
  size_t pos = at + 6;
  for (const char* kind : {"MS", "MD", "SA"}) {
    if (up.compare(pos, 2, kind) == 0 && pos + 2 < up.size() && IsDigit(up[pos + 2])) pos += 2;
  }
  size_t digits = pos;
  while (digits < base.size() && IsDigit(base[digits])) ++digits;
  if (digits - pos != 8 && digits - pos != 10) return out;
  if (digits >= base.size() || base[digits] != '-') return out;
  size_t end = digits + 1;
  while (end < base.size() && IsDigit(base[end])) ++end;
  if (end == digits + 1 || end - digits - 1 > 4) return out;
  // Between the number and .LOG: nothing, or a server's name after a
  // separator (-1_EX02.LOG).
  const size_t log_at = base.size() - 4;
  if (end != log_at && (end > log_at || (base[end] != '_' && base[end] != '-' && base[end] != '.'))) {
    return out;
  }
  out.series = dir + name.substr(0, pos);
  out.stamp = name.substr(pos, digits - pos);
  out.number = std::stoi(name.substr(digits + 1, end - digits - 1));
  out.tail = name.substr(end);
  return out;
}

void InstanceHoles(const Report& rep, std::vector<std::string>& out) {
  // A day's (an hour's) set -> its numbers, and the name of its highest.
  std::map<std::string, std::pair<std::set<int>, TrackingLogName>> days;
  for (const maillog::LineCounts& c : rep.logs) {
    TrackingLogName n = ReadTrackingLogName(c.file);
    if (n.number <= 0) continue;
    auto& [numbers, highest] = days[n.series + n.stamp + "|" + TailKey(n.tail)];
    if (numbers.empty() || n.number > *numbers.rbegin()) highest = n;
    numbers.insert(n.number);
  }
  for (const auto& [key, entry] : days) {
    const auto& [numbers, highest] = entry;
    // "H-1.LOG, H-3.LOG to H-9.LOG": runs of numbers as ranges.
    std::string missing;
    const int high = *numbers.rbegin();
    for (int n = 1; n < high; ++n) {
      if (numbers.count(n) != 0) continue;
      int end = n;
      while (end + 1 < high && numbers.count(end + 1) == 0) ++end;
      missing += missing.empty() ? "" : ", ";
      missing += FileName(highest, highest.stamp, n);
      if (end != n) missing += " to " + FileName(highest, highest.stamp, end);
      n = end;
    }
    if (missing.empty()) continue;
    std::string t = missing;
    t += " not among the files given (";
    t += FileName(highest, highest.stamp, high);
    t += " is given: Exchange numbers a day's tracking logs from 1 and starts the next only when "
         "one is full, so the lower numbers were written and hold events of that day)";
    out.push_back(std::move(t));
  }
}

namespace {

// The server a joined or renamed tracking log's name gives: the name
// without its date, extension and compressor's suffix ("EX01" for
// EX01-2025-11-03.log and EX01.log), as written.
std::string NameServer(const std::string& path) {
  std::string base = maillog::ReadRotationName(path).base;
  base.erase(0, base.find_last_of('/') + 1);
  if (const size_t dot = base.find('.'); dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

// The servers credited with a part's day: each its rows name in a tenth of
// their rows at least (a stray row naming another server credits none).
std::vector<std::string> DayServers(const maillog::LineCounts::ExchangeDay& d) {
  uint64_t rows = 0;
  for (const auto& [name, n] : d.servers) rows += n;
  std::vector<std::string> out;
  for (const auto& [name, n] : d.servers) {
    if (n * 10 >= rows) out.push_back(name);
  }
  return out;
}

}  // namespace

std::string TrackingLogSource(const maillog::LineCounts& c) {
  if (c.exchange_days.empty()) return "";
  if (const TrackingLogName n = ReadTrackingLogName(c.file); n.number > 0) {
    std::string tail = n.tail;
    if (Upper(tail).ends_with(".GZ")) tail.resize(tail.size() - 3);
    return n.series + "*" + tail;
  }
  const std::string server = TrackingLogServer(c);
  return "server " + (server.empty() ? NameServer(c.file) : server);
}

std::string TrackingLogServer(const maillog::LineCounts& c) {
  // The server most rows name over the file's parts (DayServers' counts),
  // as first written.
  std::map<std::string, std::pair<std::string, uint64_t>> rows;  // by upper case
  for (const maillog::LineCounts::ExchangeDay& d : c.exchange_days) {
    for (const auto& [name, k] : d.servers) {
      auto& [shown, n] = rows[Upper(name)];
      if (shown.empty()) shown = name;
      n += k;
    }
  }
  std::string best;
  uint64_t most = 0;
  for (const auto& [key, entry] : rows) {
    if (entry.second > most) {
      best = entry.first;
      most = entry.second;
    }
  }
  return best;
}

void DatedDayHoles(const Report& rep, std::vector<std::string>& out) {
  // Tracking logs whose names are no MSGTRK names (joined into one file,
  // renamed "EX01-2025-11-03.log"): the days their "#Date:" lines name,
  // per server, a day between two of them with none a gap (round 50's
  // tester 16, finding 1). The server is the one a part's rows name as
  // logging them, else the one the file's name gives: never a folder's or
  // a run's union, where another server's file of the day hid one's gap
  // (round 51's tester 16, finding 2).
  struct Server {
    std::string shown;  // as first written
    bool by_name = false;
    std::map<int64_t, std::string> days;  // day -> the file naming it
  };
  std::map<std::string, Server> servers;  // by its name in lower case
  for (const maillog::LineCounts& c : rep.logs) {
    if (c.exchange_days.empty() || ReadTrackingLogName(c.file).number > 0) continue;
    for (const maillog::LineCounts::ExchangeDay& d : c.exchange_days) {
      std::vector<std::string> named = DayServers(d);
      const bool by_name = named.empty();
      if (by_name) named.push_back(NameServer(c.file));
      for (const std::string& name : named) {
        std::string key = name;
        for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        Server& s = servers[key];
        if (s.shown.empty()) {
          s.shown = name;
          s.by_name = by_name;
        }
        s.days.try_emplace(d.day, c.file);
      }
    }
  }
  auto day = [](int64_t t) { return maillog::FormatTime(t).substr(0, 10); };
  for (const auto& [key, server] : servers) {
    const auto& days = server.days;
    for (auto it = days.begin(); it != days.end() && std::next(it) != days.end(); ++it) {
      const auto& [a, file_a] = *it;
      const auto& [b, file_b] = *std::next(it);
      if (b - a <= 86400) continue;
      std::string t = "server " + server.shown + "'s Exchange tracking log of " + day(a + 86400);
      if (b - a > 2 * 86400) t += " to " + day(b - 86400);
      t += file_a == file_b ? " (the #Date: lines of " + file_a + " name " + day(a) + " and " + day(b)
                            : " (the #Date: line of " + file_a + " names " + day(a) + ", that of " +
                                  file_b + " " + day(b);
      t += server.by_name ? ", the server as the files' names give it"
                          : ", the server as their rows name it";
      t += ", none between: Exchange starts a log for each day it writes an event in, and a "
           "server in use writes every day; the part was not given, or that day had no event)";
      out.push_back(std::move(t));
    }
  }
}

void DayHoles(const Report& rep, std::vector<std::string>& out) {
  // One server's series -> the start of each day or hour given, and a name
  // of the set to write the missing ones after.
  std::map<std::string, std::pair<std::set<int64_t>, TrackingLogName>> series;
  for (const maillog::LineCounts& c : rep.logs) {
    TrackingLogName n = ReadTrackingLogName(c.file);
    if (n.number <= 0) continue;
    const int64_t t = maillog::CivilToSeconds(std::stoi(n.stamp.substr(0, 4)),
                                              std::stoi(n.stamp.substr(4, 2)),
                                              std::stoi(n.stamp.substr(6, 2)), 0, 0, 0);
    auto& [starts, shape] = series[n.series + "|" + TailKey(n.tail)];
    starts.insert(t);
    shape = std::move(n);
  }
  // Every server's holes under one explanation: with a day missing on each
  // of 25 servers, 25 copies of it filled page 1 of the PDF (round 49's
  // tester 16, finding 10). The first few named, the rest counted.
  std::vector<std::string> missing;
  std::string between;  // the first hole's two days given
  for (const auto& [key, entry] : series) {
    const auto& [starts, shape] = entry;
    const int64_t step = 86400;
    const bool hourly = shape.stamp.size() == 10;
    auto day_of = [&](int64_t t) {
      std::string stamp = maillog::FormatTime(t);  // "2025-11-05T00:00:00"
      std::string day = stamp.substr(0, 4) + stamp.substr(5, 2) + stamp.substr(8, 2);
      if (hourly) day += "HH";
      return day;
    };
    for (auto it = starts.begin(); std::next(it) != starts.end(); ++it) {
      const int64_t a = *it, b = *std::next(it);
      if (b - a <= step) continue;
      std::string t = FileName(shape, day_of(a + step), 1);
      if (b - a > 2 * step) t += " to " + FileName(shape, day_of(b - step), 1);
      if (between.empty()) {
        // The day's files, any number.
        between = shape.series + day_of(a) + "-*" + shape.tail + " and " + shape.series +
                  day_of(b) + "-*" + shape.tail;
      }
      missing.push_back(std::move(t));
    }
  }
  if (missing.empty()) return;
  constexpr size_t kNamed = 3;
  std::string t;
  for (size_t i = 0; i < missing.size() && i < kNamed; ++i) {
    t += i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ";
    t += missing[i];
  }
  if (missing.size() > kNamed) {
    const size_t rest = missing.size() - kNamed;
    t += " and " + std::to_string(rest) + (rest == 1 ? " more such gap" : " more such gaps");
  }
  t += " not among the files given (";
  t += missing.size() == 1 ? between + " are" : "each between two days given, as " + between + " are";
  t += ": Exchange starts a tracking log for each day it writes an event in, and a server in use "
       "writes every day, its own health probes too; the file was not given, or that day had no "
       "event)";
  out.push_back(std::move(t));
}

}  // namespace nearmiss::investigate
