// ReadGzip: the decompressed bytes of a gzip file (RFC 1952), every member
// of it, through zlib's inflate.
//
// zlib's gzread() ignores whatever follows the last gzip member if it does
// not start a new one: trailing junk (a copy appended to, a partial second
// member cut at its header, padding) would read as a clean, shorter log.
// ReadGzip reads each member to its end, goes on while the next bytes are
// a gzip header (1f 8b: concatenated members, as `cat a.gz b.gz` makes),
// and reports anything else after a member as an error naming its offset
// and size, after everything valid before it has been passed on. A stream
// cut short or damaged is an error too (also after what was valid).
// Zero bytes alone after the last member are padding, not junk: a tape,
// a block device or a shipper's copy pads a file so, and GNU gzip reads
// it ("decompression OK, trailing zero bytes ignored", gzip.c's
// get_header): the stream is read in full and the padding counted
// (issue-16 tester round 59, finding 4).
//
// Thread safety: a pure function over `fd`.
#ifndef NEARMISS_MAILLOG_GZIP_STREAM_H_
#define NEARMISS_MAILLOG_GZIP_STREAM_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::maillog {

// Reads `fd` (open, at offset 0; not closed) as gzip and gives `out` the
// decompressed bytes in order; `out`'s error stops the read and is
// returned. `path` names the file in errors: "PATH: gzip: 212 bytes of
// trailing data after the gzip stream (at byte 1043) not read". `*total`:
// decompressed bytes passed on; `*trailing`: the bytes of junk after the
// last whole member (0 when none: a clean end, or another fault);
// `*padding`: the zero bytes after it, skipped (0 when none).
Status ReadGzip(int fd, const std::string& path,
                const std::function<Status(std::string_view)>& out, uint64_t* total,
                uint64_t* trailing, uint64_t* padding);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_GZIP_STREAM_H_
