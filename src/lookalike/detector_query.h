// The query Classify takes a recipient domain apart into (Query,
// detector.h): its name and labels in ASCII, Unicode and as a reader sees
// them, their hashes, and the open zone it sits under. Internal to
// src/lookalike.
//
// Thread safety: each fills the caller's Query.
#ifndef NEARMISS_LOOKALIKE_DETECTOR_QUERY_H_
#define NEARMISS_LOOKALIKE_DETECTOR_QUERY_H_

#include "lookalike/detector.h"
#include "nearmiss/address.h"

namespace nearmiss::lookalike {

// Fills `q` in place: its views may point into q.look_storage.
void MakeQuery(const Domain& d, Query& q);

// Fills q's hashes (Query::ascii_hash ...).
void HashNames(Query& q);

// Fills q.open_zone: asked only of a domain the finders search, not of the
// trusted ones most checks answer.
void FindOpenZone(Query& q);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_DETECTOR_QUERY_H_
