// A homoglyph of a real mail domain that no list trusts: mаilo.com (Cyrillic
// а) reads as mailo.com, wmо.int (Cyrillic о) as wmo.int, bt.соm as bt.com,
// each on data/lists/real-mail-domains.txt. The name is judged as the ASCII
// a reader sees (UTS #39 skeleton, visual_key.h): a sender who confirms
// or follows the suggestion must reach that domain, not the trusted
// neighbour the letters alone are one slip from (mail.com, who.int: another
// organisation). Issue 15, tester round 56b, finding 5.
#include "address/idna.h"
#include "lookalike/detector.h"
#include "lookalike/visual_key.h"
#include "nearmiss/address.h"

namespace nearmiss::lookalike {

void DetectorImpl::HomoglyphOfRealDomain(const Domain& d, LookalikeMatch& m) const {
  if (m.kind == LookalikeMatch::Kind::kTrusted || d.ascii.find("xn--") == std::string::npos) return;
  if (ListedRealDomain(d)) return;  // a real IDN mail domain is itself
  const AsciiForm look =
      AsciiLookalike(d.typed_capitals.empty() ? d.unicode : d.typed_capitals);
  if (!look.changed || !look.all_ascii || look.text == d.ascii) return;
  Result<Domain> plain = ParseDomain(look.text);
  if (!plain.ok()) return;
  const std::string* note = ListedRealNote(*plain);
  if (note == nullptr || set_.TrustedBy(plain->ascii)) return;
  std::string why = "it uses " + look.first_change + " and reads as " + plain->ascii +
                    ", a real mail domain (" + *note + ")";
  if (m.kind == LookalikeMatch::Kind::kNone && m.code == ReasonCode::kTldNotDelegated) {
    // bt.соm: the TLD as typed does not exist, so the recipient stays
    // invalid; the domain a reader sees is offered.
    m.target_domain_for_suggestion = plain->ascii;
    m.detail.append("; ").append(why);
    return;
  }
  // Flagged by the letters alone (mail.com, who.int): still a look-alike,
  // of the policy class that reading gave, since a homoglyph is a spoof
  // whoever it mimics; only the domain named and suggested is the one a
  // reader sees. Not flagged (pоst.ch, no trusted name near): a homoglyph
  // of a domain no list trusts (TrustSource::kNone).
  if (m.kind != LookalikeMatch::Kind::kLookalike) {
    m.kind = LookalikeMatch::Kind::kLookalike;
    m.source = TrustSource::kNone;
    m.score = 0.95;
  }
  m.code = ReasonCode::kHomoglyph;
  m.target = plain->ascii;
  m.resembles = plain->ascii;
  m.target_domain_for_suggestion = plain->ascii;
  m.alternative_suggestion.clear();
  m.detail = std::move(why);
}

}  // namespace nearmiss::lookalike
