// The output of `nearmiss permute`: the look-alikes found, written as a
// plain list, JSON Lines, a Postfix check_recipient_access map (access(5)),
// an RPZ zone (unbound rpz:, BIND response-policy) or CSV for a registrar
// watch. permute_command.cc finds them; this file only writes them, and
// says on stderr what a format cannot say (a namespace in the CSV, a key
// the Postfix setting cannot express).
#ifndef NEARMISS_CLI_PERMUTE_OUTPUT_H_
#define NEARMISS_CLI_PERMUTE_OUTPUT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/decision.h"

namespace nearmiss::cli {

struct PermuteFound {
  std::string domain;  // "army.ml"; for a namespace source the namespace "ml"
  std::string source;  // "army.mil", ".mil"
  std::string target;  // "army.mil"; for a namespace source the namespace ".mil"
  std::string code;    // "suffix-edit"
  std::string suggestion;  // "army.mil"; for a namespace source ".mil"
  bool ns = false;     // `domain` stands for every domain under it
  // Whether check flags `domain` itself ("ml" of .mil is no mail domain;
  // bgov.uk of .gov.uk is a registrable name of its own, external), and
  // whether it flags the names under it (mail.army.ml yes; mail.web.de.am,
  // a host under web.de.am, no): a map or zone may refuse only what check
  // flags (issue 15, breaker 15 round 6, defect 2).
  bool bare_refused = true;
  bool under_refused = true;
  // For a namespace look-alike, the names under it that check accepts
  // (partner.ml under "ml" of .mil, with partner.ml trusted): written as
  // exceptions where the format has them (Postfix DUNNO, RPZ rpz-passthru,
  // JSON Lines "except"), so the namespace is refused and they are not.
  std::vector<std::string> except;
  // What the policy does with it (permute_policy.h: the strictest over
  // the senders), and the rule that says so: the Postfix map's action
  // (REJECT for reject and remove-recipient, HOLD for hold and confirm,
  // WARN for warn; accept and tag write no line) and JSON Lines' "action".
  Action action = Action::kReject;
  std::string rule;
  // A reject's reply as the policy gives it at RCPT ("550 5.1.2"), whose
  // enhanced status the Postfix map's REJECT text carries; "": 5.7.1.
  std::string smtp_code;
  // A namespace look-alike's own name, when check answers it with another
  // map action than the names under it: mil.com is mail.com's look-alike,
  // confirmed (HOLD), while a.mil.com is a.mil's, rejected. The key "x"
  // then carries this, ".x" the namespace's line; under Postfix's default
  // parent matching, where "x" alone covers both, "x" carries the milder
  // of the two, a floor of check (issue 15, round 58's tester, finding 5:
  // "mil.com REJECT" where check confirms).
  struct OwnLine {
    Action action = Action::kReject;
    std::string rule;
    std::string smtp_code;
    std::string said;  // "mil.com looks like mail.com (label-typo)"
  };
  std::optional<OwnLine> own;
  // How a person reads the entry: "army.ml", "*.ml".
  std::string Shown() const { return ns ? "*." + domain : domain; }
};

// `found` in `format` ("list", "jsonl", "postfix", "rpz" or "csv"); for
// "postfix", `parent` is whether parent_domain_matches_subdomains lists
// smtpd_access_maps (Postfix's default).
// `note` (lines of text, permute_policy.h's MilderSendersNote) goes into
// the Postfix map's header as comments.
std::string PermuteOutput(const std::vector<PermuteFound>& found, std::string_view format,
                          bool parent, std::string_view note = {});

// The note for a source check trusts under `under` (the trusted reason's
// object: ".mil" for a namespace, "barclays.com" for a listed domain) one
// level or more below the name check names as its look-alikes' target:
// "us.af.mil is under af.mil: check names af.mil as the target of its
// look-alikes (us.af.ml), so permute af.mil for them; a Postfix or RPZ
// entry of af.mil's covers the names under it"; "" when the source is
// that name (issue 15, tester 15, item 13: us.af.mil gave 2 lines).
std::string UnderParentNote(std::string_view source, std::string_view under);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_PERMUTE_OUTPUT_H_
