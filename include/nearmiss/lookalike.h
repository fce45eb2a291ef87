// The look-alike detector: is a recipient domain a near miss of a domain the
// organisation trusts or protects?
//
// Build once from the trusted set T (organisation, protected, allowlisted,
// mail-provider and learned domains), then Classify many. A build from a
// million domains takes seconds; Classify looks up a fixed number of hashed
// keys per query (never a scan of T), so its cost does not grow with T.
//
// Entries are ASCII (A-label), lower case. An entry that starts with "." is a
// namespace: ".mil" trusts every domain under mil, and a near miss of the
// namespace itself ("anything.ml") resembles "anything.mil".
//
// Thread safety: a built LookalikeDetector is immutable; Classify may be
// called from any number of threads at once.
#ifndef NEARMISS_LOOKALIKE_H_
#define NEARMISS_LOOKALIKE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/address.h"
#include "nearmiss/status.h"
#include "nearmiss/verdict.h"

namespace nearmiss {

// TrustSource (verdict.h): where an entry's trust comes from.
std::string_view TrustSourceName(TrustSource source);

struct TrustedEntry {
  std::string domain;  // "army.mil", ".mil" (namespace), "us.bank.com"
  TrustSource source = TrustSource::kProtected;
  // How many messages the organisation sent to this domain (the store's
  // relationship counts, DomainStats::messages); 0 when unknown. Ranks the
  // targets of a typed name that score alike (OrganisationPrior).
  int64_t messages = 0;
};

// A pair of public suffixes that people really confuse: `typed` for
// `intended` (".ml" typed for ".mil"), with a note for the sender.
struct SuffixConfusion {
  std::string typed;
  std::string intended;
  std::string note;  // "ml is Mali's country code"
};

// A mail provider's own domains (data/lists/provider-regions.txt): its
// name ("seznam") under any other real country-code suffix ("seznam.cy") is
// a look-alike of its home domain, not a sister of it.
struct ProviderFamily {
  std::string name;                  // the label every domain shares: "gmail"
  std::string home;                  // the domain to suggest: "gmail.com"
  std::vector<std::string> domains;  // every legitimate one, home included
};

// A real, in-use mail domain one slip from a trusted one
// (data/lists/real-mail-domains.txt): "mailo.com" near "mail.com". It is
// never called a look-alike; the match carries the note instead.
struct RealMailDomain {
  std::string domain;  // "mailo.com"
  std::string note;    // "Mailo, a French mail provider"
};

// A provider's web domain whose mail is at another of its domains
// (data/lists/provider-web-domains.txt): a service host under `web`
// (mail.google.com) is a slip for `mail` (gmail.com).
struct ProviderWebDomain {
  std::string web;   // "google.com"
  std::string mail;  // "gmail.com"
};

// The data the detector reads beside the trusted entries.
struct LookalikeLists {
  std::vector<SuffixConfusion> confusions;
  std::vector<ProviderFamily> families;
  std::vector<RealMailDomain> real_domains;
  std::vector<ProviderWebDomain> web_domains;
  // Provider names that are words ("mail", "email"): no family is made of
  // a provider with such a name (data/lists/word-provider-names.txt).
  std::vector<std::string> word_names;
  // Public suffixes that are mail domains too (nic.in, gc.ca: the engine's
  // suffix_mail_domain.h), ASCII, lower case. A slip of one's TLD into one
  // the root zone lacks (nic.ib, gc.cs) suggests it: a look-alike when it
  // is trusted, else an undeliverable address with the suggestion.
  std::vector<std::string> suffix_mail_domains;
};

struct LookalikeOptions {
  // Matches scoring below this are not reported. Default 0.5: one edit in a
  // label of four or more letters, or any suffix, dot or homoglyph change.
  double threshold = 0.5;
  // Labels at least this long are also matched at edit distance 2.
  size_t distance2_min_length = 10;
};

// The answer for one domain. Its sentence is rendered on demand: FillReason
// turns a match into a Reason (verdict.h), ReasonMessage into words.
struct LookalikeMatch {
  // kNone with code kRealNeighbour: a real mail domain that would otherwise
  // be a look-alike of `target` (RealMailDomain); `detail` is its note.
  // kNone with code kShortNameSlip: one slip in the letters of a trusted
  // name too short to call it a look-alike (gm.de, gmx.de); `target`,
  // `target_domain_for_suggestion` (and `alternative_suggestion`) are the
  // hint, `detail` the slip.
  // kNone with code kTldNotDelegated: no trusted name is near, but the TLD
  // is not in the root zone (army.zz), so no mail can be delivered there;
  // the engine makes the recipient `invalid`. `detail` says so. The names
  // RFC 2606 reserves for tests and examples (.test, .example, .localhost)
  // are left out: test set-ups route them on purpose.
  enum class Kind { kNone, kTrusted, kLookalike };
  Kind kind = Kind::kNone;
  std::string target;      // kLookalike: the ASCII trusted domain it resembles
  std::string target_domain_for_suggestion;  // whole domain to put after @
  // kLookalike: a second domain to offer when another target is about as
  // likely (yahoo.com.t: yahoo.com.tr or yahoo.com.tw); else empty.
  std::string alternative_suggestion;
  TrustSource source = TrustSource::kProtected;
  ReasonCode code = ReasonCode::kTrusted;  // meaningful unless kNone
  // kLookalike: the domain named in the sentence (`target`, or for a
  // homoglyph the whole ASCII look-alike) and what differs.
  std::string resembles;
  std::string detail;      // "the TLD .ml is missing an 'i'"
  // kTrusted: the entry that covers the domain ("mil" for the namespace
  // .mil, "army.mil" for hr.army.mil), a view of the detector's own
  // storage: valid while the detector lives. Filled without allocating.
  std::string_view trusted_entry;
  bool trusted_namespace = false;  // trusted_entry is a namespace
  double score = 0;
};

// Writes the reason `m` gives for `domain` into `*out` (kTrusted or
// kLookalike), reusing the capacity of its strings: for a trusted domain
// this allocates nothing once `*out` has held as long a reason.
void FillReason(const LookalikeMatch& m, const Domain& domain, Reason* out);

class LookalikeDetector {
 public:
  // Fails with kInvalidArgument naming the entry when one is malformed.
  static Result<std::unique_ptr<const LookalikeDetector>> Build(
      std::vector<TrustedEntry> entries,
      std::vector<SuffixConfusion> confusions, LookalikeOptions options = {});
  // The same with provider families and real mail domains.
  static Result<std::unique_ptr<const LookalikeDetector>> BuildWithLists(
      std::vector<TrustedEntry> entries, LookalikeLists lists, LookalikeOptions options = {});

  virtual ~LookalikeDetector() = default;

  // Is `domain` trusted, a look-alike of a trusted domain, or neither?
  virtual LookalikeMatch Classify(const Domain& domain) const = 0;

  virtual size_t size() const = 0;  // number of entries

  // The mail domain of a trusted namespace's name, `apex` a lower-case
  // A-label namespace as listed ("nhs.uk"): a declared domain of the same
  // name under a TLD that names no place ("nhs.net"; gov.scot is
  // Scotland's, not gov.uk's), or "" (police.uk, gov.uk: their mail
  // domains are the names under them); nullopt when no namespace is listed
  // at `apex`. What a sender who typed the namespace itself meant.
  virtual std::optional<std::string> ApexMailDomain(std::string_view apex) const = 0;

  // True when `name` (lower-case A-labels) is a name under a trusted
  // namespace that the lists hold, or a host of one: army.mil, af.mil,
  // us.army.mil, hmrc.gov.uk (namespace-names.txt). False for a name the
  // namespace only covers (xyz.mil): trusted, but no one's known domain.
  virtual bool NamespaceNameListed(std::string_view name) const = 0;
};

}  // namespace nearmiss

#endif  // NEARMISS_LOOKALIKE_H_
