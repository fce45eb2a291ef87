// The Reloader coalesces: a burst of requests while a reload runs becomes
// one more reload, and Stop drops what is pending.
#include "daemon/reloader.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>

namespace nearmiss::daemon {
namespace {

using namespace std::chrono_literals;

TEST(ReloaderTest, ABurstWhileOneRunsBecomesOneMoreReload) {
  std::promise<void> started;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> calls{0};
  std::atomic<uint64_t> answered{0};
  Reloader reloader([&](uint64_t requests) {
    answered += requests;
    if (calls++ == 0) {
      started.set_value();
      released.wait();
    }
  });
  reloader.Request();
  started.get_future().wait();
  for (int i = 0; i < 200; ++i) reloader.Request();  // all while the first runs
  release.set_value();
  for (int i = 0; i < 200 && answered.load() < 201; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(answered.load(), 201u);
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(reloader.runs(), 2u);
  EXPECT_EQ(reloader.merged(), 199u);
}

TEST(ReloaderTest, StopDropsThePendingReloadAndWaitsOnlyForTheRunningOne) {
  std::promise<void> started;
  std::atomic<int> calls{0};
  Reloader reloader([&](uint64_t) {
    if (calls++ == 0) {
      started.set_value();
      std::this_thread::sleep_for(100ms);
    }
  });
  reloader.Request();
  started.get_future().wait();
  for (int i = 0; i < 50; ++i) reloader.Request();
  auto begin = std::chrono::steady_clock::now();
  reloader.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 2s);
  EXPECT_EQ(calls.load(), 1);
  reloader.Request();  // after Stop: ignored
  EXPECT_EQ(calls.load(), 1);
}

TEST(ReloaderTest, StopWithinGivesUpOnAReloadThatOutlastsTheLimit) {
  std::promise<void> started;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  Reloader reloader([&](uint64_t) {
    started.set_value();
    released.wait();
  });
  reloader.Request();
  started.get_future().wait();
  EXPECT_FALSE(reloader.StopWithin(50ms));  // still compiling
  release.set_value();
  EXPECT_TRUE(reloader.StopWithin(5s));  // done now: joined
  EXPECT_EQ(reloader.runs(), 1u);
}

TEST(ReloaderTest, StopWithinReturnsAtOnceWhenIdle) {
  Reloader reloader([](uint64_t) {});
  auto begin = std::chrono::steady_clock::now();
  EXPECT_TRUE(reloader.StopWithin(10s));
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 2s);
}

}  // namespace
}  // namespace nearmiss::daemon
