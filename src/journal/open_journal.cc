#include "journal/open_journal.h"

#include <cstdlib>
#include <filesystem>

#include "nearmiss/store.h"

namespace nearmiss::journal {
namespace {

std::string DefaultSpoolDir(std::string_view store_url) {
  const char* state = std::getenv("NEARMISS_STATE_DIR");
  if (state && *state) return std::string(state) + "/spool";
  if (!IsPostgresStoreUrl(store_url)) {
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

std::unique_ptr<StoreWriter> OpenJournal(std::shared_ptr<Store> store, std::string_view store_url,
                                         const SpoolPlace& place, std::string_view name,
                                         StoreWriter::Report report, bool say_fallback,
                                         WriterOptions writer_options) {
  SpoolOptions options;
  options.max_bytes = place.max_mb << 20;
  options.max_records = static_cast<size_t>(place.max_mb) << 10;
  std::unique_ptr<Spool> spool;
  if (place.dir != "memory") {
    std::string dir = place.dir.empty() ? DefaultSpoolDir(store_url) : place.dir;
    Result<std::unique_ptr<Spool>> opened = OpenFileSpool(dir, name, options);
    if (opened.ok()) {
      spool = std::move(*opened);
    } else if (report && say_fallback) {
      report("no spool file (" + opened.error().message() + "); records the store cannot take " +
                 "wait in memory, up to " + std::to_string(options.max_records),
             {});
    }
  }
  if (!spool) spool = MakeMemorySpool(options);
  return std::make_unique<StoreWriter>(std::move(store), std::move(spool), std::move(report),
                                       writer_options);
}

}  // namespace nearmiss::journal
