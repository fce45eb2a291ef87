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
// effective ids are `who`'s and that root cannot be regained. An error
// names the call that failed and why (EPERM: not started as root).
Status DropPrivileges(const RunAs& who);

}  // namespace nearmiss::daemon

#endif  // NEARMISS_DAEMON_PRIVILEGES_H_
