// The daemon skeleton's signals (single_server.h steps 0 and 7).
//
// A daemon takes SIGHUP, SIGTERM and SIGINT on one thread of its own with
// sigwait(2), never in a handler: a reload compiles a policy and a stop
// closes listeners, neither of which a signal handler may do. For that the
// three signals must be blocked in every thread, so SignalMask blocks them
// before the skeleton starts any thread (threads inherit the mask); a
// signal that arrives during start-up waits, pending, until SignalThread
// takes it.
//
// Thread safety: SignalMask on the main thread before any other thread
// starts; SignalThread's constructor and destructor on one thread.
#ifndef NEARMISS_DAEMON_SIGNALS_H_
#define NEARMISS_DAEMON_SIGNALS_H_

#include <pthread.h>
#include <signal.h>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace nearmiss::daemon {

// Blocks SIGHUP, SIGTERM and SIGINT and ignores SIGPIPE (a peer that goes
// away must not kill the daemon: the write fails with EPIPE instead), as
// Postfix's single_server does first thing. The destructor takes any of
// the three still pending (a second SIGTERM during the drain) so that
// unblocking does not kill a daemon that stopped cleanly, then restores the
// mask and SIGPIPE.
class SignalMask {
 public:
  SignalMask();
  ~SignalMask();
  SignalMask(const SignalMask&) = delete;
  SignalMask& operator=(const SignalMask&) = delete;

  const sigset_t& set() const { return set_; }

 private:
  sigset_t set_;
  sigset_t old_;
  struct sigaction old_pipe_;
};

// The thread that takes the signals: `reload` on each SIGHUP; on the first
// SIGTERM or SIGINT it logs "stopping on SIGTERM" and calls `stop`, then
// again every 100 ms until Finished(), since a stop that lands before the
// service's loop is up can be lost (cpp-httplib's stop() does nothing
// before listen): `stop` must be idempotent.
class SignalThread {
 public:
  SignalThread(const SignalMask& mask, std::function<void()> reload,
               std::function<void()> stop);
  // Joins; call Finished() first or the thread waits for a signal.
  ~SignalThread();
  SignalThread(const SignalThread&) = delete;
  SignalThread& operator=(const SignalThread&) = delete;

  // The service's loop has returned: no more stops are needed, and a thread
  // still waiting for a signal is woken to end.
  void Finished();

 private:
  void Loop();

  sigset_t set_;
  std::function<void()> reload_;
  std::function<void()> stop_;
  std::mutex mu_;
  std::condition_variable finished_cv_;
  bool finished_ = false;
  bool stopping_ = false;  // the thread took a stop signal: no wake needed
  std::thread thread_;
};

// Who sent the last SIGHUP the SignalThread took, as the kernel says
// (siginfo's si_pid and si_uid): "pid 4711 (systemctl), uid 0 (root)"; ""
// before any. A reload is an admin's act: serve records it under this (a
// signal carries no token), and the log names it at each SIGHUP (the
// issue-14 tester, round 43, finding 6).
std::string LastReloadSender();

}  // namespace nearmiss::daemon

#endif  // NEARMISS_DAEMON_SIGNALS_H_
