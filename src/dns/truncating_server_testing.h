// For the DNS tests: a server on one loopback port whose UDP replies set
// TC (RFC 1035 4.1.1), so the resolver asks again over TCP (RFC 7766 5),
// and whose TCP side answers NXDOMAIN, refuses or stays silent. With
// `truncated_name` set, only that name is truncated: every other name is
// answered NXDOMAIN over UDP after `other_delay_ms`, so it is still in
// flight when the truncated name's TCP retry fails (resolver_own_outcome_test.cc).
// Runs until destroyed; test-only.
#ifndef NEARMISS_DNS_TRUNCATING_SERVER_TESTING_H_
#define NEARMISS_DNS_TRUNCATING_SERVER_TESTING_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "dns/test_loopback.h"

namespace nearmiss::dns {

enum class TcpBehaviour { kAnswerNxdomain, kRefuse, kSilent };

// The reply to `query` (its header and question, no records): QR set, the
// opcode and RD copied, RA set, `rcode`, and TC when `truncated`.
inline std::vector<uint8_t> Reply(const uint8_t* query, size_t n, bool truncated, int rcode) {
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

// The question's name of `query`, dotted, lower case as sent.
inline std::string QuestionName(const uint8_t* query, size_t n) {
  std::string name;
  size_t i = 12;
  while (i < n && query[i] != 0 && i + 1 + query[i] <= n) {
    if (!name.empty()) name += '.';
    name.append(reinterpret_cast<const char*>(query + i + 1), query[i]);
    i += 1 + query[i];
  }
  return name;
}

class TruncatingServer {
 public:
  explicit TruncatingServer(TcpBehaviour tcp, std::string truncated_name = "",
                            int other_delay_ms = 0)
      : tcp_(tcp), truncated_name_(std::move(truncated_name)), other_delay_ms_(other_delay_ms) {
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
  using Clock = std::chrono::steady_clock;
  struct Later {
    Clock::time_point due;
    std::vector<uint8_t> reply;
    sockaddr_in to;
  };

  void Serve() {
    while (!stop_) {
      std::vector<pollfd> fds = {{udp_, POLLIN, 0}};
      if (tcp_ != TcpBehaviour::kRefuse) fds.push_back({tcp_fd_, POLLIN, 0});
      const int n = poll(fds.data(), fds.size(), 5);
      SendDue();
      if (n <= 0) continue;
      if (fds[0].revents & POLLIN) AnswerUdp();
      if (fds.size() > 1 && (fds[1].revents & POLLIN)) AnswerTcp();
    }
  }
  void SendDue() {
    const Clock::time_point now = Clock::now();
    for (auto it = later_.begin(); it != later_.end();) {
      if (it->due > now) {
        ++it;
        continue;
      }
      sendto(udp_, it->reply.data(), it->reply.size(), 0, reinterpret_cast<sockaddr*>(&it->to),
             sizeof it->to);
      it = later_.erase(it);
    }
  }
  void AnswerUdp() {
    uint8_t q[512];
    sockaddr_in from{};
    socklen_t len = sizeof from;
    ssize_t n = recvfrom(udp_, q, sizeof q, 0, reinterpret_cast<sockaddr*>(&from), &len);
    if (n < 12) return;
    ++udp_queries_;
    const size_t size = static_cast<size_t>(n);
    if (!truncated_name_.empty() && QuestionName(q, size) != truncated_name_) {
      later_.push_back({Clock::now() + std::chrono::milliseconds(other_delay_ms_),
                        Reply(q, size, false, 3), from});  // NXDOMAIN
      return;
    }
    std::vector<uint8_t> r = Reply(q, size, true, 0);
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
  std::string truncated_name_;
  int other_delay_ms_ = 0;
  uint16_t port_ = 0;
  int udp_ = -1;
  int tcp_fd_ = -1;
  bool bound_ = false;
  std::vector<int> accepted_;
  std::vector<Later> later_;  // the server thread's only
  std::atomic<bool> stop_{false};
  std::atomic<int> udp_queries_{0};
  std::atomic<int> tcp_queries_{0};
  std::thread thread_;
};

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_TRUNCATING_SERVER_TESTING_H_
