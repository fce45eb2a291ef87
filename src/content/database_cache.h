// The marking database's file cache: a compiled Vectorscan database saved
// with hs_serialize_database and loaded with hs_deserialize_database, so a
// start-up skips hs_compile_multi (about 0.1 s for the built-in packs, and
// 0.04 s more for their extents' database, match_extent.h, cached the same
// way in a file of its own).
//
// A cache file is named after the SHA-256 of its key: the pattern table
// (expression, flags and id of each pattern), the scan mode, the format
// version, hs_version() and the host's platform (hs_populate_platform). A
// file is used only when every check passes: owner (this user or root) and
// mode (no group/other write), the header's key, Vectorscan version and
// platform equal to this process's, the payload's size and SHA-256, and
// hs_serialized_database_info naming a block-mode database of the same
// version. Anything else is a rejected file: it is recompiled and rewritten,
// never trusted. A directory that cannot be created or written leaves the
// database compiled in memory (outcome kUnwritable): a cache never fails a
// compile.
//
// File format (text header, then the serialized bytes):
//   nearmiss-marking-db 1\n
//   key <64 hex>\n  hs-version <hs_version()>\n
//   platform <tune> <cpu_features hex>\n  size <bytes>\n  sha256 <64 hex>\n
//   \n<payload>
// Files are written to a temporary name in the directory and renamed, so a
// reader sees a whole file or none (several processes may race; the last
// rename wins with identical content).
//
// Thread safety: the functions are safe to call from several threads and
// processes at once.
#ifndef NEARMISS_CONTENT_DATABASE_CACHE_H_
#define NEARMISS_CONTENT_DATABASE_CACHE_H_

#include <string>

#include "content/match_extent.h"
#include "content/scanner_rep.h"

namespace nearmiss::content {

// What the cache key binds a database to besides its patterns.
struct DatabaseIdentity {
  std::string hs_version;          // hs_version()
  unsigned tune = 0;               // hs_platform_info_t::tune
  unsigned long long features = 0; // hs_platform_info_t::cpu_features

  // This process: hs_version() and hs_populate_platform().
  static DatabaseIdentity Current();
};

// The hex SHA-256 the cache file is named and keyed by.
std::string DatabaseCacheKey(const Scanner::Rep& rep,
                             const DatabaseIdentity& identity);

// The file's header for `payload` (the format above); tests build files
// with it.
std::string DatabaseFileHeader(const std::string& key,
                               const DatabaseIdentity& identity,
                               std::string_view payload);

// Fills `rep->database`: from `<dir>/markings-<key>.hsdb` when that file
// passes every check, else by CompileDatabase and then (best effort) saved
// there. `dir` empty: compiled, outcome kOff. The outcome and, for a
// rejected file or an unwritable directory, why, land in
// `rep->cache_report`. Errors are compile errors only.
Status LoadOrCompileDatabase(const std::string& dir,
                             const DatabaseIdentity& identity,
                             Scanner::Rep* rep);

// The hex SHA-256 the extent database's file is named and keyed by: the
// extents (expression, flags, id), the scan mode, hs_version() and platform.
std::string ExtentCacheKey(const ExtentSet& set, const DatabaseIdentity& identity);

// Assigns the extents' ids (AssignExtentIds) and fills
// `rep->extent_database` the same way, from
// `<dir>/marking-extents-<key>.hsdb` (the same file format and checks),
// else by CompileExtents. No extents: no database, no file. Run after
// LoadOrCompileDatabase: `rep->cache_report` then tells the louder outcome
// of the two files (rejected > unwritable > miss > hit) and what failed in
// each, so one warning covers both.
Status LoadOrCompileExtents(const std::string& dir,
                            const DatabaseIdentity& identity,
                            Scanner::Rep* rep);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_DATABASE_CACHE_H_
