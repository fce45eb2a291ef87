// A truncated answer (the TC bit, RFC 1035 4.1.1): a server whose UDP reply
// does not fit sets TC and the resolver asks again over TCP (RFC 7766 5).
// The UDP reply here holds no records, so a resolver that took it as final
// would read "exists, no mail exchanger"; the TCP reply says NXDOMAIN. When
// TCP is refused or silent the facts are unknown within the deadline: never
// the truncated reply's empty answer (fails closed).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "dns/resolver.h"
#include "dns/test_loopback.h"

namespace nearmiss::dns {
namespace {

using std::chrono::milliseconds;

enum class TcpBehaviour { kAnswerNxdomain, kRefuse, kSilent };

// The reply to `query` (its header and question, no records): QR set, the
// opcode and RD copied, RA set, `rcode`, and TC when `truncated`.
std::vector<uint8_t> Reply(const uint8_t* query, size_t n, bool truncated, int rcode) {
  std::vector<uint8_t> r(query, query + n);
  uint16_t flags = static_cast<uint16_t>((query[2] << 8) | query[3]);
  flags = static_cast<uint16_t>(0x8000 | (flags & 0x7900) | 0x0080 | rcode);
  if (truncated) flags |= 0x0200;
  r[2] = static_cast<uint8_t>(flags >> 8);
  r[3] = static_cast<uint8_t>(flags & 0xff);
  for (int i = 6; i < 12; ++i) r[i] = 0;  // no answer, authority, additional
  // Drop an EDNS OPT record the query may carry: its count is zeroed above.
  size_t end = 12;
  while (end < n && query[end] != 0) end += 1 + query[end];
  end += 1 + 4;  // root label, QTYPE, QCLASS
  if (end < r.size()) r.resize(end);
  return r;
}

// A server on one loopback port: UDP answers every query truncated; TCP
// behaves as asked. Runs until destroyed.
class TruncatingServer {
 public:
  explicit TruncatingServer(TcpBehaviour tcp) : tcp_(tcp) {
    udp_ = BindLoopback(SOCK_DGRAM, &port_);
    tcp_fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(tcp_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port_);
    bound_ = bind(tcp_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    // Refused: bound (so nobody else takes the port) but not listening.
    if (bound_ && tcp_ != TcpBehaviour::kRefuse) listen(tcp_fd_, 8);
    thread_ = std::thread([this] { Serve(); });
  }
  ~TruncatingServer() {
    stop_ = true;
    thread_.join();
    for (int fd : accepted_) close(fd);
    close(udp_);
    close(tcp_fd_);
  }
  bool ready() const { return udp_ >= 0 && bound_; }
  std::string server() const { return "127.0.0.1:" + std::to_string(port_); }
  int udp_queries() const { return udp_queries_; }
  int tcp_queries() const { return tcp_queries_; }

 private:
  void Serve() {
    while (!stop_) {
      std::vector<pollfd> fds = {{udp_, POLLIN, 0}};
      if (tcp_ != TcpBehaviour::kRefuse) fds.push_back({tcp_fd_, POLLIN, 0});
      if (poll(fds.data(), fds.size(), 20) <= 0) continue;
      if (fds[0].revents & POLLIN) AnswerUdp();
      if (fds.size() > 1 && (fds[1].revents & POLLIN)) AnswerTcp();
    }
  }
  void AnswerUdp() {
    uint8_t q[512];
    sockaddr_in from{};
    socklen_t len = sizeof from;
    ssize_t n = recvfrom(udp_, q, sizeof q, 0, reinterpret_cast<sockaddr*>(&from), &len);
    if (n < 12) return;
    ++udp_queries_;
    std::vector<uint8_t> r = Reply(q, static_cast<size_t>(n), true, 0);
    sendto(udp_, r.data(), r.size(), 0, reinterpret_cast<sockaddr*>(&from), len);
  }
  void AnswerTcp() {
    int c = accept(tcp_fd_, nullptr, nullptr);
    if (c < 0) return;
    ++tcp_queries_;
    if (tcp_ == TcpBehaviour::kSilent) {
      accepted_.push_back(c);  // held open, never answered
      return;
    }
    // One length-prefixed query (RFC 1035 4.2.2), one reply, close.
    uint8_t buf[2 + 512];
    size_t got = 0;
    while (got < 2 || got < 2u + ((buf[0] << 8) | buf[1])) {
      pollfd p{c, POLLIN, 0};
      if (poll(&p, 1, 1000) <= 0) break;
      ssize_t n = read(c, buf + got, sizeof buf - got);
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    if (got >= 14) {
      std::vector<uint8_t> r = Reply(buf + 2, got - 2, false, 3);  // NXDOMAIN
      uint8_t prefix[2] = {static_cast<uint8_t>(r.size() >> 8), static_cast<uint8_t>(r.size())};
      (void)!write(c, prefix, 2);
      (void)!write(c, r.data(), r.size());
    }
    close(c);
  }

  TcpBehaviour tcp_;
  uint16_t port_ = 0;
  int udp_ = -1;
  int tcp_fd_ = -1;
  bool bound_ = false;
  std::vector<int> accepted_;
  std::atomic<bool> stop_{false};
  std::atomic<int> udp_queries_{0};
  std::atomic<int> tcp_queries_{0};
  std::thread thread_;
};

DnsFacts Ask(const TruncatingServer& server, int64_t timeout_ms, int64_t* took_ms) {
  ResolverOptions o;
  o.servers = {server.server()};
  o.timeout_ms = timeout_ms;
  EXPECT_TRUE(IsLoopbackServer(o.servers[0])) << "tests never query public DNS";
  auto r = Resolver::Start(o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (!r.ok()) return {};
  auto start = std::chrono::steady_clock::now();
  DnsFacts f = (*r)->Lookup("army.ml.test").get();
  *took_ms = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start).count();
  return f;
}

TEST(ResolverTruncatedTest, TruncatedUdpAnswerIsAskedAgainOverTcp) {
  TruncatingServer server(TcpBehaviour::kAnswerNxdomain);
  ASSERT_TRUE(server.ready());
  int64_t took = 0;
  DnsFacts f = Ask(server, 1500, &took);
  EXPECT_EQ(f.exists, false) << "the TCP answer (NXDOMAIN), not the truncated one; unknown="
                             << f.unknown;
  EXPECT_EQ(f.mx, false);
  EXPECT_GE(server.udp_queries(), 1);
  EXPECT_GE(server.tcp_queries(), 1) << "the truncated reply was taken as final";
}

TEST(ResolverTruncatedTest, TruncatedAnswerWithTcpRefusedIsUnknown) {
  TruncatingServer server(TcpBehaviour::kRefuse);
  ASSERT_TRUE(server.ready());
  int64_t took = 0;
  DnsFacts f = Ask(server, 800, &took);
  EXPECT_FALSE(f.exists.has_value()) << "the truncated reply's empty answer was believed";
  EXPECT_FALSE(f.mx.has_value());
  EXPECT_FALSE(f.unknown.empty());
  EXPECT_TRUE(f.CanReceive()) << "unknown counts as can-receive (fails closed)";
  EXPECT_LT(took, 1500) << "the deadline is 800 ms";
}

TEST(ResolverTruncatedTest, TruncatedAnswerWithTcpSilentIsUnknownWithinTheDeadline) {
  TruncatingServer server(TcpBehaviour::kSilent);
  ASSERT_TRUE(server.ready());
  int64_t took = 0;
  DnsFacts f = Ask(server, 800, &took);
  EXPECT_FALSE(f.exists.has_value());
  EXPECT_FALSE(f.mx.has_value());
  EXPECT_FALSE(f.unknown.empty());
  EXPECT_TRUE(f.CanReceive());
  EXPECT_LT(took, 1500) << "the deadline is 800 ms";
}

}  // namespace
}  // namespace nearmiss::dns
