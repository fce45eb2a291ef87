// A look-alike match as a Reason: the facts its sentence needs, copied into
// strings the caller may reuse from one check to the next.
#include "address/idna.h"
#include "address/special_use_names.h"
#include "nearmiss/lookalike.h"

namespace nearmiss {

void FillReason(const LookalikeMatch& m, const Domain& domain, Reason* out) {
  out->code = m.code;
  // The detectors say tld-not-delegated of any TLD the root zone lacks; a
  // special-use one is reported as what it is.
  if (m.code == ReasonCode::kTldNotDelegated) {
    const std::string_view a = domain.ascii;
    out->code = address::NoSuchTldCode(a.substr(a.rfind('.') + 1));
  }
  out->subject.assign(domain.unicode.empty() ? domain.ascii : domain.unicode);
  out->source = m.source;
  out->form = SensitivityForm::kMarked;
  out->detail.clear();
  out->object.clear();
  if (m.kind == LookalikeMatch::Kind::kLookalike ||
      (m.kind == LookalikeMatch::Kind::kNone &&
       (m.code == ReasonCode::kRealNeighbour || m.code == ReasonCode::kShortNameSlip ||
        m.code == ReasonCode::kSisterZone ||
        m.code == ReasonCode::kTldNotDelegated))) {
    // "looks like яндекс.рф", as the sender would write it, not its A-label.
    out->object.assign(address::ShownAddress(m.resembles));
    out->detail.assign(m.detail);
  } else if (m.kind == LookalikeMatch::Kind::kTrusted && domain.ascii != m.trusted_entry) {
    // "hr.army.mil is under army.mil", "x.army.mil is under .mil".
    if (m.trusted_namespace) out->object.push_back('.');
    out->object.append(m.trusted_entry);
  }
}

}  // namespace nearmiss
