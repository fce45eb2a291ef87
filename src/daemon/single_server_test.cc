// The daemon skeleton: its steps run in their fixed order around a fake
// service, signals reach the service through the signal thread, the drain
// writes what the journal holds to the store, a failed step ends with
// status 2, and (as root) privileges are gone before the service runs.
#include "daemon/single_server.h"

#include <gtest/gtest.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

namespace nearmiss::daemon {
namespace {

// What happened, in order: steps by StepName, service calls capitalised.
class Events {
 public:
  void Add(std::string e) {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(std::move(e));
    cv_.notify_all();
  }
  // Waits (at most 10 s, so a broken skeleton fails rather than hangs).
  bool WaitFor(const std::string& e) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] {
      return std::find(events_.begin(), events_.end(), e) != events_.end();
    });
  }
  std::vector<std::string> Get() {
    std::lock_guard<std::mutex> lock(mu_);
    return events_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> events_;
};

class FakeService final : public Service {
 public:
  FakeService(Events* events, std::function<void()> run, Status bind = Status::Ok())
      : events_(events), run_(std::move(run)), bind_(std::move(bind)) {}
  Status Bind(const RunAs*) override {
    events_->Add("Bind");
    if (on_bind) on_bind();
    return bind_;
  }
  std::string Where() const override { return "fake:0"; }
  void Run() override {
    events_->Add("Run");
    run_();
    events_->WaitFor("Stop");
    events_->Add("Run returns");
  }
  void Stop() override {
    if (!stopped_.exchange(true)) events_->Add("Stop");  // it repeats until Run returns
  }
  Status Reload() override {
    events_->Add("Reload");
    return Status::Ok();
  }

  std::function<void()> on_bind;

 private:
  Events* events_;
  std::function<void()> run_;
  Status bind_;
  std::atomic<bool> stopped_{false};
};

class SingleServerTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nearmiss-single-server-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    options_.name = "test";
    options_.spool.dir = (dir_ / "spool").string();
    options_.on_step = [this](Step s) { events_.Add(std::string(StepName(s))); };
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  SingleServerOptions options_;
  Events events_;
};

TEST_F(SingleServerTest, StepsRunInOrderAndSigtermDrainsTheJournal) {
  options_.store_url = (dir_ / "nearmiss.db").string();
  // Made on purpose first, as learn (or the package's learn --prune) does.
  ASSERT_TRUE(Store::Open(options_.store_url).ok());
  int rc = RunSingleServer(options_, [this](const Resources& r)
                                         -> Result<std::unique_ptr<Service>> {
    events_.Add("make service");
    EXPECT_NE(r.store, nullptr);
    EXPECT_NE(r.engines, nullptr);
    EXPECT_NE(r.journal, nullptr);
    std::shared_ptr<journal::StoreWriter> journal = r.journal;
    return std::unique_ptr<Service>(std::make_unique<FakeService>(&events_, [journal] {
      DecisionRecord record;
      record.time_ms = 1'700'000'000'000;
      record.source = "test";
      record.sender = "alice@mod.gov.uk";
      record.action = "accept";
      journal->Record(record);  // queued: in the store by the time the skeleton returns
      ::kill(::getpid(), SIGTERM);
    }));
  });
  EXPECT_EQ(rc, 0);
  std::vector<std::string> want = {"open store",    "compile engine",  "open journal",
                                   "start refresher", "make service",  "bind",
                                   "Bind",          "drop privileges", "install signals",
                                   "run",           "Run",             "Stop",
                                   "Run returns",   "drain"};
  EXPECT_EQ(events_.Get(), want);

  Result<std::unique_ptr<Store>> store = Store::Open(options_.store_url);
  ASSERT_TRUE(store.ok()) << store.error().message();
  Result<AuditCounts> counts = (*store)->CountAudit({});
  ASSERT_TRUE(counts.ok()) << counts.error().message();
  EXPECT_EQ(counts->total, 1);
}

TEST_F(SingleServerTest, SighupReloadsAndServingGoesOnUntilSigterm) {
  int rc = RunSingleServer(options_, [this](const Resources& r)
                                         -> Result<std::unique_ptr<Service>> {
    EXPECT_EQ(r.store, nullptr);  // no store: no journal, no refresher
    EXPECT_EQ(r.journal, nullptr);
    return std::unique_ptr<Service>(std::make_unique<FakeService>(&events_, [this] {
      ::kill(::getpid(), SIGHUP);
      EXPECT_TRUE(events_.WaitFor("Reload"));
      ::kill(::getpid(), SIGINT);
    }));
  });
  EXPECT_EQ(rc, 0);
  std::vector<std::string> events = events_.Get();
  auto at = [&](const std::string& e) {
    return std::find(events.begin(), events.end(), e) - events.begin();
  };
  EXPECT_LT(at("Run"), at("Reload"));
  EXPECT_LT(at("Reload"), at("Stop"));
  EXPECT_LT(at("Stop"), at("drain"));
}

// systemd's side of sd_notify(3): a datagram socket named by $NOTIFY_SOCKET.
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) : path_(path.string()) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path_.copy(addr.sun_path, sizeof(addr.sun_path) - 1);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    ::setenv("NOTIFY_SOCKET", path_.c_str(), 1);
  }
  ~NotifySocket() {
    ::unsetenv("NOTIFY_SOCKET");
    ::close(fd_);
  }
  // The first line of each datagram received so far, in order.
  std::vector<std::string> FirstLines() {
    std::vector<std::string> lines;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd_, buf, sizeof(buf), 0)) > 0;) {
      std::string message(buf, static_cast<size_t>(n));
      lines.push_back(message.substr(0, message.find('\n')));
    }
    return lines;
  }

 private:
  std::string path_;
  int fd_ = -1;
};

TEST_F(SingleServerTest, TellsSystemdReadyReloadingAndStopping) {
  NotifySocket systemd(dir_ / "notify");
  int rc = RunSingleServer(options_, [this](const Resources&) -> Result<std::unique_ptr<Service>> {
    return std::unique_ptr<Service>(std::make_unique<FakeService>(&events_, [this] {
      ::kill(::getpid(), SIGHUP);
      EXPECT_TRUE(events_.WaitFor("Reload"));
      ::kill(::getpid(), SIGTERM);
    }));
  });
  EXPECT_EQ(rc, 0);
  std::vector<std::string> want = {"READY=1", "RELOADING=1", "READY=1", "STOPPING=1"};
  EXPECT_EQ(systemd.FirstLines(), want);
}

TEST_F(SingleServerTest, BindFailureEndsWithStatus2BeforeAnythingRuns) {
  int rc = RunSingleServer(options_, [this](const Resources&) -> Result<std::unique_ptr<Service>> {
    return std::unique_ptr<Service>(std::make_unique<FakeService>(
        &events_, [] {}, Status::IoError("inet:127.0.0.1:25: Address already in use")));
  });
  EXPECT_EQ(rc, 2);
  std::vector<std::string> events = events_.Get();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back(), "Bind");
}

// Issue 14, round 34, item 3: a mistyped --store (a file that is not
// there, or one nearmiss never made) is refused as `check` refuses it, not
// created and judged with no history; nothing is left behind.
TEST_F(SingleServerTest, AStoreNearmissNeverMadeIsRefused) {
  std::filesystem::create_directories(dir_ / "empty");
  std::ofstream(dir_ / "empty" / "zero.db").close();
  for (const std::filesystem::path& p :
       {dir_ / "nope.db", dir_ / "no-dir" / "nearmiss.db", dir_ / "empty" / "zero.db"}) {
    options_.store_url = "sqlite:" + p.string();
    bool made = false;
    int rc = RunSingleServer(options_, [&made](const Resources&) -> Result<std::unique_ptr<Service>> {
      made = true;
      return Status::Internal("not reached");
    });
    EXPECT_EQ(rc, 2) << p;
    EXPECT_FALSE(made) << p;
    std::error_code ec;
    EXPECT_EQ(std::filesystem::exists(p, ec) ? std::filesystem::file_size(p, ec) : 0u, 0u) << p;
  }
}

TEST_F(SingleServerTest, UnknownUserFailsBeforeTheStoreIsOpened) {
  options_.user = "nearmiss-no-such-user";
  bool made = false;
  int rc = RunSingleServer(options_, [&made](const Resources&) -> Result<std::unique_ptr<Service>> {
    made = true;
    return Status::Internal("not reached");
  });
  EXPECT_EQ(rc, 2);
  EXPECT_FALSE(made);
  EXPECT_TRUE(events_.Get().empty());
}

// Runs the skeleton with --user `user` around a service that notes the
// effective uid at Bind and the real and effective uids at Run; 0 when Bind
// ran as root and Run as `want`, and the stop was clean.
int BindAsRootRunAs(SingleServerOptions options, Events* events, const std::string& user,
                    uid_t want) {
  options.user = user;
  uid_t bind_euid = 99999, run_uid = 0, run_euid = 0;
  int rc = RunSingleServer(options, [&](const Resources&) -> Result<std::unique_ptr<Service>> {
    auto service = std::make_unique<FakeService>(events, [&] {
      run_uid = ::getuid();
      run_euid = ::geteuid();
      ::kill(::getpid(), SIGTERM);
    });
    service->on_bind = [&] { bind_euid = ::geteuid(); };
    return std::unique_ptr<Service>(std::move(service));
  });
  return rc == 0 && bind_euid == 0 && run_uid == want && run_euid == want ? 0 : 1;
}

// In a child process: the drop cannot be undone.
TEST_F(SingleServerTest, BindsAsRootAndRunsAsTheUser) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to drop privileges";
  struct passwd* nobody = ::getpwnam("nobody");
  ASSERT_NE(nobody, nullptr);
  const uid_t want = nobody->pw_uid;
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(std::_Exit(BindAsRootRunAs(options_, &events_, "nobody", want)),
              testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace nearmiss::daemon
