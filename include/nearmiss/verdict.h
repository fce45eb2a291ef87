// The answer about one recipient: its class, why, and what to type instead.
//
// These are the words of DESIGN.md's vocabulary; their names are defined in
// the small vocab library (src/vocab/) that every module may link. A
// RecipientCheck is a plain value that owns all its strings (nothing in it
// points into the Engine, so it outlives a reload); JSON and human
// renderings live with the shells (CLI, API). A reason keeps the facts of
// its sentence, not the sentence: ReasonMessage renders it when shown.
//
// Thread safety: plain values; ReasonMessage and the name functions may be
// called from any thread.
#ifndef NEARMISS_VERDICT_H_
#define NEARMISS_VERDICT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/dns.h"

namespace nearmiss {

enum class Verdict { kTrusted, kExternal, kLookalike, kBlocked, kInvalid };

// "trusted", "external", "lookalike", "blocked", "invalid".
std::string_view VerdictName(Verdict verdict);

// Why a recipient has its class: the closed set of DESIGN.md's reason
// codes. Their names (ReasonCodeName) are stable: policy files match them
// (`reason = [...]`) and JSON output carries them.
enum class ReasonCode : uint8_t {
  // Look-alike classes (lookalike.h).
  kSuffixEdit, kTldSwap, kSuffixDrop, kSuffixTruncate, kSuffixAppend, kLabelTypo,
  kDotOmission, kDotInsertion, kHyphenation, kBitsquat, kHomoglyph,
  // A host under a provider whose mailboxes are at its mail domain alone
  // (e.mail.ru, smtp.gmail.com, mail01.orange.fr), or a web host of its
  // (mail.google.com): no one's mail domain; the provider is meant.
  kProviderHost,
  // A near miss under a TLD the root zone does not have (army.mik).
  kTldNotDelegated,
  // The same under a special-use TLD (.onion, .local, .alt, .invalid:
  // address/special_use_names.h gives each one's RFC), kept out of the
  // public DNS by design: "special-use-name", not "tld-not-delegated", as
  // the name exists but public mail cannot reach it (issue 15, finding 1).
  kSpecialUseName,
  // Not a look-alike: a real mail domain one slip from a trusted one
  // (mailo.com by mail.com); carried by an `external` recipient.
  kRealNeighbour,
  // Not a look-alike: one slip from a trusted name too short for a slip to
  // be told from a real neighbour (gm.de by gmx.de, bkk.ru by bk.ru); the
  // near name is suggested, as a hint; carried by an `external` recipient.
  kShortNameSlip,
  // Not a look-alike: a declared name under another second level of its
  // own country (barclays.net.uk for barclays.co.uk, fca.co.uk for
  // fca.org.uk), often another owner's; carried by an `external`
  // recipient (round 48's tester 15, finding 1: it was real-neighbour).
  kSisterZone,
  // Learned history (history.h).
  kNewDomain, kNewAddress, kAddressTypo,
  // The other classes, and how the address was read (delivery.h).
  kTrusted, kBlocked, kInvalidAddress, kRoutedAddress, kIrregularAddress,
  // The address holds a character a reader cannot see (Unicode
  // Default_Ignorable_Code_Point or Bidi_Control: U+200B, U+FEFF, U+202E).
  kInvisibleCharacter,
  // Set by a rule's sensitivity condition, not by the recipient check.
  kSensitivity,
};
inline constexpr int kReasonCodeCount = static_cast<int>(ReasonCode::kSensitivity) + 1;

// "suffix-edit", "tld-swap", ..., "irregular-address", "sensitivity".
std::string_view ReasonCodeName(ReasonCode code);
// The exact names above; nullopt when unknown.
std::optional<ReasonCode> ParseReasonCode(std::string_view name);

// Whether `code` says the domain's TLD is outside the public DNS, so no
// mail can be delivered there: tld-not-delegated or special-use-name.
inline bool NoPublicTld(ReasonCode code) {
  return code == ReasonCode::kTldNotDelegated || code == ReasonCode::kSpecialUseName;
}

// How an `address-typo` recipient's local part differs from the frequent
// address it resembles: the kind of near miss the relationship engine
// found (src/engine/address_typo.h says which local parts make which kind).
// Their names (AddressTypoKindName) are stable: a rule's
// `address_typo_kind` condition matches them and JSON output carries them.
enum class AddressTypoKind : uint8_t {
  kEdit,                // "edit": one character differs (two in a long local part)
  kSwappedParts,        // "swapped-parts": smith.john for john.smith
  kShortenedParts,      // "shortened-parts": a name part dropped or cut to its initial
  kInitialAfterFamily,  // "initial-after-family": smith.j, smithj
  kOtherFamilyName,     // "other-family-name": john.smithson for john.smith
  kDisplayName,         // "display-name": the display name names the frequent address
  kDisplayAddress,      // "display-address": the display name is the frequent address
  kNumber,              // "number": a number added or dropped (john.smith2)
  kDigit,               // "digit": one digit swapped, dropped, added or changed
  kLongForm,            // "long-form": john.smith for the frequent jsmith; a part added: john.a.smith for john.smith
  kHomoglyph,           // "homoglyph": the same letters on screen (Cyrillic o)
  kNeighbourDomain,     // "neighbour-domain": same local part at the trusted domain next door
  kGivenNameForm,       // "given-name-form": alex.petrov, bob.brown
  kFamilyGroup,         // "family-group": jan.berg for jan.van.der.berg
  kSwappedInitial,      // "swapped-initial": dalvarez for alvarez.daniel
  kOtherGivenName,      // "other-given-name": mark.jones for mary.jones, both real names
  kOtherDomain,         // "other-domain": a frequent person's name at another organisation written to
  kBlendedNames,        // "blended-names": john.jones for the frequent john.smith and mary.jones
  kOtherCommonFamilyName,  // "other-common-family-name": zhang.wei for wang.wei, both common names
};
inline constexpr int kAddressTypoKindCount =
    static_cast<int>(AddressTypoKind::kOtherCommonFamilyName) + 1;

// "edit", "swapped-parts", ..., "blended-names", "other-common-family-name".
std::string_view AddressTypoKindName(AddressTypoKind kind);
// The exact names above; nullopt when unknown.
std::optional<AddressTypoKind> ParseAddressTypoKind(std::string_view name);

// An `address-typo` finding's facts, for the policy's `address_typo_kind`
// and `address_typo_score_at_least` conditions.
struct AddressTypo {
  AddressTypoKind kind = AddressTypoKind::kEdit;
  // The relationship engine's confidence that the address is a slip, in
  // [0, 1], rounded to hundredths (the JSON's figure, and what the policy
  // condition compares): 0.95 for a display name that is the frequent
  // address, 0.8 for one edit, 0.5 for another family name that starts
  // alike (src/engine/address_typo.cc sets each kind's).
  double score = 0;

  bool operator==(const AddressTypo&) const = default;
};

// The highest score an address-typo finding has (a display name that is
// the frequent address, a homoglyph): a policy condition above it can
// never match, and `policy lint` says so. address_typo_round33_test.cc
// holds the engine to it.
inline constexpr double kAddressTypoScoreMax = 0.95;

// Where a trusted domain's trust comes from (the policy's lists, the
// embedded ones, or history; nearmiss/lookalike.h builds the index from
// them).
enum class TrustSource : uint8_t {
  kOrganisation,  // the sender's own domains
  kProtected,     // protected domains and namespaces (government, defence)
  kAllowlist,     // explicitly allowed by the policy
  kProvider,      // public mail providers: the exact domain only
  kLearned,       // from correspondence history
  // A look-alike's target that no list trusts: the typed name under the
  // country code one key away (teva.co.jl: teva.co.il), offered where a
  // reading of a trusted name was set aside. No policy `target` names it,
  // so no rule about trusted targets matches (round 51's tester 15,
  // finding 3: such slips took the class of the reading set aside,
  // protected, and its final 550).
  kNone,
};

// One reason: its code and the few facts its sentence is made of. The
// sentence a sender reads is rendered only when asked (ReasonMessage), so a
// check that nobody explains builds no text. Which field holds what, by
// code:
//
//   code            subject           object                detail
//   look-alikes     domain (U-label)  domain it resembles   what differs
//   trusted         domain (U-label)  covering entry, or "" (source: which list)
//   blocked         domain (U-label)  block entry (".ml")   where the entry is
//   new-domain      domain (U-label)  domain it resembles
//   new-address     address           its domain (U-label)
//   address-typo    address           the frequent address  how they differ
//                                     it resembles
//   invalid-address                                         the parser's sentence
//   routed-address  next domain (U-label)                   how it is routed
//   irregular-address  delivery domain (U-label)            what is irregular
//   invisible-character  address      the address without   the characters
//                        (as typed)   them ("" if invalid)  ("U+200B ZERO WIDTH
//                                                           SPACE in the local part")
//   sensitivity     level name        marking               where it was seen
//                   (form says which sentence: kUnread, the level of content
//                    not read to the end, object naming the limit that
//                    stopped the reading; kUnknownLabel and kUnlistedLabel,
//                    object the label's text; kEncrypted, detail the
//                    attachment; kNamedFinding, a rule's `finding` condition)
//
// Which sentence a kSensitivity reason renders.
enum class SensitivityForm : uint8_t {
  kMarked,         // "the message is marked SECRET (SECRET in subject)"
  kUnread,         // not read to the end, so it counts as a level
  kUnknownLabel,   // a label no table places: counts as above TOP SECRET
  kUnlistedLabel,  // a rule's `finding = ["unknown-label"]` matched
  kEncrypted,      // a rule's `finding = ["encrypted-attachment"]` matched
  kNamedFinding,   // another finding a rule names
};

// A plain value; equal reasons render equal sentences.
struct Reason {
  ReasonCode code = ReasonCode::kTrusted;
  std::string subject;
  std::string object;
  std::string detail;
  TrustSource source = TrustSource::kProtected;  // kTrusted only
  SensitivityForm form = SensitivityForm::kMarked;  // kSensitivity only
  // kAddressTypo only: how `subject` itself was written to, as a clause of
  // the sentence ("has never been written to here", "has been written to
  // only 1 time here", "has been written to 4 times here, all within one
  // day"), and the sender whose contacts were compared ("": everyone's,
  // the organisation scope). Every clause is a fact of the history
  // (engine_history.cc; issue 14, round 33, item 3).
  std::string history{};
  std::string scope{};

  bool operator==(const Reason&) const = default;
};

// The sentence a sender understands, e.g. "army.ml looks like army.mil (the
// TLD .ml is missing an 'i'; ml is Mali's country code)". Allocates only the
// returned string; AppendReasonMessage appends to `out` instead.
std::string ReasonMessage(const Reason& reason);
void AppendReasonMessage(const Reason& reason, std::string* out);

// "is an organisation domain", "is protected", ...: the clause a trusted
// reason ends with.
std::string_view TrustSourcePhrase(TrustSource source);

// Engine::CheckRecipient's answer. The in-place form of CheckRecipient
// overwrites every field of a reused RecipientCheck and keeps the capacity
// of its strings and vectors, which is how a warm check allocates nothing.
struct RecipientCheck {
  std::string input;       // what was given, verbatim
  std::string address;     // canonical "local@ascii-domain"; empty if invalid
  std::string domain;      // ASCII domain; empty if invalid
  std::string domain_unicode;  // U-label form of `domain`
  Verdict verdict = Verdict::kInvalid;
  std::string target;      // lookalike: the trusted domain it resembles
  std::string suggestion;  // lookalike: the corrected address
  // lookalike: where the trust of `target` comes from (a rule's `target`
  // condition; look-alikes of protected domains are final by default).
  TrustSource target_source = TrustSource::kProtected;
  // lookalike: a second corrected address when another target is about as
  // likely; else empty.
  std::string also_suggestion;
  double score = 0;        // lookalike: confidence in [0, 1]
  // Set exactly when `reasons` holds an `address-typo`: that finding's kind
  // and its own score (`score` above is the highest of the check's).
  std::optional<AddressTypo> address_typo;
  std::vector<Reason> reasons;
  // Further ASCII domains the address routes through (percent hack, bang
  // path, quoted '@'; nearmiss/delivery.h), each judged too: the verdict
  // is the worst of them and `domain`.
  std::vector<std::string> route_domains;
  // DNS facts about `domain` when a shell with [dns] enabled looked it up
  // (it looks up look-alikes only); nullopt otherwise. Rules read it through
  // `can_receive`.
  std::optional<DnsFacts> dns;
  // A shell that must not wait (the milter at RCPT) started the lookup of
  // `domain` and its facts are not in yet: a rule with a DNS condition
  // (can_receive, catch_all) cannot be judged, so it defers the decision
  // to the end of message, where the facts are awaited (dns/add_facts.h).
  bool dns_pending = false;
  // Whether DNS facts could change the decision: false for a look-alike
  // that a rule without a DNS condition decides first (a protected
  // look-alike the policy refuses whatever DNS says). The shells then never
  // look its domain up, as the query would reach the look-alike's own name
  // servers (Engine::CheckRecipient sets it; DecisionTable::DnsCanDecide).
  bool dns_can_decide = true;
};

}  // namespace nearmiss

#endif  // NEARMISS_VERDICT_H_
