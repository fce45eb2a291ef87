// Tells systemd where a daemon is in its life (sd_notify(3)), so a unit of
// Type=notify is "active" only once the daemon listens: `systemctl start`
// returns then, Postfix (ordered After= the milter) starts then, and a
// `systemctl reload` is not sent to a process still loading its libraries,
// where no signal handler can guard it yet.
//
//   NotifyReady     READY=1 and STATUS=, once every listener is bound
//   NotifyReloading RELOADING=1 and MONOTONIC_USEC= (systemd 253's
//                   Type=notify-reload protocol; older systemd ignores it),
//                   when a SIGHUP reload starts; NotifyReady when it ends
//   NotifyStopping  STOPPING=1, when the drain starts
//
// Outside systemd ($NOTIFY_SOCKET unset) each call does nothing. Errors of
// the notification socket are ignored: systemd's own timeout
// (TimeoutStartSec) reports a daemon that never said it was ready.
// Thread safety: callable from any thread (sd_notify opens its own socket
// per call).
#ifndef NEARMISS_DAEMON_SERVICE_MANAGER_H_
#define NEARMISS_DAEMON_SERVICE_MANAGER_H_

#include <string_view>

namespace nearmiss::daemon {

void NotifyReady(std::string_view status);
void NotifyReloading();
void NotifyStopping();

}  // namespace nearmiss::daemon

#endif  // NEARMISS_DAEMON_SERVICE_MANAGER_H_
