// The catch-all probe's SMTP dialogue over asio.
#include "dns/catch_all_probe.h"

#include <unistd.h>

#include <asio.hpp>
#include <deque>
#include <random>
#include <thread>

#include "dns/internal_address.h"
#include "dns/smtp_reply.h"

namespace nearmiss::dns {
namespace {

using Clock = std::chrono::steady_clock;

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

}  // namespace

// One probe waiting for its turn. Not in the anonymous namespace: it is a
// member of CatchAllProber::Impl's queue, and GCC's -Wsubobject-linkage
// refuses that when this file is compiled in a unity batch.
struct ProbeRequest {
  std::string address;
  std::string domain;
  std::chrono::steady_clock::time_point deadline;
  std::function<void(ProbeResult)> done;
};

std::optional<bool> CatchAllFromRcptReply(int code, std::string_view status) {
  // "550 5.7.1 Relay access denied": the server refused the probe by its
  // policy (who asks, from where), which says nothing of the mailbox.
  if (code >= 400 && IsPolicyStatus(status)) return std::nullopt;
  if (code == 250 || code == 251) return true;
  if (code == 550 || code == 551 || code == 553) return false;
  return std::nullopt;
}

std::string RandomLocalPart() {
  std::random_device rd;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "nearmiss-probe-";
  for (int i = 0; i < 20; ++i) out += kHex[rd() & 0xf];
  return out;
}

class CatchAllProber::Impl {
 public:
  explicit Impl(const ProbeOptions& o)
      : options_(o), helo_(o.helo.empty() ? HostName() : o.helo), work_(io_.get_executor()) {
    thread_ = std::thread([this] { io_.run(); });
  }
  ~Impl() {
    work_.reset();
    io_.stop();
    thread_.join();
  }

  void Probe(ProbeRequest r) {
    asio::post(io_, [this, r = std::move(r)]() mutable {
      waiting_.push_back(std::move(r));
      StartWaiting();
    });
  }

 private:
  // One dialogue; owned by the handlers that refer to it.
  class Session : public std::enable_shared_from_this<Session> {
   public:
    Session(Impl& prober, ProbeRequest r)
        : prober_(prober), r_(std::move(r)), socket_(prober.io_), timer_(prober.io_) {}

    void Start() {
      asio::error_code ec;
      asio::ip::address ip = asio::ip::make_address(r_.address, ec);
      if (ec) return End({std::nullopt, "bad address " + r_.address});
      if (!prober_.options_.allow_internal) {
        if (std::string kind = InternalAddressKind(r_.address); !kind.empty()) {
          std::string why = "MX address ";
          why.append(r_.address).append(" is internal (").append(kind).append("): not probed");
          return End({std::nullopt, std::move(why)});
        }
      }
      timer_.expires_at(r_.deadline);
      timer_.async_wait([self = shared_from_this()](const asio::error_code& e) {
        if (!e) self->End({std::nullopt, "timeout"});
      });
      socket_.async_connect({ip, prober_.options_.port},
                            [self = shared_from_this()](const asio::error_code& e) {
                              if (e) return self->End({std::nullopt, ConnectError(e)});
                              self->ReadReply();
                            });
    }

   private:
    static std::string ConnectError(const asio::error_code& e) {
      if (e == asio::error::connection_refused) return "connection refused";
      if (e == asio::error::operation_aborted) return "timeout";
      return "connect: " + e.message();
    }

    void ReadReply() {
      int code = 0;
      switch (TakeReply(in_, &code, &status_)) {
        case ReplyRead::kComplete: return OnReply(code);
        case ReplyRead::kMalformed: return End({std::nullopt, "not an SMTP reply"});
        case ReplyRead::kIncomplete: break;
      }
      socket_.async_read_some(asio::buffer(chunk_),
                              [self = shared_from_this()](const asio::error_code& e, size_t n) {
                                if (e) {
                                  return self->End({std::nullopt, e == asio::error::eof
                                                                      ? "connection closed"
                                                                      : "read: " + e.message()});
                                }
                                self->in_.append(self->chunk_.data(), n);
                                self->ReadReply();
                              });
    }

    void Send(std::string line) {
      out_ = std::move(line) + "\r\n";
      asio::async_write(socket_, asio::buffer(out_),
                        [self = shared_from_this()](const asio::error_code& e, size_t) {
                          if (e) return self->End({std::nullopt, "write: " + e.message()});
                          self->ReadReply();
                        });
    }

    void OnReply(int code) {
      ++step_;
      switch (step_) {
        case 1:  // greeting
          if (code != 220) return Refused("greeting", code);
          return Send("EHLO " + prober_.helo_);
        case 2:
          if (code != 250) return Refused("EHLO", code);
          return Send("MAIL FROM:<>");
        case 3:
          if (code != 250) return Refused("MAIL FROM", code);
          return Send("RCPT TO:<" + RandomLocalPart() + "@" + r_.domain + ">");
        default: {
          std::optional<bool> verdict = CatchAllFromRcptReply(code, status_);
          std::string unknown;
          if (!verdict) {
            unknown = "RCPT reply " + std::to_string(code);
            // A 4xx is a temporary answer (greylisting: "450 4.7.1"): said
            // as such, never as a refusal (round 46's tester 15, finding 9).
            if (code >= 400 && code < 500) {
              if (!status_.empty()) unknown.append(" ").append(status_);
              unknown.append(" (a temporary answer: greylisting or a limit; asked again later)");
            } else if (IsPolicyStatus(status_)) {
              unknown.append(" ").append(status_).append(" (refused by policy)");
            }
          }
          return QuitAndEnd({verdict, std::move(unknown)});
        }
      }
    }

    void Refused(const char* what, int code) {
      QuitAndEnd({std::nullopt, std::string(what) + " reply " + std::to_string(code)});
    }

    // The answer is in: QUIT, then close without waiting for its reply
    // (never DATA).
    void QuitAndEnd(ProbeResult result) {
      quitting_ = true;
      out_ = "QUIT\r\n";
      asio::async_write(socket_, asio::buffer(out_),
                        [self = shared_from_this()](const asio::error_code&, size_t) {
                          asio::error_code ignored;
                          self->socket_.close(ignored);
                        });
      End(std::move(result));
    }

    void End(ProbeResult result) {
      if (ended_) return;
      ended_ = true;
      timer_.cancel();
      if (!quitting_) {  // cut short: nothing more to say
        asio::error_code ignored;
        socket_.close(ignored);
      }
      r_.done(std::move(result));
      prober_.Ended();
    }

    Impl& prober_;
    ProbeRequest r_;
    asio::ip::tcp::socket socket_;
    asio::steady_timer timer_;
    std::array<char, 1024> chunk_{};
    std::string in_;
    std::string out_;
    std::string status_;  // the last reply's enhanced status code ("5.7.1"), or ""
    int step_ = 0;
    bool quitting_ = false;
    bool ended_ = false;
  };

  void StartWaiting() {
    while (active_ < options_.max_concurrent && !waiting_.empty()) {
      ProbeRequest r = std::move(waiting_.front());
      waiting_.pop_front();
      if (r.deadline <= Clock::now()) {
        r.done({std::nullopt, "timeout"});
        continue;
      }
      ++active_;
      std::make_shared<Session>(*this, std::move(r))->Start();
    }
  }

  void Ended() {
    --active_;
    StartWaiting();
  }

  ProbeOptions options_;
  std::string helo_;
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  std::thread thread_;
  // The prober's thread only.
  std::deque<ProbeRequest> waiting_;
  size_t active_ = 0;
};

Result<std::unique_ptr<CatchAllProber>> CatchAllProber::Start(const ProbeOptions& options) {
  if (options.max_concurrent == 0) {
    return Status::InvalidArgument("[dns] catch_all_max_probes must be at least 1");
  }
  return std::unique_ptr<CatchAllProber>(new CatchAllProber(std::make_unique<Impl>(options)));
}

CatchAllProber::CatchAllProber(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CatchAllProber::~CatchAllProber() = default;

void CatchAllProber::Probe(std::string address, std::string domain, Clock::time_point deadline,
                           std::function<void(ProbeResult)> done) {
  impl_->Probe({std::move(address), std::move(domain), deadline, std::move(done)});
}

}  // namespace nearmiss::dns
