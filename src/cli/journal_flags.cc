// --spool and --spool-max-mb: where the decision-record writer of the
// milter, serve and scan keeps what the store cannot take
// (journal/open_journal.h).
#include "cli/commands.h"
#include "cli/config_flags.h"

namespace nearmiss::cli {

void SpoolFlags::Register(CLI::App& cmd) {
  CLI::Option* spool = cmd.add_option("--spool", dir,
                 "Directory where decision records wait while --store cannot be written "
                 "(default $NEARMISS_STATE_DIR/spool, /var/lib/nearmiss/spool; 'memory': none)");
  BindConfig("spool", cmd, spool, &dir);
  cmd.add_option("--spool-max-mb", max_mb,
                 "Largest spool file, MiB (default 256); past it records are dropped and counted")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));
}

}  // namespace nearmiss::cli
