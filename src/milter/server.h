// Server: the milter daemon's event loop.
//
// One thread runs every connection's I/O on an asio io_context (hundreds of
// Postfix connections without a thread each); end-of-message scans run on a
// bounded worker pool while the connection sends progress keep-alives.
// Stop closes the listeners, lets every message in flight finish (up to
// drain_timeout), then Run returns. A malformed packet, an unknown
// command, a disconnect or a timeout ends only that connection. Signals are
// not its business: the daemon skeleton (daemon/single_server.h) takes them
// and calls Stop; a reload swaps the engine the CheckerSource hands out.
//
// Lifecycle: Create, Bind (as root if the address needs it), drop
// privileges, then Run on the calling thread until Stop.
// Thread safety: Run on one thread; Stop may be called from any thread,
// before Run too (it takes effect when Run starts), and more than once.
#ifndef NEARMISS_MILTER_SERVER_H_
#define NEARMISS_MILTER_SERVER_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "milter/checker.h"
#include "milter/listen_address.h"
#include "milter/protocol.h"
#include "milter/session.h"
#include "nearmiss/status.h"

namespace nearmiss::milter {

struct ServerOptions {
  std::vector<ListenAddress> listen;
  int workers = 2;                 // scanning threads
  size_t max_queued_scans = 256;   // beyond it: the fail action
  size_t max_packet = kDefaultMaxPacket;
  // Connections served at once (Postfix opens one per smtpd and cleanup
  // process: default_process_limit is 100). A connection past it is closed
  // at once, so Postfix applies milter_default_action (tempfail) to that
  // session only; the cap is lowered further to fit RLIMIT_NOFILE.
  size_t max_connections = 1000;
  // Postfix keeps a milter connection for a whole SMTP session; an SMTP
  // client idles at most smtpd_timeout (300 s) between commands.
  std::chrono::seconds idle_timeout{310};
  // A peer that has not finished option negotiation, or stops in the middle
  // of a packet, for this long is closed: an MTA writes each packet whole,
  // and Postfix itself gives up on a milter after milter_command_timeout
  // (30 s).
  std::chrono::seconds stall_timeout{30};
  // Message bytes buffered across every connection at once (ByteBudget);
  // a message that would go past it stops buffering and gets 451 4.3.0.
  size_t max_buffered_bytes = size_t{512} << 20;
  // Out of file descriptors (EMFILE, ENFILE) or memory, accepting pauses
  // this long instead of retrying at once.
  std::chrono::milliseconds accept_backoff{100};
  // Warnings about refused connections and accept errors: at most one per
  // this interval, with the count since the last.
  std::chrono::seconds warn_interval{10};
  // A scan still running after this gets the fail action; below Postfix's
  // milter_content_timeout (300 s) so our answer, not Postfix's, decides.
  std::chrono::seconds scan_timeout{120};
  // SMFIR_PROGRESS while a scan runs, so Postfix's timer restarts.
  std::chrono::seconds progress_interval{10};
  // Stop waits this long for messages in flight, then closes.
  std::chrono::seconds drain_timeout{30};
  // Unix socket mode; the directory should limit who reaches it.
  unsigned socket_mode = 0660;
  SessionOptions session;
};

class Server {
 public:
  static std::unique_ptr<Server> Create(ServerOptions options,
                                        CheckerSource checkers, LogSink log);
  virtual ~Server() = default;

  // Opens every listening socket (SO_REUSEADDR, so a restart binds at
  // once). Unix sockets are created with `socket_mode`, owned by
  // `owner_uid`/`owner_gid` when not -1.
  virtual Status Bind(int owner_uid = -1, int owner_gid = -1) = 0;
  // Serves until Stop(), then drains and returns.
  virtual void Run() = 0;
  virtual void Stop() = 0;
};

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_SERVER_H_
