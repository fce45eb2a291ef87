// A marking's whole span, read on from where the scan's database matched
// its head: the further "//" fields of an abbreviated banner
// ("TS//SI/TK//NOFORN", "S//REL TO USA, GBR"), the register's controls after
// a mixed-case banner ("Secret//NoForn//Rel To USA, GBR").
//
// Why a second step: the scan's single database runs every pattern over
// every byte, and Vectorscan picks its engine for the database as a whole.
// An open tail such as '[A-Z0-9 ,/-]*' after a short head ("S//NF", "U//")
// made it run all of ordinary prose at a tenth of its speed
// (bench/marking_bench BM_MarkingScan/0/0, 2026-12-02: 0.21 GB/s with the
// tails in the database, 1.8 GB/s without). The packs therefore match the
// head in the database and give the whole form as the marking's `extent`
// (pack.h), matched here anchored at each head's start, over a bounded
// window, in a small database of its own.
//
// Thread-safety: the extent database is immutable and shared; each call uses
// the caller's Scratch, which must not be in use by a scan.
#ifndef NEARMISS_CONTENT_MATCH_EXTENT_H_
#define NEARMISS_CONTENT_MATCH_EXTENT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "content/scanner_rep.h"

namespace nearmiss::content {

// How far past a head's start an extent is read, in bytes: longer than any
// banner written (a REL TO list of all NATO members is under 200 bytes),
// short enough that a text of many heads costs a bounded multiple of its
// size.
inline constexpr std::size_t kMaxExtentBytes = 1024;

// The distinct (extent, flags) of a pattern table, each as the anchored
// expression the extent database is compiled from; the index is its id.
struct ExtentSet {
  std::vector<std::string> expressions;
  std::vector<unsigned> flags;
  std::vector<const PatternEntry*> first_user;  // names it in errors
};

// Gives each distinct (extent, flags) of rep->patterns an id
// (PatternEntry::extent_id) and returns them in id order. Empty: no extents.
ExtentSet AssignExtentIds(Scanner::Rep* rep);

// Compiles `set` into rep->extent_database (the database cache calls this on
// a miss; database_cache.h). Errors name the pack origin of the extent that
// failed.
Status CompileExtents(const ExtentSet& set, Scanner::Rep* rep);

// Lengthens `m` (a match of a pattern with an extent, in s.text) to the
// longest match of its extent at m->begin, if that is longer; never shortens
// it. Returns the bytes the extent matched (for the position work budget),
// 0 when the pattern has no extent: Vectorscan stops an anchored-only
// database as soon as nothing can match, so a call costs what it matched
// (measured 2026-12-02: 0.1 to 0.3 us a call whether the window is 64 bytes
// or a megabyte, when the extent stops after five).
std::size_t ExtendMatch(const Scanner::Rep& rep, Scratch::Rep& s, RawMatch* m);

// Cuts `m` (a match in `text`) back to before a word it ends inside of: when
// the match's last byte is a letter or digit and the next byte a lower-case
// letter, the capitals it took are the head of a word of the text ("SECRET//
// NOFORN Orders" read "SECRET//NOFORN O": a run of controls is capitals,
// blanks, ',', '/' and '-', and the O of "Orders" is a capital). Then the
// blanks, commas, slashes and dashes before that word go too. Never cuts to
// or before `m->begin + keep` (the pattern's own head). CAPCO register:
// controls are whole tokens separated by "//", "/" and ",".
void TrimPartialWord(std::string_view text, std::size_t keep, RawMatch* m);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MATCH_EXTENT_H_
