// A whole trusted or protected domain written as the start of another
// registered domain: army.mil.attacker.com, mod.gov.uk.attacker.com,
// partner.example.com.ru, partner.example-mail.com. The reader sees the
// trusted name in full, but the mail goes to whoever holds attacker.com;
// the form of a spoofed "please reply to" address (issue 14 breaker, round
// 5, item 4). AppendCandidates (detector_name.cc) judges one TLD or public
// suffix added (army.mil.com); this judges what remains when more than
// that follows.
#include <optional>
#include <string>

#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {
namespace {

// Above suffix-append's 0.85: the name is whole, and what follows makes it
// a domain of someone else's registration.
constexpr double kEmbeddedScore = 0.9;

}  // namespace

void DetectorImpl::EmbeddedDomainCandidates(const Query& q, Best& best) const {
  const std::string_view ascii = q.domain->ascii;
  // From the right: the longest trusted start names the target (x.gov.uk,
  // not the .gov namespace's x.gov).
  for (size_t p = ascii.size(); p-- > 0;) {
    const char c = ascii[p];
    if (c != '.' && c != '-') continue;
    std::string_view left = ascii.substr(0, p), rest = ascii.substr(p + 1);
    // Two labels at least on each side: "mil.attacker.com" names no
    // domain, and one label after is AppendCandidates' (army.mil.com),
    // as is a public suffix after when the split shows it (q.name).
    if (left.find('.') == std::string_view::npos || rest.find('.') == std::string_view::npos) {
      continue;
    }
    if (c == '.' && left == q.name) continue;
    // A hyphen ends the trusted name only after a whole label
    // ("partner.example-mail.com", not "partner.ex-ample.com").
    if (c == '-' && (left.back() == '.' || left.back() == '-')) continue;
    std::optional<uint32_t> id = set_.TrustedBy(left);
    if (!id) continue;
    // hmrc.gov-uk.com: the hyphen is a dot of the longer trusted name
    // hmrc.gov.uk, not the end of hmrc.gov (HyphenatedEndingCandidates).
    if (c == '-') {
      std::string dotted(left);
      dotted.append(".").append(rest.substr(0, rest.find('.')));
      if (set_.TrustedBy(dotted)) continue;
    }
    // hotmail.com.br.xyz, mail.hotmail.co.jp.ml: a whole trusted name (past
    // a provider's host) with one TLD added is AppendCandidates' slip of
    // that name, not hotmail.com with "br.xyz" after it (issue 15, round
    // 33, item 10). Asked only here: the lookups cost a check with a
    // million names a cache miss each.
    if (std::string_view head, tld, covered;
        SplitTail(ascii, 1, head, tld) && head.find('.') != std::string_view::npos &&
        TrustedPastHosts(head, covered)) {
      return;
    }
    const Entry& e = set_[*id];
    // mea.gov.in.com: mea.gov.in with .com added, not mea.gov, a name no
    // list holds (detector_name.cc, ForeignZoneName).
    if (c == '.' && e.is_namespace && !KnownUnderNamespace(left)) {
      if (std::optional<Candidate> zone = ForeignZoneName(*id, left, rest)) {
        Offer(std::move(*zone), best);
        return;
      }
    }
    std::string detail = c == '.' ? "has ." : "has -";
    detail.append(rest).append(" added at the end, so ").append(left);
    detail.append(" is only the start of another domain");
    Offer({*id, ReasonCode::kSuffixAppend, std::move(detail), TargetUnder(e, left),
           std::string(left), kEmbeddedScore},
          best);
    return;
  }
}

}  // namespace nearmiss::lookalike
