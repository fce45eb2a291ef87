// OpenJournal: the one decision-record writer of a process, with its spool
// where the operator expects it. The milter, `serve` (through the daemon
// skeleton, daemon/single_server.h) and `scan --store` open their writer
// here, so the spool's default place and bound are decided once.
//
// Where the spool lives, first match:
//   SpoolPlace::dir "memory"        a memory spool (lost at exit)
//   SpoolPlace::dir non-empty       DIR/NAME.spool
//   $NEARMISS_STATE_DIR set         $NEARMISS_STATE_DIR/spool/NAME.spool
//   a SQLite store                  beside the database: DIR_OF_DB/spool/
//   otherwise (PostgreSQL)          /var/lib/nearmiss/spool/
// A spool file that cannot be opened (directory not writable, held by
// another process: spool.h's flock) falls back to a memory spool; `report`
// is told so when `say_fallback`.
//
// Thread safety: call from one thread; the writer it returns is
// thread-safe (store_writer.h).
#ifndef NEARMISS_JOURNAL_OPEN_JOURNAL_H_
#define NEARMISS_JOURNAL_OPEN_JOURNAL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "journal/store_writer.h"
#include "nearmiss/store.h"

namespace nearmiss::journal {

// The operator's say on the spool (`--spool`, `--spool-max-mb`).
struct SpoolPlace {
  std::string dir;          // "": the default above; "memory": no file
  uint64_t max_mb = 256;    // largest spool file, MiB; a memory spool
                            // holds about as many records (~1 KiB each)
};

// The writer over `store` (opened from `store_url`, which places the
// default spool) for the process `name` ("milter", "serve", "scan"); a
// file spool is replayed now. Never null.
std::unique_ptr<StoreWriter> OpenJournal(std::shared_ptr<Store> store, std::string_view store_url,
                                         const SpoolPlace& place, std::string_view name,
                                         StoreWriter::Report report, bool say_fallback = true,
                                         WriterOptions options = {});

}  // namespace nearmiss::journal

#endif  // NEARMISS_JOURNAL_OPEN_JOURNAL_H_
