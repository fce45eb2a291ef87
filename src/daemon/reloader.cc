#include "daemon/reloader.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace nearmiss::daemon {

Reloader::Reloader(std::function<void(uint64_t)> reload) : reload_(std::move(reload)) {
  thread_ = std::thread([this] { Loop(); });
}

Reloader::~Reloader() { Stop(); }

void Reloader::Request() {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return;
  if (pending_ > 0) ++merged_;
  ++pending_;
  cv_.notify_one();
}

void Reloader::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    pending_ = 0;
    cv_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

bool Reloader::StopWithin(std::chrono::milliseconds limit) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    stopping_ = true;
    pending_ = 0;
    cv_.notify_all();
    if (!cv_.wait_for(lock, limit, [this] { return !running_; })) return false;
  }
  if (thread_.joinable()) thread_.join();
  return true;
}

uint64_t Reloader::runs() const {
  std::lock_guard<std::mutex> lock(mu_);
  return runs_;
}

uint64_t Reloader::merged() const {
  std::lock_guard<std::mutex> lock(mu_);
  return merged_;
}

void Reloader::Loop() {
  // Linux applies setpriority(PRIO_PROCESS, tid) to the one thread.
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stopping_ || pending_ > 0; });
    if (stopping_) return;
    uint64_t requests = pending_;
    pending_ = 0;
    ++runs_;
    running_ = true;
    lock.unlock();
    reload_(requests);
    lock.lock();
    running_ = false;
    cv_.notify_all();  // StopWithin waits for this
  }
}

}  // namespace nearmiss::daemon
