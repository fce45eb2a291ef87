// Who ran a command, for the records that name a person: `learn --confirm`'s
// event (learn_run.cc) and the admin token `serve` makes for a run started
// without one (serve_command.cc).
//
// Thread safety: reads the process's environment and the password
// database; call from main's thread.
#ifndef NEARMISS_CLI_LOCAL_USER_H_
#define NEARMISS_CLI_LOCAL_USER_H_

#include <string>

namespace nearmiss::cli {

// The login a sudo to root came from ("ann (sudo)"), else the effective
// user's login, else "uid N". SUDO_USER is only an environment variable:
// believed only when running as root, where sudo set it (a user's own
// shell can set it to anyone; stop 37's issue 14 tester, item 7).
std::string LocalUser();

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_LOCAL_USER_H_
