// Connection: one MTA connection on the server's event loop: reads packets
// into a Session, writes its replies, runs end-of-message jobs (small text
// messages inline, the rest on the worker pool with keep-alives), and times
// out idle peers.
//
// Thread safety: every member runs on the io_context thread; worker jobs
// post their outcome back to it.
#ifndef NEARMISS_MILTER_CONNECTION_H_
#define NEARMISS_MILTER_CONNECTION_H_

#include <asio.hpp>
#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <future>
#include <string>
#include <vector>

#include "milter/byte_budget.h"
#include "milter/codec.h"
#include "milter/server.h"
#include "milter/session.h"

namespace nearmiss::milter {

using Socket = asio::generic::stream_protocol::socket;

// What connections share: the loop, the pool and its bound, options, log.
// Each connection reads straight into its Framer (Connection::Read), so an
// idle one holds its read room, 16 KiB (64 KiB after a read that filled
// it), and its last message's buffer if that was at most 16 KiB (Session's
// spare, counted in the buffer budget), and no more.
struct ServerContext {
  asio::io_context& io;
  asio::thread_pool& pool;
  const ServerOptions& options;
  CheckerSource checkers;
  LogSink log;
  std::atomic<size_t> queued_scans{0};
  std::atomic<size_t> open_connections{0};
  uint64_t stalled_closed = 0;            // I/O thread only: stall timeouts
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(ServerContext& server, Socket socket, uint64_t id);
  ~Connection();

  void Start();
  // Close now if no message is in flight, else after its reply.
  void Drain();
  void Close();
  // When it last read, if it holds no message, scan or pending write (so
  // closing it loses nothing an MTA waits for); nullopt otherwise. The
  // server closes the longest idle one to make room at max_connections.
  std::optional<std::chrono::steady_clock::time_point> IdleSince() const;

 private:
  void Read();
  void Process();
  void HandlePackets();
  // At end of message: waits for the DNS lookups of look-alike recipients
  // (Session::PendingDnsLookups) on scan_timer_, polling every kDnsPoll, so
  // the I/O thread never blocks; then StartScan. Bounded by the lookups'
  // own deadline and, should a DnsSource break that promise, by
  // scan_timeout: the facts then stay unknown (fail closed).
  void AwaitDnsThenScan();
  bool DnsWaitOver();  // drops answered lookups; true when none is left or past the wait
  void ArmDnsPoll(uint64_t wait);
  void PollDns(uint64_t wait);  // on scan_timer_
  void StartScan();
  void FinishScan(uint64_t scan, EomOutcome outcome);
  void TimeoutScan(uint64_t scan);
  void Progress(uint64_t scan);
  void Send(std::string bytes);
  void Write();
  // Closes once every queued reply is written (now, if none is).
  void CloseAfterWrite();
  void ScanInline();
  void ArmIdle(std::chrono::steady_clock::time_point deadline);
  // Not yet negotiated, or a packet half received: the stall timeout
  // applies instead of the idle one.
  bool Stalled() const;
  std::chrono::steady_clock::time_point Due() const;
  void QuickAck();

  ServerContext& server_;
  Socket socket_;
  Session session_;
  Framer framer_;
  // The framer's unparsed bytes (half a packet, up to max_packet) count
  // against the server's ByteBudget too: a peer that sends most of a large
  // packet and stops must not hold memory beyond the one bound.
  BudgetCharge framer_charge_;
  asio::steady_timer idle_timer_;
  asio::steady_timer scan_timer_;
  asio::steady_timer progress_timer_;
  std::chrono::steady_clock::time_point idle_deadline_;
  std::vector<std::shared_future<DnsFacts>> dns_wait_;  // AwaitDnsThenScan
  std::chrono::steady_clock::time_point dns_wait_until_;
  std::string outbox_;   // waiting to be written
  std::string writing_;  // being written
  std::chrono::steady_clock::time_point last_read_;
  bool scanning_ = false;
  uint64_t scan_ = 0;  // bumps per scan so stale completions are dropped
  bool draining_ = false;
  bool close_after_write_ = false;
  bool closed_ = false;
  bool tcp_ = false;
  bool reading_ = false;   // a Read() is outstanding
  bool batching_ = false;  // in Process(): Send queues, Process writes once
  size_t read_room_ = kSmallRead;  // Read()'s room; see there
  static constexpr size_t kSmallRead = 16 * 1024;
  static constexpr size_t kLargeRead = 64 * 1024;
};

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_CONNECTION_H_
