// Where a zip archive lies inside an attachment's bytes, found the way the
// common readers find it, so that nearmiss reads the members a recipient's
// tool shows (issue 13, breaker round 32 D1).
//
// Info-ZIP unzip, Python's zipfile and 7-Zip take the LAST end-of-central-
// directory record (APPNOTE.TXT 4.3.16) in the final 64 KiB + 22 bytes, and
// place the archive by it: the central directory ends where that record (or
// its Zip64 record, 4.3.14) begins, and any difference from the offset the
// record states is bytes before the archive (Python's "concat", unzip's
// "extra bytes at beginning"): a self-extractor stub, junk, or a whole
// other zip. libzip instead keeps the first consistent record it finds, so
// on `benign.zip + secret.zip` it reads benign.zip while unzip shows
// secret.zip. FrameZip gives the archive the readers show, and what else
// the bytes hold: bytes before it that contain a zip signature (another
// archive, read too), and local file headers (4.3.7) that no central
// directory entry accounts for (a member only streaming readers such as
// bsdtar or Java's ZipInputStream show), which the caller reports as
// unreadable. This is framing only: members are read by libzip.
//
// Thread safety: a pure function.
#ifndef NEARMISS_CONTENT_ZIP_FRAMING_H_
#define NEARMISS_CONTENT_ZIP_FRAMING_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

struct ZipFrame {
  // The archive the readers show is bytes[start, end): `start` is where its
  // offsets count from (0 unless something precedes it), `end` is just past
  // its end record and comment (trailing bytes, if any, follow).
  std::size_t start = 0;
  std::size_t end = 0;
  // bytes[0, start) holds a zip signature ("PK\3\4" or "PK\5\6"): another
  // archive, or members of one, precede this one. The caller frames and
  // reads that prefix too.
  bool prefix_has_zip = false;
  // Bit 0 of each member's local-header flags, in central-directory order
  // (encryption as unzip sees it: ZipArchive::Encrypted); shorter than the
  // directory when an entry's local header is out of bounds.
  std::vector<bool> local_encrypted;
};

// Frames the zip in `bytes`. False, with `*error` saying what (for the
// attachment's "unreadable" error), when there is no end record in the
// last 64 KiB + 22 bytes, the central directory does not fit before it, or
// a local file header lies where no central directory entry explains it
// (between or before members, or after the end record), or a member's
// local header gives another name, compression method, CRC or size than
// its central directory entry (the sizes and CRC only where bit 3 does not
// defer them to a data descriptor).
bool FrameZip(std::string_view bytes, ZipFrame* frame, std::string* error);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_ZIP_FRAMING_H_
