#include "milter/server.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <asio.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <list>

#include "base/log.h"
#include "milter/connection.h"

namespace nearmiss::milter {
namespace {

using Acceptor = asio::basic_socket_acceptor<asio::generic::stream_protocol>;

// File descriptors kept back from connections: listeners, the store and
// its journal spool, the log, the reload's policy file, postconf's pipe.
constexpr size_t kReservedDescriptors = 64;

// Every session shares one ByteBudget of max_buffered_bytes.
ServerOptions WithBudget(ServerOptions options) {
  options.session.buffer_budget = std::make_shared<ByteBudget>(options.max_buffered_bytes);
  return options;
}

// Raises the soft RLIMIT_NOFILE to the hard one (no privilege needed; what
// systemd's LimitNOFILE= sets) and returns the connections that fit in it.
size_t ConnectionsThatFit(size_t wanted) {
  struct rlimit limit;
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    struct rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return wanted;
  size_t fit = limit.rlim_cur > kReservedDescriptors + 1
                   ? static_cast<size_t>(limit.rlim_cur) - kReservedDescriptors
                   : 1;
  return std::min(wanted, fit);
}

// A warning that may repeat thousands of times a second under attack or
// exhaustion: logged at most once per interval, with the count since.
class RateLimitedWarning {
 public:
  void Note(std::chrono::seconds interval, const std::string& what) {
    ++total_;
    ++since_;
    auto now = std::chrono::steady_clock::now();
    if (logged_ && now - last_ < interval) return;
    log::Warn(what + " (" + std::to_string(since_) + " time(s) since the last warning, " +
              std::to_string(total_) + " in all)");
    logged_ = true;
    last_ = now;
    since_ = 0;
  }
  uint64_t total() const { return total_; }

 private:
  uint64_t total_ = 0;
  uint64_t since_ = 0;
  bool logged_ = false;
  std::chrono::steady_clock::time_point last_;
};

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
      : options_(WithBudget(std::move(options))),
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
    max_connections_ = ConnectionsThatFit(options_.max_connections);
    if (max_connections_ < options_.max_connections) {
      log::Warn("serving at most " + std::to_string(max_connections_) +
                " connections, not max_connections " + std::to_string(options_.max_connections) +
                ": the open-file limit (RLIMIT_NOFILE) allows no more; raise LimitNOFILE=");
    }
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

  // Out of descriptors or memory, accept() fails at once for as long as a
  // connection waits in the backlog: retrying at once spins the event loop
  // at full CPU. Accepting pauses for accept_backoff instead (connections
  // closing meanwhile free descriptors), and the failures are counted and
  // warned about once per warn_interval.
  void Accept(Acceptor& acceptor) {
    acceptor.async_accept([this, &acceptor](asio::error_code ec, Socket socket) {
      if (draining_ || ec == asio::error::operation_aborted) return;
      if (!ec) {
        if (context_.open_connections.load() >= max_connections_ && !EvictIdlest()) {
          // Every connection is busy with a message: the new one is closed
          // before a byte is read, and Postfix applies
          // milter_default_action (tempfail) to that session alone.
          asio::error_code ignored;
          socket.close(ignored);
          over_cap_.Note(options_.warn_interval,
                         "closing a new connection: max_connections " +
                             std::to_string(max_connections_) + " reached, none idle");
        } else {
          auto c = std::make_shared<Connection>(context_, std::move(socket), ++next_id_);
          Prune();
          connections_.push_back(c);
          c->Start();
        }
        return Accept(acceptor);
      }
      if (ec == asio::error::no_descriptors || ec.value() == ENFILE ||
          ec == asio::error::no_memory || ec == asio::error::no_buffer_space) {
        accept_errors_.Note(options_.warn_interval,
                            "cannot accept a connection: " + ec.message() + "; pausing " +
                                std::to_string(options_.accept_backoff.count()) +
                                " ms (raise LimitNOFILE= or lower max_connections)");
        auto pause = std::make_shared<asio::steady_timer>(io_, options_.accept_backoff);
        pause->async_wait([this, &acceptor, pause](asio::error_code) {
          if (!draining_) Accept(acceptor);
        });
        return;
      }
      // Others (ECONNABORTED: the peer left the backlog) concern one
      // connection: keep accepting.
      Accept(acceptor);
    });
  }

  // At the cap, a new MTA connection is worth more than the one idle the
  // longest (an SMTP session between messages, or a peer that connected
  // and said nothing): that one is closed, losing no message, and counted.
  bool EvictIdlest() {
    std::shared_ptr<Connection> idlest;
    std::chrono::steady_clock::time_point since;
    for (auto& w : connections_) {
      auto c = w.lock();
      if (!c) continue;
      auto idle = c->IdleSince();
      if (idle && (!idlest || *idle < since)) {
        idlest = c;
        since = *idle;
      }
    }
    if (!idlest) return false;
    idlest->Close();
    evicted_.Note(options_.warn_interval,
                  "max_connections " + std::to_string(max_connections_) +
                      " reached: closed the connection idle the longest to serve a new one");
    return true;
  }

  void Prune() {
    connections_.remove_if([](const std::weak_ptr<Connection>& w) { return w.expired(); });
  }

  void BeginDrain() {
    if (draining_) return;
    draining_ = true;
    log::Info("stopping: finishing " + std::to_string(context_.open_connections.load()) +
              " connection(s); since start: " + std::to_string(over_cap_.total()) +
              " refused and " + std::to_string(evicted_.total()) +
              " idle closed at max_connections, " + std::to_string(accept_errors_.total()) +
              " accept errors, " + std::to_string(context_.stalled_closed) +
              " stalled closed, " +
              std::to_string(options_.session.buffer_budget->refused()) +
              " message(s) over max_buffered_bytes");
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
  // One thread runs it (Run): completions the I/O thread posts to itself
  // skip the scheduler's lock; the workers' posts still take it.
  asio::io_context io_{1};
  asio::thread_pool pool_;
  ServerContext context_;
  asio::steady_timer drain_timer_;
  std::vector<std::unique_ptr<Acceptor>> acceptors_;
  std::vector<std::string> bound_unix_paths_;  // removed again by the destructor
  std::list<std::weak_ptr<Connection>> connections_;
  uint64_t next_id_ = 0;
  bool draining_ = false;
  size_t max_connections_ = 0;  // set by Run: options, lowered to RLIMIT_NOFILE
  RateLimitedWarning over_cap_;
  RateLimitedWarning evicted_;
  RateLimitedWarning accept_errors_;
};

}  // namespace

std::unique_ptr<Server> Server::Create(ServerOptions options,
                                       CheckerSource checkers, LogSink log) {
  return std::make_unique<AsioServer>(std::move(options), std::move(checkers),
                                      std::move(log));
}

}  // namespace nearmiss::milter
