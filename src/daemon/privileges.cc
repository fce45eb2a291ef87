#include "daemon/privileges.h"

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "base/log.h"

namespace nearmiss::daemon {
namespace {

Status CallFailed(const RunAs& who, const char* call) {
  return Status::IoError("cannot switch to user " + who.name + ": " + call + ": " +
                         std::strerror(errno));
}

}  // namespace

Result<RunAs> LookUpUser(const std::string& name) {
  long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
  std::vector<char> buf(size > 0 ? static_cast<size_t>(size) : 16384);
  struct passwd pw;
  struct passwd* found = nullptr;
  int rc = ::getpwnam_r(name.c_str(), &pw, buf.data(), buf.size(), &found);
  if (found == nullptr) {
    if (rc != 0) {
      return Status::IoError("cannot look up user " + name + ": " + std::strerror(rc));
    }
    return Status::NotFound("no such user: " + name);
  }
  return RunAs{name, pw.pw_uid, pw.pw_gid};
}

Status DropPrivileges(const RunAs& who) {
  if (::getuid() == who.uid && ::geteuid() == who.uid && ::getgid() == who.gid &&
      ::getegid() == who.gid) {
    return Status::Ok();
  }
  if (::initgroups(who.name.c_str(), who.gid) != 0) return CallFailed(who, "initgroups");
  if (::setgid(who.gid) != 0) return CallFailed(who, "setgid");
  if (::setuid(who.uid) != 0) return CallFailed(who, "setuid");
  if (::getuid() != who.uid || ::geteuid() != who.uid || ::getgid() != who.gid ||
      ::getegid() != who.gid) {
    return Status::Internal("cannot switch to user " + who.name + ": ids did not change");
  }
  // setuid as root sets the saved id too; were it not so, this would work.
  if (who.uid != 0 && ::setuid(0) == 0) {
    return Status::Internal("cannot switch to user " + who.name + ": root could be regained");
  }
  return Status::Ok();
}

FilesAs::FilesAs(const RunAs* who) {
  if (who == nullptr || who->uid == 0 || ::geteuid() != 0) return;
  if (::setegid(who->gid) != 0) {
    status_ = CallFailed(*who, "setegid");
    return;
  }
  if (::seteuid(who->uid) != 0) {
    status_ = CallFailed(*who, "seteuid");
    if (::setegid(::getgid()) != 0) log::Error("cannot restore the group id: " + std::string(std::strerror(errno)));
    return;
  }
  switched_ = true;
}

FilesAs::~FilesAs() {
  if (!switched_) return;
  // The saved uid is still 0 (only seteuid was called), so this succeeds;
  // DropPrivileges checks every id again before the daemon serves.
  if (::seteuid(0) != 0 || ::setegid(::getgid()) != 0) {
    log::Error("cannot restore root's ids after opening files as the daemon's user: " +
               std::string(std::strerror(errno)));
  }
}

}  // namespace nearmiss::daemon
