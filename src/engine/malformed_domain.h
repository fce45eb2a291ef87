// Which recipient domains are malformed: the one rule `nearmiss audit`
// (counts their delivery lines as not understood) and `nearmiss learn`
// (never stores them) share.
//
// Malformed: the engine's verdict is `invalid` for a name that is meant as
// a domain (has a dot) for a reason other than a TLD the root zone lacks:
// a bad A-label ("xn--abc.mil", UTS #46 / RFC 5891 4.4), a label with a
// leading or trailing hyphen ("-army.ml", RFC 5891 4.2.3.1), a public
// suffix itself ("gov.uk", the Public Suffix List); and an address literal
// ("[192.0.2.1]", RFC 5321 4.1.3), which names a host, not a domain
// (malformed_domain.cc says why). Not the names real logs deliver to every
// day: a single label ("localhost"), an internal TLD the root zone lacks
// (".local", ".lan"): refusing those would mark every ordinary log
// incomplete and learn nothing from it.
//
// Thread safety: MalformedDomain is pure; a DomainJudge is one thread's.
#ifndef NEARMISS_ENGINE_MALFORMED_DOMAIN_H_
#define NEARMISS_ENGINE_MALFORMED_DOMAIN_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "nearmiss/engine.h"

namespace nearmiss {

// `check` is Engine::CheckRecipient's answer for an address at `domain`
// (A-label, lower case, as address::NormalDomain gives it).
bool MalformedDomain(const RecipientCheck& check, std::string_view domain);

// The rule for a domain as logged (any case, U-labels, a root dot):
// normalised (address::NormalDomain) and remembered per domain as logged
// (at most kMax, then forgotten), so a log's lines cost one lookup each.
class DomainJudge {
 public:
  // `malformed` decides for a domain as NormalDomain gives it.
  explicit DomainJudge(std::function<bool(const std::string&)> malformed,
                       std::function<std::string(const std::string&)> why = {})
      : malformed_(std::move(malformed)), why_(std::move(why)) {}
  // Over `engine`: CheckRecipient and MalformedDomain.
  static DomainJudge ForEngine(std::shared_ptr<const Engine> engine);
  // False when the domain is malformed (above).
  bool Judgeable(std::string_view domain);
  // Why a domain Judgeable refuses is malformed: the engine's reason, as
  // `nearmiss check` says it ("'gov.uk' is a public suffix, not a mail
  // domain"); "" when no engine was given (the constructor's) or it gives
  // none. Not remembered: for a report's first such domain only.
  std::string Why(std::string_view domain) const;
  static constexpr size_t kMax = 1 << 16;

 private:
  std::function<bool(const std::string&)> malformed_;
  std::function<std::string(const std::string&)> why_;
  std::unordered_map<std::string, bool> known_;
  std::string key_;
};

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_MALFORMED_DOMAIN_H_
