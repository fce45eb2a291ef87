// `nearmiss learn`'s options and the run over them: learn_command.cc
// defines the options, learn_run.cc runs them (open the store, confirm,
// prune, read the sources, say what became of them).
//
// Thread safety: none (a command run once from main).
#ifndef NEARMISS_CLI_LEARN_RUN_H_
#define NEARMISS_CLI_LEARN_RUN_H_

#include <cstddef>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "history/sent_folders.h"
#include "maillog/line_counts.h"  // kDefaultMinRecognisedPercent
#include "maillog/trace_time.h"   // DateOrder

namespace nearmiss::cli {

struct LearnFlags {
  PolicyFlags policy;
  std::string store;  // "": the default location (ChooseStore)
  StorePasswordFlags store_password;
  std::vector<std::string> confirm, unconfirm;
  // --force REASON: --confirm a look-alike never written to (recorded with
  // the reason); "" not given.
  std::string force;
  int year = 0;
  std::string log_zone;  // --log-zone: "" TZ or the system's zone
  maillog::DateOrder date_order = maillog::DateOrder::kUnstated;
  int min_recognised = maillog::kDefaultMinRecognisedPercent;
  bool prune = false;
  bool show = false;
  std::string show_sender;
  size_t show_limit = 50;
  std::vector<std::string> sent_folders = history::DefaultSentFolderNames();
  std::vector<std::string> sources;
};

// The exit code: kExitClean, or kExitError with the error on stderr (a
// store or source that cannot be read, a log line not understood, a file
// given as a Sent folder that is no mail, every log empty).
int RunLearn(const LearnFlags& flags);

// --confirm and --unconfirm into `store` (learn_confirm.cc): kExitClean, or
// kExitError with the reason on stderr (a malformed domain; a look-alike
// the policy makes final; a look-alike no one here wrote to, without
// --force).
int ConfirmDomains(const LearnFlags& flags, Store& store);

// One learn (learn_run.cc) into the store `open_url` opens: `choice`'s, or
// the temporary file a first creation learns into (learn_first.cc);
// messages name `choice`. `missing`: the store did not exist; `show_only`:
// --show alone (the store is only read).
int LearnInto(const LearnFlags& flags, const StoreChoice& choice, const std::string& open_url,
              const std::string& password, bool missing, bool show_only);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_LEARN_RUN_H_
