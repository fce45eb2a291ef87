// Spool: decision records the store could not take, kept in arrival order
// until it can. The StoreWriter (store_writer.h) appends a batch when a
// store write fails (and every batch after it, so order holds), and drains
// the spool from the head, oldest first, when the store answers again.
//
// Two backends:
//  - file (FileSpool): DIR/NAME.spool, one record per line,
//      "<crc32 of the JSON, 8 lower-case hex digits> <JSON>\n", the JSON
//      render/decision_record.h's (the admin API's too),
//    appended with one write and one fdatasync per batch; and
//    DIR/NAME.spool.head, the byte offset of the first record not yet in the
//    store (decimal, rewritten and fdatasync'd after each drained batch).
//    Opening replays what a previous run left. A line cut short by a crash
//    (no newline at the end of the file) is cut off; a line whose checksum
//    or JSON is wrong is skipped; both are counted in torn(), and the rest
//    of the file is kept. When every record is drained the file is
//    truncated to nothing. An exclusive flock keeps a second process off.
//  - memory (MemorySpool), when no directory is writable: lost at exit.
//
// The bound: `max_bytes` of file (drained records count until the file is
// emptied, which each full drain does) or `max_records` in memory. Append
// takes what fits and says how many; the caller drops and counts the rest.
//
// Exactly once: Pop persists the head only after the store took the
// records. A crash between the two replays them; the records' keys
// (DecisionRecord::key) make the store skip the ones it has.
//
// Thread safety: none; one thread (the writer's) uses a Spool.
#ifndef NEARMISS_JOURNAL_SPOOL_H_
#define NEARMISS_JOURNAL_SPOOL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/decision_record.h"
#include "nearmiss/status.h"

namespace nearmiss::journal {

struct SpoolOptions {
  uint64_t max_bytes = uint64_t{256} << 20;  // file backend: size of NAME.spool
  size_t max_records = 100000;               // memory backend
};

class Spool {
 public:
  virtual ~Spool() = default;

  // Appends records[0..n) for the largest n that fits the bound, in order,
  // and returns n. An I/O error appends nothing (a partial write is cut
  // back off) and is returned.
  virtual Result<size_t> Append(const std::vector<DecisionRecord>& records) = 0;
  // Up to `n` records from the head, oldest first; Peek does not remove.
  virtual Result<std::vector<DecisionRecord>> Peek(size_t n) = 0;
  // Removes the `n` oldest records (n <= depth()), durably.
  virtual Status Pop(size_t n) = 0;

  virtual size_t depth() const = 0;  // records held
  virtual uint64_t torn() const = 0;  // lines skipped as torn or corrupt
  // "/var/lib/nearmiss/spool/milter.spool", or "memory".
  virtual const std::string& where() const = 0;
  virtual bool durable() const = 0;  // survives a restart
};

// Opens (creating the directory and files when missing) DIR/NAME.spool and
// replays it. Errors name the path: not writable, locked by another process.
Result<std::unique_ptr<Spool>> OpenFileSpool(const std::string& dir, std::string_view name,
                                             const SpoolOptions& options);
std::unique_ptr<Spool> MakeMemorySpool(const SpoolOptions& options);

}  // namespace nearmiss::journal

#endif  // NEARMISS_JOURNAL_SPOOL_H_
