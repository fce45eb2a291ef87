#include "content/mbox_stamps.h"

#include <unistd.h>

#include <cerrno>
#include <unordered_map>

#include "content/mbox_from_line.h"
#include "content/mbox_split.h"

namespace nearmiss::content {

Result<std::unordered_set<int64_t>> MboxStampTimes(int fd) {
  off_t at = 0;
  // The same splitter the messages are read with, so the same lines count
  // as separators; a cap of 0 keeps no message bytes.
  MboxSplitter split(
      [fd, &at](char* buf, size_t n) -> ssize_t {
        for (;;) {
          ssize_t got = ::pread(fd, buf, n, at);
          if (got > 0) at += got;
          if (got >= 0 || errno != EINTR) return got;
        }
      },
      0);
  std::unordered_map<int64_t, int> seen;
  MboxSplitter::Message m;
  for (;;) {
    NM_ASSIGN_OR_RETURN(bool more, split.Next(&m));
    if (!more) break;
    if (int64_t t = MboxFromLineTime(m.from_line); t > 0) ++seen[t];
  }
  std::unordered_set<int64_t> stamps;
  for (const auto& [t, n] : seen) {
    if (n >= 2) stamps.insert(t);
  }
  return stamps;
}

}  // namespace nearmiss::content
