// History: what the organisation has written to before, as the engine sees
// it at compile time.
//
// A HistorySnapshot is read from a Store (store.h) and handed to
// Engine::Compile; the engine keeps no connection to the store. Domains that
// pass the policy's [history] thresholds become TrustSource::kLearned entries,
// except look-alikes of more frequent or policy-trusted domains that nobody
// confirmed (poisoning: mail that already went to `army.ml` by mistake must
// not make `army.ml` trusted).
//
// Thread safety: plain values.
#ifndef NEARMISS_HISTORY_H_
#define NEARMISS_HISTORY_H_

#include <cstdint>
#include <string>
#include <vector>

namespace nearmiss {

// Statistics of one recipient domain (ASCII, lower case).
struct DomainStats {
  std::string domain;
  int64_t messages = 0;    // deliveries seen
  int64_t first_seen = 0;  // unix seconds
  int64_t last_seen = 0;   // unix seconds
  // An administrator said this domain is a real correspondent
  // (`nearmiss learn --confirm DOMAIN`): never left out as a look-alike.
  bool confirmed = false;
};

// Statistics of one sender -> recipient address pair.
struct AddressStats {
  std::string sender;     // "alice@mod.gov.uk"
  std::string recipient;  // "bob@partner.co"
  int64_t messages = 0;
  int64_t first_seen = 0;
  int64_t last_seen = 0;
  // The display name the recipient was written under most by this sender
  // (the latest of equals; one learn's messages counted: a name used once
  // replaces none a store keeps)
  // ("John Smith" of `"John Smith" <john.smith@partner.example>` in a Sent
  // message's To: or Cc:), raw header text; "" when none was seen (a log
  // line, a CSV row without one). Stored since schema 8.
  std::string display_name = {};
};

struct HistorySnapshot {
  std::vector<DomainStats> domains;
  // Recipient addresses known per domain, for the `new-domain` reason (a
  // never-seen address at a known domain); empty when the policy does not
  // ask for it. Lower case, sorted.
  std::vector<std::string> addresses;
  // Every sender -> recipient pair with its statistics, for `address-typo`
  // (the near miss of an address written to often); empty when the policy
  // does not ask for it. Any order.
  std::vector<AddressStats> correspondents;
  int64_t taken_at = 0;  // unix seconds; thresholds in days count from here
};

}  // namespace nearmiss

#endif  // NEARMISS_HISTORY_H_
