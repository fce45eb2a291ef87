// `nearmiss check [--policy FILE] [--protect-file FILE] [--from ADDRESS] [--json] [ADDRESS ...]`
//
// Each address is judged as the recipient of a message from --from with no
// content, through Engine::CheckMessage (the milter's, the API's and
// scan's pipeline), so what check prints is what the policy would do: the
// class and reasons, the action and its rule, the sender's
// acknowledgements. Rules that need the content (markings, findings) see
// none.
#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>

#include "base/log.h"
#include "cli/check_decision.h"
#include "cli/commands.h"
#include "cli/dns_flags.h"
#include "cli/input_lines.h"
#include "dns/add_facts.h"
#include "render/render.h"
#include "nearmiss/address.h"
#include "store/store_acknowledgements.h"

namespace nearmiss::cli {

using render::CheckToJson;
using render::CheckToLine;
using render::Terminal;
using render::Colour;
namespace {

struct CheckFlags {
  PolicyFlags policy;
  DnsFlags dns;
  bool json = false;
  // The envelope sender (RFC 5321 MAIL FROM) as given, when from_given.
  std::string from;
  bool from_given = false;
  std::vector<std::string> addresses;
};

class CheckRun {
 public:
  // `sender`: the canonical envelope sender, null when not given.
  // `acknowledgements`: the store's, null without a store or a sender.
  // `not_evaluated`: what the missing sender left unjudged.
  // `with_store`: acknowledgements exist to be read (with a sender).
  CheckRun(const Engine& engine, DnsSource* dns, bool json, const std::string* sender,
           const AcknowledgementSource* acknowledgements, std::vector<std::string> not_evaluated,
           bool with_store)
      : engine_(engine), dns_(dns), json_(json), term_(stdout), sender_(sender),
        not_evaluated_(std::move(not_evaluated)), unread_acks_(with_store && sender == nullptr) {
    envelope_.sender = sender != nullptr ? std::string_view(*sender) : std::string_view();
    envelope_.path = MailPath::kOffline;
    envelope_.acknowledgements = acknowledgements;
    envelope_.now = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  }

  // With DNS on, the look-alikes' lookups of a batch of inputs are started
  // together and run at once (the resolver is asynchronous): five silent
  // lookups take one deadline, not five (issue 15, round 34, item 7). A
  // terminal sees each line as it is decided.
  // A bare domain (no '@', a domain name with a dot: permute's list) is
  // judged as the domain: as the address postmaster@domain, the mailbox
  // every domain that takes mail has (RFC 5321 section 4.5.1), and shown
  // as the domain, its suggestions too (JSON: "judged_as": "domain").
  // A single label is one too when it is a listed domain run together
  // (armymil, gmailcom, hmrcgovuk: permute's dot-omission look-alikes):
  // the engine reads it as a look-alike of a domain whose dots, left out
  // or made hyphens, give the label. A word ("Okafor") is no such reading
  // and stays invalid (round 57b's tester 15, finding 3).
  void Check(std::string_view input) {
    bool bare = BareDomain(input);
    std::string as_address;
    RecipientCheck c;
    if (bare || OneLabel(input)) {
      as_address = std::string(kDomainMailbox) + "@" + std::string(Trimmed(input));
      c = engine_.CheckRecipient(as_address);
      if (!bare) bare = RunTogether(Trimmed(input), c);
    }
    const std::string_view judged_input = bare ? std::string_view(as_address) : input;
    if (!bare) c = engine_.CheckRecipient(judged_input);
    if (dns_ == nullptr) return Decide(judged_input, c, bare);
    std::optional<std::shared_future<DnsFacts>> lookup = dns::StartLookup(*dns_, &c);
    batch_.push_back({std::string(judged_input), std::move(c), std::move(lookup), bare});
    if (batch_.size() >= kBatch || term_.tty()) Drain();
  }

  void Drain() {
    for (Queued& q : batch_) {
      // DNS facts first: a rule may ask for them (can_receive).
      if (q.lookup) q.check.dns = q.lookup->get();
      Decide(q.input, q.check, q.bare_domain);
    }
    batch_.clear();
  }

  void Decide(std::string_view input, RecipientCheck& c, bool bare_domain) {
    envelope_.recipients.clear();
    envelope_.recipients.push_back({input, RecipientField::kEnvelope, false, &c});
    engine_.CheckMessage(envelope_, MessageContent::Parts(no_content_), &message_);
    // The sender scope's address-typo is added in CheckMessage: the
    // message's copy of the check is the whole answer.
    const RecipientCheck& judged =
        bare_domain ? AsDomain(message_.facts.recipients.front().check)
                    : message_.facts.recipients.front().check;
    const RecipientDecision& d = message_.decision.recipients.front();
    // Counted under the class the line shows (render::CheckToLine): a
    // slip at a trusted domain is an address-typo, not one more trusted.
    // In the classes' order, each address-typo after its domain's class.
    const std::string_view shown = render::ShownClass(judged, d);
    ++counts_[{static_cast<int>(judged.verdict) * 2 + (shown != VerdictName(judged.verdict)),
               std::string(shown)}];
    ++actions_[d.action];
    // A lookup that did not answer counts as "can receive mail" (fail
    // closed): counted, so a dead resolver shows in the summary (issue 15,
    // round 42's tester, finding 13).
    if (judged.dns && !judged.dns->unknown.empty()) ++dns_unanswered_;
    // Flagged: the policy would do more than accept, or the class is one
    // no acknowledgement covers (a look-alike, blocked or invalid address).
    if (d.action != Action::kAccept ||
        ((judged.verdict == Verdict::kLookalike || judged.verdict == Verdict::kBlocked ||
          judged.verdict == Verdict::kInvalid) &&
         d.acknowledged_by == 0)) {
      flagged_ = true;
    }
    // An acknowledgement by the sender might settle this one: said, as the
    // sender is not known.
    bool ack_unread = unread_acks_ && d.acknowledgeable && d.action != Action::kAccept;
    if (json_) {
      nlohmann::ordered_json j = CheckToJson(judged);
      if (bare_domain) j["judged_as"] = "domain";
      if (ack_unread) {
        std::vector<std::string> parts = not_evaluated_;
        parts.push_back(kAcknowledgementsPart);
        AddDecisionJson(d, sender_, parts, &j);
      } else {
        AddDecisionJson(d, sender_, not_evaluated_, &j);
      }
      out_ += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    } else {
      out_ += CheckToLine(judged, term_, shown) + DecisionClause(d, term_);
      if (bare_domain) out_ += "; judged as a domain (no '@')";
      if (ack_unread) out_ += "; without --from the sender's acknowledgements were not read";
    }
    out_ += '\n';
    // Batch writes; a TTY sees each line as it is decided.
    if (out_.size() > (1 << 16) || term_.tty()) Flush();
  }

  // Why the history was empty ("no store"), for the summary; "" when not.
  void set_without_history(std::string why) { without_history_ = std::move(why); }

  int Finish() {
    Drain();
    size_t total = 0;
    for (const auto& [verdict, n] : counts_) total += n;
    if (!json_ && total > 1) {
      std::string summary = std::to_string(total) + " checked:";
      // One count per class shown: a slip at a trusted and one at an
      // external domain are both "address-typo" (round 46's tester 14, 6).
      std::vector<std::pair<std::string, size_t>> shown;
      for (const auto& [verdict, n] : counts_) {
        auto same = std::find_if(shown.begin(), shown.end(),
                                 [&](const auto& s) { return s.first == verdict.second; });
        if (same == shown.end()) {
          shown.emplace_back(verdict.second, n);
        } else {
          same->second += n;
        }
      }
      const char* sep = " ";
      for (const auto& [name, n] : shown) {
        summary += sep + std::to_string(n) + " " + name;
        sep = ", ";
      }
      summary += "; policy:";
      sep = " ";
      for (const auto& [action, n] : actions_) {
        summary += sep + std::to_string(n) + " " + std::string(ActionName(action));
        sep = ", ";
      }
      if (dns_unanswered_ > 0) {
        summary += "; DNS: ";
        summary += std::to_string(dns_unanswered_);
        summary += dns_unanswered_ == 1 ? " lookup" : " lookups";
        summary += " unanswered, counted as able to receive mail";
      }
      if (!without_history_.empty()) {
        summary += "; all " + std::to_string(total) + " judged without history (" +
                   without_history_ + ")";
      }
      out_ += term_.Paint(Colour::kDim, summary) + "\n";
    }
    Flush();
    return flagged_ ? kExitFlagged : kExitClean;
  }

 private:
  void Flush() {
    std::fwrite(out_.data(), 1, out_.size(), stdout);
    std::fflush(stdout);
    out_.clear();
  }

  // Inputs whose lookups are under way, decided in order by Drain.
  struct Queued {
    std::string input;
    RecipientCheck check;
    std::optional<std::shared_future<DnsFacts>> lookup;
    bool bare_domain = false;
  };
  static constexpr std::string_view kDomainMailbox = "postmaster";

  static std::string_view Trimmed(std::string_view s) {
    const size_t first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
  }
  // No '@' and a domain name of two labels or more as written (arm.ymil,
  // army.mil): not a word ("Okafor", a name pasted alone, stays invalid)
  // nor "gmail.com>".
  static bool BareDomain(std::string_view input) {
    const std::string_view t = Trimmed(input);
    if (t.empty() || t.find('@') != std::string_view::npos ||
        t.find('.') == std::string_view::npos || t.front() == '.' || t.back() == '.') {
      return false;
    }
    return ParseDomain(t).ok();
  }
  // One LDH label, no '@' nor '.': a word, or a domain run together.
  static bool OneLabel(std::string_view input) {
    const std::string_view t = Trimmed(input);
    if (t.empty() || t.size() > 253) return false;
    return std::all_of(t.begin(), t.end(), [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-';
    });
  }
  // Whether `c` reads `label` as a look-alike of a domain that is `label`
  // with its dots left out or made hyphens.
  static bool RunTogether(std::string_view label, const RecipientCheck& c) {
    if (c.verdict != Verdict::kLookalike || c.target.find('.') == std::string::npos) return false;
    std::string lower(label), dropped, hyphens(c.target);
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (char ch : c.target) {
      if (ch != '.') dropped += ch;
    }
    std::replace(hyphens.begin(), hyphens.end(), '.', '-');
    return lower == dropped || lower == hyphens;
  }
  // `c` shown as its domain: "army.mil", not "postmaster@army.mil".
  const RecipientCheck& AsDomain(const RecipientCheck& c) {
    shown_domain_ = c;
    auto domain_of = [](std::string& a) {
      if (const size_t at = a.rfind('@'); at != std::string::npos) a.erase(0, at + 1);
    };
    domain_of(shown_domain_.input);
    domain_of(shown_domain_.address);
    domain_of(shown_domain_.suggestion);
    domain_of(shown_domain_.also_suggestion);
    return shown_domain_;
  }
  RecipientCheck shown_domain_;
  static constexpr size_t kBatch = 64;
  std::vector<Queued> batch_;
  const Engine& engine_;
  DnsSource* dns_;  // null: DNS signals off
  size_t dns_unanswered_ = 0;  // recipients whose lookup did not answer
  bool json_;
  Terminal term_;
  const std::string* sender_;
  std::vector<std::string> not_evaluated_;
  std::string without_history_;
  bool unread_acks_;
  // Reused from address to address (CheckMessage keeps their capacity).
  Envelope envelope_;
  MessageParts no_content_;
  MessageCheck message_;
  std::string out_;
  std::map<std::pair<int, std::string>, size_t> counts_;  // by the class shown
  std::map<Action, size_t> actions_;
  bool flagged_ = false;
};

int RunCheck(const CheckFlags& flags) {
  // The sender as the milter would see it: "<>" is the null sender
  // (RFC 5321 section 4.5.5, bounces), anything else must be an address.
  std::optional<std::string> sender;
  if (flags.from_given) {
    if (flags.from == "<>") {
      sender.emplace();
    } else {
      Result<Address> a = ParseAddress(flags.from);
      if (!a.ok()) {
        log::Error("--from '" + log::Untrusted(flags.from, 200) +
                   "': not an envelope sender address: " + a.error().message());
        return kExitError;
      }
      sender = a->ToString();
    }
  }
  std::string no_history;
  Result<std::shared_ptr<Store>> store = OpenStore(flags.policy, &no_history);
  if (!store.ok()) return kExitError;
  std::shared_ptr<const Engine> engine = LoadEngine(flags.policy, store->get());
  if (!engine) return kExitError;
  std::optional<store::StoreAcknowledgements> acks;
  if (*store && sender && !sender->empty()) acks.emplace(store->get());
  std::vector<std::string> not_evaluated;
  // Judged with no history (the store missing, or empty; both warned on
  // stderr): said in each JSON answer too, as a program reads it (the
  // issue-14 tester, round 42, finding 5). `--store none` asked for it.
  std::string without_history;
  if (!no_history.empty()) {
    without_history = "no store";
  } else if (*store && engine->stats().HistoryEmpty()) {
    without_history = "the store has learned nothing yet";
  }
  if (!without_history.empty()) {
    not_evaluated.push_back("address-typo, new-domain and trust from history (" +
                            without_history + ")");
  }
  if (!sender) {
    const std::vector<std::string> sender_parts =
        SenderDependentParts(engine->policy(), *store != nullptr);
    not_evaluated.insert(not_evaluated.end(), sender_parts.begin(), sender_parts.end());
    if (!sender_parts.empty()) {
      std::string parts;
      for (const std::string& p : sender_parts) parts += (parts.empty() ? "" : "; ") + p;
      log::Warn("no --from: the sender-specific part of the policy was not evaluated: " + parts +
                ". Give --from ADDRESS (the envelope sender) to judge it");
    }
  }
  // The start-up check lint runs too (DnsStartErrors): every error, placed.
  const std::vector<PolicyError> dns_errors = DnsStartErrors(flags.dns, engine->policy().dns);
  for (const PolicyError& e : dns_errors) {
    std::fprintf(stderr, "nearmiss: error: %s\n", e.ToString().c_str());
  }
  if (!dns_errors.empty()) return kExitError;
  Result<std::unique_ptr<dns::Resolver>> resolver = OpenResolver(flags.dns, engine->policy().dns);
  if (!resolver.ok()) {
    std::fprintf(stderr, "nearmiss: error: %s\n", resolver.status().message().c_str());
    return kExitError;
  }
  CheckRun run(*engine, resolver->get(), flags.json, sender ? &*sender : nullptr,
               acks ? &*acks : nullptr, std::move(not_evaluated), *store != nullptr);
  run.set_without_history(without_history);
  if (!flags.addresses.empty()) {
    for (const std::string& arg : flags.addresses) {
      std::vector<std::string> pieces = SplitPastedAddressList(arg);
      if (pieces.empty()) run.Check(arg);  // reported as invalid: empty
      for (const std::string& piece : pieces) run.Check(piece);
    }
    return run.Finish();
  }
  // A line holding a pasted list is split, so "bob@army.ml, carol@army.mil"
  // is not judged as one address on its last '@', and Outlook's "Okafor,
  // Chidi <c@x>" is one recipient (SplitPastedAddressList); a single
  // address is judged as written.
  auto check = [&run](const std::string& line) {
    // Most lines hold one plain address: skip the splitter for them. A
    // blank counts, as Postfix reads "a@x b@y" as two addresses.
    if (line.find_first_of(",;? \t") == std::string::npos) return run.Check(line);
    // Outlook's "Last, First <addr>" is two pieces read plainly and one
    // pasted: a line the plain reading gives one piece is judged as is.
    // One piece with a separator after it ("c@x;" as Outlook's To: is
    // copied) is that piece, as the same text given as an argument is
    // (round 51's tester 15, finding 8).
    const std::vector<std::string> plain = SplitAddressList(line);
    if (plain.size() > 1) {
      for (const std::string& piece : SplitPastedAddressList(line)) run.Check(piece);
      return;
    }
    // Only then: the line's own text is the input echoed (" DAVE@X. ").
    const size_t last = line.find_last_not_of(" \t\r");
    const bool separated = plain.size() == 1 && last != std::string::npos &&
                           (line[last] == ';' || line[last] == ',');
    return run.Check(separated ? plain[0] : line);
  };
  // One line at a time, streamed: memory stays flat for any input size.
  // A UTF-8 byte order mark is dropped, UTF-16 with one converted
  // (PowerShell's Out-File), NUL bytes without one refused: never read as
  // garbage "invalid" recipients (round 56b's tester 15, finding 6).
  std::ios::sync_with_stdio(false);
  const Status read = ForEachInputLine(std::cin, "stdin", [&check](std::string& line) {
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) return;
    // A '#' line is a comment, as in a --protect-file and permute's list
    // (round 43's tester, finding 17: "# comment" was judged as two
    // addresses and made the exit status 1). An address whose local part
    // starts with '#' (RFC 5322 allows it) goes as an argument.
    if (line[first] == '#') return;
    // So is the rest of a line from a blank and '#' on ("x@gmail.com #
    // home"), as in a shell script or Postfix's tables: not three more
    // recipients (tester 15 round 57, finding 4).
    for (size_t at = line.find('#', first); at != std::string::npos; at = line.find('#', at + 1)) {
      if (line[at - 1] == ' ' || line[at - 1] == '\t') {
        line.erase(at);
        break;
      }
    }
    check(line);
  });
  if (!read.ok()) {
    // What was read is reported; the rest is not judged, so the run fails.
    run.Finish();
    log::Error(read.message() + ": the addresses after it were not checked");
    return kExitError;
  }
  return run.Finish();
}

}  // namespace

void AddCheckCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Check recipient addresses: look-alike domains, address typos, and what the "
               "policy would do");
  cmd->footer(
      "Addresses come from the arguments or from stdin, one per line; an argument or a line "
      "may be a comma- or semicolon-separated list. On stdin a line starting with '#' is a "
      "comment, and so is the rest of a line from a blank and '#'. A domain alone (no '@', as "
      "in permute's list) is judged as the domain (as postmaster@domain), shown as the domain "
      "and said to be so (JSON: \"judged_as\": \"domain\"); so is a single label that is a "
      "listed domain run together (armymil). Loose words around one address (\"John Smith "
      "x@gmail.com\") are that address.\n"
      "Each address is judged as the one recipient of a message from --from with no content: "
      "its class and reasons, then the policy's action (accept, tag, warn, confirm, hold, "
      "remove-recipient, reject) and the rule that chose it; rules that need the content see "
      "none. With a per-sender policy (history.address_typo_scope = \"sender\", rules with "
      "sender groups) and no --from, a warning names what was not evaluated (JSON: "
      "\"not_evaluated\"); an address the sender's acknowledgement could settle says the "
      "acknowledgements were not read.\n"
      "Exit status: 0 every address accepted; 1 some address flagged: the policy would do "
      "anything but accept it (an address typo to confirm, a look-alike to reject...), or it "
      "is a look-alike, blocked or invalid address no acknowledgement covers; 2 usage or "
      "configuration error.");
  flags->policy.Register(*cmd, /*with_protect_file=*/true);
  flags->dns.Register(*cmd);
  CLI::Option* from = cmd->add_option("--from", flags->from,
                  "The envelope sender (RFC 5321 MAIL FROM; \"<>\" the null sender): the sender "
                  "every per-sender part of the policy judges (address-typo in the sender scope, "
                  "sender groups, acknowledgements)");
  cmd->add_flag("--json", flags->json, "One JSON object per input (JSON Lines)");
  cmd->add_option("addresses", flags->addresses, "Addresses to check");
  cmd->callback([&run, flags, from] {
    flags->from_given = from->count() > 0;
    run = [flags] { return RunCheck(*flags); };
  });
}

}  // namespace nearmiss::cli
