// CatchAllProber: does a mail exchanger accept mail for any address?
//
// The optional catch-all signal of [dns] (`catch_all_probe`, off by
// default). It CONNECTS TO THE LOOK-ALIKE'S MAIL EXCHANGER, a host outside
// the organisation, and holds this dialogue (RFC 5321 §3.3, §4.1.1):
//
//   <- 220 greeting        -> EHLO <this host's name>   <- 250
//   -> MAIL FROM:<>        <- 250   (the null reverse-path: no bounce comes back)
//   -> RCPT TO:<nearmiss-probe-<20 random hex digits>@domain>
//   <- 250/251: catch-all true; 550/551/553: false; anything else, or
//      an x.7.x (policy) status: unknown
//   -> QUIT
//
// DATA is never sent, so no message is ever delivered. A connection that
// fails, a reply that is not SMTP or a dialogue past its deadline is
// unknown, with the reason. An address inside the organisation (loopback,
// RFC 1918, link-local, ULA, multicast, unspecified, documentation, any
// IANA special-purpose range or its NAT64/6to4 form, this host's own:
// internal_address.h) is never connected to: unknown, "MX address ... is
// internal", unless `allow_internal` (tests on loopback only).
//
// One asio thread of its own runs every probe; at most `max_concurrent`
// are connected at once, the rest wait in order (their deadline counts
// from when they were asked, so waiting never stretches it).
//
// Thread safety: Probe may be called from any thread; `done` runs on the
// prober's thread exactly once, unless the prober is destroyed first (then
// never: the owner answers what is still waiting itself).
#ifndef NEARMISS_DNS_CATCH_ALL_PROBE_H_
#define NEARMISS_DNS_CATCH_ALL_PROBE_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::dns {

struct ProbeOptions {
  uint16_t port = 25;           // SMTP (RFC 5321 §4.5.4.2); tests use a loopback port
  size_t max_concurrent = 8;    // connections open at once
  std::string helo;             // EHLO name; empty: gethostname(2)
  // Connect to internal addresses too. Only for tests whose responders
  // listen on 127.0.0.1 (check/milter --dns-probe-internal); never in service:
  // a look-alike's owner chooses where its MX points.
  bool allow_internal = false;

  bool operator==(const ProbeOptions&) const = default;
};

struct ProbeResult {
  std::optional<bool> catch_all;  // nullopt: unknown
  std::string unknown;            // why unknown; "" when known
};

class CatchAllProber {
 public:
  // Starts the prober's thread. Errors: max_concurrent 0 (kInvalidArgument).
  static Result<std::unique_ptr<CatchAllProber>> Start(const ProbeOptions& options);
  // Stops the thread; probes still running or waiting are dropped without
  // calling `done` (see the class comment).
  ~CatchAllProber();

  // Probes `address` (an IPv4 or IPv6 literal: the mail exchanger the DNS
  // answer named) about `domain`, by `deadline` at the latest.
  void Probe(std::string address, std::string domain,
             std::chrono::steady_clock::time_point deadline,
             std::function<void(ProbeResult)> done);

  class Impl;

 private:
  explicit CatchAllProber(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The RCPT reply's meaning (RFC 5321 §4.2.2, §3.6): 250 and 251 accept
// the address; 550 (no such mailbox), 551 (not local) and 553 (name not
// allowed) refuse it; every other code (a 4yz greylist, a 5yz policy
// refusal of the probe itself) leaves it unknown. So does a 4yz or 5yz
// code whose enhanced status `status` (RFC 3463 §3.8, subject 7: "550 5.7.1 Relay
// access denied") says the server refused the probe by its security or
// policy: that is no answer about the mailbox.
std::optional<bool> CatchAllFromRcptReply(int code, std::string_view status = {});

// "nearmiss-probe-" and 20 random hex digits: a local part no mailbox has.
std::string RandomLocalPart();

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_CATCH_ALL_PROBE_H_
