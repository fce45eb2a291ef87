// Which syslog tags are Postfix's (log_line.h, IsPostfixProgram).
#include <string_view>

#include "maillog/log_line.h"

namespace nearmiss::maillog {

bool IsPostfixProgram(std::string_view p) {
  if (p.starts_with("postfix")) {
    std::string_view rest = p.substr(7);
    if (rest.empty() || rest[0] == '/' || rest[0] == '-') return true;
  }
  // Any syslog_name (multiple instances: "mta-out/smtp", "mx/submission/
  // smtpd"): Postfix tags its lines syslog_name "/" the program's name
  // (util/msg_syslog.c), so a tag "NAME/.../PROGRAM" whose last part is a
  // Postfix program is Postfix's (issue-16 tester round 35, defect 3).
  // The programs of Postfix 3.7's libexec and bin (postfix-files).
  size_t slash = p.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  static constexpr std::string_view kPrograms[] = {
      "anvil",    "bounce",   "cleanup",  "discard",   "dnsblog",    "error",     "flush",
      "lmtp",     "local",    "master",   "oqmgr",     "pickup",     "pipe",      "postdrop",
      "postlogd", "postqueue", "postscreen", "postsuper", "proxymap", "qmgr",     "qmqpd",
      "scache",   "sendmail", "showq",    "smtp",      "smtpd",      "spawn",     "tlsmgr",
      "tlsproxy", "trivial-rewrite", "verify", "virtual", "postfix-script", "postmulti",
      "postlog"};
  std::string_view program = p.substr(slash + 1);
  for (std::string_view k : kPrograms) {
    if (program == k) return true;
  }
  return false;
}

}  // namespace nearmiss::maillog
