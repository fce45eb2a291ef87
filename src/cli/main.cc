// nearmiss: a thin shell over the engine; one file per subcommand.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/log.h"
#include "cli/build_info.h"
#include "cli/commands.h"
#include "cli/config_flags.h"
#include "policy/parse_context.h"

namespace {

using namespace nearmiss::cli;

// CLI11 answers a word that is no subcommand with "A subcommand is
// required", which does not say which word was wrong, at every level
// (`nearmiss permute`, `nearmiss policy lnt`). The deepest command parsed is
// the one whose subcommand was mistyped; the first word after its name that
// is not an option (or --config's value) is the one the user meant.
int UnknownSubcommand(const CLI::App& app, int argc, char** argv) {
  const CLI::App* cmd = &app;
  std::vector<std::string> chain;  // names below the top: {"policy"}
  while (!cmd->get_subcommands().empty()) {
    cmd = cmd->get_subcommands().front();
    chain.push_back(cmd->get_name());
  }
  std::vector<std::string> names;
  for (const CLI::App* sub : cmd->get_subcommands({})) names.push_back(sub->get_name());
  if (names.empty()) return -1;
  std::string word;
  size_t matched = 0;
  for (int i = 1; i < argc && word.empty(); ++i) {
    std::string arg = argv[i];
    if (arg == "--config") {
      ++i;
    } else if (!arg.starts_with("-")) {
      if (matched < chain.size() && arg == chain[matched]) {
        ++matched;
      } else if (matched == chain.size()) {
        word = arg;
      }
    }
  }
  if (word.empty()) return -1;
  std::string path = "nearmiss";
  for (const std::string& c : chain) path += " " + c;
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  std::optional<std::string> meant = nearmiss::policy::Closest(word, names);
  std::string hint = meant ? "; did you mean '" + *meant + "'?" : ".";
  std::fprintf(stderr, "%s: unknown subcommand '%s'%s The subcommands are: %s\n"
                       "Run '%s --help' for what each does.\n",
               path.c_str(), word.c_str(), hint.c_str(), list.c_str(), path.c_str());
  return kExitError;
}

// SIGHUP asks a daemon to reload (systemctl reload, logrotate's postrotate),
// and one can arrive while the daemon is still starting: reading its
// configuration, asking postconf, compiling the policy, opening the store.
// With the default action it would kill the process, and systemd does not
// restart a unit killed by SIGHUP (a "clean" signal for Restart=on-failure),
// so mail would wait in Postfix's queue until someone noticed. Blocked from
// the first line of main, it stays pending until the daemon's signal thread
// takes it as a reload (daemon/signals.h). A one-shot command unblocks it
// once the command is known, keeping the default action there.
void SetHangupBlocked(bool blocked) {
  sigset_t hup;
  sigemptyset(&hup);
  sigaddset(&hup, SIGHUP);
  pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &hup, nullptr);
}

// Blocked before main too: the executable's static initialisers (the
// embedded lists, the libraries' registries) take longer than ld.so on a
// loaded machine, and a constructor of priority 101 runs before all of
// them. What remains is ld.so itself and the shared libraries' own
// constructors: about 2 ms on a quiet machine (LD_DEBUG=statistics), more
// while the machine is loaded and the libraries are not yet in the page
// cache. No process can guard that window itself.
__attribute__((constructor(101))) void BlockHangupBeforeStaticInit() { SetHangupBlocked(true); }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"nearmiss: stops email from going to look-alike domains"};
  // CLI11 ends the text with its own newline.
  app.set_version_flag(
      "--version",
      [] {
        std::string text = VersionText();
        if (!text.empty() && text.back() == '\n') text.pop_back();
        return text;
      },
      "Print the version, commit, build date and the date of every embedded list, then exit");
  app.add_option("--config", ConfigFlag(),
                 std::string("Configuration file (default $NEARMISS_CONFIG, else ") +
                     kDefaultConfigPath + ", which may be absent); flags override it")
      ->type_name("FILE");
  // --config may also follow the subcommand: `nearmiss milter --config F`.
  app.fallthrough();
  app.require_subcommand(1);
  Run run;
  AddCheckCommand(app, run);
  AddPermuteCommand(app, run);
  AddPolicyCommand(app, run);
  AddScanCommand(app, run);
  AddMilterCommand(app, run);
  AddServeCommand(app, run);
  AddAuditCommand(app, run);
  AddLearnCommand(app, run);
  AddConfigCommand(app, run);
  // CLI11 reads "--dns-server=" as the flag with no value and takes the
  // next argument as its value ("bad DNS server 'x@army.ml'"): an empty
  // value is refused by name before it can swallow an address.
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 3 && arg.starts_with("--") && arg.ends_with('=') &&
        arg.find('=') == arg.size() - 1) {
      std::fprintf(stderr, "nearmiss: empty %.*s: give a value after '='\n",
                   static_cast<int>(arg.size() - 1), arg.data());
      return kExitError;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (dynamic_cast<const CLI::CallForHelp*>(&e) == nullptr &&
        dynamic_cast<const CLI::CallForVersion*>(&e) == nullptr) {
      if (int rc = UnknownSubcommand(app, argc, argv); rc >= 0) return rc;
    }
    return app.exit(e) == 0 ? kExitClean : kExitError;
  }
  if (!app.got_subcommand("milter") && !app.got_subcommand("serve")) SetHangupBlocked(false);
  // Log lines name the subcommand: "nearmiss milter: warning: ...". The
  // daemons may add --log-format / --syslog on top (their own flags).
  for (const CLI::App* sub : app.get_subcommands()) {
    nearmiss::log::Options options;
    options.program = "nearmiss " + sub->get_name();
    nearmiss::log::Configure(options);
  }
  // The configuration file fills every flag not given on the command line.
  ConfigLocation where = LocateConfig(ConfigFlag(), std::getenv("NEARMISS_CONFIG"));
  nearmiss::Result<ConfigFile> file = LoadConfig(where);
  if (!file.ok()) {
    nearmiss::log::Error(file.error().message());
    return kExitError;
  }
  SetConfigUsed(where, !file->path.empty());
  ApplyConfig(*file);
  return run ? run() : kExitError;
}
