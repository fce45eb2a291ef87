// The bounds every decompressing reader applies (zip_archive.cc for zip,
// stream_archive.cc for tar, 7z, gzip and the rest), in one place so both
// stop a bomb the same way: the attachment's and the message's
// decompressed bytes ([limits] max_attachment_bytes, max_total_bytes), the
// compression ratio, and the extraction deadline.
#ifndef NEARMISS_CONTENT_INFLATE_BUDGET_H_
#define NEARMISS_CONTENT_INFLATE_BUDGET_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "content/extract.h"

namespace nearmiss::content {

// A ratio counts with a size, as a bomb is one by its output (David
// Fifield, "A better zip bomb", 2019: the harm is the bytes written; the
// byte bounds, [limits] max_attachment_bytes and max_total_bytes, stop
// every bomb in the end). The ratio only stops one early:
// - past max_compression_ratio once a unit has inflated kRatioFloorBytes
//   (8 MiB): a repetitive log (round 43 tester 13: 7.6 MB at 342 times)
//   inflates past 200 and is harmless below that size;
// - past kRunRatio (or max_compression_ratio if higher) from
//   kRunFloorBytes (1 MiB): near deflate's ceiling of about 1032 times,
//   which only runs of one byte reach, the stuff bombs are made of.
// Below kRunFloorBytes the ratio is not judged: a small file of repeated
// spaces compresses past any ratio and is harmless.
inline constexpr std::size_t kRatioFloorBytes = 8u << 20;
inline constexpr std::size_t kRunFloorBytes = 1u << 20;
inline constexpr std::size_t kRunRatio = 1000;

// Charges `got` more decompressed bytes. `name` is the attachment (byte and
// time bounds), `where` the unit the ratio is judged on (a zip member, or a
// whole tar/7z/gzip stream), `inflated` that unit's bytes so far including
// `got`, `compressed` its compressed size. On success `*used` (the
// attachment's running total) and the message's budget are charged; else
// the bound passed is returned and the reader must stop.
std::optional<LimitHit> ChargeInflated(ExtractBudget& budget,
                                       std::string_view name,
                                       std::string_view where, std::size_t got,
                                       std::size_t inflated,
                                       std::size_t compressed,
                                       std::size_t* used);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_INFLATE_BUDGET_H_
