#include "daemon/signals.h"

#include <chrono>
#include <string>

#include "base/log.h"

namespace nearmiss::daemon {

SignalMask::SignalMask() {
  sigemptyset(&set_);
  for (int s : {SIGHUP, SIGTERM, SIGINT}) sigaddset(&set_, s);
  pthread_sigmask(SIG_BLOCK, &set_, &old_);
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPIPE, &ignore, &old_pipe_);
}

SignalMask::~SignalMask() {
  const timespec now{0, 0};
  while (sigtimedwait(&set_, nullptr, &now) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  sigaction(SIGPIPE, &old_pipe_, nullptr);
}

SignalThread::SignalThread(const SignalMask& mask, std::function<void()> reload,
                           std::function<void()> stop)
    : set_(mask.set()), reload_(std::move(reload)), stop_(std::move(stop)) {
  thread_ = std::thread([this] { Loop(); });
}

SignalThread::~SignalThread() {
  Finished();
  thread_.join();
}

void SignalThread::Finished() {
  std::lock_guard<std::mutex> lock(mu_);
  if (finished_) return;
  finished_ = true;
  finished_cv_.notify_all();
  // Thread-directed, so it is this thread's sigwait that returns; pending
  // until then if the thread is busy reloading.
  if (!stopping_) pthread_kill(thread_.native_handle(), SIGTERM);
}

void SignalThread::Loop() {
  for (;;) {
    int signal = 0;
    if (sigwait(&set_, &signal) != 0) continue;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (finished_) return;
      stopping_ = signal != SIGHUP;
    }
    if (signal == SIGHUP) {
      reload_();
      continue;
    }
    log::Info(std::string("stopping on ") + (signal == SIGINT ? "SIGINT" : "SIGTERM"));
    std::unique_lock<std::mutex> lock(mu_);
    while (!finished_) {
      lock.unlock();
      stop_();
      lock.lock();
      finished_cv_.wait_for(lock, std::chrono::milliseconds(100), [this] { return finished_; });
    }
    return;
  }
}

}  // namespace nearmiss::daemon
