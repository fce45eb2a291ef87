#include "milter/listen_address.h"

#include <charconv>

namespace nearmiss::milter {

std::string ListenAddress::ToString() const {
  if (kind == Kind::kUnix) return "unix:" + path;
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "inet6:[" + host + "]" : "inet:" + host) + ":" +
         std::to_string(port);
}

Result<ListenAddress> ParseListenAddress(std::string_view spec) {
  auto bad = [&](std::string_view why) {
    return Status::InvalidArgument("listen address '" + std::string(spec) +
                                   "': " + std::string(why) +
                                   " (use inet:HOST:PORT or unix:PATH)");
  };
  ListenAddress a;
  size_t colon = spec.find(':');
  if (colon == std::string_view::npos) return bad("no type");
  std::string_view type = spec.substr(0, colon);
  std::string_view rest = spec.substr(colon + 1);
  if (type == "unix" || type == "local") {
    if (rest.empty() || rest.front() != '/') return bad("the path must be absolute");
    a.kind = ListenAddress::Kind::kUnix;
    a.path = std::string(rest);
    return a;
  }
  if (type != "inet" && type != "inet6") return bad("unknown type");
  std::string_view host = "127.0.0.1", port = rest;
  if (!rest.empty() && rest.front() == '[') {
    size_t close = rest.find(']');
    if (close == std::string_view::npos || close + 1 >= rest.size() ||
        rest[close + 1] != ':') {
      return bad("unterminated [address]");
    }
    host = rest.substr(1, close - 1);
    port = rest.substr(close + 2);
  } else if (size_t last = rest.rfind(':'); last != std::string_view::npos) {
    host = rest.substr(0, last);
    port = rest.substr(last + 1);
  } else if (type == "inet6") {
    host = "::1";
  }
  // Sendmail writes "inet:PORT@HOST".
  if (size_t at = port.find('@'); at != std::string_view::npos) {
    host = port.substr(at + 1);
    port = port.substr(0, at);
  }
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 ||
      value > 65535) {
    return bad("bad port");
  }
  if (host.empty()) return bad("empty host");
  a.host = std::string(host);
  a.port = static_cast<uint16_t>(value);
  return a;
}

}  // namespace nearmiss::milter
