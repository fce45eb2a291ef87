// Reloader: runs a daemon's reloads (SIGHUP) on a thread of its own,
// coalesced, so that neither a storm of SIGHUPs nor a slow compile holds up
// anything else.
//
// At most one reload runs and at most one waits: a Request() while one
// runs marks a reload pending, and every further Request() merges into
// that pending one (it reads the policy file when it starts, so it sees
// every change the merged requests were sent for). The signal thread only
// calls Request(), so it is back in sigwait(2) at once and a SIGTERM after
// a thousand SIGHUPs is taken without waiting for them. The thread runs at
// a lower CPU priority (nice +10): the compile is background work beside
// the scans, which answer an MTA that is waiting.
//
// Stop() drops a pending reload and waits only for the running one.
// StopWithin(limit) waits for it at most `limit`: a niced compile on a
// loaded machine can take seconds, and a SIGTERM must not wait for a
// policy that will never serve. When it returns false the reload is still
// running on a thread that is not joined: the caller keeps alive whatever
// `reload` uses and ends the process with _exit(2) (daemon/single_server.cc).
//
// Thread safety: Request and Stop from any thread; `reload` runs on the
// Reloader's thread only, one call at a time.
#ifndef NEARMISS_DAEMON_RELOADER_H_
#define NEARMISS_DAEMON_RELOADER_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace nearmiss::daemon {

class Reloader {
 public:
  // `reload` gets how many requests it answers (1, or more when merged).
  explicit Reloader(std::function<void(uint64_t requests)> reload);
  ~Reloader();  // Stop()
  Reloader(const Reloader&) = delete;
  Reloader& operator=(const Reloader&) = delete;

  void Request();
  void Stop();
  // True once no reload runs (the thread is joined); false if one still
  // runs after `limit`.
  bool StopWithin(std::chrono::milliseconds limit);

  // For tests and the drain log: reloads run, requests merged into one.
  uint64_t runs() const;
  uint64_t merged() const;

 private:
  void Loop();

  std::function<void(uint64_t)> reload_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  uint64_t pending_ = 0;  // requests waiting (all answered by the next run)
  uint64_t runs_ = 0;
  uint64_t merged_ = 0;
  bool stopping_ = false;
  bool running_ = false;  // reload_ is being called
  std::thread thread_;
};

}  // namespace nearmiss::daemon

#endif  // NEARMISS_DAEMON_RELOADER_H_
