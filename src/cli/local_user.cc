#include "cli/local_user.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace nearmiss::cli {

std::string LocalUser() {
  if (const char* sudo = std::getenv("SUDO_USER");
      geteuid() == 0 && sudo != nullptr && *sudo != '\0') {
    return std::string(sudo) + " (sudo)";
  }
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    return pw->pw_name;
  }
  return "uid " + std::to_string(geteuid());
}

}  // namespace nearmiss::cli
