// Policy: what the organisation trusts, protects, allows and blocks, how
// sensitive mail is recognised, and what to do about it.
//
// Read from a TOML file or the embedded default (data/policy/default.toml);
// docs/policy.md describes every key. Every domain and rule carries where it
// came from ("policy.toml:12:5", or "protected.txt:3") so later errors and
// explanations can point at it. Errors read "FILE:LINE:COLUMN: what is
// wrong"; LintPolicy reports all of them with a hint each.
//
// Sections: [domains], [lookalike], [senders.<group>], [sensitivity] with
// [[sensitivity.pattern]], [[rule]] (ordered, first match wins), [defaults],
// [limits].
//
// Thread safety: plain values; loading functions may run concurrently.
#ifndef NEARMISS_POLICY_H_
#define NEARMISS_POLICY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/content_limits.h"
#include "nearmiss/content_scanner.h"
#include "nearmiss/content_sensitivity.h"
#include "nearmiss/decision.h"
#include "nearmiss/status.h"
#include "nearmiss/verdict.h"

namespace nearmiss {

// One domain or namespace from a policy or list file, normalised to lower-
// case ASCII (A-labels): "army.mil", ".mil" (a namespace).
struct DomainItem {
  std::string domain;
  std::string where;  // "FILE:LINE" or "FILE:LINE:COLUMN"
};

// The names of the content library's built-in marking packs: "uk",
// "us-classified", "us-cui", "nato-eu", "au", "labels", "de".
const std::vector<std::string>& BuiltinPackNames();

// Senders a rule can single out ("executives", "press-office").
struct SenderGroup {
  std::string name;
  std::string where;                   // the [senders.NAME] header
  std::vector<std::string> addresses;  // "ceo@mod.gov.uk", lower case
  std::vector<DomainItem> domains;     // the sender's domain or a parent
};

struct SensitivityPolicy {
  // The content library's built-in marking packs that are on (see
  // BuiltinPackNames()); all of them by default.
  std::vector<std::string> packs = BuiltinPackNames();
  std::vector<std::string> pack_files;  // extra packs (same TOML format)
  std::vector<content::CustomPattern> patterns;
  // [sensitivity.labels]: the tenant's label names and their levels
  // ("Secret_0" = "SECRET"); they win over the label pack's forms.
  std::vector<content::LabelLevel> labels;
  content::DetectorOptions detectors;
  // [sensitivity] cache_dir: where the compiled marking database is cached
  // between runs. "" (unset): content::DefaultDatabaseCacheDir() at compile
  // time; "none": never cached; else a directory (relative to the policy
  // file).
  std::string cache_dir;
};

// One [[rule]]. A condition left out matches anything; a rule matches a
// recipient when all its conditions hold.
struct Rule {
  std::string name;
  std::string where;  // "policy.toml:41:1"
  std::vector<Verdict> recipient;    // the recipient's class is one of
  std::vector<std::string> reasons;  // one of its reason codes is one of
  std::optional<content::Level> sensitivity_at_least;
  std::optional<content::Level> sensitivity_at_most;
  // The message carries a finding of one of these kinds
  // (content::ConditionFindingNames(): "unknown-label",
  // "encrypted-attachment", "doubted-marking").
  std::vector<std::string> findings;
  std::vector<std::string> sender_groups;  // the sender is in one of
  std::optional<int> recipients_at_least;  // distinct recipients
  std::optional<int> recipients_at_most;
  std::optional<int> external_domains_at_least;  // distinct non-trusted
  std::optional<int> external_domains_at_most;   // recipient domains
  // The recipient is a look-alike of a domain trusted through one of these
  // (`target = ["protected"]`); empty: any.
  std::vector<TrustSource> targets;
  // The recipient's domain can (true) or cannot (false) receive mail, by
  // the DNS signals ([dns]; RecipientCheck::dns). Fails closed: a domain
  // not looked up (DNS off, not a look-alike) or whose answer is unknown
  // counts as able to receive (DnsFacts::CanReceive).
  std::optional<bool> can_receive;
  // The recipient's domain accepts mail for any address (true) or not
  // (false), by the catch-all probe ([dns] catch_all_probe;
  // DnsFacts::catch_all). Fails closed: not probed or unknown counts as a
  // catch-all; a domain that cannot receive mail is not one
  // (DnsFacts::AcceptsAnyAddress).
  std::optional<bool> catch_all;
  // The recipient has an `address-typo` finding (RecipientCheck::
  // address_typo; issue 14: the wrong person at the right domain) of one of
  // these kinds (AddressTypoKindName: "edit", "display-name", ...); empty:
  // any kind. A recipient without the finding never matches a rule that
  // sets this or the next condition.
  std::vector<AddressTypoKind> address_typo_kinds;
  // ... whose score is at least this: the engine's confidence, a number in
  // [0, 1] in hundredths (0.8: one edit; AddressTypo::score).
  std::optional<double> address_typo_score_at_least;
  Action action = Action::kAccept;
  // Whether a sender's acknowledgement may settle this rule's warn or
  // confirm afterwards. Unset: yes, except for a blocked recipient or a
  // look-alike of a protected domain (army.ml for army.mil), which stay
  // final whatever was acknowledged.
  std::optional<bool> acknowledge;
  // Fields: {recipient} {suggestion} {target} {reason} {level}; "{{" and
  // "}}" for literal braces. Empty: a built-in sentence for the action.
  std::string message;
  std::string smtp_code;  // empty: PolicyDefaults::smtp_code
};

// What nearmiss does when it cannot decide (an internal error, a timeout).
enum class FailMode {
  kTempfail,  // "tempfail": the MTA retries later
  kAccept,    // "accept": deliver, with the tag header saying so
};
std::string_view FailModeName(FailMode mode);

struct PolicyDefaults {
  Action action = Action::kAccept;  // when no rule matches
  std::string action_where;         // where `action` was set, if anywhere
  FailMode on_error = FailMode::kTempfail;
  std::string smtp_code = "550 5.7.1";  // for rejects without their own
  std::string tag_header = "X-Nearmiss";
  // A recipient nearmiss cannot judge (class `invalid`: no delivery domain
  // can be found) and no rule matches, so it never falls to `action`:
  // "reject" (on_invalid_code, 550 5.1.3), "tempfail" (450 4.1.3: the
  // client retries), "hold", or "accept" (lets it through; not advised).
  Action on_invalid = Action::kReject;
  std::string on_invalid_code = "550 5.1.3";
  std::string on_invalid_name = "reject";  // as written in the policy
};

// [delivery]: Postfix's parameters that decide where an address goes
// (postconf(5)); see nearmiss/delivery.h. Unset, nothing is rewritten but
// every routed domain is still judged, and the milter reads them from
// `postconf`.
struct DeliveryPolicy {
  std::string myhostname;                  // Postfix myhostname
  std::string myorigin;                    // Postfix myorigin; "" = myhostname
  std::vector<std::string> mydestination;  // Postfix mydestination, expanded
  bool allow_percent_hack = true;          // Postfix allow_percent_hack
  bool swap_bangpath = true;               // Postfix swap_bangpath
  bool configured = false;  // myhostname or mydestination given
  std::string where;                       // where that table is
};

// [api]: who may call `nearmiss serve` and from which web origins.
struct ApiPolicy {
  // Bearer tokens. An admin token may also check; when no check token is
  // configured at all, POST /v1/check needs none (loopback deployments).
  std::vector<std::string> check_tokens;
  std::vector<std::string> admin_tokens;
  // Where each is written, "FILE:LINE", in the same order: what the audit
  // records name a token by when it names no person.
  std::vector<std::string> check_token_places;
  std::vector<std::string> admin_token_places;
  std::string token_file;  // resolved against the policy's directory; "" none
  // Origins allowed to call the API from a browser (add-in task panes):
  // "https://outlook.office.com". Exact match; the one wildcard is
  // "moz-extension://*", any Thunderbird extension's per-install origin.
  std::vector<std::string> cors_origins;
  // Whether a sender may override a `warn` answer ("Send anyway").
  bool allow_send_anyway = true;
  // Whether a check token many share (one whose token-file line binds no
  // sender, `<alice@...>`: the add-ins' packaged token) may record a "Send
  // anyway" in the sender its request names. Its holder (every desktop the
  // add-in is on) could name any colleague, so such an acknowledgement is
  // recorded as claimed, with the token and the client's address; false
  // refuses it (403 acknowledge-needs-own-token): only a token bound to
  // the sender, or an admin's, acknowledges.
  bool acknowledge_with_shared_token = true;
};

// [confirm]: the `confirm` action's notice and links, and how long an
// acknowledgement lasts. Read by the milter (the notice) and `serve` (the
// links); both need the same key file.
struct ConfirmPolicy {
  // The notice's From: and envelope sender (the bounce address).
  std::string notice_from = "postmaster@localhost";
  // The links' base: `nearmiss serve` as the sender's browser reaches it.
  std::string link_base = "http://127.0.0.1:8025";
  std::string link_base_where;  // "FILE:LINE:COL" when the policy sets it
  // HMAC-SHA256 key for the links: 32 bytes or more, read whole. Resolved
  // against the policy's directory. "": no notices (confirm then holds and
  // the hold waits for an admin, which the milter logs).
  std::string key_file;
  int64_t link_hours = 72;  // a link is refused after this
  // The notice is submitted through the local Postfix's sendmail(1)
  // (absolute path), with -C postfix_config when set.
  std::string sendmail = "/usr/sbin/sendmail";
  std::string postfix_config;  // sendmail -C DIR (absolute); "" Postfix's default
  // An acknowledgement stops applying this many days after it was made.
  int64_t acknowledgement_days = 180;

  bool operator==(const ConfirmPolicy&) const = default;
};

// [history]: how correspondence history (history.h) becomes trust.
struct HistoryPolicy {
  // A learned domain is trusted once this many messages went there ...
  int64_t min_messages = 5;
  // ... over at least this many days between the first and the last.
  int64_t min_days = 14;
  // Flag a never-seen address at a known domain (reason "new-address").
  bool flag_new_addresses = false;
  // Flag a never-seen address that is a near miss, in its local part, of an
  // address written to often (reason "address-typo": jon.smith for
  // john.smith, jsmith, smith.john, another John among the frequent
  // contacts, a display name naming the frequent one).
  bool address_typo = true;
  // Never seen by whom: kOrganisation, by anyone here (judged in
  // CheckRecipient, so also at RCPT time); kSender, by this sender, against
  // this sender's frequent contacts (judged in CheckMessage, where the
  // sender is known: at end of message in the milter).
  enum class TypoScope { kOrganisation, kSender };
  TypoScope address_typo_scope = TypoScope::kOrganisation;
  // "Often": at least this many messages to the address (by anyone, or by
  // the sender in the sender scope).
  int64_t address_typo_min_messages = 3;
  // ... over at least this many days between the first and the last
  // message to it: messages within fewer (one thread, a burst) count as
  // one contact, so a slip that replies or a resend repeat stays a slip,
  // neither known nor frequent (issue 14, round 33, item 4). 0: off.
  int64_t address_typo_min_days = 3;
  // The characters that separate a local part from its extension, as
  // Postfix's recipient_delimiter (postconf(5)): john.smith+news@ is
  // john.smith@'s mailbox, neither new nor a slip of it. Split at the first
  // of them; "" turns it off.
  std::string recipient_delimiter = "+";
  // Whether the policy file gave recipient_delimiter. When not, the milter
  // takes Postfix's own (postconf); every other command keeps "+".
  bool recipient_delimiter_set = false;
  // Senders whose mail `learn` leaves out of the history: a helpdesk's
  // ticket replies, a CRM's or a notification system's mail goes to
  // whatever a customer typed, several times a week, and under the
  // organisation scope would make a customer's slip "known" for everyone
  // (round 47's tester 14, finding 4). Each entry is a whole address
  // ("helpdesk@ourorg.example"), a local part with a bare '@' ("noreply@",
  // at any domain), or "*@" and a domain ("*@notify.ourorg.example");
  // lower case, compared case-insensitively.
  std::vector<std::string> learn_skip_senders;
  // Whether the policy's learn_skip_senders names `sender` (an address).
  bool SkipsSender(std::string_view sender) const;
  // Whether a store's snapshot must carry addresses and sender -> recipient
  // pairs (Store::Snapshot's with_addresses).
  bool needs_addresses() const { return flag_new_addresses || address_typo; }
  // The milter and `serve` reload the history snapshot from their store this
  // often, so what `learn` adds reaches a running engine without a SIGHUP.
  int64_t refresh_seconds = 300;
  // Audit records older than this are deleted by the daemons (on each
  // refresh) and by `nearmiss learn --prune`; 0 keeps them forever.
  int64_t audit_retention_days = 365;
};

// [dns]: the optional DNS signals about a look-alike's domain (nearmiss/
// dns.h): does it exist, can it receive mail. Off by default: the shells
// then never resolve anything.
struct DnsPolicy {
  bool enabled = false;
  // "IP", "IP:PORT", "[IPv6]:PORT", or {"system"}: resolv.conf(5). Empty
  // (the key left out): no server, and turning DNS on is an error; never
  // the system's resolvers unasked.
  std::vector<std::string> servers;
  int64_t timeout_ms = 1500;     // deadline of one lookup; past it: unknown
  int64_t cache_ttl_max = 3600;  // seconds an answer is kept, at most its TTL
  int64_t cache_size = 10000;    // domains kept
  // The catch-all probe (src/dns/catch_all_probe.h): CONNECTS TO THE
  // LOOK-ALIKE'S MAIL EXCHANGER (the MX from the DNS answer) and asks RCPT
  // TO a random address, never DATA. Off by default; needs `enabled`.
  bool catch_all_probe = false;
  int64_t catch_all_port = 25;             // SMTP port of the exchanger
  int64_t catch_all_timeout_ms = 3000;     // the probe's deadline, after the DNS one
  int64_t catch_all_cache_ttl = 86400;     // seconds an answer is kept
  int64_t catch_all_max_probes = 8;        // connections open at once
  // Look up every look-alike, also one a rule refuses whatever DNS says
  // (its facts then shown in the verdict). Off by default: each query
  // reaches the look-alike's own name servers (RecipientCheck::
  // dns_can_decide).
  bool lookup_every_lookalike = false;
  std::string where;             // where the [dns] table is
};

struct Policy {
  std::string source;  // file path, or "<embedded default policy>"

  std::vector<DomainItem> organisation;  // the senders' own domains
  std::vector<DomainItem> protected_domains;  // inline plus protected_files
  std::vector<DomainItem> allow;  // trusted even when blocked (partner.ml)
  std::vector<DomainItem> block;  // never deliver (".ml" for .mil senders)
  bool use_default_protected = true;  // add data/lists/protected.txt
  bool use_default_providers = true;  // add data/lists/providers.txt

  double lookalike_threshold = 0.5;  // see LookalikeOptions::threshold

  std::vector<SenderGroup> sender_groups;
  SensitivityPolicy sensitivity;  // packs default to every built-in pack
  std::vector<Rule> rules;        // in order; the first match wins
  PolicyDefaults defaults;
  content::ContentLimits limits;
  // [limits] incomplete_level: the level a message counts as, at least, when
  // it could not be read to the end (a bound hit, not MIME, a scanner
  // failure; Sensitivity::complete false). SECRET by default, so under the
  // default rules such mail to an external recipient is held, not delivered
  // on the level found so far; `none` keeps that level.
  content::Level incomplete_level = content::Level::kSecret;
  ApiPolicy api;
  HistoryPolicy history;
  DeliveryPolicy delivery;
  ConfirmPolicy confirm;
  DnsPolicy dns;
};

// One problem in a policy: "FILE:LINE:COLUMN: what is wrong", and a hint
// that says how to fix it.
struct PolicyError {
  std::string where;  // "policy.toml:3:1"
  std::string what;   // "unknown key 'organisaton' in [domains]"
  std::string hint;   // "did you mean 'organisation'?"; may be empty
  // "where: what" and, when there is a hint, "\n  hint: ...".
  std::string ToString() const;
};

// Every problem in a policy, not just the first: syntax, unknown keys (with
// the closest known key), wrong types, unknown actions, levels, groups and
// reason codes, bad domains, unreadable list files, rules that can never
// match, and conflicting entries. Empty when the policy is clean.
std::vector<PolicyError> LintPolicy(std::string_view text,
                                    std::string_view name,
                                    std::string_view base_dir);
std::vector<PolicyError> LintPolicyFile(const std::string& path);

// What a policy free of errors lets through that its author may not mean
// to: look-alikes accepted, tagged or only warned about, by a rule that
// can match them or by [defaults] action when no rule decides some of
// them (src/policy/lint_warnings.cc). Each names the rule's place, or
// the file's (`defaults.action` as set there, else Policy::source); `policy
// lint` prints them as warnings. Empty when none.
std::vector<PolicyError> PolicyWarnings(const Policy& policy);

// With sender notices on ([confirm] key_file and [domains] organisation),
// a link_base senders' browsers cannot use as it is: a loopback host (the
// default 127.0.0.1: the sender's own machine) or plain http to another
// host (the signed release token in clear on the network). Part of
// PolicyWarnings; the milter and serve log them at start (the issue-14
// tester, round 43, finding 10). Empty when none.
std::vector<PolicyError> ConfirmLinkWarnings(const Policy& policy);

// A rule about the message (a sensitivity, finding or recipient-count
// condition) that never decides: the first later rule about the recipient
// alone matches every recipient and is stricter, and takes its place
// (docs/policy.md, [[rule]]). Part of PolicyWarnings
// (src/policy/lint_overridden.cc). Empty when none.
std::vector<PolicyError> OverriddenRuleWarnings(const Policy& policy);

// The embedded default policy's text (data/policy/default.toml), as
// `nearmiss policy init` prints it.
std::string_view DefaultPolicyText();

// Every key a policy may hold, as dotted paths in file order:
// "domains.organisation", "senders.<group>.addresses", "rule.action",
// "sensitivity.pattern.level", "limits.max_parts", ... docs/policy.md
// documents exactly these (a test keeps the two in step).
std::vector<std::string> PolicyKeyPaths();


// Reason codes a rule may name in `reason` (the look-alike classes,
// "trusted", "blocked", "invalid-address", "new-domain").
const std::vector<std::string>& KnownReasonCodes();

// The embedded default policy.
Result<Policy> DefaultPolicy();

// Reads a policy file; list files it names are read relative to it. A
// policy with any error is refused: the Status message holds every error,
// one per line (the first is the most useful).
Result<Policy> LoadPolicyFile(const std::string& path);

// Parses policy text; `name` is used in messages and `base_dir` resolves
// relative list-file paths. Refused like LoadPolicyFile.
Result<Policy> ParsePolicy(std::string_view text, std::string_view name,
                           std::string_view base_dir);

// One domain per line, "#" comments, blank lines ignored, a leading "."
// for namespaces. Errors name FILE:LINE.
Result<std::vector<DomainItem>> ReadDomainListFile(const std::string& path);
Result<std::vector<DomainItem>> ParseDomainList(std::string_view text,
                                                std::string_view name);

// Normalises one entry ("Army.MIL.", ".MIL", "*.mod.gov.uk", "аrmy.mil").
Result<std::string> NormalizeDomainEntry(std::string_view entry);

// Whether `domain` is the organisation's: one of [domains] organisation (as
// NormalizeDomainEntry wrote it) or a subdomain of one, or inside a
// namespace entry (".mod.uk"). `domain` in any case, as an A-label or a
// U-label, with or without the root's trailing dot. False when the list is
// empty or `domain` is no domain name: callers that act only for the
// organisation (confirm notices, learning) then act for nobody.
bool InOrganisation(const std::vector<DomainItem>& organisation, std::string_view domain);

}  // namespace nearmiss

#endif  // NEARMISS_POLICY_H_
