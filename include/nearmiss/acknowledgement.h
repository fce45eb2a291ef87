// Acknowledgements and administrative events: plain values the store keeps
// and the engine reads.
//
// An acknowledgement is a sender's word that a flagged recipient is meant
// (DESIGN.md's vocabulary): who made it, when, why, through which path, and
// until when it holds. Engine::CheckMessage asks an AcknowledgementSource
// for the sender's live ones (Envelope::acknowledgements) and Engine::Decide
// lets one settle a warn or confirm whose rule may be acknowledged
// (Rule::acknowledge); nothing else changes with it.
//
// An admin event is one accountable act (a release, a delete, an
// acknowledgement, a revoke) with who did it and when; `nearmiss audit
// events`, GET /v1/events and the console show them.
//
// Thread safety: plain values; an AcknowledgementSource says its own.
#ifndef NEARMISS_ACKNOWLEDGEMENT_H_
#define NEARMISS_ACKNOWLEDGEMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"
#include "nearmiss/verdict.h"

namespace nearmiss {

struct Acknowledgement {
  int64_t id = 0;          // the store's; 0 before it is stored
  std::string sender;      // canonical lower-case address
  // Exactly one of these two: the recipient address acknowledged, or its
  // whole domain (ASCII, lower case).
  std::string recipient;
  std::string domain;
  // The warning acknowledged, so that the acknowledgement settles that
  // warning only, not a later, different one about the same address
  // (Engine::CheckMessage: a release for "looks like john.smith@" says
  // nothing about "the display name fits john.jones@"):
  //   reasons     its reason codes (verdict.h's names), space separated;
  //               "trusted", a class and no warning, is ignored
  //   suggestion  the corrected address it showed (RecipientCheck::
  //               suggestion: "did you mean ..."); "" when it showed none
  //   typo_kind   when it was an address-typo: that finding's kind
  //               (AddressTypoKindName: "edit", "display-name", ...);
  //               "" otherwise
  // It settles a later warning whose every code but "trusted" is among
  // `reasons`, whose suggestion is `suggestion` (folded, by mailbox; for a
  // domain's acknowledgement, the suggestion's domain), and, for an
  // address-typo, whose kind is `typo_kind`: the same suggestion is a
  // different question when it comes from another kind of evidence. A
  // sender who said jon.smith@ is meant (one letter differs from
  // john.smith@) said nothing about mail to jon.smith@ under the display
  // name "John Smith" or "john.smith@partner.example", where the contact
  // picked is John and the mail goes to Jon (issue 14's fresh tester,
  // defect 1). An address-typo acknowledgement stored before schema 7
  // has no kind and settles no address-typo: the sender is asked once
  // more, and the new acknowledgement records the kind.
  std::string reasons;
  std::string suggestion;
  std::string typo_kind;
  // False for an acknowledgement stored before schema 5 (store.h), which
  // kept its codes (those made through the API) or none (those made by a
  // release link) and never the suggestion. Such a one settles only what
  // its codes can be shown to match: a warning all of whose codes it
  // kept, and none with address-typo, whose suggested person it cannot
  // name; one with no codes settles nothing (the sender is asked again
  // once, and a new acknowledgement records the warning).
  bool warning_recorded = true;
  std::string who;         // the sender, or the admin who made it
  std::string why;         // the sender's justification; may be ""
  // "confirm-link" (the release link of a confirm notice), "api" (a
  // client's Send anyway), "admin".
  std::string path;
  int64_t created_at = 0;  // unix seconds
  int64_t expires_at = 0;  // unix seconds; not applied from then on
  int64_t revoked_at = 0;  // unix seconds; 0 while not revoked
  std::string revoked_by;
  // The acknowledgement of the same warning that took over from this one
  // (schema 9): made after this one's time ran out, or, for a duplicate an
  // older nearmiss let in, the one it was folded into. 0: none. A replaced
  // one settles nothing.
  int64_t replaced_by = 0;

  // Live at `now` (unix seconds): not revoked and not expired.
  bool Live(int64_t now) const {
    return revoked_at == 0 && replaced_by == 0 && now < expires_at;
  }
  // When it stops applying under a policy whose [confirm]
  // acknowledgement_days is `days`: made_at + days, or its stored expiry
  // if that is sooner. A shortened setting shortens those already made; a
  // lengthened one never revives one past its stored expiry (issue 14,
  // round 34, item 4). What the engine applies, the API lists and `audit
  // --events` shows (issue-14 tester, round 42, item 9).
  int64_t ExpiresUnder(int days) const {
    const int64_t by_policy = created_at + static_cast<int64_t>(days) * 86400;
    return by_policy < expires_at ? by_policy : expires_at;
  }
  bool LiveUnder(int64_t now, int days) const {
    return revoked_at == 0 && replaced_by == 0 && now < ExpiresUnder(days);
  }
  // Covers `address` at `domain` (canonical, as RecipientCheck gives them).
  // The one folding rule of acknowledgements, the history's: the whole
  // address compares without ASCII case. The domain always may (RFC 5321
  // section 2.4); the local part is folded as learn folds the recipients it
  // counts, since nearly every receiving system ignores its case, and a
  // sender who acknowledged jsmith@ must not be asked again for JSmith@.
  // The store keeps both fields in lower case; `address` may not be.
  bool Covers(std::string_view address, std::string_view at_domain) const {
    return recipient.empty() ? SameFolded(domain, at_domain) : SameFolded(recipient, address);
  }
  static bool SameFolded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      char x = a[i], y = b[i];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
      if (x != y) return false;
    }
    return true;
  }
};

// The codes of the reasons that flag `check` (all but "trusted"), space
// separated, in the check's order: what an acknowledgement of its warning
// keeps in `reasons`.
inline std::string WarningCodes(const RecipientCheck& check) {
  std::string out;
  for (const Reason& r : check.reasons) {
    if (r.code == ReasonCode::kTrusted) continue;
    if (!out.empty()) out += ' ';
    out.append(ReasonCodeName(r.code));
  }
  return out;
}

// The kind of `check`'s address-typo finding (AddressTypoKindName), "" when
// it has none: what an acknowledgement of its warning keeps in `typo_kind`.
inline std::string WarningTypoKind(const RecipientCheck& check) {
  return check.address_typo ? std::string(AddressTypoKindName(check.address_typo->kind))
                            : std::string();
}

struct AdminEvent {
  int64_t id = 0;
  int64_t time_ms = 0;  // unix milliseconds
  std::string who;      // the admin's name from the token file, or the sender
  std::string role;     // "admin", "sender"
  // "release", "delete", "acknowledge", "revoke".
  std::string action;
  std::string object;   // the queue id, or "ack:ID"
  std::string detail;   // a short sentence: recipients, justification
};

// Where the engine finds a sender's live acknowledgements.
//
// Thread safety: Live may be called from any thread at once.
class AcknowledgementSource {
 public:
  virtual ~AcknowledgementSource() = default;
  // The sender's acknowledgements live at `now` (unix seconds). An error
  // makes the engine apply none (the warning stands: fail closed) and note
  // it in MessageCheck::message.errors.
  virtual Result<std::vector<Acknowledgement>> Live(std::string_view sender,
                                                    int64_t now) const = 0;
};

}  // namespace nearmiss

#endif  // NEARMISS_ACKNOWLEDGEMENT_H_
