// For the DNS tests: a socket bound to 127.0.0.1 on a port the kernel
// picked, so no test server listens beyond loopback.
#ifndef NEARMISS_DNS_TEST_LOOPBACK_H_
#define NEARMISS_DNS_TEST_LOOPBACK_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>

namespace nearmiss::dns {

// `type`: SOCK_DGRAM or SOCK_STREAM. Returns the descriptor (-1 on failure)
// and sets `*port`.
inline int BindLoopback(int type, uint16_t* port) {
  int fd = socket(AF_INET, type, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return -1;
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  *port = ntohs(a.sin_port);
  return fd;
}

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_TEST_LOOPBACK_H_
