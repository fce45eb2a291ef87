// The sentences of the reason codes, rendered from a Reason's facts when a
// shell (render, CLI, API, milter log) asks for them.
#include <string>

#include "nearmiss/verdict.h"

namespace nearmiss {

std::string_view TrustSourcePhrase(TrustSource source) {
  switch (source) {
    case TrustSource::kOrganisation: return "is an organisation domain";
    case TrustSource::kProtected: return "is protected";
    case TrustSource::kAllowlist: return "is on the allowlist";
    case TrustSource::kLearned: return "is a regular correspondent";
    case TrustSource::kProvider: return "is a known mail provider";
    case TrustSource::kNone: return "is not trusted";
  }
  return "is trusted";
}

void AppendReasonMessage(const Reason& r, std::string* out) {
  std::string& s = *out;
  switch (r.code) {
    case ReasonCode::kSuffixEdit:
    case ReasonCode::kTldSwap:
    case ReasonCode::kSuffixDrop:
    case ReasonCode::kSuffixTruncate:
    case ReasonCode::kSuffixAppend:
    case ReasonCode::kLabelTypo:
    case ReasonCode::kDotOmission:
    case ReasonCode::kDotInsertion:
    case ReasonCode::kHyphenation:
    case ReasonCode::kBitsquat:
    case ReasonCode::kHomoglyph:
    case ReasonCode::kProviderHost:
    case ReasonCode::kTldNotDelegated:
    case ReasonCode::kSpecialUseName:
      // An undelegated TLD with no trusted name near: "army.zz: the TLD .zz
      // does not exist: no mail can be delivered there".
      if (r.object.empty()) {
        s.append(r.subject).append(": ").append(r.detail);
        return;
      }
      s.append(r.subject).append(" looks like ").append(r.object);
      s.append(" (").append(r.detail).append(")");
      return;
    case ReasonCode::kRealNeighbour:
      // "mailo.com is a real mail domain (Mailo, a French mail provider),
      // one slip from mail.com: check it is the one meant"
      // A name in another country's public-sector zone: nearmiss knows the
      // zone is real, not that the name exists ("mea.gov.kn is a name in
      // gov.kn, a public-sector zone of .kn, one slip from mea.gov.in";
      // issue 15, breaker 15 round 6, item 10).
      if (r.detail.starts_with("in ") || r.detail.starts_with("a public-sector zone")) {
        // "..., two slips": the detector counted more than one.
        s.append(r.subject).append(r.detail.starts_with("in ") ? " is a name " : " is ");
        s.append(r.detail).append(r.detail.ends_with(" slips") ? " from " : ", one slip from ");
        s.append(r.object);
        s.append(": check it is the one meant");
        return;
      }
      s.append(r.subject).append(" is a real mail domain (").append(r.detail);
      s.append("), one slip from ").append(r.object).append(": check it is the one meant");
      return;
    case ReasonCode::kSisterZone:
      // "barclays.net.uk is a name in net.uk, another open zone of .uk
      // (.net.uk in place of .co.uk), two slips from barclays.co.uk: check
      // it is the one meant"
      s.append(r.subject).append(" is a name ").append(r.detail).append(" from ");
      s.append(r.object).append(": check it is the one meant");
      return;
    case ReasonCode::kShortNameSlip:
      // "gm.de is one slip from gmx.de (is missing an 'x'), but a name this
      // short has many real neighbours: check it is the one meant"
      s.append(r.subject).append(" is one slip from ").append(r.object);
      s.append(" (").append(r.detail).append("), but a name this short has many real neighbours:");
      s.append(" check it is the one meant");
      return;
    case ReasonCode::kTrusted:
      s.append(r.subject);
      if (!r.object.empty()) s.append(" is under ").append(r.object).append(", which");
      if (r.source == TrustSource::kLearned && !r.detail.empty()) {
        // "is a correspondent confirmed by an administrator (learn --confirm)"
        s.append(" is a correspondent ").append(r.detail);
        return;
      }
      s.append(" ").append(TrustSourcePhrase(r.source));
      return;
    case ReasonCode::kBlocked:
      s.append(r.subject).append(" is blocked by policy (");
      // A namespace entry (".ml") covers every domain under it.
      if (r.object.starts_with('.')) s.append("the namespace ");
      s.append(r.object).append(", ").append(r.detail).append(")");
      return;
    case ReasonCode::kNewDomain:
      s.append("nobody here has written to ").append(r.subject);
      s.append(" before, and it looks like ").append(r.object);
      return;
    case ReasonCode::kNewAddress:
      // "nobody here has written to jon@partner.example before; people
      // here have written to partner.example (written to 40 times, last
      // on 2026-09-22)": the facts of the history, no more. A reason made
      // before `history` was kept (a stored record) says only that.
      s.append("nobody here has written to ").append(r.subject);
      s.append(" before; people here have written to ").append(r.object);
      if (!r.history.empty()) s.append(" (").append(r.history).append(")");
      return;
    case ReasonCode::kAddressTypo:
      // "jon.smith@x has never been written to here; it looks like
      // john.smith@x, a frequent correspondent (one letter dropped;
      // written to 8 times, last on 2026-09-22)". A reason made before
      // `history` existed (a stored record) says only what it knew.
      s.append(r.subject).append(" ");
      s.append(r.history.empty() ? std::string_view("is no frequent correspondent")
                                 : std::string_view(r.history));
      s.append("; it looks like ").append(r.object).append(", a frequent correspondent");
      if (!r.scope.empty()) s.append(" of ").append(r.scope);
      s.append(" (").append(r.detail).append(")");
      return;
    case ReasonCode::kInvalidAddress:
      s.append(r.detail);
      return;
    case ReasonCode::kRoutedAddress:
      s.append("the address is passed on to ").append(r.subject).append(" (").append(r.detail);
      s.append("), where the next mail server may deliver it");
      return;
    case ReasonCode::kIrregularAddress:
      s.append("not a plain mailbox (").append(r.detail).append("); judged on ");
      s.append(r.subject).append(", where the mail server delivers it");
      return;
    case ReasonCode::kInvisibleCharacter:
      // "jo<U+200B>hn.smith@x holds a character no one can see (U+200B
      // ZERO WIDTH SPACE in the local part); it reads as john.smith@x"
      s.append(r.subject).append(" holds a character no one can see (").append(r.detail);
      s.append(")");
      if (!r.object.empty()) {
        s.append("; it reads as ").append(r.object);
      }
      return;
    case ReasonCode::kSensitivity:
      switch (r.form) {
        case SensitivityForm::kUnread:
          s.append("the message could not be read to the end");
          if (!r.object.empty()) s.append(" (").append(r.object).append(")");
          s.append(", so it counts as ").append(r.subject);
          break;
        case SensitivityForm::kUnknownLabel:
          s.append("the message carries the label '").append(r.object).append("' (");
          s.append(r.detail).append(") that no label table places, so it counts as above TOP SECRET");
          break;
        case SensitivityForm::kUnlistedLabel:
          s.append("the label '").append(r.object).append("' (").append(r.detail);
          s.append(") is not in the label table");
          break;
        case SensitivityForm::kEncrypted:
          s.append(r.detail).append(" is encrypted, so nearmiss cannot read what it holds");
          break;
        case SensitivityForm::kNamedFinding:
          // A doubted marking (decide.cc) names the word and its level.
          if (!r.object.empty() && !r.subject.empty()) {
            s.append("'").append(r.object).append("' stands alone on a line of the ");
            s.append(r.detail).append(", where a ").append(r.subject);
            s.append(" marking would, but nothing else in the message is marked");
            break;
          }
          s.append("the message carries a finding this rule names");
          break;
        case SensitivityForm::kMarked:
          s.append("the message is marked ").append(r.subject);
          // A finding names its marking and where it was seen.
          if (!r.object.empty() || !r.detail.empty()) {
            s.append(" (").append(r.object).append(" in ").append(r.detail).append(")");
          }
          break;
      }
      return;
  }
}

std::string ReasonMessage(const Reason& reason) {
  std::string out;
  AppendReasonMessage(reason, &out);
  return out;
}

}  // namespace nearmiss
