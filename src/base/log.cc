#include "base/log.h"

#include <syslog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

#include "base/line_text.h"

namespace nearmiss::log {
namespace {

enum class Level { kInfo, kWarn, kError, kFatal, kPanic };

struct Sink {
  std::mutex mu;
  Options options;
};

Sink& TheSink() {
  static Sink* sink = new Sink();  // never destroyed: logging works at exit
  return *sink;
}

std::string_view LevelWord(Level level) {
  switch (level) {
    case Level::kInfo: return "info";
    case Level::kWarn: return "warning";
    case Level::kError: return "error";
    case Level::kFatal: return "fatal";
    case Level::kPanic: return "panic";
  }
  return "info";
}

void AppendJsonString(std::string_view s, std::string* out) {
  *out += '"';
  for (char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          *out += buf;
        } else {
          *out += c;
        }
    }
  }
  *out += '"';
}

std::string Now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];  // room for any int the compiler imagines
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(ms));
  return buf;
}

void Emit(Level level, std::string_view message) {
  Sink& sink = TheSink();
  std::lock_guard<std::mutex> lock(sink.mu);
  const Options& o = sink.options;
  // A message is one line: a stray newline would start a forged one.
  std::string text;
  for (char c : message) text += (c == '\n' || c == '\r') ? ' ' : c;
  if (o.syslog) {
    const int priority = level == Level::kInfo    ? LOG_INFO
                         : level == Level::kWarn  ? LOG_WARNING
                         : level == Level::kError ? LOG_ERR
                                                  : LOG_CRIT;
    if (level == Level::kInfo) {
      ::syslog(priority, "%s", text.c_str());
    } else {
      ::syslog(priority, "%s: %s", std::string(LevelWord(level)).c_str(), text.c_str());
    }
    return;
  }
  std::string line;
  if (o.format == Format::kJson) {
    line = "{\"time\":\"" + Now() + "\",\"level\":\"" + std::string(LevelWord(level)) +
           "\",\"program\":";
    AppendJsonString(o.program, &line);
    line += ",\"message\":";
    AppendJsonString(text, &line);
    line += "}\n";
  } else {
    line = o.program + ": ";
    if (level != Level::kInfo) line += std::string(LevelWord(level)) + ": ";
    line += text + "\n";
  }
  // One write per line keeps lines from several threads whole.
  for (std::size_t done = 0; done < line.size();) {
    const ssize_t n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

void Configure(const Options& options) {
  Sink& sink = TheSink();
  std::lock_guard<std::mutex> lock(sink.mu);
  sink.options = options;
  if (options.syslog) {
    // openlog keeps the pointer: the ident lives in the never-freed sink.
    ::openlog(sink.options.program.c_str(), LOG_PID | LOG_NDELAY, LOG_MAIL);
  }
}

bool ParseFormat(std::string_view name, Format* out) {
  if (name == "text") {
    *out = Format::kText;
  } else if (name == "json") {
    *out = Format::kJson;
  } else {
    return false;
  }
  return true;
}

void Info(std::string_view message) { Emit(Level::kInfo, message); }
void Warn(std::string_view message) { Emit(Level::kWarn, message); }
void Error(std::string_view message) { Emit(Level::kError, message); }

void Fatal(std::string_view message) {
  Emit(Level::kFatal, message);
  std::exit(2);
}

void Panic(std::string_view message) {
  Emit(Level::kPanic, message);
  std::abort();
}

std::string Untrusted(std::string_view s, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = Utf8SequenceLength(c);
    bool valid = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    std::string_view piece = "?";
    if (valid && !IsLineControl(s.substr(i, len))) piece = s.substr(i, len);
    if (!valid) len = 1;
    if (out.size() + piece.size() > max) {
      out += "\xE2\x80\xA6";  // …
      break;
    }
    out += piece;
    i += len;
  }
  return out;
}

}  // namespace nearmiss::log
