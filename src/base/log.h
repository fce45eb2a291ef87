// The logging ladder of the shells (CLI, milter, serve), after Postfix's
// msg(3): info (what happened), warn (recoverable: the work goes on), error
// (this command fails; its caller returns the exit status), fatal (the
// environment is wrong: exit now), panic (an invariant broke: abort).
// The engine library never logs; its callers do.
//
// One process-wide sink, set once by main before any thread starts: text
// lines "nearmiss milter: warning: ..." or JSON objects {"time", "level",
// "program", "message"} on stderr, or syslog(3) with facility mail.
// Messages are whole lines; untrusted text inside them goes through
// Untrusted() (Postfix's "%.100s" habit) so a peer cannot forge log lines.
//
// Thread safety: Configure before threads start; the log calls may then be
// made from any thread (one write(2) or syslog(3) call per line).
#ifndef NEARMISS_BASE_LOG_H_
#define NEARMISS_BASE_LOG_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::log {

enum class Format { kText, kJson };

struct Options {
  std::string program = "nearmiss";  // "nearmiss milter", the syslog ident
  Format format = Format::kText;     // stderr only; syslog lines are text
  bool syslog = false;               // syslog(3), facility LOG_MAIL
};

// Replaces the sink; the default is text on stderr as "nearmiss".
void Configure(const Options& options);
// Parses "text" or "json"; false when unknown.
bool ParseFormat(std::string_view name, Format* out);

void Info(std::string_view message);
void Warn(std::string_view message);
void Error(std::string_view message);
// Logs and exits with status 2 (a configuration or environment error).
[[noreturn]] void Fatal(std::string_view message);
// Logs and aborts (a bug: core dump wanted).
[[noreturn]] void Panic(std::string_view message);

// `s` made safe for a log line: at most `max` bytes, cut on a UTF-8
// boundary with "…", control characters and invalid UTF-8 as '?'.
std::string Untrusted(std::string_view s, std::size_t max = 100);

}  // namespace nearmiss::log

#endif  // NEARMISS_BASE_LOG_H_
