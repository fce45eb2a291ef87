// The resolver thread: c-ares queries, the per-lookup deadline, the cache
// (the answers of each lookup: resolver_answers.cc).
#include "dns/resolver.h"

#include <arpa/nameser.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <mutex>

#include "base/dns_server.h"
#include "dns/resolver_impl.h"
#include "dns/server_list.h"

namespace nearmiss::dns {

int64_t PerServerTimeoutMs(int64_t deadline_ms, size_t servers) {
  if (servers <= 1) return deadline_ms;
  // A lookup is two rounds (MX, then A and AAAA), and c-ares 1.18 starts
  // each query on the first server, moving to the next when its timeout
  // passes: each server gets an equal share of each round's half.
  return std::max<int64_t>(deadline_ms / static_cast<int64_t>(2 * servers), 1);
}

Status Resolver::Impl::Init() {
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
    servers_csv_ = std::move(csv);
  }
  if (pipe2(wake_, O_NONBLOCK | O_CLOEXEC) != 0) {
    return Status::IoError("dns resolver: pipe2 failed");
  }
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

Resolver::Impl::~Impl() {
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
  for (auto& p : all_) {
    if (p->own_channel != nullptr) ares_destroy(p->own_channel);
    p->own_channel = nullptr;
  }
  for (auto& p : all_) Finish(*p, Unknown("shutdown"), std::nullopt);
  for (auto& p : queue_) Finish(*p, Unknown("shutdown"), std::nullopt);
  for (int fd : wake_) {
    if (fd >= 0) close(fd);
  }
}

std::shared_future<DnsFacts> Resolver::Impl::Lookup(std::string_view domain_in) {
  std::string domain(domain_in);
  while (!domain.empty() && domain.back() == '.') domain.pop_back();
  std::lock_guard<std::mutex> lock(mu_);
  ++counters_.lookups;
  if (domain.find('.') == std::string::npos) {  // one label: never asked (resolver.h)
    ++counters_.one_label;
    std::promise<DnsFacts> ready;
    ready.set_value(Known(false, MailExchanger::kNone));
    return ready.get_future().share();
  }
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
Status Resolver::Impl::InitChannel(int64_t server_timeout_ms) {
  ares_options opts{};
  int mask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS;
  opts.timeout = static_cast<int>(std::max<int64_t>(server_timeout_ms, 1));
  opts.tries = 1;  // the deadline bounds the lookup; no retry past it
  // NOCHECKRESP: a SERVFAIL or REFUSED comes back as such, not as a
  // retry against the same server until the deadline.
  // Not ARES_FLAG_IGNTC: a truncated UDP reply is asked again over TCP
  // (RFC 7766 5), and a TCP server that refuses or stays silent leaves the
  // facts unknown (resolver_truncated_test.cc).
  opts.flags = ARES_FLAG_NOCHECKRESP | ARES_FLAG_NOSEARCH;
  int rc = ares_init_options(&channel_, &opts, mask);
  if (rc != ARES_SUCCESS) return Status::Internal(std::string("c-ares: ") + ares_strerror(rc));
  initialised_ = true;
  channel_options_ = opts;
  channel_mask_ = mask;
  return Status::Ok();
}

ares_channel Resolver::Impl::NewChannel() const {
  ares_options opts = channel_options_;
  ares_channel channel = nullptr;
  if (ares_init_options(&channel, &opts, channel_mask_) != ARES_SUCCESS) return nullptr;
  if (!servers_csv_.empty() &&
      ares_set_servers_ports_csv(channel, servers_csv_.c_str()) != ARES_SUCCESS) {
    ares_destroy(channel);
    return nullptr;
  }
  return channel;
}

bool Resolver::Impl::RetryAlone(const Query& q, ares_callback callback) {
  const std::shared_ptr<Pending>& p = q.pending;
  if (q.alone || p->done || Clock::now() >= p->deadline) return false;
  if (p->own_channel == nullptr) p->own_channel = NewChannel();
  if (p->own_channel == nullptr) return false;
  Send(p, static_cast<int>(q.type), callback);
  return true;
}

size_t Resolver::Impl::CountServers() const {
  ares_addr_port_node* list = nullptr;
  if (ares_get_servers_ports(channel_, &list) != ARES_SUCCESS) return 1;
  size_t n = 0;
  for (const ares_addr_port_node* s = list; s != nullptr; s = s->next) ++n;
  ares_free_data(list);
  return std::max<size_t>(n, 1);
}

void Resolver::Impl::Run() {
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
    // A finished lookup's own channel has no query left: closed here,
    // never inside one of its callbacks.
    for (auto& p : all_) {
      if (p->done && p->outstanding == 0 && p->own_channel != nullptr) {
        ares_destroy(p->own_channel);
        p->own_channel = nullptr;
      }
    }
    std::erase_if(all_, [](const auto& p) { return p->done && p->outstanding == 0; });

    // The shared channel and the lookups' own (RetryAlone), each with its
    // sockets: fds[i] belongs to channels[owner[i]].
    std::vector<ares_channel> channels = {channel_};
    for (const auto& p : all_) {
      if (p->own_channel != nullptr) channels.push_back(p->own_channel);
    }
    std::vector<pollfd> fds;
    std::vector<size_t> owner;
    fds.push_back({wake_[0], POLLIN, 0});
    owner.push_back(channels.size());
    timeval tv_max{1, 0};
    int64_t ares_ms = int64_t{tv_max.tv_sec} * 1000;
    for (size_t c = 0; c < channels.size(); ++c) {
      ares_socket_t socks[ARES_GETSOCK_MAXNUM];
      int bits = ares_getsock(channels[c], socks, ARES_GETSOCK_MAXNUM);
      for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
        short events = 0;
        if (ARES_GETSOCK_READABLE(bits, i)) events |= POLLIN;
        if (ARES_GETSOCK_WRITABLE(bits, i)) events |= POLLOUT;
        if (events == 0) continue;
        fds.push_back({socks[i], events, 0});
        owner.push_back(c);
      }
      timeval tv{};
      timeval* t = ares_timeout(channels[c], &tv_max, &tv);
      ares_ms = std::min<int64_t>(ares_ms, int64_t{t->tv_sec} * 1000 + t->tv_usec / 1000 + 1);
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now);
    int64_t ms = std::min<int64_t>(wait.count() + 1, ares_ms);
    int n = poll(fds.data(), fds.size(), static_cast<int>(std::max<int64_t>(ms, 0)));
    if (n > 0 && (fds[0].revents & POLLIN)) {
      char buf[64];
      while (read(wake_[0], buf, sizeof buf) > 0) {
      }
    }
    std::vector<bool> any(channels.size(), false);
    for (size_t i = 1; i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      any[owner[i]] = true;
      ares_socket_t r = (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) ? fds[i].fd
                                                                        : ARES_SOCKET_BAD;
      ares_socket_t w = (fds[i].revents & POLLOUT) ? fds[i].fd : ARES_SOCKET_BAD;
      ares_process_fd(channels[owner[i]], r, w);
    }
    // Timeouts inside c-ares are processed with no socket ready.
    for (size_t c = 0; c < channels.size(); ++c) {
      if (!any[c]) ares_process_fd(channels[c], ARES_SOCKET_BAD, ARES_SOCKET_BAD);
    }
  }
}

Result<std::unique_ptr<Resolver>> Resolver::Start(const ResolverOptions& options) {
  if (options.timeout_ms <= 0) {
    return Status::InvalidArgument("[dns] timeout_ms must be positive");
  }
  auto impl = std::make_unique<Impl>(options);
  NM_RETURN_IF_ERROR(impl->Init());
  std::unique_ptr<Resolver> resolver(new Resolver(std::move(impl)));
  resolver->every_lookalike_ = options.every_lookalike;
  return resolver;
}

Resolver::Resolver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Resolver::~Resolver() = default;

std::shared_future<DnsFacts> Resolver::Lookup(std::string_view ascii_domain) {
  return impl_->Lookup(ascii_domain);
}

ResolverCounters Resolver::counters() const { return impl_->counters(); }

}  // namespace nearmiss::dns
