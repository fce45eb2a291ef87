// --spool: the decision-record writer the milter, serve and scan share.
#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"

namespace nearmiss::cli {

void SpoolFlags::Register(CLI::App& cmd) {
  cmd.add_option("--spool", dir,
                 "Directory where decision records wait while --store cannot be written "
                 "(default $NEARMISS_STATE_DIR/spool, /var/lib/nearmiss/spool; 'memory': none)");
  cmd.add_option("--spool-max-mb", max_mb,
                 "Largest spool file, MiB (default 256); past it records are dropped and counted")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));
}

namespace {

std::string DefaultSpoolDir(std::string_view store_url) {
  const char* state = std::getenv("NEARMISS_STATE_DIR");
  if (state && *state) return std::string(state) + "/spool";
  if (!store_url.starts_with("postgres")) {
    // A SQLite store (Store::Open's URL forms): its directory is writable
    // by whoever writes the store.
    if (store_url.starts_with("sqlite://")) {
      store_url.remove_prefix(9);
    } else if (store_url.starts_with("sqlite:")) {
      store_url.remove_prefix(7);
    }
    std::filesystem::path db(store_url);
    std::filesystem::path dir = db.parent_path();
    return (dir.empty() ? std::filesystem::path(".") : dir).string() + "/spool";
  }
  return "/var/lib/nearmiss/spool";
}

}  // namespace

std::unique_ptr<journal::StoreWriter> OpenJournal(std::shared_ptr<Store> store,
                                                  std::string_view store_url,
                                                  const SpoolFlags& flags, std::string_view name,
                                                  journal::StoreWriter::Report report,
                                                  bool say_fallback,
                                                  journal::WriterOptions writer_options) {
  journal::SpoolOptions options;
  options.max_bytes = flags.max_mb << 20;
  // A memory spool holds about as much as the file would (~1 KiB a record).
  options.max_records = static_cast<size_t>(flags.max_mb) << 10;
  std::unique_ptr<journal::Spool> spool;
  if (flags.dir != "memory") {
    std::string dir = flags.dir.empty() ? DefaultSpoolDir(store_url) : flags.dir;
    Result<std::unique_ptr<journal::Spool>> opened = journal::OpenFileSpool(dir, name, options);
    if (opened.ok()) {
      spool = std::move(*opened);
    } else if (report && say_fallback) {
      report("no spool file (" + opened.error().message() + "); records the store cannot take " +
                 "wait in memory, up to " + std::to_string(options.max_records),
             {});
    }
  }
  if (!spool) spool = journal::MakeMemorySpool(options);
  return std::make_unique<journal::StoreWriter>(std::move(store), std::move(spool),
                                                std::move(report), writer_options);
}

}  // namespace nearmiss::cli
