// The wall clock as Unix time in whole seconds (POSIX time(2) semantics,
// through std::chrono::system_clock): what stored records, links and
// acknowledgements are stamped and compared with. Thread-safe.
#ifndef NEARMISS_BASE_UNIX_TIME_H_
#define NEARMISS_BASE_UNIX_TIME_H_

#include <chrono>
#include <cstdint>

namespace nearmiss {

inline int64_t UnixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace nearmiss

#endif  // NEARMISS_BASE_UNIX_TIME_H_
