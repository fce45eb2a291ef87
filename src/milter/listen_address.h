// Where the milter listens, in the notation Postfix and Sendmail use:
// "inet:127.0.0.1:8890", "inet:8890" (loopback), "inet6:[::1]:8890",
// "unix:/run/nearmiss/milter.sock" (also "local:PATH").
#ifndef NEARMISS_MILTER_LISTEN_ADDRESS_H_
#define NEARMISS_MILTER_LISTEN_ADDRESS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::milter {

struct ListenAddress {
  enum class Kind { kInet, kUnix };
  Kind kind = Kind::kInet;
  std::string host;  // inet: a numeric address
  uint16_t port = 0;
  std::string path;  // unix

  std::string ToString() const;
};

Result<ListenAddress> ParseListenAddress(std::string_view spec);

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_LISTEN_ADDRESS_H_
