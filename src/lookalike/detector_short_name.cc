// A slip of a trusted name too short to tell from its real neighbours
// (gm.de for gmx.de, bkk.ru for bk.ru, y.ru for ya.ru): no look-alike, but
// the near name is offered as a hint, as a form's "did you mean" does
// (issue 15 item 4: npm mailcheck suggests these; nearmiss said nothing).
#include "lookalike/detector.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

bool DetectorImpl::ShortNameSlip(const Domain& d, const Best& best, LookalikeMatch& m) const {
  if (!best.code || best.suggestion.empty() || best.suggestion == d.ascii) return false;
  // One plain slip of the name's letters (TypoScore's short names), in
  // the name typed as the mail domain: a look-alike letter mixed with a
  // slip reaches any short name ("rr" for "me", "joi" for "aol"), a host
  // under a domain (austin.rr.com) is that domain's, and the readings of
  // endings, dots and namespaces say more than a hint, or nothing.
  if (*best.code != ReasonCode::kLabelTypo || d.ascii != d.registrable) return false;
  const Entry& e = set_[best.id];
  if (e.is_namespace) return false;
  m.kind = LookalikeMatch::Kind::kNone;
  m.source = e.source;
  m.target = best.target;
  m.resembles = best.target;
  m.score = best.score;
  // A real mail domain is said to be one (mailo.com's note), not a slip.
  if (const std::string* real = ListedRealNote(d)) {
    m.code = ReasonCode::kRealNeighbour;
    m.detail = *real;
    return true;
  }
  m.code = ReasonCode::kShortNameSlip;
  m.detail = best.detail;
  m.target_domain_for_suggestion = best.suggestion;
  // Two about as likely (mw.com: me.com or mail.com) are both offered.
  constexpr double kClose = 0.05;
  if (best.alt_code && !best.alt_suggestion.empty() && best.alt_score >= best.score - kClose &&
      !set_[best.alt_id].is_namespace) {
    m.alternative_suggestion = best.alt_suggestion;
  }
  return true;
}

}  // namespace nearmiss::lookalike
