// The resolver against a real DNS server: dnsmasq(8), started here on a
// loopback port with tests/dns/zone.conf, and a UDP socket that reads and
// never answers. Nothing here may reach public DNS: every configured server
// is asserted to be loopback.
#include "dns/resolver.h"
#include "dns/test_loopback.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>

extern char** environ;

namespace nearmiss::dns {
namespace {

using std::chrono::milliseconds;

// A UDP socket on 127.0.0.1 with a port the kernel picked; `port()`.
class UdpSocket {
 public:
  UdpSocket() {
    uint16_t port = 0;
    fd_ = BindLoopback(SOCK_DGRAM, &port);
    port_ = port;
  }
  ~UdpSocket() { Close(); }
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

class ResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* kDnsmasq = "/usr/sbin/dnsmasq";
    ASSERT_TRUE(std::filesystem::exists(kDnsmasq)) << "dnsmasq missing: run scripts/install-deps";
    // A free port for dnsmasq, released just before it binds: another test
    // may take it in between, so a dnsmasq that exits is started again on
    // another port.
    for (int attempt = 0; attempt < 5; ++attempt) {
      if (StartDnsmasq(kDnsmasq)) return;
    }
    FAIL() << "dnsmasq did not answer on 127.0.0.1 (5 ports tried)";
  }

  // True when dnsmasq answers on port_; false when it exited (port taken).
  static bool StartDnsmasq(const char* kDnsmasq) {
    UdpSocket probe;
    port_ = probe.port();
    probe.Close();
    std::string conf = std::filesystem::absolute("tests/dns/zone.conf").string();
    std::vector<std::string> args = {kDnsmasq,
                                     "--keep-in-foreground",
                                     "--conf-file=" + conf,
                                     "--port=" + std::to_string(port_),
                                     "--listen-address=127.0.0.1",
                                     "--bind-interfaces",
                                     "--pid-file=",
                                     "--log-facility=-"};
    // As root dnsmasq would switch to "nobody"; stay who we are.
    if (geteuid() == 0) args.push_back("--user=root");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, kDnsmasq, nullptr, nullptr, argv.data(), environ) != 0) return false;
    // Ready when it answers a name of the zone.
    ResolverOptions o = Options(port_, 200);
    auto r = Resolver::Start(o);
    if (!r.ok()) return false;
    for (int i = 0; i < 50; ++i) {
      if ((*r)->Lookup("mx.test").get().exists.has_value()) return true;
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = 0;
        return false;
      }
      std::this_thread::sleep_for(milliseconds(50));
    }
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = 0;
    return false;
  }

  static void TearDownTestSuite() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }

  static ResolverOptions Options(int port, int64_t timeout_ms) {
    ResolverOptions o;
    o.servers = {"127.0.0.1:" + std::to_string(port)};
    o.timeout_ms = timeout_ms;
    return o;
  }

  static DnsFacts Ask(std::string_view domain, ResolverOptions o = Options(port_, 2000)) {
    for (const std::string& s : o.servers) {
      EXPECT_TRUE(IsLoopbackServer(s)) << s << " is not loopback: tests never query public DNS";
    }
    auto r = Resolver::Start(o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (!r.ok()) return {};
    return (*r)->Lookup(domain).get();
  }

  static inline pid_t pid_ = 0;
  static inline int port_ = 0;
};

TEST_F(ResolverTest, DomainWithMxCanReceive) {
  DnsFacts f = Ask("mx.test");
  EXPECT_EQ(f.exists, true);
  EXPECT_EQ(f.mx, true);
  EXPECT_EQ(f.exchanger, MailExchanger::kMx);
  EXPECT_TRUE(f.unknown.empty());
  EXPECT_TRUE(f.CanReceive());
}

TEST_F(ResolverTest, AddressWithoutMxIsAnImplicitMx) {
  DnsFacts f = Ask("aonly.test");
  EXPECT_EQ(f.exists, true);
  EXPECT_EQ(f.mx, true);
  EXPECT_EQ(f.exchanger, MailExchanger::kImplicit);
}

TEST_F(ResolverTest, NullMxCannotReceiveThoughItHasAnAddress) {
  DnsFacts f = Ask("nullmx.test");
  EXPECT_EQ(f.exists, true);
  EXPECT_EQ(f.mx, false);
  EXPECT_EQ(f.exchanger, MailExchanger::kNullMx);
  EXPECT_FALSE(f.CanReceive());
}

TEST_F(ResolverTest, NoMxAndNoAddressCannotReceive) {
  DnsFacts f = Ask("txtonly.test");
  EXPECT_EQ(f.exists, true);
  EXPECT_EQ(f.mx, false);
  EXPECT_EQ(f.exchanger, MailExchanger::kNone);
}

// Issue 15, round 52, finding 3: an MX that names no host mail can go to
// is no mail exchanger: localhost, a host with loopback addresses only, a
// host that does not exist, "." with a preference; and an implicit MX
// whose address is loopback. Each says which in the facts.
TEST_F(ResolverTest, MxToLocalhostCannotReceive) {
  DnsFacts f = Ask("mxlocal.test");
  EXPECT_EQ(f.exists, true);
  EXPECT_EQ(f.mx, false);
  EXPECT_EQ(f.exchanger, MailExchanger::kLoopback);
  EXPECT_FALSE(f.CanReceive());
}

TEST_F(ResolverTest, MxToALoopbackAddressWrittenAsTheHostCannotReceive) {
  DnsFacts f = Ask("mxliteral.test");
  EXPECT_EQ(f.mx, false);
  EXPECT_EQ(f.exchanger, MailExchanger::kLoopback);
}

TEST_F(ResolverTest, MxToALoopbackAddressCannotReceive) {
  DnsFacts f = Ask("mxloop.test");
  EXPECT_EQ(f.mx, false);
  EXPECT_EQ(f.exchanger, MailExchanger::kLoopback);
}

TEST_F(ResolverTest, MxToAHostThatDoesNotExistCannotReceive) {
  DnsFacts f = Ask("mxgone.test");
  EXPECT_EQ(f.exists, true);
  EXPECT_EQ(f.mx, false);
  EXPECT_EQ(f.exchanger, MailExchanger::kNoExchangerHost);
  EXPECT_EQ(MailExchangerName(f.exchanger), "mx-host-missing");
}

TEST_F(ResolverTest, MxToTheRootWithAPreferenceCannotReceive) {
  DnsFacts f = Ask("mxdot.test");
  EXPECT_EQ(f.mx, false);
  EXPECT_EQ(f.exchanger, MailExchanger::kNullMx);
}

TEST_F(ResolverTest, ImplicitMxAtALoopbackAddressCannotReceive) {
  DnsFacts f = Ask("aloop.test");
  EXPECT_EQ(f.mx, false);
  EXPECT_EQ(f.exchanger, MailExchanger::kLoopback);
}

// Issue 15, tester 15 round 55, finding 3: an MX host (or, with no MX, the
// domain) whose addresses are all in IANA special-purpose ranges no mail
// host has receives no mail, and the facts name the range: 0.0.0.0 and ::
// (which Linux connects to this host, as loopback), private, documentation,
// an IPv4-mapped 0.0.0.0.
TEST_F(ResolverTest, MxToASpecialPurposeAddressCannotReceive) {
  const std::pair<const char*, const char*> cases[] = {
      {"mxzero.test", "unspecified (0.0.0.0/8)"},
      {"mxzero6.test", "unspecified (::)"},
      {"mxprivate.test", "private (RFC 1918)"},
      {"mxdoc.test", "documentation (RFC 5737)"},
      {"mxmapped.test", "unspecified (0.0.0.0/8)"},
      {"azero.test", "unspecified (0.0.0.0/8)"},
      {"azero6.test", "unspecified (::)"},
  };
  for (const auto& [domain, kind] : cases) {
    DnsFacts f = Ask(domain);
    EXPECT_EQ(f.exists, true) << domain;
    EXPECT_EQ(f.mx, false) << domain;
    EXPECT_FALSE(f.CanReceive()) << domain;
    EXPECT_EQ(f.exchanger, MailExchanger::kSpecialAddress) << domain;
    EXPECT_EQ(MailExchangerName(f.exchanger), "special-address") << domain;
    EXPECT_EQ(f.address_kind, kind) << domain;
  }
  // Loopback alone stays "loopback", with no range named; so does a
  // loopback host before a 0.0.0.0 one (Postfix drops the later one:
  // AnMxHostThatIsThisHostDropsEveryWorseOrEqualOne).
  for (const char* domain : {"mxloop.test", "mxzeroloop.test"}) {
    DnsFacts loop = Ask(domain);
    EXPECT_EQ(loop.exchanger, MailExchanger::kLoopback) << domain;
    EXPECT_EQ(loop.address_kind, "") << domain;
  }
}

// Issue 15, tester 15 round 56, finding 1: Postfix drops the best MX host
// that is this host (loopback, localhost, 0.0.0.0, or an address of this
// host beside a usable one) and every host of the same or a worse
// preference (smtp_addr.c, smtp_find_self, smtp_truncate_self); with none
// left the mail bounces, "loops back to myself". A usable host of a worse
// or equal preference does not make the domain receive.
TEST_F(ResolverTest, AnMxHostThatIsThisHostDropsEveryWorseOrEqualOne) {
  for (const char* domain : {"mxloopfirst.test", "mxloopequal.test", "mxlocalfirst.test",
                             "mxlocalequal.test", "mxmixed.test"}) {
    DnsFacts f = Ask(domain);
    EXPECT_EQ(f.exists, true) << domain;
    EXPECT_EQ(f.mx, false) << domain;
    EXPECT_FALSE(f.CanReceive()) << domain;
    EXPECT_EQ(f.exchanger, MailExchanger::kLoopback) << domain;
  }
  // 0.0.0.0 first: this host too, named by its range.
  DnsFacts zero = Ask("mxzerosecond.test");
  EXPECT_EQ(zero.mx, false);
  EXPECT_EQ(zero.exchanger, MailExchanger::kSpecialAddress);
  EXPECT_EQ(zero.address_kind, "unspecified (0.0.0.0/8)");
  // With no MX, one address of this host among the domain's own.
  DnsFacts implicit = Ask("amixed.test");
  EXPECT_EQ(implicit.mx, false);
  EXPECT_EQ(implicit.exchanger, MailExchanger::kLoopback);
}

TEST_F(ResolverTest, AUsableMxHostBetterThanThisHostReceives) {
  for (const char* domain : {"mxloopbackup.test", "mxzerobackup.test"}) {
    DnsFacts f = Ask(domain);
    EXPECT_EQ(f.mx, true) << domain;
    EXPECT_EQ(f.exchanger, MailExchanger::kMx) << domain;
    EXPECT_EQ(f.address_kind, "") << domain;
  }
}

TEST_F(ResolverTest, OneMxHostWithAnAddressIsEnough) {
  DnsFacts f = Ask("mxsecond.test");
  EXPECT_EQ(f.mx, true);
  EXPECT_EQ(f.exchanger, MailExchanger::kMx);
}

// Issue 15 breaker, fix 1: an MX answer holding only a CNAME (c-ares
// parses it as success with no MX record) dereferenced a null record and
// killed the milter; and an A answer holding only a CNAME counted as an
// address (an implicit MX that is not there). A chain's end decides.
TEST_F(ResolverTest, CnameChainWithNoDataHasNoMailExchanger) {
  for (const char* domain : {"cnamenx.test", "cnametxt.test", "cnamecname.test"}) {
    DnsFacts f = Ask(domain);
    EXPECT_EQ(f.exists, true) << domain;
    EXPECT_EQ(f.mx, false) << domain;
    EXPECT_EQ(f.exchanger, MailExchanger::kNone) << domain;
    EXPECT_TRUE(f.unknown.empty()) << domain << ": " << f.unknown;
  }
}

TEST_F(ResolverTest, CnameChainEndDecidesTheMailExchanger) {
  DnsFacts a = Ask("cnamea.test");
  EXPECT_EQ(a.mx, true);
  EXPECT_EQ(a.exchanger, MailExchanger::kImplicit);
  DnsFacts mx = Ask("cnamemx.test");
  EXPECT_EQ(mx.mx, true);
  EXPECT_EQ(mx.exchanger, MailExchanger::kMx);
}

TEST_F(ResolverTest, NxdomainDoesNotExist) {
  DnsFacts f = Ask("army.test");
  EXPECT_EQ(f.exists, false);
  EXPECT_EQ(f.mx, false);
  EXPECT_FALSE(f.CanReceive());
}

TEST_F(ResolverTest, ServerFailureIsUnknownAndFailsClosed) {
  DnsFacts f = Ask("army.refused.test");
  EXPECT_FALSE(f.exists.has_value());
  EXPECT_FALSE(f.mx.has_value());
  EXPECT_EQ(f.unknown, "REFUSED");
  EXPECT_TRUE(f.CanReceive());  // unknown counts as can-receive
}

TEST_F(ResolverTest, SilentServerIsUnknownWithinTheDeadline) {
  UdpSocket silent;  // bound, never answers: the datagrams sit unread
  ResolverOptions o = Options(silent.port(), 300);
  ASSERT_TRUE(IsLoopbackServer(o.servers[0]));
  auto r = Resolver::Start(o);
  ASSERT_TRUE(r.ok());
  auto start = std::chrono::steady_clock::now();
  std::shared_future<DnsFacts> f = (*r)->Lookup("mx.test");
  // Waiting without a timeout of our own: the resolver keeps the deadline.
  DnsFacts facts = f.get();
  auto took = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
  EXPECT_FALSE(facts.exists.has_value());
  EXPECT_EQ(facts.unknown, "timeout");
  EXPECT_TRUE(facts.CanReceive());
  EXPECT_GE(took.count(), 250);
  EXPECT_LT(took.count(), 1000) << "the deadline is 300 ms";
  EXPECT_EQ((*r)->counters().timeouts, 1u);
}

// Issue 15 breaker, fix 5: with a silent server first in the list the
// second was never asked (c-ares waited the whole deadline on the first):
// every answer was unknown. Each server now gets a share of the deadline,
// for the MX round and the A/AAAA round alike (aonly.test needs both).
TEST_F(ResolverTest, SilentServersAreFailedOverWithinTheDeadline) {
  UdpSocket silent1, silent2;
  std::string live = "127.0.0.1:" + std::to_string(port_);
  std::string dead1 = "127.0.0.1:" + std::to_string(silent1.port());
  std::string dead2 = "127.0.0.1:" + std::to_string(silent2.port());
  const std::vector<std::vector<std::string>> lists = {
      {dead1, live}, {dead1, dead2, live}, {live, dead1}, {dead1, live, dead2}};
  for (const auto& servers : lists) {
    for (const char* domain : {"mx.test", "aonly.test", "army.test"}) {
      ResolverOptions o = Options(port_, 1200);
      o.servers = servers;
      auto start = std::chrono::steady_clock::now();
      DnsFacts f = Ask(domain, o);
      auto took = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
      EXPECT_TRUE(f.exists.has_value()) << domain << " via " << servers.size()
                                        << " servers: " << f.unknown;
      EXPECT_EQ(f.exists, std::string_view(domain) != "army.test") << domain;
      EXPECT_LT(took.count(), 1500) << domain;
    }
  }
}

TEST_F(ResolverTest, AnswersAreCachedUnknownOnesAreNot) {
  auto r = Resolver::Start(Options(port_, 2000));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->Lookup("mx.test").get().exists, true);
  EXPECT_EQ((*r)->Lookup("mx.test").get().exists, true);
  EXPECT_EQ((*r)->Lookup("x.refused.test").get().unknown, "REFUSED");
  EXPECT_EQ((*r)->Lookup("x.refused.test").get().unknown, "REFUSED");
  ResolverCounters c = (*r)->counters();
  EXPECT_EQ(c.lookups, 4u);
  EXPECT_EQ(c.cache_hits, 1u);
  EXPECT_EQ(c.unknown, 2u);
}

TEST_F(ResolverTest, CacheTtlMaxZeroKeepsNothing) {
  ResolverOptions o = Options(port_, 2000);
  o.cache_ttl_max = 0;
  auto r = Resolver::Start(o);
  ASSERT_TRUE(r.ok());
  (*r)->Lookup("mx.test").get();
  (*r)->Lookup("mx.test").get();
  EXPECT_EQ((*r)->counters().cache_hits, 0u);
}

TEST_F(ResolverTest, CheckedAtIsUtc) {
  DnsFacts f = Ask("mx.test");
  ASSERT_EQ(f.checked_at.size(), 20u) << f.checked_at;
  EXPECT_EQ(f.checked_at[10], 'T');
  EXPECT_EQ(f.checked_at.back(), 'Z');
}

// The catch-all probe's plumbing: the exchanger's address comes from the
// same DNS server; with nothing listening on the probe's port there (a
// closed TCP port on 127.0.0.2, loopback: mxloop.test's exchanger, a mail
// exchanger only with allow_internal) the DNS facts stand and catch_all is
// unknown, with the reason, and counted. The dialogue itself is tested in
// catch_all_probe_test.cc and end to end in tests/dns/.
TEST_F(ResolverTest, ProbeWithNoExchangerListeningKeepsTheDnsFacts) {
  uint16_t closed = 0;
  int fd = BindLoopback(SOCK_STREAM, &closed);  // bound, never listening
  ResolverOptions o = Options(port_, 2000);
  o.catch_all = ProbeOptions{closed, 2, "probe.example.test", true};
  o.catch_all_timeout_ms = 1000;
  auto r = Resolver::Start(o);
  ASSERT_TRUE(r.ok());
  DnsFacts f = (*r)->Lookup("mxloop.test").get();
  EXPECT_EQ(f.exists, true);
  EXPECT_EQ(f.exchanger, MailExchanger::kMx);
  EXPECT_FALSE(f.catch_all.has_value());
  EXPECT_EQ(f.catch_all_unknown, "connection refused");
  EXPECT_TRUE(f.AcceptsAnyAddress());  // fails closed
  DnsFacts nx = (*r)->Lookup("army.test").get();
  EXPECT_EQ(nx.catch_all_unknown, "not probed: no mail exchanger");
  EXPECT_FALSE(nx.AcceptsAnyAddress());
  ResolverCounters c = (*r)->counters();
  EXPECT_EQ(c.probes, 1u);
  EXPECT_EQ(c.probes_unknown, 1u);
  close(fd);
}

// Issue 15 breaker: a domain with no MX and an address (the implicit MX)
// was probed twice per lookup: the A answer started the probe, and the
// AAAA answer that followed (NODATA) started it again. Once per lookup.
TEST_F(ResolverTest, ImplicitMxIsProbedOnce) {
  uint16_t closed = 0;
  int fd = BindLoopback(SOCK_STREAM, &closed);  // bound, never listening
  ResolverOptions o = Options(port_, 2000);
  o.catch_all = ProbeOptions{closed, 2, "probe.example.test", true};
  o.catch_all_timeout_ms = 1000;
  auto r = Resolver::Start(o);
  ASSERT_TRUE(r.ok());
  DnsFacts f = (*r)->Lookup("aloop.test").get();
  EXPECT_EQ(f.exchanger, MailExchanger::kImplicit);
  EXPECT_FALSE(f.catch_all.has_value());
  // The AAAA answer may come after the probe's: give it time to arrive.
  std::this_thread::sleep_for(milliseconds(300));
  EXPECT_EQ((*r)->counters().probes, 1u);
  close(fd);
}

// Issue 15 breaker, round 3, item 5: the probe must never connect to an
// exchanger inside the organisation. Since round 55 (tester 15, finding 3)
// the resolver hands it none: a domain whose exchangers' addresses are all
// special-purpose ones (mxdoc.test: documentation addresses) receives no
// mail, so it is not probed at all; the probe's own refusal, for this
// host's addresses too, is tested in catch_all_probe_test.cc.
TEST_F(ResolverTest, ProbeIsNeverGivenASpecialPurposeExchanger) {
  uint16_t closed = 0;
  int fd = BindLoopback(SOCK_STREAM, &closed);  // bound, never listening
  ResolverOptions o = Options(port_, 2000);
  o.catch_all = ProbeOptions{closed, 2, "probe.example.test"};
  o.catch_all_timeout_ms = 1000;
  auto r = Resolver::Start(o);
  ASSERT_TRUE(r.ok());
  for (const char* domain : {"mxdoc.test", "mxprivate.test", "azero.test"}) {
    DnsFacts f = (*r)->Lookup(domain).get();
    EXPECT_EQ(f.exists, true) << domain;
    EXPECT_EQ(f.mx, false) << domain;
    EXPECT_EQ(f.exchanger, MailExchanger::kSpecialAddress) << domain;
    EXPECT_FALSE(f.catch_all.has_value()) << domain;
    EXPECT_EQ(f.catch_all_unknown, "not probed: no mail exchanger") << domain;
    EXPECT_FALSE(f.AcceptsAnyAddress()) << domain;
  }
  EXPECT_EQ((*r)->counters().probes, 0u);
  close(fd);
}

}  // namespace
}  // namespace nearmiss::dns
