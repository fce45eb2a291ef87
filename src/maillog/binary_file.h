// Whether a file handed over as a log is a binary file (wtmp, btmp,
// lastlog, a systemd .journal, an executable: what a copy of /var/log
// holds beside the mail log), told from its first block of content, never
// from its name: such a file is not read and said as "a binary file, not
// a text log", not as lines in no known form nor as a crash's runs of NUL
// bytes (round 51's tester 16, finding 7).
//
// A text log may hold a run of NUL bytes (a crash's hole: log_files.h),
// text on either side of it; a binary file's NUL bytes pad its records,
// many runs between short pieces of data with no line break in them.
//
// Thread safety: a pure function.
#ifndef NEARMISS_MAILLOG_BINARY_FILE_H_
#define NEARMISS_MAILLOG_BINARY_FILE_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::maillog {

// The bytes looked at, from the first that is not NUL (a text log whose
// first blocks a crash left as NULs is read as one).
inline constexpr std::size_t kBinaryProbe = 4096;

// Why `block` (the start of a file's content, after any byte order mark)
// is binary: "mostly bytes that are no UTF-8 text" (over 30% of its
// non-NUL bytes are control characters other than tab, line breaks, form
// feed and ESC, or start no valid UTF-8 sequence), or "NUL bytes among
// its data, not between lines of text" (NUL bytes split it into two
// pieces or more, most of which hold no line break); nullptr when it
// reads as text, or is NUL bytes only.
const char* BinaryBlock(std::string_view block);

// Whether `block` (a file's first bytes, after any decompression) opens a
// tar archive: the magic "ustar" at offset 257 of its first header block
// (POSIX.1 ustar and pax "ustar\0", GNU tar "ustar  \0"). A set of logs
// packed into one is said as such, with how to unpack it, not as a binary
// file (round 52's tester 16, finding 8).
bool TarArchive(std::string_view block);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_BINARY_FILE_H_
