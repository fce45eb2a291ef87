#include "investigate/server_coverage.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/text_format.h"
#include "investigate/tracking_log_names.h"
#include "maillog/shown_time.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

std::string UtcDay(int64_t t) { return maillog::FormatTime(t).substr(0, 10); }

void WidenSpan(ServerSpan& s, int64_t first, maillog::ZoneSource first_zone, int64_t last,
               maillog::ZoneSource last_zone, const std::string& file) {
  if (s.first == 0 || first < s.first) {
    s.first = first;
    s.first_zone = first_zone;
    s.first_file = file;
  }
  if (last > s.last) {
    s.last = last;
    s.last_zone = last_zone;
    s.last_file = file;
  }
}

}  // namespace

std::vector<ServerSpan> ServerSpans(const Report& rep) {
  std::map<std::string, ServerSpan> servers, hosts;
  for (const maillog::LineCounts& c : rep.logs) {
    if (c.first_time != 0 && c.last_time != 0) {
      if (std::string source = TrackingLogSource(c); !source.empty()) {
        // One server whatever the case its rows or names write it in.
        std::string key = source;
        for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        ServerSpan& s = servers[key];
        if (!s.source.empty()) source = s.source;  // as first written
        s.source = source;
        s.exchange = true;
        ++s.files;
        WidenSpan(s, c.first_time, c.first_zone, c.last_time, c.last_zone, c.file);
      }
    }
    for (const maillog::LineCounts::HostSpan& h : c.host_spans) {
      ServerSpan& s = hosts[h.host];
      s.source = "Postfix host " + h.host;
      WidenSpan(s, h.first, h.first_zone, h.last, h.last_zone, c.file);
    }
  }
  std::vector<ServerSpan> out;
  for (const auto* kind : {&servers, &hosts}) {
    if (kind->size() < 2) continue;
    for (const auto& [name, s] : *kind) out.push_back(s);
  }
  return out;
}

std::string ServerCoverageText(const Report& rep) {
  const std::vector<ServerSpan> spans = ServerSpans(rep);
  bool differ = false;
  for (const ServerSpan& s : spans) {
    differ = differ || UtcDay(s.first) != UtcDay(spans.front().first) ||
             UtcDay(s.last) != UtcDay(spans.front().last);
  }
  if (!differ) return "";
  std::string out;
  for (const ServerSpan& s : spans) {
    out += out.empty() ? "" : "; ";
    out += s.source + " " + maillog::ShownTime(s.first, s.first_zone) + " to " +
           maillog::ShownTime(s.last, s.last_zone);
    if (s.exchange) out += " (" + Counted(s.files, "file") + ")";
  }
  return out;
}

void ServerGaps(const Report& rep, std::vector<std::string>& out) {
  std::vector<ServerSpan> spans = ServerSpans(rep);
  std::erase_if(spans, [](const ServerSpan& s) { return !s.exchange; });
  for (const ServerSpan& s : spans) {
    const ServerSpan* first = nullptr;  // the peer logging earliest, latest
    const ServerSpan* last = nullptr;
    for (const ServerSpan& p : spans) {
      if (&p == &s || p.first > s.last || p.last < s.first) continue;
      if (first == nullptr || p.first < first->first) first = &p;
      if (last == nullptr || p.last > last->last) last = &p;
    }
    if (first == nullptr) continue;
    auto say = [&](int64_t from, maillog::ZoneSource from_zone, int64_t to,
                   maillog::ZoneSource to_zone, std::string from_text, std::string to_text) {
      std::string t = s.source + ": no event in this server's tracking logs for " +
                      Counted(static_cast<uint64_t>((to - from) / 86400), "day") + " (" + UtcDay(from) +
                      " to " + UtcDay(to) + "), from " + maillog::ShownTime(from, from_zone) +
                      " (" + from_text + ") to " + maillog::ShownTime(to, to_zone) + " (" +
                      to_text +
                      ") while the other servers' logs run on: a server in use writes an event "
                      "every day (its health probes too), so its logs of those days were not "
                      "given, or it stopped; what it sent then is in no log given";
      out.push_back(std::move(t));
    };
    if (s.first - first->first > kServerGapSeconds) {
      say(first->first, first->first_zone, s.first, s.first_zone,
          "the other servers' first, in " + first->first_file,
          "its first, in " + s.first_file);
    }
    if (last->last - s.last > kServerGapSeconds) {
      say(s.last, s.last_zone, last->last, last->last_zone, "its last, in " + s.last_file,
          "the other servers' last, in " + last->last_file);
    }
  }
}

}  // namespace nearmiss::investigate
