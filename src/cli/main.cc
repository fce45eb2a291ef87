// nearmiss: a thin shell over the engine; one file per subcommand.
#include <CLI/CLI.hpp>

#include "base/log.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace nearmiss::cli;
  CLI::App app{"nearmiss: stops email from going to look-alike domains"};
  app.set_version_flag("--version", "nearmiss 0.1.0");
  app.require_subcommand(1);
  Run run;
  AddCheckCommand(app, run);
  AddPolicyCommand(app, run);
  AddScanCommand(app, run);
  AddMilterCommand(app, run);
  AddServeCommand(app, run);
  AddAuditCommand(app, run);
  AddLearnCommand(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitClean : kExitError;
  }
  // Log lines name the subcommand: "nearmiss milter: warning: ...". The
  // daemons may add --log-format / --syslog on top (their own flags).
  for (const CLI::App* sub : app.get_subcommands()) {
    nearmiss::log::Options options;
    options.program = "nearmiss " + sub->get_name();
    nearmiss::log::Configure(options);
  }
  return run ? run() : kExitError;
}
