// `nearmiss permute [--format F] [DOMAIN...]`: the look-alikes check flags.
//
// For each source domain or namespace (the arguments, else the policy's
// organisation and protected domains and the embedded protected and provider
// lists), the candidates of lookalike/permute.h are each checked as
// "x@CANDIDATE" (a namespace's as "x@example.CANDIDATE") by the same engine
// `check` uses, and only those that come back `lookalike` of their source
// are written, with their reason code as class. So every line is one check
// flags, with the same class (tests/cli/permute-cli.sh holds it to that).
// The count per class goes to stderr, for an administrator to judge the
// size of a map before loading it.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "cli/commands.h"
#include "cli/permute_block.h"
#include "cli/permute_output.h"
#include "cli/permute_policy.h"
#include "cli/permute_sources.h"
#include "engine/embedded_lists.h"
#include "lookalike/permute.h"
#include "nearmiss/policy.h"
#include "policy/trusted_names.h"

namespace nearmiss::cli {
namespace {

struct PermuteFlags {
  PolicyFlags policy;
  std::string format = "list";
  // Postfix's parent_domain_matches_subdomains lists smtpd_access_maps (its
  // default): a key "x" then matches x and every name under it, ".x"
  // nothing. "no": "x" matches x alone, ".x" the names under it (access(5)).
  std::string parent_matching = "yes";
  std::vector<std::string> domains;
};


// The look-alike reason of `c`: its first, or after the block's for a
// blocked look-alike (army.ml under block ".ml"); null for any other.
const Reason* LookalikeReason(const RecipientCheck& c) {
  if (c.verdict != Verdict::kLookalike && c.verdict != Verdict::kBlocked) return nullptr;
  if (c.target.empty() && c.verdict == Verdict::kBlocked) return nullptr;
  for (const Reason& r : c.reasons) {
    if (r.code != ReasonCode::kBlocked) return &r;
  }
  return nullptr;
}

// The probe name a namespace's candidate is checked under ("example.ml"),
// taken off what check answered ("example.mil" -> ".mil"), so no output
// names it.
std::string WithoutProbe(std::string_view name, bool ns) {
  constexpr std::string_view kProbe = "example";
  if (ns && name.starts_with(kProbe)) name.remove_prefix(kProbe.size());
  return std::string(name);
}

// What a map line says of a name check judges on its own: "mil.com looks
// like mail.com (label-typo)", "ml is invalid".
std::string OwnSaid(const std::string& name, const RecipientCheck& c) {
  std::string said = name;
  const Reason* why = LookalikeReason(c);
  if (why != nullptr && !c.target.empty()) {
    said += " looks like ";
    said += c.target;
    said += " (";
    said += ReasonCodeName(why->code);
    said += ")";
  } else if (c.verdict == Verdict::kBlocked) {
    said += " is blocked by policy ([domains] block)";
  } else {
    said += " is ";
    said += VerdictName(c.verdict);
  }
  return said;
}

int RunPermute(const PermuteFlags& given) {
  PermuteFlags flags = given;
  std::vector<std::string> suffixes;
  Result<std::vector<std::string>> named = NormalizeSources(flags.domains, suffixes);
  if (!named.ok()) {
    std::fprintf(stderr, "nearmiss permute: %s\n", named.error().message().c_str());
    return kExitError;
  }
  flags.domains = std::move(*named);
  static const std::set<std::string> kFormats = {"list", "jsonl", "postfix", "rpz", "csv"};
  if (!kFormats.contains(flags.format)) {
    std::fprintf(stderr, "nearmiss permute: --format %s: expected list, jsonl, postfix, rpz or csv\n",
                 flags.format.c_str());
    return kExitError;
  }
  std::shared_ptr<const Engine> engine = LoadEngine(flags.policy);
  if (!engine) return kExitError;
  // nic.in, gc.ca are public suffixes check judges as mail domains: permuted
  // as the domains they are, as check sees them (issue 15, breaker 15,
  // item 11). Any other is a zone, not a domain.
  for (const std::string& d : suffixes) {
    if (engine->CheckRecipient("x@" + d).verdict != Verdict::kInvalid) continue;
    // An open zone (co.uk, com.au) has no look-alikes of its own: the hint
    // to write '.co.uk' led to the error that refuses it (round 44's
    // tester, minor).
    std::string dotted = ".";
    dotted += d;
    if (!OpenNamespaceProblem(dotted).empty()) {
      std::fprintf(stderr,
                   "nearmiss permute: '%s' is a public suffix where anyone registers a name, not "
                   "a mail domain, and cannot be permuted: name the domains under it "
                   "(example.%s)\n",
                   d.c_str(), d.c_str());
      return kExitError;
    }
    std::fprintf(stderr,
                 "nearmiss permute: '%s' is a public suffix, not a mail domain; for every domain "
                 "under it write '.%s'\n",
                 d.c_str(), d.c_str());
    return kExitError;
  }
  // A domain given that no list names is permuted as if protected, and
  // said so: check flags those look-alikes only once it is listed.
  for (const std::string& d : flags.domains) {
    if (ListedSource(*engine, d)) continue;
    // army.ml for army.mil: a look-alike given as a source is an
    // administrator's slip; its look-alikes are no one's, and listing it
    // as protected (as the note below advises) would trust it. Refused,
    // with the name meant (issue 15, tester 15, item 17).
    if (!d.starts_with('.')) {
      std::string address = "x@";
      address += d;
      RecipientCheck c = engine->CheckRecipient(address);
      if (c.verdict == Verdict::kLookalike && !c.reasons.empty()) {
        std::string why = "nearmiss permute: ";
        why += d;
        why += " is itself a look-alike: ";
        AppendReasonMessage(c.reasons.front(), &why);
        if (!c.suggestion.empty()) {
          why += "; did you mean ";
          why += c.suggestion.substr(c.suggestion.find('@') + 1);
          why += "?";
        }
        std::fprintf(stderr, "%s\n", why.c_str());
        return kExitError;
      }
    }
    flags.policy.extra_protected.push_back({d, "command line"});
  }
  if (!flags.policy.extra_protected.empty()) {
    engine = LoadEngine(flags.policy);
    if (!engine) return kExitError;
    // Said once the policy took them: one it refuses ('.co.uk' would
    // trust every domain under it) gets its error alone, not a note that
    // it will be permuted first (round 46's tester 15, finding 10).
    for (const auto& extra : flags.policy.extra_protected) {
      if (extra.where != "command line") continue;
      std::fprintf(stderr,
                   "nearmiss permute: note: %s is in no list of the policy; its look-alikes are "
                   "written as if it were protected (check flags them once it is: [domains] "
                   "protected or --protect-file)\n",
                   extra.domain.c_str());
    }
  }
  auto confusions = engine::ParseSuffixConfusions(data::kTldConfusions, "data/lists/tld-confusions.txt");
  if (!confusions.ok()) {
    std::fprintf(stderr, "nearmiss: error: %s\n", confusions.status().ToString().c_str());
    return kExitError;
  }
  std::vector<std::string> sources = flags.domains.empty() ? DefaultSources(*engine) : flags.domains;
  AddPlainForms(sources);
  const std::vector<std::string> cctlds = address::CountryCodeTlds();
  // Two lists from the Public Suffix List's text form; without it what
  // goes unwritten is said, not hidden.
  auto zones_or_warn = [](Result<std::vector<std::string>> z, const char* lost) {
    if (z.ok()) return std::move(*z);
    std::fprintf(stderr, "nearmiss permute: warning: %s; %s\n", z.status().ToString().c_str(),
                 lost);
    return std::vector<std::string>{};
  };
  // The ccTLDs' open zones (gmail.msk.ru), whose names check flags.
  const std::vector<std::string> zones = zones_or_warn(
      address::OpenPrivateZones(),
      "names in the open zones of the Public Suffix List's private section (gmail.msk.ru) are "
      "not written, though check flags them");
  // The ICANN zones, for the exceptions under a namespace look-alike
  // (gov.ml under "ml").
  const std::vector<std::string> icann = zones_or_warn(
      address::IcannSuffixRules(),
      "a namespace look-alike is written with the listed names check accepts as its "
      "exceptions, not the zones under it");
  std::vector<PermuteFound> found;
  std::map<std::string, size_t> milder;  // PermuteAction::milder: lines
  std::set<std::string> written;  // a candidate of two sources is written once
  // The block list first: its keys ("ml" of block ".ml") take the place of
  // a look-alike's with the same name, whose names check blocks too.
  std::vector<std::string> block_left_out;
  found = PermuteBlockEntries(*engine, written, milder, block_left_out);
  const size_t blocked_entries = found.size();
  const std::vector<std::string> known = AcceptedListNames(*engine);
  std::vector<std::string> over_accepted;  // "ml (partner.ml)": left out
  // The plain list has no way to say "all of .ml but partner.ml" (a '#'
  // line is dropped by whatever reads it), nor has a registrar watch's CSV
  // any namespace: there such a namespace is left out, as round 41 did.
  // Postfix (DUNNO), RPZ (rpz-passthru) and JSON Lines say the exception.
  const bool can_except = flags.format == "postfix" || flags.format == "rpz" ||
                          flags.format == "jsonl";
  // The names under namespace `cand` that check accepts, in list order.
  auto accepted_under = [&](const std::string& cand) {
    std::vector<std::string> out = AcceptedZonesUnder(*engine, cand, icann);
    for (const std::string& k : known) {
      if (k.size() <= cand.size() + 1 || !k.ends_with(cand) || k[k.size() - cand.size() - 1] != '.')
        continue;
      // A name under a zone already excepted (sante.gov.ml under gov.ml).
      if (std::any_of(out.begin(), out.end(), [&](const std::string& e) {
            return k == e || (k.ends_with(e) && k[k.size() - e.size() - 1] == '.');
          })) {
        continue;
      }
      const Verdict v = engine->CheckRecipient("x@" + k).verdict;
      if (v == Verdict::kTrusted || v == Verdict::kExternal) out.push_back(k);
    }
    return out;
  };
  // The listed names whose slips under a namespace look-alike MilderUnder
  // probes: the protected and trusted lists (not the real mail domains,
  // whose thousands made .mil's map take 12 s, not 1).
  size_t milder_under = 0;  // MilderUnder's lines
  const std::vector<std::string> listed =
      flags.format == "postfix" ? DefaultSources(*engine) : std::vector<std::string>{};
  for (std::string source : sources) {
    for (char& c : source) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool ns = source.starts_with('.');
    lookalike::PermuteInput in{source, *confusions, cctlds,
                               ns ? std::vector<std::string>{} : zones};
    for (const std::string& cand : lookalike::PermuteDomain(in)) {
      RecipientCheck c = engine->CheckRecipient((ns ? "x@example." : "x@") + cand);
      // A look-alike the block list covers is check's `blocked`, its
      // look-alike reason after the block's: kept, with the policy's action
      // for it (a block took gmial.com out of the map: round 45's tester,
      // finding 1).
      const Reason* why = LookalikeReason(c);
      if (why == nullptr) continue;
      // The look-alike must be of this source: the domain, or for a
      // namespace a name under it.
      const bool of_source = ns ? c.target.ends_with(source) : c.target == source;
      if (!of_source || !written.insert(cand).second) continue;
      std::vector<std::string> held = ns ? accepted_under(cand) : std::vector<std::string>{};
      if (!held.empty() && !can_except) {
        over_accepted.push_back(cand + " (" + held[0] + ")");
        continue;
      }
      PermuteAction act = MapPolicyAction(*engine, c);
      for (const std::string& m : act.milder) ++milder[m];
      found.push_back({cand, source, ns ? source : c.target,
                       std::string(ReasonCodeName(why->code)),
                       WithoutProbe(c.suggestion.substr(c.suggestion.find('@') + 1), ns), ns,
                       /*bare_refused=*/true, /*under_refused=*/true, std::move(held),
                       act.action, std::move(act.rule), std::move(act.smtp_code), std::nullopt});
      auto refused = [&](const std::string& domain) {
        const Verdict v = engine->CheckRecipient("x@" + domain).verdict;
        return v != Verdict::kExternal && v != Verdict::kTrusted;
      };
      if (ns) {
        // The namespace look-alike's own name, as check answers it: its
        // own look-alike (mil.com of mail.com) or invalid (ml), with an
        // action of its own where that differs on the map.
        const RecipientCheck bare = engine->CheckRecipient("x@" + cand);
        PermuteFound& f = found.back();
        f.bare_refused = bare.verdict != Verdict::kExternal && bare.verdict != Verdict::kTrusted;
        if (f.bare_refused) {
          PermuteAction own = MapPolicyAction(*engine, bare);
          if (MilderOnMap(own.action, f.action) || MilderOnMap(f.action, own.action)) {
            for (const std::string& m : own.milder) ++milder[m];
            f.own = PermuteFound::OwnLine{own.action, std::move(own.rule),
                                          std::move(own.smtp_code), OwnSaid(cand, bare)};
          }
        }
      }
      // The names under it, as a mail server sees them: a host named for
      // mail, for the web, or for nothing in particular.
      for (std::string_view host : {"mail.", "www.", "example."}) {
        if (!found.back().under_refused) break;
        found.back().under_refused = refused(std::string(host) + cand);
      }
      // Whole TLDs only ("ml"): a key that refuses every name under a
      // country's TLD is where such names go (a longer key covers few).
      if (ns && flags.format == "postfix" && cand.find('.') == std::string::npos &&
          address::IsDelegatedTld(cand)) {
        for (PermuteFound& f : MilderUnder(*engine, found.back(), listed, written, milder)) {
          found.push_back(std::move(f));
          ++milder_under;
        }
      }
    }
  }
  std::string out;
  std::map<std::string, size_t> per_class;
  for (const PermuteFound& f : found) ++per_class[f.code];
  // Only the map and JSON Lines carry the policy's action (RPZ names every
  // look-alike whatever it is).
  const std::string note = flags.format == "postfix" || flags.format == "jsonl"
                               ? MilderSendersNote(milder)
                               : std::string();
  out += PermuteOutput(found, flags.format, flags.parent_matching == "yes", note);
  if (!note.empty()) {
    std::string said = note;
    std::replace(said.begin(), said.end(), '\n', ' ');
    said.pop_back();
    std::fprintf(stderr, "nearmiss permute: note: %s\n", said.c_str());
  }
  const std::string block_note = BlockWrittenNote(
      std::vector<PermuteFound>(found.begin(), found.begin() + blocked_entries));
  if (!block_note.empty()) std::fprintf(stderr, "nearmiss permute: %s\n", block_note.c_str());
  for (const std::string& why : block_left_out) {
    std::fprintf(stderr, "nearmiss permute: [domains] block entry %s: not written\n", why.c_str());
  }
  if (!over_accepted.empty()) {
    std::string names;
    for (const std::string& n : over_accepted) names += (names.empty() ? "" : ", ") + n;
    std::fprintf(stderr,
                 "nearmiss permute: %zu namespace look-alikes not written, as they hold a name "
                 "check accepts (a key for the whole namespace would refuse its mail): %s\n",
                 over_accepted.size(), names.c_str());
  }
  // A source below the name check targets (us.af.mil, of af.mil) is said.
  for (const std::string& source : flags.domains) {
    std::string address = "x@";
    address += source;
    const RecipientCheck c = engine->CheckRecipient(address);
    if (c.verdict != Verdict::kTrusted || c.reasons.empty()) continue;
    const std::string note = UnderParentNote(source, c.reasons.front().object);
    if (!note.empty()) std::fprintf(stderr, "nearmiss permute: note: %s\n", note.c_str());
  }
  // A source with no look-alike is said, not left to an empty output.
  for (const std::string& source : flags.domains) {
    const std::string plain = PlainForm(source);
    bool any = std::any_of(found.begin(), found.end(), [&](const PermuteFound& f) {
      return f.source == source || (!plain.empty() && f.source == plain);
    });
    if (!any) std::fprintf(stderr, "nearmiss permute: no look-alike of %s\n", source.c_str());
  }
  if (milder_under > 0) {
    std::fprintf(stderr,
                 "nearmiss permute: %zu names under a TLD look-alike (gmailco.ml under ml) "
                 "written with check's milder action for them, before the TLD's key\n",
                 milder_under);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  std::string counts = std::to_string(found.size()) + " look-alikes of " +
                       std::to_string(sources.size()) +
                       (sources.size() == 1 ? " source:" : " sources:");
  const char* sep = " ";
  for (const auto& [code, n] : per_class) {
    counts += sep + code + " " + std::to_string(n);
    sep = ", ";
  }
  std::fprintf(stderr, "%s\n", counts.c_str());
  return kExitClean;
}

}  // namespace

void AddPermuteCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<PermuteFlags>();
  CLI::App* cmd = app.add_subcommand(
      "permute", "Write the look-alike domains that check would flag, by class");
  cmd->footer(
      "With no DOMAIN, the policy's organisation and protected domains and the embedded "
      "protected and provider lists. A DOMAIN starting with '.' is a namespace. Formats: "
      "list (one domain a line, '#' comments), jsonl, postfix (a check_recipient_access "
      "map), rpz (an unbound/BIND response policy zone), csv. The count per class goes to "
      "stderr.\n\nClasses written: label-typo, bitsquat, hyphenation, homoglyph (one letter for "
      "any character check reads as it: Cyrillic, Greek, IPA, hooked or accented; an IDN "
      "name's slips on its own letters), dot-omission, dot-insertion, "
      "suffix-edit, suffix-drop, suffix-truncate (cba.com for cba.com.au), tld-not-delegated, "
      "tld-swap (every other ccTLD, a country's "
      "open zone of the Public Suffix List's private section such as uk.com, us.org, "
      "msk.ru or com.de, the TLD in another script such as .ком, another generic TLD such as "
      "gmail.net for a provider with a generic domain of its own, not seznam.com for "
      "seznam.cz), dot-insertion of a dot moved (gmailc.om) and "
      "suffix-append (every ccTLD, .com, .net, .org and the confusion list added). check also "
      "flags what no finite list holds: any other ending added, two slips at once, several "
      "look-alike letters. A map from permute is a "
      "floor of what check flags, never more: a namespace look-alike holding a name check "
      "accepts (.ml with partner.ml trusted) is left out, and named on stderr.\n\n"
      "Loading the postfix map: postmap hash:FILE, then check_recipient_access hash:FILE "
      "first in smtpd_recipient_restrictions, before permit_mynetworks and "
      "permit_sasl_authenticated (else the organisation's own senders skip it), and in any "
      "master.cf submission service that overrides smtpd_recipient_restrictions. Mail from "
      "sendmail(1)/pickup passes no smtpd restriction: only the milter, through "
      "non_smtpd_milters, checks it. Each map line carries the policy's action: REJECT "
      "(access_map_reject_code, 554) for reject, HOLD (the hold queue, where the milter's "
      "confirm waits for the sender's release) for confirm and hold, WARN for warn; none "
      "for accept or tag. Load "
      "the rpz zone on the clients' resolver, never on the one [dns] servers names: its "
      "NXDOMAIN would become the look-alikes' DNS facts.");
  flags->policy.Register(*cmd, /*with_protect_file=*/true);
  cmd->add_option("--format", flags->format, "list, jsonl, postfix, rpz or csv")
      ->capture_default_str();
  cmd->add_option("--parent-matching", flags->parent_matching,
                  "postfix format: whether Postfix's parent_domain_matches_subdomains lists "
                  "smtpd_access_maps (yes, its default) or not (no)")
      ->check(CLI::IsMember({"yes", "no"}))
      ->capture_default_str();
  cmd->add_option("domains", flags->domains, "Domains or namespaces (.mil) to permute");
  cmd->callback([&run, flags] { run = [flags] { return RunPermute(*flags); }; });
}

}  // namespace nearmiss::cli
