// Least privilege for the daemons (single_server.h step 6), as Postfix's
// chroot_uid(3) does it: look the account up while the files that name it
// are still readable, then give up root for good after binding.
//
// Thread safety: DropPrivileges changes the credentials of every thread of
// the process (glibc broadcasts setuid/setgid to all threads, POSIX
// semantics); call it from one thread.
#ifndef NEARMISS_DAEMON_PRIVILEGES_H_
#define NEARMISS_DAEMON_PRIVILEGES_H_

#include <string>

#include "daemon/single_server.h"
#include "nearmiss/status.h"

namespace nearmiss::daemon {

// getpwnam(3) of `name`: its uid and primary gid. NotFound when there is
// no such account.
Result<RunAs> LookUpUser(const std::string& name);

// initgroups(3), setgid(2), setuid(2) to `who`, in that order (after setuid
// there is no right left to change groups), then checks that real and
// effective ids are `who`'s and that root cannot be regained. A process
// that already runs as `who` (real and effective uid and gid: a systemd
// unit's User= with the same `user` in nearmiss.toml) is left as it is:
// there is nothing to drop, and initgroups would fail with EPERM. An error
// names the call that failed and why (EPERM: not started as root).
Status DropPrivileges(const RunAs& who);

// While it lives, files the process creates are `who`'s: the effective gid
// and uid are `who`'s (setegid(2), seteuid(2)); the destructor restores
// root's. The skeleton opens the store and the spool this way, so a SQLite
// database, its -wal and -shm files and the spool file made before the
// drop belong to the user who writes them after it (and a directory that
// user cannot write fails at start, not at the first write). Does nothing
// unless the process is root and `who` is not.
// Thread safety: as DropPrivileges (the ids are the whole process's).
class FilesAs {
 public:
  explicit FilesAs(const RunAs* who);
  ~FilesAs();
  FilesAs(const FilesAs&) = delete;
  FilesAs& operator=(const FilesAs&) = delete;
  // The switch, when it was needed: Ok, or the call that failed.
  const Status& status() const { return status_; }

 private:
  bool switched_ = false;
  Status status_ = Status::Ok();
};

}  // namespace nearmiss::daemon

#endif  // NEARMISS_DAEMON_PRIVILEGES_H_
