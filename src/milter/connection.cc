#include "milter/connection.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "base/log.h"
#include "milter/ready_read.h"

namespace nearmiss::milter {
namespace {

// steady_clock's clock (CLOCK_MONOTONIC) at the kernel's last tick (a few
// milliseconds behind at most): what the idle and stall timeouts, whole
// seconds, need of a read's time. It reads a word the kernel keeps, where
// steady_clock::now() reads the clock source too, once per packet.
std::chrono::steady_clock::time_point CoarseNow() {
  struct timespec ts;
  if (::clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) != 0) return std::chrono::steady_clock::now();
  return std::chrono::steady_clock::time_point(std::chrono::seconds(ts.tv_sec) +
                                               std::chrono::nanoseconds(ts.tv_nsec));
}

}  // namespace

Connection::Connection(ServerContext& server, Socket socket, uint64_t id)
    : server_(server),
      socket_(std::move(socket)),
      session_(id, server.options.session, server.checkers, server.log),
      framer_(server.options.max_packet),
      framer_charge_(server.options.session.buffer_budget),
      idle_timer_(server.io),
      scan_timer_(server.io),
      progress_timer_(server.io) {
  ++server_.open_connections;
}

Connection::~Connection() { --server_.open_connections; }

void Connection::Start() {
  asio::error_code ec;
  tcp_ = socket_.local_endpoint(ec).protocol().family() != AF_UNIX && !ec;
  if (tcp_) {
    // Replies are small and each one gates the MTA's next step: without
    // this, Nagle plus delayed ACKs add ~40 ms to every message.
    int one = 1;
    ::setsockopt(socket_.native_handle(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  // Replies are sent without blocking (Write).
  socket_.non_blocking(true, ec);
  last_read_ = std::chrono::steady_clock::now();
  ArmIdle(Due());
  Read();
}

bool Connection::Stalled() const { return !session_.negotiated() || framer_.buffered() > 0; }

std::chrono::steady_clock::time_point Connection::Due() const {
  const ServerOptions& o = server_.options;
  return last_read_ + (Stalled() ? std::min(o.stall_timeout, o.idle_timeout) : o.idle_timeout);
}

std::optional<std::chrono::steady_clock::time_point> Connection::IdleSince() const {
  if (closed_ || scanning_ || session_.in_message() || !writing_.empty() || !outbox_.empty()) {
    return std::nullopt;
  }
  return last_read_;
}

// Armed once and pushed back only when it fires: re-arming on every read
// would cost a timer update per packet. Only a move to the stall state
// brings it forward (Read).
void Connection::ArmIdle(std::chrono::steady_clock::time_point deadline) {
  idle_deadline_ = deadline;
  idle_timer_.expires_at(deadline);
  idle_timer_.async_wait([self = shared_from_this()](asio::error_code ec) {
    if (ec) return;  // closed, or brought forward
    auto now = std::chrono::steady_clock::now();
    // A scan in progress is bounded by its own timer.
    if (self->scanning_) return self->ArmIdle(now + self->server_.options.idle_timeout);
    auto due = self->Due();
    if (now < due) return self->ArmIdle(due);
    bool stalled = self->Stalled();
    if (stalled) ++self->server_.stalled_closed;
    log::Info("session " + std::to_string(self->session_.id()) +
              (stalled ? ": stalled (no negotiation, or half a packet) past the stall timeout; "
                         "closed, its buffers freed"
                       : ": idle timeout"));
    self->Close();
  });
}

// Headers and body flow without replies (no-reply flags), so if our kernel
// delayed its ACKs, Postfix, which leaves Nagle on for milter sockets, would
// hold the small end-of-message packet for ~40 ms behind the unacknowledged
// body. Linux delays ACKs in its "pingpong" (interactive) mode, which a
// reply sent soon after a packet arrived turns on (tcp_event_data_sent);
// TCP_QUICKACK turns it off, and until we send again every read that
// empties the queue acknowledges at once (tcp_cleanup_rbuf). So once after
// each reply is written, not after every read without one (2 system calls
// a message under the paced replay instead of 11; bench/milter_replay.py
// --nagle shows the stall when it is left out: 55 ms a message against 10).
void Connection::QuickAck() {
#ifdef TCP_QUICKACK
  if (!tcp_) return;
  int one = 1;
  ::setsockopt(socket_.native_handle(), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#endif
}

// Straight into the framer, no copy through a shared buffer, and after a
// short read no recv until epoll says the MTA sent more (ready_read.h: asio
// would try one at every read start, and after a reply the MTA must answer
// it finds nothing). The room is 16 KiB, a message's headers and a small
// body; a read that fills it (a large body, Postfix sends up to 64 KiB a
// packet) raises it to 64 KiB until a read leaves room again.
// One read at a time: a second would fill its own idea of the framer's free
// room, stale once the first commits. (Until round 44 an end of message
// whose DNS answer had come after RCPT ran Process() inside Process(), both
// started a read, and the daemon crashed on a later packet that came in
// parts: AwaitDnsThenScan.)
void Connection::Read() {
  if (closed_ || reading_) return;
  reading_ = true;
  char* room = framer_.Reserve(read_room_);
  AsyncReadWhenReady(
      socket_, asio::buffer(room, read_room_),
      [self = shared_from_this()](asio::error_code ec, size_t n) {
        self->reading_ = false;
        self->framer_.Commit(ec ? 0 : n);
        if (ec) return self->Close();  // EOF or reset: the MTA went away; or closed under us
        if (self->closed_) return;
        self->read_room_ = n == self->read_room_ ? kLargeRead : kSmallRead;
        if (!self->framer_charge_.Resize(self->framer_.buffered())) {
          log::Warn("session " + std::to_string(self->session_.id()) + ": " +
                    std::to_string(self->framer_.buffered()) +
                    " bytes of an unfinished packet do not fit in max_buffered_bytes; closed");
          return self->Close();
        }
        self->last_read_ = CoarseNow();
        // Half a packet left: the stall timeout, not the idle one, bounds it.
        if (self->framer_.buffered() > 0 && self->Due() < self->idle_deadline_) {
          self->ArmIdle(self->Due());
        }
        self->Process();
      });
}

// Replies to packets that came together (the MTA pipelined them) go out in
// one write, after the last of them is handled.
void Connection::Process() {
  batching_ = true;
  HandlePackets();
  batching_ = false;
  if (writing_.empty()) Write();
}

// Handles every complete packet buffered; reads more unless a scan is now
// running (the MTA sends nothing until it has the end-of-message reply).
void Connection::HandlePackets() {
  while (!closed_ && !scanning_ && !close_after_write_) {
    auto packet = framer_.Next();
    if (!packet.ok()) {
      log::Warn("session " + std::to_string(session_.id()) + ": " +
                log::Untrusted(packet.error().message(), 200));
      // The replies to the packets before it still go out, as unbatched.
      batching_ = false;
      Write();
      return Close();
    }
    if (!packet->has_value()) {
      if (reading_) return;  // its room is reserved: keep the buffer as it is
      framer_.ReleaseIfEmpty();
      framer_charge_.Resize(framer_.buffered());  // shrinking always succeeds
      return Read();
    }
    std::string out;
    Session::Step step = session_.Handle(**packet, &out);
    if (!out.empty()) Send(std::move(out));
    if (closed_) return;  // the reply could not be sent
    // Draining and no message in flight any more (an abort, or the end of a
    // message finished inline): close now rather than at the drain's
    // deadline, which would keep every new session waiting on it.
    if (draining_ && step == Session::Step::kContinue && !session_.in_message()) {
      return CloseAfterWrite();
    }
    if (step == Session::Step::kClose) {
      if (!session_.error().ok()) {
        log::Warn("session " + std::to_string(session_.id()) + ": " +
                  log::Untrusted(session_.error().message(), 200));
      }
      return CloseAfterWrite();
    }
    if (step == Session::Step::kEndOfMessage) AwaitDnsThenScan();
  }
}

void Connection::AwaitDnsThenScan() {
  dns_wait_ = session_.PendingDnsLookups();
  dns_wait_until_ = std::chrono::steady_clock::now() + server_.options.scan_timeout;
  // Answered already (after RCPT): scan now, within the Process() that
  // called, which goes on with the packets after this one. Only the timer
  // calls Process() itself (PollDns): called from here too, it would run
  // inside the loop that called us.
  if (DnsWaitOver()) return StartScan();
  // `scanning_` stops Process() and keeps the idle timer off, as a scan does.
  scanning_ = true;
  ArmDnsPoll(++scan_);
}

bool Connection::DnsWaitOver() {
  std::erase_if(dns_wait_, [](const std::shared_future<DnsFacts>& f) {
    return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  });
  if (!dns_wait_.empty() && std::chrono::steady_clock::now() < dns_wait_until_) return false;
  dns_wait_.clear();
  return true;
}

// A shared_future has no completion callback, and DnsSource (nearmiss/dns.h)
// is shared with the engine's shells; polling a few futures every few
// milliseconds, only while a message to a look-alike waits, costs less than
// a thread per wait and never blocks the loop.
void Connection::ArmDnsPoll(uint64_t wait) {
  constexpr auto kDnsPoll = std::chrono::milliseconds(5);
  scan_timer_.expires_after(kDnsPoll);
  scan_timer_.async_wait([self = shared_from_this(), wait](asio::error_code ec) {
    if (!ec) self->PollDns(wait);
  });
}

void Connection::PollDns(uint64_t wait) {
  if (closed_ || !scanning_ || wait != scan_) return;
  if (!DnsWaitOver()) return ArmDnsPoll(wait);
  scanning_ = false;
  StartScan();
  // Finished inline: go on with packets the MTA sent meanwhile.
  if (!scanning_) Process();
}

void Connection::StartScan() {
  if (session_.end_of_message_is_quick()) return ScanInline();
  scanning_ = true;
  uint64_t scan = ++scan_;
  auto job = session_.TakeEndOfMessage();
  if (server_.queued_scans.load() >= server_.options.max_queued_scans) {
    std::string out;
    session_.FailEndOfMessage("scan queue full", &out);
    scanning_ = false;
    Send(std::move(out));
    return;
  }
  ++server_.queued_scans;
  asio::post(server_.pool, [self = shared_from_this(), job = std::move(job), scan]() mutable {
    EomOutcome outcome = job();
    // The job holds the transaction: free it (and its share of the buffer
    // budget) before the reply lets the MTA send the next message.
    job = nullptr;
    --self->server_.queued_scans;
    asio::post(self->server_.io, [self, scan, outcome = std::move(outcome)]() mutable {
      self->FinishScan(scan, std::move(outcome));
    });
  });
  scan_timer_.expires_after(server_.options.scan_timeout);
  scan_timer_.async_wait([self = shared_from_this(), scan](asio::error_code ec) {
    if (!ec) self->TimeoutScan(scan);
  });
  Progress(scan);
}

// A small text message scans in a fraction of a millisecond, less than the
// pool would cost: two thread wake-ups and two timers. Process() goes on
// with the next packet when this returns.
void Connection::ScanInline() {
  auto job = session_.TakeEndOfMessage();
  EomOutcome outcome = job();
  job = nullptr;  // its buffer may serve the next message (job_done)
  std::string out;
  session_.CompleteEndOfMessage(std::move(outcome), &out, /*job_done=*/true);
  Send(std::move(out));
  if (draining_) CloseAfterWrite();
}

void Connection::Progress(uint64_t scan) {
  progress_timer_.expires_after(server_.options.progress_interval);
  progress_timer_.async_wait([self = shared_from_this(), scan](asio::error_code ec) {
    if (ec || !self->scanning_ || self->scan_ != scan || self->closed_) return;
    std::string p;
    EncodeSimple(reply::kProgress, &p);
    self->Send(std::move(p));
    self->Progress(scan);
  });
}

void Connection::FinishScan(uint64_t scan, EomOutcome outcome) {
  if (closed_ || !scanning_ || scan != scan_) return;  // timed out or gone
  scanning_ = false;
  scan_timer_.cancel();
  progress_timer_.cancel();
  std::string out;
  // The worker dropped the job before posting this (StartScan).
  session_.CompleteEndOfMessage(std::move(outcome), &out, /*job_done=*/true);
  Send(std::move(out));
  if (draining_) return CloseAfterWrite();
  Process();
}

void Connection::TimeoutScan(uint64_t scan) {
  if (closed_ || !scanning_ || scan != scan_) return;
  scanning_ = false;
  ++scan_;  // the late result is dropped
  progress_timer_.cancel();
  std::string out;
  session_.FailEndOfMessage("scan timed out", &out);
  Send(std::move(out));
  if (draining_) return CloseAfterWrite();
  Process();
}

void Connection::Send(std::string bytes) {
  outbox_.append(bytes);
  if (writing_.empty() && !batching_) Write();
}

// A reply is a few bytes and the socket's send buffer is almost always
// free, so it is sent at once. asio's async_write would send it at once
// too, but then post its completion, which makes the loop poll epoll once
// more before it sleeps: a syscall per reply, two per message. What the
// kernel does not take now (a full send buffer) goes through async_write.
void Connection::Write() {
  if (closed_ || outbox_.empty()) return;
  asio::error_code ec;
  size_t sent = socket_.send(asio::buffer(outbox_), 0, ec);
  if (ec == asio::error::would_block || ec == asio::error::try_again) {
    sent = 0;
  } else if (ec) {
    return Close();  // reset: the MTA went away
  }
  if (sent == outbox_.size()) {
    outbox_.clear();
    if (close_after_write_) return Close();
    return QuickAck();
  }
  outbox_.erase(0, sent);
  writing_.swap(outbox_);
  asio::async_write(socket_, asio::buffer(writing_),
                    [self = shared_from_this()](asio::error_code ec, size_t) {
                      self->writing_.clear();
                      if (ec) return self->Close();
                      if (!self->outbox_.empty()) return self->Write();
                      if (self->close_after_write_) return self->Close();
                      self->QuickAck();
                    });
}

void Connection::CloseAfterWrite() {
  close_after_write_ = true;
  if (writing_.empty() && outbox_.empty()) Close();
}

void Connection::Drain() {
  draining_ = true;
  if (!session_.in_message()) CloseAfterWrite();
}

void Connection::Close() {
  if (closed_) return;
  closed_ = true;
  asio::error_code ignored;
  idle_timer_.cancel();
  scan_timer_.cancel();
  progress_timer_.cancel();
  socket_.shutdown(Socket::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace nearmiss::milter
