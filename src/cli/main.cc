// nearmiss: a thin shell over the engine; one file per subcommand.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>

#include "base/log.h"
#include "cli/build_info.h"
#include "cli/commands.h"
#include "cli/config_flags.h"

namespace {

using namespace nearmiss::cli;

// CLI11 answers a word that is no subcommand with "A subcommand is
// required", which does not say which word was wrong. The first word that
// is not an option (or --config's value) is the one the user meant as the
// subcommand.
int UnknownSubcommand(const CLI::App& app, int argc, char** argv) {
  std::string word;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--config") {
      ++i;
      continue;
    }
    if (!arg.starts_with("-")) {
      word = arg;
      break;
    }
  }
  if (word.empty()) return -1;
  std::string names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  std::fprintf(stderr, "nearmiss: '%s' is not a nearmiss command; the commands are: %s\n"
                       "Run 'nearmiss --help' for what each does.\n",
               word.c_str(), names.c_str());
  return kExitError;
}

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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (app.get_subcommands().empty() && dynamic_cast<const CLI::CallForHelp*>(&e) == nullptr &&
        dynamic_cast<const CLI::CallForVersion*>(&e) == nullptr) {
      if (int rc = UnknownSubcommand(app, argc, argv); rc >= 0) return rc;
    }
    return app.exit(e) == 0 ? kExitClean : kExitError;
  }
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
