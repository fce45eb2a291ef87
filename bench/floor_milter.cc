// floor_milter: the cheapest milter that asks Postfix for what nearmiss asks
// for (the same steps, no-reply flags and macros, via WantedOptionReply) and
// then does nothing: it continues every command that needs an answer.
// bench/postfix-overhead runs Postfix through it beside nearmiss, so the
// report separates what Postfix's own milter client costs (plain -> floor)
// from what nearmiss adds (floor -> nearmiss).
//
// One blocking thread per connection: a benchmark has a handful.
// Usage: floor_milter PORT | unix:PATH   (TCP on 127.0.0.1 only)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <variant>

#include "milter/codec.h"

namespace {

using namespace nearmiss::milter;

// The reply a command needs, or none when the MTA was told not to wait.
void Answer(const Command& command, uint32_t protocol, std::string* out) {
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        auto proceed = [&](uint32_t no_reply) {
          if ((protocol & no_reply) == 0) EncodeSimple(reply::kContinue, out);
        };
        if constexpr (std::is_same_v<T, Connect>) proceed(proto::kNoReplyConnect);
        if constexpr (std::is_same_v<T, Helo>) proceed(proto::kNoReplyHelo);
        if constexpr (std::is_same_v<T, Mail>) proceed(proto::kNoReplyMail);
        if constexpr (std::is_same_v<T, Rcpt>) proceed(proto::kNoReplyRcpt);
        if constexpr (std::is_same_v<T, Data>) proceed(proto::kNoReplyData);
        if constexpr (std::is_same_v<T, Header>) proceed(proto::kNoReplyHeader);
        if constexpr (std::is_same_v<T, EndOfHeaders>) proceed(proto::kNoReplyEndOfHeaders);
        if constexpr (std::is_same_v<T, Body>) proceed(proto::kNoReplyBody);
        if constexpr (std::is_same_v<T, Unknown>) proceed(proto::kNoReplyUnknown);
        if constexpr (std::is_same_v<T, EndOfMessage>) EncodeSimple(reply::kContinue, out);
      },
      command);
}

void Serve(int fd) {
  int one = 1;
  // As nearmiss does (src/milter/connection.cc): no Nagle, quick ACKs.
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  Framer framer(kDefaultMaxPacket);
  uint32_t protocol = 0;
  char buffer[65536];
  for (bool open = true; open;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    framer.Feed(std::string_view(buffer, static_cast<size_t>(n)));
    std::string out;
    for (;;) {
      auto packet = framer.Next();
      if (!packet.ok()) {
        open = false;
        break;
      }
      if (!packet->has_value()) break;
      auto command = ParseCommand(**packet);
      if (!command.ok() || std::holds_alternative<Quit>(*command)) {
        open = false;
        break;
      }
      if (auto* o = std::get_if<OptionNegotiation>(&*command)) {
        OptionReply r = WantedOptionReply(*o);
        protocol = r.protocol;
        EncodeOptionReply(r, &out);
      } else {
        Answer(*command, protocol, &out);
      }
    }
    // As nearmiss does: a quick ACK only after a read that sent no reply
    // (a reply carries the ACK).
    if (out.empty()) ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    if (!out.empty() && ::write(fd, out.data(), out.size()) != static_cast<ssize_t>(out.size())) {
      break;
    }
  }
  ::close(fd);
}

// A listening socket on 127.0.0.1:PORT or at unix:PATH, or -1.
int Listen(std::string_view where) {
  int s = -1, one = 1;
  if (where.substr(0, 5) == "unix:") {
    sockaddr_un a{};
    std::string path(where.substr(5));
    if (path.size() >= sizeof a.sun_path) return -1;
    a.sun_family = AF_UNIX;
    path.copy(a.sun_path, path.size());
    ::unlink(path.c_str());
    s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return -1;
    ::chmod(path.c_str(), 0666);  // Postfix's smtpd runs as `postfix`
  } else {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(std::atoi(std::string(where).c_str())));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    s = ::socket(AF_INET, SOCK_STREAM, 0);
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return -1;
  }
  return ::listen(s, 128) == 0 ? s : -1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: floor_milter PORT | unix:PATH\n");
    return 2;
  }
  int s = Listen(argv[1]);
  if (s < 0) {
    std::perror("floor_milter");
    return 1;
  }
  std::fprintf(stderr, "floor_milter: listening on %s\n", argv[1]);
  for (;;) {
    int c = ::accept(s, nullptr, nullptr);
    if (c >= 0) std::thread(Serve, c).detach();
  }
}
