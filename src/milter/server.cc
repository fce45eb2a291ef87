#include "milter/server.h"

#include <sys/stat.h>
#include <unistd.h>

#include <asio.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <list>

#include "base/log.h"
#include "milter/connection.h"

namespace nearmiss::milter {
namespace {

using Acceptor = asio::basic_socket_acceptor<asio::generic::stream_protocol>;

// What lstat(2) found, in words, for "a directory is at this path".
const char* FileKind(mode_t mode) {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISFIFO(mode)) return "a named pipe";
  return "a device file";
}

class AsioServer final : public Server {
 public:
  AsioServer(ServerOptions options, CheckerSource checkers, LogSink log)
      : options_(std::move(options)),
        pool_(static_cast<size_t>(std::max(1, options_.workers))),
        context_{io_, pool_, options_, std::move(checkers), std::move(log)},
        drain_timer_(io_) {}

  ~AsioServer() override {
    pool_.join();
    // Only the sockets this server made: a path it refused because another
    // milter serves there stays that milter's.
    for (const std::string& path : bound_unix_paths_) ::unlink(path.c_str());
  }

  Status Bind(int owner_uid, int owner_gid) override {
    for (const ListenAddress& a : options_.listen) {
      asio::error_code ec;
      asio::generic::stream_protocol::endpoint endpoint;
      if (a.kind == ListenAddress::Kind::kUnix) {
        NM_RETURN_IF_ERROR(ClaimUnixPath(a));
        endpoint = asio::local::stream_protocol::endpoint(a.path);
      } else {
        asio::ip::address ip = asio::ip::make_address(a.host, ec);
        if (ec) return Status::InvalidArgument(a.ToString() + ": " + ec.message());
        endpoint = asio::ip::tcp::endpoint(ip, a.port);
      }
      auto acceptor = std::make_unique<Acceptor>(io_);
      acceptor->open(endpoint.protocol(), ec);
      if (!ec && a.kind == ListenAddress::Kind::kInet) {
        acceptor->set_option(asio::socket_base::reuse_address(true), ec);
      }
      if (!ec) acceptor->bind(endpoint, ec);
      if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
      if (ec == asio::error::address_in_use) {
        return Status::IoError(a.ToString() + ": the address is in use by another process");
      }
      if (ec) return Status::IoError(a.ToString() + ": " + ec.message());
      if (a.kind == ListenAddress::Kind::kUnix) {
        bound_unix_paths_.push_back(a.path);
        if (::chmod(a.path.c_str(), options_.socket_mode) != 0 ||
            (owner_uid >= 0 && ::chown(a.path.c_str(), owner_uid, owner_gid) != 0)) {
          return Status::IoError(a.ToString() + ": cannot set owner or mode");
        }
      }
      acceptors_.push_back(std::move(acceptor));
    }
    return Status::Ok();
  }

  void Run() override {
    for (auto& acceptor : acceptors_) Accept(*acceptor);
    io_.run();
    pool_.join();
  }

  void Stop() override {
    asio::post(io_, [this] { BeginDrain(); });
  }

 private:
  // A socket file at the path is either a live milter's (a connection to it
  // succeeds: refuse, naming it, rather than steal its path) or left by one
  // that died (the connection is refused: remove it so bind can succeed).
  // Anything else at the path (a file, a directory, a link) is not ours to
  // remove, and bind would call it "in use": refuse, naming what it is.
  static Status ClaimUnixPath(const ListenAddress& a) {
    struct stat st;
    if (::lstat(a.path.c_str(), &st) != 0) return Status::Ok();
    if (!S_ISSOCK(st.st_mode)) {
      return Status::IoError(a.ToString() + ": " + FileKind(st.st_mode) +
                             " is at this path, not a socket; remove it or listen elsewhere");
    }
    asio::io_context probe_io;
    asio::local::stream_protocol::socket probe(probe_io);
    asio::error_code ec;
    probe.connect(asio::local::stream_protocol::endpoint(a.path), ec);
    if (!ec) {
      return Status::IoError(a.ToString() +
                             ": another process is listening on this socket (is a milter "
                             "already running?)");
    }
    if (ec != asio::error::connection_refused) {
      return Status::IoError(a.ToString() + ": cannot tell whether the socket is in use: " +
                             ec.message());
    }
    log::Info(a.ToString() + ": removing the stale socket left by a stopped process");
    if (::unlink(a.path.c_str()) != 0 && errno != ENOENT) {
      return Status::IoError(a.ToString() + ": cannot remove the stale socket: " +
                             std::strerror(errno));
    }
    return Status::Ok();
  }

  void Accept(Acceptor& acceptor) {
    acceptor.async_accept([this, &acceptor](asio::error_code ec, Socket socket) {
      if (draining_) return;
      if (!ec) {
        auto c = std::make_shared<Connection>(context_, std::move(socket), ++next_id_);
        Prune();
        connections_.push_back(c);
        c->Start();
      } else if (ec == asio::error::operation_aborted) {
        return;
      }
      // Other errors (EMFILE, ECONNABORTED) are transient: keep accepting.
      Accept(acceptor);
    });
  }

  void Prune() {
    connections_.remove_if([](const std::weak_ptr<Connection>& w) { return w.expired(); });
  }

  void BeginDrain() {
    if (draining_) return;
    draining_ = true;
    log::Info("stopping: finishing " + std::to_string(context_.open_connections.load()) +
              " connection(s)");
    asio::error_code ignored;
    for (auto& acceptor : acceptors_) acceptor->close(ignored);
    for (auto& w : connections_) {
      if (auto c = w.lock()) c->Drain();
    }
    drain_timer_.expires_after(options_.drain_timeout);
    drain_timer_.async_wait([this](asio::error_code ec) {
      if (ec) return;
      for (auto& w : connections_) {
        if (auto c = w.lock()) c->Close();
      }
    });
    CheckDrained();
  }

  // io_.run() returns once no connection holds work; the drain timer is the
  // last thing left, so cancel it when the connections are gone.
  void CheckDrained() {
    Prune();
    if (connections_.empty()) {
      drain_timer_.cancel();
      return;
    }
    auto poll = std::make_shared<asio::steady_timer>(io_, std::chrono::milliseconds(50));
    poll->async_wait([this, poll](asio::error_code) { CheckDrained(); });
  }

  ServerOptions options_;
  asio::io_context io_;
  asio::thread_pool pool_;
  ServerContext context_;
  asio::steady_timer drain_timer_;
  std::vector<std::unique_ptr<Acceptor>> acceptors_;
  std::vector<std::string> bound_unix_paths_;  // removed again by the destructor
  std::list<std::weak_ptr<Connection>> connections_;
  uint64_t next_id_ = 0;
  bool draining_ = false;
};

}  // namespace

std::unique_ptr<Server> Server::Create(ServerOptions options,
                                       CheckerSource checkers, LogSink log) {
  return std::make_unique<AsioServer>(std::move(options), std::move(checkers),
                                      std::move(log));
}

}  // namespace nearmiss::milter
