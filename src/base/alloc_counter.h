// Counting heap allocations, for the programs that prove a path allocates
// nothing (engine_alloc_test, bench/check_bench).
//
// Linking nearmiss_alloc_counter replaces the global operator new and
// delete of the whole program (every form: plain, array, nothrow, aligned)
// with malloc/free wrappers that count each successful allocation on the
// calling thread. Link it into a test or benchmark binary only, never into
// the library or a daemon.
//
// Thread safety: the count is per thread; reading it is always safe.
#ifndef NEARMISS_BASE_ALLOC_COUNTER_H_
#define NEARMISS_BASE_ALLOC_COUNTER_H_

#include <cstdint>

namespace nearmiss::base {

// Allocations made through operator new by the calling thread so far.
uint64_t ThreadAllocations();

}  // namespace nearmiss::base

#endif  // NEARMISS_BASE_ALLOC_COUNTER_H_
