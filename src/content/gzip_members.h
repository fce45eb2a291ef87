// The stored names and comments of a gzip file's members. RFC 1952 2.2: a
// gzip file is a series of members, each with its own header (2.3.1: FLG's
// FNAME and FCOMMENT, zero-terminated ISO 8859-1 strings); gzip(1) writes
// one per input of "gzip -c a b > c.gz" or "cat a.gz b.gz > c.gz" and reads
// them as one stream, and gzip -lN, gunzip -N, 7-Zip and file managers show
// a member's name and comment. libarchive's gzip filter reads every
// member's data but hands out none of their headers; the first member's is
// read from the bytes (FirstGzipMember), the others' through zlib's
// inflateGetHeader while the file is inflated again (LaterGzipMembers;
// round 56b's tester 13, findings 5 and 2).
//
// Thread safety: free functions over their arguments.
#ifndef NEARMISS_CONTENT_GZIP_MEMBERS_H_
#define NEARMISS_CONTENT_GZIP_MEMBERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// A member's stored name and comment, as UTF-8; empty when it has none.
struct GzipMember {
  std::string name, comment;
};

// The first member's header of `bytes`; empty when `bytes` is no gzip file.
GzipMember FirstGzipMember(std::string_view bytes);

// The headers of the members after the first of the gzip file `bytes`,
// inflating each to find where the next starts, at most `max_inflated`
// bytes in all. False, with the reason in `*error`, when a member is
// corrupt or the bound stops the reading before the last member: its
// followers' names and comments are then unread (the caller says so).
// Bytes after the last member that open no member are not gzip's (gzip(1)
// warns of "trailing garbage" and ignores them) and end the reading.
bool LaterGzipMembers(std::string_view bytes, std::size_t max_inflated,
                      std::vector<GzipMember>* members, std::string* error);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_GZIP_MEMBERS_H_
