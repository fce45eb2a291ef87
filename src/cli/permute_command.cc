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
#include "cli/permute_output.h"
#include "engine/embedded_lists.h"
#include "lookalike/permute.h"
#include "nearmiss/policy.h"

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


// The probe name a namespace's candidate is checked under ("example.ml"),
// taken off what check answered ("example.mil" -> ".mil"), so no output
// names it.
std::string WithoutProbe(std::string_view name, bool ns) {
  constexpr std::string_view kProbe = "example";
  if (ns && name.starts_with(kProbe)) name.remove_prefix(kProbe.size());
  return std::string(name);
}

// The sources with no arguments: what the engine protects by name.
std::vector<std::string> DefaultSources(const Engine& engine) {
  std::vector<std::string> out;
  const Policy& p = engine.policy();
  for (const DomainItem& d : p.organisation) out.push_back(d.domain);
  for (const DomainItem& d : p.protected_domains) out.push_back(d.domain);
  auto add_list = [&](std::string_view text, std::string_view name) {
    auto items = ParseDomainList(text, name);
    if (items.ok()) {
      for (DomainItem& d : *items) out.push_back(std::move(d.domain));
    }
  };
  if (p.use_default_protected) add_list(data::kProtectedList, "data/lists/protected.txt");
  if (p.use_default_providers) add_list(data::kProvidersList, "data/lists/providers.txt");
  return out;
}

// The arguments as the policy's lists hold them: U-labels to A-labels
// (münchen.de -> xn--mnchen-3ya.de), lower case, ".mil" for a namespace.
// An argument that is no domain is refused naming it: never an empty list.
// A bare public suffix (co.uk, nic.in) goes into `suffixes` as a domain:
// RunPermute keeps it only when check judges it as a mail domain (nic.in,
// gc.ca: engine/suffix_mail_domain.h), else refuses it (co.uk: its
// namespace is written .co.uk).
Result<std::vector<std::string>> NormalizeSources(const std::vector<std::string>& args,
                                                  std::vector<std::string>& suffixes) {
  std::vector<std::string> out;
  for (const std::string& arg : args) {
    Result<std::string> d = NormalizeDomainEntry(arg);
    if (!d.ok()) {
      return Status::InvalidArgument("'" + arg + "' is not a domain or a .namespace: " +
                                     d.error().message());
    }
    // "gmail": one label is no mail domain. Say what it is: a TLD of the
    // root zone (then .gmail is its namespace) or not even that.
    if (arg.find('.') == std::string::npos) {
      std::string tld = d->substr(1);
      return Status::InvalidArgument(
          address::IsDelegatedTld(tld)
              ? "'" + arg + "' is one label, not a mail domain (a name and its suffix: " + arg +
                    ".com); for every domain under the TLD ." + tld + " write '." + tld + "'"
              : "'" + arg + "' is one label, not a mail domain, and ." + tld +
                    " is not a delegated TLD");
    }
    // "army.mik": no mail reaches a TLD the root zone lacks, so its
    // look-alikes would protect nothing.
    if (!address::HasDelegatedTld(*d)) {
      return Status::InvalidArgument("'" + arg + "': the TLD ." +
                                     d->substr(d->rfind('.') + 1) +
                                     " is not delegated (IANA root zone), so no mail can reach it");
    }
    if (d->starts_with('.') && !arg.starts_with('.')) {
      d->erase(0, 1);
      suffixes.push_back(*d);
    }
    out.push_back(std::move(*d));
  }
  return out;
}

// The names check accepts by a list: the policy's and the embedded lists'
// domains and the real mail domains. A namespace look-alike holding one of
// them ("ml" of .mil with partner.ml trusted) is not written: its key would
// refuse that name's mail, which check accepts (issue 15, round 41, item 5).
std::vector<std::string> KnownNames(const Engine& engine) {
  std::vector<std::string> out = DefaultSources(engine);
  for (const DomainItem& d : engine.policy().allow) out.push_back(d.domain);
  std::string_view text = data::kRealMailDomains;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line[0] == '#') continue;
    out.emplace_back(line.substr(0, line.find_first_of(" \t\r")));
  }
  return out;
}

// Whether check already trusts `source` by a list (protected, organisation,
// provider, ...): a look-alike of it is flagged as is.
bool Listed(const Engine& engine, const std::string& source) {
  RecipientCheck c = engine.CheckRecipient((source.starts_with('.') ? "x@example" : "x@") + source);
  return c.verdict == Verdict::kTrusted;
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
    std::fprintf(stderr,
                 "nearmiss permute: '%s' is a public suffix, not a mail domain; for every domain "
                 "under it write '.%s'\n",
                 d.c_str(), d.c_str());
    return kExitError;
  }
  // A domain given that no list names is permuted as if protected, and
  // said so: check flags those look-alikes only once it is listed.
  for (const std::string& d : flags.domains) {
    if (Listed(*engine, d)) continue;
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
    std::fprintf(stderr,
                 "nearmiss permute: note: %s is in no list of the policy; its look-alikes are "
                 "written as if it were protected (check flags them once it is: [domains] "
                 "protected or --protect-file)\n",
                 d.c_str());
    flags.policy.extra_protected.push_back({d, "command line"});
  }
  if (!flags.policy.extra_protected.empty()) {
    engine = LoadEngine(flags.policy);
    if (!engine) return kExitError;
  }
  auto confusions = engine::ParseSuffixConfusions(data::kTldConfusions, "data/lists/tld-confusions.txt");
  if (!confusions.ok()) {
    std::fprintf(stderr, "nearmiss: error: %s\n", confusions.status().ToString().c_str());
    return kExitError;
  }
  std::vector<std::string> sources = flags.domains.empty() ? DefaultSources(*engine) : flags.domains;
  const std::vector<std::string> cctlds = address::CountryCodeTlds();
  // Without the list's text form the ccTLDs' open zones (gmail.msk.ru) go
  // unwritten, though check flags them: said, not hidden.
  std::vector<std::string> zones;
  if (Result<std::vector<std::string>> z = address::OpenPrivateZones(); z.ok()) {
    zones = std::move(*z);
  } else {
    std::fprintf(stderr,
                 "nearmiss permute: warning: %s; names in the open zones of the Public Suffix "
                 "List's private section (gmail.msk.ru) are not written, though check flags them\n",
                 z.status().ToString().c_str());
  }
  std::vector<PermuteFound> found;
  std::set<std::string> written;  // a candidate of two sources is written once
  const std::vector<std::string> known = KnownNames(*engine);
  std::vector<std::string> over_accepted;  // "ml (partner.ml)": left out
  // The plain list has no way to say "all of .ml but partner.ml" (a '#'
  // line is dropped by whatever reads it), nor has a registrar watch's CSV
  // any namespace: there such a namespace is left out, as round 41 did.
  // Postfix (DUNNO), RPZ (rpz-passthru) and JSON Lines say the exception.
  const bool can_except = flags.format == "postfix" || flags.format == "rpz" ||
                          flags.format == "jsonl";
  // The names under namespace `cand` that check accepts, in list order.
  auto accepted_under = [&](const std::string& cand) {
    std::vector<std::string> out;
    for (const std::string& k : known) {
      if (k.size() <= cand.size() + 1 || !k.ends_with(cand) || k[k.size() - cand.size() - 1] != '.')
        continue;
      if (std::find(out.begin(), out.end(), k) != out.end()) continue;
      const Verdict v = engine->CheckRecipient("x@" + k).verdict;
      if (v == Verdict::kTrusted || v == Verdict::kExternal) out.push_back(k);
    }
    return out;
  };
  for (std::string source : sources) {
    for (char& c : source) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool ns = source.starts_with('.');
    lookalike::PermuteInput in{source, *confusions, cctlds,
                               ns ? std::vector<std::string>{} : zones};
    for (const std::string& cand : lookalike::PermuteDomain(in)) {
      RecipientCheck c = engine->CheckRecipient((ns ? "x@example." : "x@") + cand);
      if (c.verdict != Verdict::kLookalike || c.reasons.empty()) continue;
      // The look-alike must be of this source: the domain, or for a
      // namespace a name under it.
      const bool of_source = ns ? c.target.ends_with(source) : c.target == source;
      if (!of_source || !written.insert(cand).second) continue;
      std::vector<std::string> held = ns ? accepted_under(cand) : std::vector<std::string>{};
      if (!held.empty() && !can_except) {
        over_accepted.push_back(cand + " (" + held[0] + ")");
        continue;
      }
      found.push_back({cand, source, ns ? source : c.target,
                       std::string(ReasonCodeName(c.reasons[0].code)),
                       WithoutProbe(c.suggestion.substr(c.suggestion.find('@') + 1), ns), ns,
                       /*bare_refused=*/true, /*under_refused=*/true, std::move(held)});
      auto refused = [&](const std::string& domain) {
        const Verdict v = engine->CheckRecipient("x@" + domain).verdict;
        return v != Verdict::kExternal && v != Verdict::kTrusted;
      };
      if (ns) found.back().bare_refused = refused(cand);
      // The names under it, as a mail server sees them: a host named for
      // mail, for the web, or for nothing in particular.
      for (std::string_view host : {"mail.", "www.", "example."}) {
        if (!found.back().under_refused) break;
        found.back().under_refused = refused(std::string(host) + cand);
      }
    }
  }
  std::string out;
  std::map<std::string, size_t> per_class;
  for (const PermuteFound& f : found) ++per_class[f.code];
  out += PermuteOutput(found, flags.format, flags.parent_matching == "yes");
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
    bool any = std::any_of(found.begin(), found.end(),
                           [&](const PermuteFound& f) { return f.source == source; });
    if (!any) std::fprintf(stderr, "nearmiss permute: no look-alike of %s\n", source.c_str());
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  std::string counts = std::to_string(found.size()) + " look-alikes of " +
                       std::to_string(sources.size()) + " sources:";
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
      "stderr.\n\nClasses written: label-typo, bitsquat, hyphenation, homoglyph (one Cyrillic "
      "or Greek letter; an IDN name's slips on its own letters), dot-omission, dot-insertion, "
      "suffix-edit, suffix-drop, tld-not-delegated, tld-swap (every other ccTLD, a country's "
      "open zone of the Public Suffix List's private section such as uk.com, us.org, "
      "msk.ru or com.de, the TLD in another script such as .ком, another generic TLD such as "
      "gmail.net), dot-insertion of a dot moved (gmailc.om) and "
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
      "non_smtpd_milters, checks it. The map refuses with access_map_reject_code (554). Load "
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
