// --log-format and --syslog for the daemons: where the logging ladder
// (base/log.h) writes.
#include "base/log.h"
#include "cli/commands.h"
#include "cli/config_flags.h"

namespace nearmiss::cli {

void LogFlags::Register(CLI::App& cmd) {
  CLI::Option* option =
      cmd.add_option("--log-format", format, "Log lines on stderr: text (default) or json")
          ->check(CLI::IsMember({"text", "json"}));
  BindConfig("log_format", cmd, option, &format);
  cmd.add_flag("--syslog", syslog, "Log to syslog (facility mail) instead of stderr");
}

void LogFlags::Apply(const std::string& program) const {
  log::Options o;
  o.program = program;
  log::ParseFormat(format, &o.format);  // CLI11 has checked the name
  o.syslog = syslog;
  log::Configure(o);
}

}  // namespace nearmiss::cli
