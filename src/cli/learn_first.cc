// `nearmiss learn`'s entry: which store, and a SQLite store learn creates
// made whole or not at all (LearnInto in learn_run.cc does the learning).
#include <unistd.h>

#include <filesystem>

#include "base/log.h"
#include "cli/learn_run.h"
#include "cli/store_missing.h"
#include "nearmiss/store.h"

namespace nearmiss::cli {
namespace {

int LearnFailed(const Status& s) {
  log::Error(s.message());
  return kExitError;
}

// Whether the store at `url` holds anything learned: a learn that exits 2
// (lines it could not read, deliveries whose sender the log does not show:
// the history is incomplete) still learned what it read, as a later learn
// into an existing store keeps it; only a first learn that learned nothing
// leaves no store (a log that starts mid-stream is the common case, and
// keeping nothing from it left every real first learn storeless).
bool HoldsHistory(const std::string& url) {
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(url, "");
  if (!store.ok()) return false;
  Result<HistorySnapshot> snapshot = (*store)->Snapshot(/*with_addresses=*/false);
  return snapshot.ok() && !snapshot->domains.empty();
}

}  // namespace

int RunLearn(const LearnFlags& flags) {
  Result<PasswordSource> password = flags.store_password.Resolve();
  if (!password.ok()) return LearnFailed(password.error());
  StoreChoice choice = ChooseStore(flags.store, /*create=*/true);
  if (choice.url.empty()) return LearnFailed(Status::InvalidArgument("learn needs a store, not --store none"));
  // learn may create a configured store, and says so: a mistyped path is
  // then seen at once, not at the next check (issue 14 breaker, item 7).
  const std::string missing_file = MissingSqliteStore(choice.url);
  const bool missing = !missing_file.empty();
  // --show alone only reads: a store that is missing or holds nothing
  // nearmiss made is refused as `check` refuses it, never created or
  // initialised to print an empty table (issue 14, round 33, item 7).
  const bool show_only = flags.show && flags.sources.empty() && flags.confirm.empty() &&
                         flags.unconfirm.empty() && !flags.prune;
  if (show_only && missing) {
    return LearnFailed(Status::NotFound("store " + StoreDisplayName(choice.url) + " (" + choice.origin +
                                 ") does not exist; nothing learned to show"));
  }
  // A SQLite store learn creates is learned into a temporary file beside
  // it, renamed to its name once the learn succeeded or learned something
  // (HoldsHistory), removed when it learned nothing. A failed first learn left an empty
  // store that check, scan and the daemons then read as a history with
  // nothing in it (issue-14 tester, round 42, item 6). A "file:" URI store
  // (its query may name options) is made in place, as before.
  if (IsPostgresStoreUrl(choice.url) && !show_only) {
    // PostgreSQL has no file to learn beside: a first learn (the database
    // holds no nearmiss schema) that fails having written nothing removes
    // the schema Open made, so the database is left as it was, as a SQLite
    // store is (r42a's leftover). Any row written (a delivery, a --confirm)
    // keeps it, as HoldsHistory keeps a SQLite store.
    bool first = false;
    {  // closed before learn opens its own
      Result<std::unique_ptr<Store>> before =
          Store::OpenExisting(choice.url, password->password);
      first = !before.ok() && before.error().code() == StatusCode::kNotFound;
    }
    const int rc = LearnInto(flags, choice, choice.url, password->password, missing, show_only);
    if (first && rc != kExitClean) {
      Result<bool> removed = Store::RemoveUnused(choice.url, password->password);
      if (removed.ok() && *removed) {
        log::Error("store " + StoreDisplayName(choice.url) + ": the schema this first learn "
                   "created is removed: it learned nothing, so the database is left as it "
                   "was; run it again once the input is fixed");
      } else if (!removed.ok()) {
        log::Error("store " + StoreDisplayName(choice.url) + ": this first learn learned "
                   "nothing and its empty schema could not be removed: " +
                   removed.error().message());
      }
    }
    return rc;
  }
  if (!missing || choice.url.find("file:") != std::string::npos) {
    return LearnInto(flags, choice, choice.url, password->password, missing, show_only);
  }
  const std::string temp = missing_file + ".learning-" + std::to_string(::getpid());
  auto remove_temp = [&temp] {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(temp + suffix, ec);
    }
  };
  remove_temp();
  const int rc = LearnInto(flags, choice, "sqlite:" + temp, password->password, missing, false);
  std::error_code ec;
  const bool keep = rc == kExitClean || (rc == kExitError && HoldsHistory("sqlite:" + temp));
  if (keep && !std::filesystem::exists(missing_file, ec)) {
    std::filesystem::rename(temp, missing_file, ec);
    if (!ec) {
      if (rc != kExitClean) {
        log::Warn("store " + StoreDisplayName(choice.url) + " created with what this learn read; "
                  "its history is incomplete (see above)");
      }
      return rc;
    }
    log::Error("store " + StoreDisplayName(choice.url) + ": learned into " + temp +
               " but could not rename it: " + ec.message());
  } else if (keep) {
    log::Error("store " + StoreDisplayName(choice.url) + " was made by another program while "
               "this learn ran; this learn's copy is removed: run it again");
  } else {
    log::Error("store " + StoreDisplayName(choice.url) + " not created: the first learn into "
               "it learned nothing, so nothing was kept; run it again once the input is fixed");
  }
  remove_temp();
  return kExitError;
}

}  // namespace nearmiss::cli
