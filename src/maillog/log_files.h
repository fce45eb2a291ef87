// Reading log files: plain or gzip (by magic, not by name), in large chunks,
// one line at a time to a callback; and putting a rotated set in the order
// it was written.
#ifndef NEARMISS_MAILLOG_LOG_FILES_H_
#define NEARMISS_MAILLOG_LOG_FILES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::maillog {

// Oldest first: "maillog.3.gz maillog.2.gz maillog.1 maillog" (logrotate
// numbers), "mail.log.1.gz mail.log.0 mail.log" (savelog, newsyslog),
// "maillog-20240301 maillog-20240308 maillog" (dateext; also hourly,
// dotted and `postfix logrotate` names: rotation_name.h), each base name's
// set together, bases in the order first given.
std::vector<std::string> OrderRotated(std::vector<std::string> paths);
// The order logs are read in: Postfix logs as OrderRotated puts them, then
// the traces (Exchange, Microsoft 365: LooksLikeTrace on the first line) in
// NaturalLess order of their names (`name` of each path; the path when
// null), so "-2.LOG" comes before "-10.LOG" and overlapping exports give
// the same rows whichever was given first.
std::vector<std::string> OrderLogs(
    const std::vector<std::string>& paths,
    const std::function<std::string(const std::string&)>& name = nullptr);
// The live file a rotated one belongs to: "maillog" for "maillog.2.gz",
// "maillog-20240301" and "maillog".
std::string RotationBase(const std::string& path);

// Calls `line` for every line (without "\n" or "\r\n") and `progress` with
// the bytes of the file read so far after each chunk (of a gzip file, the
// compressed bytes: a share of the file's size). A file starting with a UTF-16
// byte order mark is read as UTF-8 converted from it (utf16.h). Errors
// name the file.
// A run of NUL bytes in a file is passed to ForEachLine's `line` as a
// marker, never as text: '\0', its length in decimal, and 's' when it
// began a line (a hole where whole lines were lost) or 'c' when text of
// the line came before it (a line cut short). What follows the run on the
// same line is passed next, as a piece of its own.
std::string NulRunMarker(uint64_t bytes, bool line_start);
bool ReadNulRunMarker(std::string_view piece, uint64_t* bytes, bool* line_start);

// `*gzip_padding` (when not null): the zero bytes after a gzip file's
// last member, skipped as gzip does (gzip_stream.h); 0 when none.
Status ForEachLine(const std::string& path,
                   const std::function<void(std::string_view)>& line,
                   const std::function<void(uint64_t)>& progress = nullptr,
                   uint64_t* gzip_padding = nullptr);

// The file's first line (plain or gzip, UTF-16 converted as ForEachLine
// does), from its first 64 KiB, without its line break; "" when it cannot be
// read (ForEachLine then says why).
std::string FirstLine(const std::string& path);

// True when the file starts like a mailbox (mbox "From " line, or mail
// headers) rather than a log; directories are mailboxes (Maildir).
bool LooksLikeMailbox(const std::string& path);


}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LOG_FILES_H_
