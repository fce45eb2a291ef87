// The free-text records of a tar file's pax extended headers (POSIX.1-2008,
// pax(1) "pax Extended Header"): "comment", which the standard defines as
// a text for people that readers do not interpret, and the extended
// attributes written as "SCHILY.xattr.<name>" (star, GNU tar --xattrs,
// bsdtar), whose values are often texts (user.comment, user.xdg.*,
// Finder tags), and bsdtar's "LIBARCHIVE.xattr.<name>" whose value is
// the attribute's bytes in base64 (libarchive tar(5), "Pax Interchange
// Format": decoded, then read like SCHILY.xattr; base64 that does not
// decode is a malformed record; h46 finding 5). libarchive 3.6 reads a typeflag 'x' header's records but
// drops "comment", and skips a typeflag 'g' (global) header whole, so a tar
// whose only marking is in such a record was read as unmarked (round 56b's
// tester 13, finding 5's a08). The tar's blocks (512 bytes: size at 124,
// typeflag at 156; records "<length> <key>=<value>\n") are read here from
// the stream libarchive decompressed, fed in any pieces.
//
// Thread safety: one thread at a time.
#ifndef NEARMISS_CONTENT_TAR_PAX_H_
#define NEARMISS_CONTENT_TAR_PAX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// A record's text: `key` ("comment", "SCHILY.xattr.user.comment"), the
// header it stood in ('g' global, 'x' the next member's) and its value.
struct PaxText {
  std::string key;
  char header;
  std::string value;
};

class TarPaxReader {
 public:
  // The next bytes of the tar stream. After an error the rest is ignored.
  void Feed(std::string_view bytes);
  // The texts read so far: "comment" records, and "SCHILY.xattr." values
  // (and "LIBARCHIVE.xattr." ones, decoded) that are UTF-8 text (a binary attribute is metadata, not words),
  // and the strings of a decoded binary property list (finder_files.h PropertyListStrings: a
  // Finder comment or tag list as bsdtar on a Mac stores it).
  const std::vector<PaxText>& texts() const { return texts_; }
  // Empty, or why the headers could not all be read (a pax header over
  // kMaxHeader bytes, a malformed record): the caller says they are unread.
  const std::string& error() const { return error_; }

  static constexpr std::size_t kMaxHeader = 1u << 20;

 private:
  void Header();
  void Records();

  std::string block_;           // a header block being gathered
  std::string pax_;             // a pax header's records being gathered
  std::uint64_t skip_ = 0;      // data and padding bytes still to pass
  std::uint64_t gather_ = 0;    // pax bytes still to gather
  std::uint64_t pad_ = 0;       // padding after the pax bytes
  std::uint64_t next_size_ = 0; // a pax "size" record for the next member
  bool has_next_size_ = false;
  char gathering_ = 0;          // 'x' or 'g' while gathering
  bool done_ = false;
  std::vector<PaxText> texts_;
  std::string error_;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_TAR_PAX_H_
