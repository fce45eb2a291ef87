// The resolver thread: c-ares queries, the per-lookup deadline, the cache.
#include "dns/resolver.h"

#include <ares.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "base/dns_server.h"
#include "base/text_format.h"
#include "dns/answer.h"
#include "dns/facts_cache.h"
#include "dns/server_list.h"

namespace nearmiss::dns {
namespace {

using Clock = std::chrono::steady_clock;

std::string NowUtc() {
  return FormatUtc(static_cast<int64_t>(std::time(nullptr)), "%Y-%m-%dT%H:%M:%SZ");
}

// One lookup: MX, then (on NODATA) A and AAAA. Touched only on the
// resolver thread, except `future`, which is set before it is shared.
struct Pending {
  std::string domain;
  std::promise<DnsFacts> promise;
  std::shared_future<DnsFacts> future;
  Clock::time_point deadline;
  bool done = false;
  int outstanding = 0;  // c-ares queries whose callbacks are still to come
  int address_answers = 0;
  bool has_address = false;
  std::optional<uint32_t> address_ttl;
  std::string address_failure;  // an A/AAAA query failed: why
  // The catch-all probe is running: the DNS facts and their TTL, waiting
  // for its answer (resolver.h).
  std::optional<DnsFacts> answer;
  std::optional<uint32_t> answer_ttl;
  std::string exchanger;  // the host probed
};

}  // namespace

int64_t PerServerTimeoutMs(int64_t deadline_ms, size_t servers) {
  if (servers <= 1) return deadline_ms;
  // A lookup is two rounds (MX, then A and AAAA), and c-ares 1.18 starts
  // each query on the first server, moving to the next when its timeout
  // passes: each server gets an equal share of each round's half.
  return std::max<int64_t>(deadline_ms / static_cast<int64_t>(2 * servers), 1);
}

class Resolver::Impl {
 public:
  explicit Impl(const ResolverOptions& options)
      : options_(options), cache_(options.cache_size) {}

  Status Init() {
    NM_RETURN_IF_ERROR(CheckServers(options_.servers));
    if (options_.catch_all) {
      if (options_.catch_all_timeout_ms <= 0) {
        return Status::InvalidArgument("[dns] catch_all_timeout_ms must be positive");
      }
      NM_ASSIGN_OR_RETURN(prober_, CatchAllProber::Start(*options_.catch_all));
    }
    static std::once_flag once;
    static int library = ARES_SUCCESS;
    std::call_once(once, [] { library = ares_library_init(ARES_LIB_INIT_ALL); });
    if (library != ARES_SUCCESS) {
      return Status::Internal(std::string("c-ares: ") + ares_strerror(library));
    }
    // "system": as many servers as resolv.conf(5) names.
    size_t servers = options_.servers.size();
    if (options_.servers.front() == kSystemDnsServers) {
      NM_RETURN_IF_ERROR(InitChannel(options_.timeout_ms));
      servers = CountServers();
      ares_destroy(channel_);
      initialised_ = false;
    }
    NM_RETURN_IF_ERROR(InitChannel(PerServerTimeoutMs(options_.timeout_ms, servers)));
    // "system" leaves c-ares on resolv.conf(5), which ares_init_options read.
    if (options_.servers.front() != kSystemDnsServers) {
      std::string csv;
      for (const std::string& s : options_.servers) {
        if (!csv.empty()) csv += ',';  // appended: GCC 12 -O3 bug 105329 on "," + string
        csv += CanonicalDnsServer(s);
      }
      int rc = ares_set_servers_ports_csv(channel_, csv.c_str());
      if (rc != ARES_SUCCESS) {
        return Status::InvalidArgument("[dns] servers: cannot use '" + csv +
                                       "' (write IP or IP:PORT, [IPv6]:PORT): " +
                                       ares_strerror(rc));
      }
    }
    if (pipe2(wake_, O_NONBLOCK | O_CLOEXEC) != 0) {
      return Status::IoError("dns resolver: pipe2 failed");
    }
    thread_ = std::thread([this] { Run(); });
    return Status::Ok();
  }

  ~Impl() {
    prober_.reset();  // its callbacks refer to this; they never run after
    if (thread_.joinable()) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
      }
      Wake();
      thread_.join();
    }
    if (initialised_) ares_destroy(channel_);  // callbacks see ARES_EDESTRUCTION
    for (auto& p : all_) Finish(*p, Unknown("shutdown"), std::nullopt);
    for (auto& p : queue_) Finish(*p, Unknown("shutdown"), std::nullopt);
    for (int fd : wake_) {
      if (fd >= 0) close(fd);
    }
  }

  std::shared_future<DnsFacts> Lookup(std::string_view domain_in) {
    std::string domain(domain_in);
    while (!domain.empty() && domain.back() == '.') domain.pop_back();
    std::lock_guard<std::mutex> lock(mu_);
    ++counters_.lookups;
    if (std::optional<DnsFacts> hit = cache_.Find(domain, Clock::now())) {
      ++counters_.cache_hits;
      std::promise<DnsFacts> ready;
      ready.set_value(std::move(*hit));
      return ready.get_future().share();
    }
    auto flying = inflight_.find(domain);
    if (flying != inflight_.end()) {
      ++counters_.joined;
      return flying->second->future;
    }
    auto p = std::make_shared<Pending>();
    p->domain = domain;
    p->future = p->promise.get_future().share();
    p->deadline = Clock::now() + std::chrono::milliseconds(
                                     options_.timeout_ms +
                                     (prober_ ? options_.catch_all_timeout_ms : 0));
    inflight_[domain] = p;
    queue_.push_back(p);
    std::shared_future<DnsFacts> f = p->future;
    Wake();
    return f;
  }

  // The c-ares channel, each server waited on for `server_timeout_ms`.
  Status InitChannel(int64_t server_timeout_ms) {
    ares_options opts{};
    int mask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS;
    opts.timeout = static_cast<int>(std::max<int64_t>(server_timeout_ms, 1));
    opts.tries = 1;  // the deadline bounds the lookup; no retry past it
    // NOCHECKRESP: a SERVFAIL or REFUSED comes back as such, not as a
    // retry against the same server until the deadline.
    opts.flags = ARES_FLAG_NOCHECKRESP | ARES_FLAG_NOSEARCH;
    int rc = ares_init_options(&channel_, &opts, mask);
    if (rc != ARES_SUCCESS) return Status::Internal(std::string("c-ares: ") + ares_strerror(rc));
    initialised_ = true;
    return Status::Ok();
  }

  size_t CountServers() const {
    ares_addr_port_node* list = nullptr;
    if (ares_get_servers_ports(channel_, &list) != ARES_SUCCESS) return 1;
    size_t n = 0;
    for (const ares_addr_port_node* s = list; s != nullptr; s = s->next) ++n;
    ares_free_data(list);
    return std::max<size_t>(n, 1);
  }

  ResolverCounters counters() const {
    std::lock_guard<std::mutex> lock(mu_);
    return counters_;
  }

 private:
  struct Query {
    Impl* self;
    std::shared_ptr<Pending> pending;
    unsigned type = 0;  // the RR type asked (ns_t_mx, ns_t_a, ns_t_aaaa)
  };

  void Wake() {
    char b = 1;
    [[maybe_unused]] ssize_t n = write(wake_[1], &b, 1);  // full pipe: already woken
  }

  static DnsFacts Unknown(std::string why) {
    DnsFacts f;
    f.unknown = std::move(why);
    f.checked_at = NowUtc();
    return f;
  }

  static DnsFacts Known(bool exists, MailExchanger m) {
    DnsFacts f;
    f.exists = exists;
    f.exchanger = m;
    f.mx = m == MailExchanger::kMx || m == MailExchanger::kImplicit;
    f.checked_at = NowUtc();
    return f;
  }

  // Answers the lookup once; `ttl` (seconds) caches the answer, capped.
  void Finish(Pending& p, DnsFacts facts, std::optional<uint32_t> ttl) {
    if (p.done) return;
    p.done = true;
    if (prober_ && !facts.catch_all && facts.catch_all_unknown.empty()) {
      facts.catch_all_unknown = !facts.exists.has_value() ? "not probed: DNS answer unknown"
                                : p.answer                ? "timeout"
                                                          : "not probed: no mail exchanger";
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      inflight_.erase(p.domain);
      if (prober_ && p.answer && !facts.catch_all) ++counters_.probes_unknown;
      if (!facts.exists.has_value()) {
        ++counters_.unknown;
        if (facts.unknown == "timeout") ++counters_.timeouts;
      } else if (ttl && options_.cache_ttl_max > 0 && options_.cache_size > 0) {
        int64_t seconds = std::min<int64_t>(*ttl, options_.cache_ttl_max);
        if (seconds > 0) {
          Clock::time_point now = Clock::now();
          cache_.Store(p.domain, facts, now + std::chrono::seconds(seconds), now);
        }
      }
    }
    p.promise.set_value(std::move(facts));
  }

  void Send(const std::shared_ptr<Pending>& p, int type, ares_callback callback) {
    ++p->outstanding;
    ares_query(channel_, p->domain.c_str(), ns_c_in, type, callback,
               new Query{this, p, static_cast<unsigned>(type)});
  }

  static void OnMx(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen) {
    std::unique_ptr<Query> q(static_cast<Query*>(arg));
    Pending& p = *q->pending;
    --p.outstanding;
    if (p.done || status == ARES_EDESTRUCTION) return;
    Impl& self = *q->self;
    uint32_t negative = static_cast<uint32_t>(kNegativeTtlSeconds);
    if (status == ARES_ENOTFOUND) {  // NXDOMAIN
      return self.Finish(p, Known(false, MailExchanger::kNone), negative);
    }
    if (status == ARES_ENODATA) {  // the name exists, without MX
      self.Send(q->pending, ns_t_a, OnAddress);
      self.Send(q->pending, ns_t_aaaa, OnAddress);
      return;
    }
    if (status != ARES_SUCCESS) return self.Finish(p, Unknown(UnknownReason(status)), std::nullopt);
    ares_mx_reply* mx = nullptr;
    int rc = ares_parse_mx_reply(abuf, alen, &mx);
    // An answer of other types only: a CNAME chain whose end has no MX
    // (RFC 1034 §3.6.2). c-ares says ENODATA for some shapes and success
    // with no record for others (a CNAME-only answer): both are NODATA.
    if (rc == ARES_ENODATA || (rc == ARES_SUCCESS && mx == nullptr)) {
      self.Send(q->pending, ns_t_a, OnAddress);
      self.Send(q->pending, ns_t_aaaa, OnAddress);
      return;
    }
    if (rc != ARES_SUCCESS) return self.Finish(p, Unknown(UnknownReason(rc)), std::nullopt);
    // RFC 7505 §3: a null MX is the only MX, preference 0, exchange "."
    // (c-ares hands the root as "" or ".").
    bool null_mx = mx->next == nullptr && mx->priority == 0 &&
                   (mx->host == nullptr || mx->host[0] == '\0' ||
                    std::string_view(mx->host) == ".");
    // RFC 5321 §5.1: the lowest preference is tried first.
    const ares_mx_reply* best = mx;
    for (const ares_mx_reply* m = mx; m != nullptr; m = m->next) {
      if (m->priority < best->priority) best = m;
    }
    std::string exchanger = best->host != nullptr ? best->host : "";
    ares_free_data(mx);
    self.Answered(q->pending, Known(true, null_mx ? MailExchanger::kNullMx : MailExchanger::kMx),
                  MinAnswerTtl(abuf, alen, ns_t_mx), std::move(exchanger));
  }

  static void OnAddress(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen) {
    std::unique_ptr<Query> q(static_cast<Query*>(arg));
    Pending& p = *q->pending;
    --p.outstanding;
    if (p.done || status == ARES_EDESTRUCTION) return;
    ++p.address_answers;
    if (status == ARES_SUCCESS) {
      // Only an A or AAAA record is an address; a CNAME-only answer is not.
      if (std::optional<uint32_t> ttl = MinAnswerTtl(abuf, alen, q->type)) {
        p.has_address = true;
        p.address_ttl = p.address_ttl ? std::min(*p.address_ttl, *ttl) : *ttl;
      }
    } else if (status != ARES_ENODATA && status != ARES_ENOTFOUND) {
      p.address_failure = UnknownReason(status);
    }
    Impl& self = *q->self;
    // The other family's answer after the first address already answered
    // (and maybe started the probe): nothing more to do, or the domain is
    // probed twice.
    if (p.answer) return;
    // One address is enough for the implicit MX of RFC 5321 §5.1.
    if (p.has_address) {
      return self.Answered(q->pending, Known(true, MailExchanger::kImplicit), p.address_ttl,
                           p.domain);
    }
    if (p.address_answers < 2) return;
    if (!p.address_failure.empty()) {
      return self.Finish(p, Unknown(p.address_failure), std::nullopt);
    }
    self.Finish(p, Known(true, MailExchanger::kNone), static_cast<uint32_t>(kNegativeTtlSeconds));
  }

  // DNS says the domain receives mail at `exchanger`: done, or (probe on)
  // on to the exchanger's address and the probe.
  void Answered(const std::shared_ptr<Pending>& p, DnsFacts facts, std::optional<uint32_t> ttl,
                std::string exchanger) {
    if (!prober_ || !facts.mx.value_or(false) || exchanger.empty()) {
      return Finish(*p, std::move(facts), ttl);
    }
    p->answer = std::move(facts);
    p->answer_ttl = ttl;
    p->exchanger = std::move(exchanger);
    ++p->outstanding;
    ares_gethostbyname(channel_, p->exchanger.c_str(), AF_UNSPEC, OnExchangerAddress,
                       new Query{this, p, 0});
  }

  static void OnExchangerAddress(void* arg, int status, int /*timeouts*/, hostent* host) {
    std::unique_ptr<Query> q(static_cast<Query*>(arg));
    Pending& p = *q->pending;
    --p.outstanding;
    if (p.done || status == ARES_EDESTRUCTION) return;
    Impl& self = *q->self;
    char text[INET6_ADDRSTRLEN] = {};
    if (status != ARES_SUCCESS || host == nullptr || host->h_addr_list[0] == nullptr ||
        inet_ntop(host->h_addrtype, host->h_addr_list[0], text, sizeof text) == nullptr) {
      return self.Probed(p, {std::nullopt, "no address for the mail exchanger " + p.exchanger +
                                               " (" + UnknownReason(status) + ")"});
    }
    {
      std::lock_guard<std::mutex> lock(self.mu_);
      ++self.counters_.probes;
    }
    self.prober_->Probe(text, p.domain, p.deadline,
                        [impl = &self, pending = q->pending](ProbeResult r) {
                          // The prober's thread: handed to the resolver thread.
                          std::lock_guard<std::mutex> lock(impl->mu_);
                          impl->probed_.emplace_back(pending, std::move(r));
                          impl->Wake();
                        });
  }

  // The probe's answer: the DNS facts with catch_all, kept for the probe's TTL.
  void Probed(Pending& p, ProbeResult r) {
    if (p.done || !p.answer) return;
    DnsFacts facts = *p.answer;
    facts.catch_all = r.catch_all;
    facts.catch_all_unknown = std::move(r.unknown);
    int64_t keep = r.catch_all ? options_.catch_all_cache_ttl : kUnknownProbeTtlSeconds;
    std::optional<uint32_t> ttl = p.answer_ttl;
    if (ttl) ttl = static_cast<uint32_t>(std::min<int64_t>(*ttl, keep));
    Finish(p, std::move(facts), ttl);
  }

  void Run() {
    for (;;) {
      std::vector<std::shared_ptr<Pending>> fresh;
      std::vector<std::pair<std::shared_ptr<Pending>, ProbeResult>> probed;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stop_) return;
        fresh.assign(queue_.begin(), queue_.end());
        queue_.clear();
        probed.swap(probed_);
      }
      for (auto& [p, r] : probed) Probed(*p, std::move(r));
      for (auto& p : fresh) {
        all_.push_back(p);
        Send(p, ns_t_mx, OnMx);
      }
      // Past their deadline: answered unknown now; c-ares' own timeout
      // (the same length) ends their queries soon after.
      Clock::time_point now = Clock::now();
      Clock::time_point next = now + std::chrono::seconds(1);
      for (auto& p : all_) {
        if (p->done) continue;
        if (p->deadline <= now) {
          // A probe past the deadline: the DNS facts, catch_all unknown.
          if (p->answer) {
            Probed(*p, {std::nullopt, "timeout"});
          } else {
            Finish(*p, Unknown("timeout"), std::nullopt);
          }
        } else {
          next = std::min(next, p->deadline);
        }
      }
      std::erase_if(all_, [](const auto& p) { return p->done && p->outstanding == 0; });

      ares_socket_t socks[ARES_GETSOCK_MAXNUM];
      int bits = ares_getsock(channel_, socks, ARES_GETSOCK_MAXNUM);
      std::vector<pollfd> fds;
      fds.push_back({wake_[0], POLLIN, 0});
      for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
        short events = 0;
        if (ARES_GETSOCK_READABLE(bits, i)) events |= POLLIN;
        if (ARES_GETSOCK_WRITABLE(bits, i)) events |= POLLOUT;
        if (events != 0) fds.push_back({socks[i], events, 0});
      }
      timeval tv_max{1, 0};
      timeval tv{};
      timeval* t = ares_timeout(channel_, &tv_max, &tv);
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now);
      int64_t ms = std::min<int64_t>(wait.count() + 1, int64_t{t->tv_sec} * 1000 + t->tv_usec / 1000 + 1);
      int n = poll(fds.data(), fds.size(), static_cast<int>(std::max<int64_t>(ms, 0)));
      if (n > 0 && (fds[0].revents & POLLIN)) {
        char buf[64];
        while (read(wake_[0], buf, sizeof buf) > 0) {
        }
      }
      bool any = false;
      for (size_t i = 1; i < fds.size(); ++i) {
        if (fds[i].revents == 0) continue;
        any = true;
        ares_socket_t r = (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) ? fds[i].fd
                                                                          : ARES_SOCKET_BAD;
        ares_socket_t w = (fds[i].revents & POLLOUT) ? fds[i].fd : ARES_SOCKET_BAD;
        ares_process_fd(channel_, r, w);
      }
      // Timeouts inside c-ares are processed with no socket ready.
      if (!any) ares_process_fd(channel_, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
    }
  }

  ResolverOptions options_;
  ares_channel channel_ = nullptr;
  bool initialised_ = false;
  int wake_[2] = {-1, -1};
  std::thread thread_;
  // Resolver thread only.
  std::vector<std::shared_ptr<Pending>> all_;

  mutable std::mutex mu_;  // guards what follows
  bool stop_ = false;
  std::deque<std::shared_ptr<Pending>> queue_;
  std::unordered_map<std::string, std::shared_ptr<Pending>> inflight_;
  FactsCache cache_;
  ResolverCounters counters_;
  // Answers of the prober's thread, for the resolver thread.
  std::vector<std::pair<std::shared_ptr<Pending>, ProbeResult>> probed_;
  // Last member: destroyed first (its callbacks lock mu_ and write wake_).
  std::unique_ptr<CatchAllProber> prober_;
};

Result<std::unique_ptr<Resolver>> Resolver::Start(const ResolverOptions& options) {
  if (options.timeout_ms <= 0) {
    return Status::InvalidArgument("[dns] timeout_ms must be positive");
  }
  auto impl = std::make_unique<Impl>(options);
  NM_RETURN_IF_ERROR(impl->Init());
  return std::unique_ptr<Resolver>(new Resolver(std::move(impl)));
}

Resolver::Resolver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Resolver::~Resolver() = default;

std::shared_future<DnsFacts> Resolver::Lookup(std::string_view ascii_domain) {
  return impl_->Lookup(ascii_domain);
}

ResolverCounters Resolver::counters() const { return impl_->counters(); }

}  // namespace nearmiss::dns
