#include "daemon/signals.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>

#include "base/log.h"

namespace nearmiss::daemon {
namespace {

std::mutex sender_mu;
std::string last_sender;

// "pid 4711 (systemctl), uid 0 (root)": the process's name from
// /proc/PID/comm and the login of the uid, each left out when unknown.
std::string SenderOf(const siginfo_t& info) {
  if (info.si_code > 0) return "the kernel";  // kill(2), sigqueue(3), tgkill(2): <= 0
  const std::string pid = std::to_string(info.si_pid);
  std::string out = "pid ";
  out += pid;
  std::string proc = "/proc/";
  proc += pid;
  proc += "/comm";
  std::string comm;
  if (std::ifstream f(proc); f && std::getline(f, comm)) {
    out += " (";
    out += log::Untrusted(comm, 32);
    out += ")";
  }
  out += ", uid ";
  out += std::to_string(info.si_uid);
  struct passwd pw;
  struct passwd* found = nullptr;
  char buf[1024];
  if (getpwuid_r(info.si_uid, &pw, buf, sizeof buf, &found) == 0 && found != nullptr) {
    out += " (";
    out += log::Untrusted(found->pw_name, 64);
    out += ")";
  }
  return out;
}

}  // namespace

std::string LastReloadSender() {
  std::lock_guard<std::mutex> lock(sender_mu);
  return last_sender;
}

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
    siginfo_t info{};
    const int signal = sigwaitinfo(&set_, &info);
    if (signal < 0) continue;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (finished_) return;
      stopping_ = signal != SIGHUP;
    }
    if (signal == SIGHUP) {
      const std::string sender = SenderOf(info);
      log::Info("SIGHUP from " + sender);
      {
        std::lock_guard<std::mutex> lock(sender_mu);
        last_sender = sender;
      }
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
