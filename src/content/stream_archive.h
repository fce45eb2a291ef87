// Archives and compressed files other than zip, read from memory through
// libarchive (libarchive-dev): tar (ustar, pax, GNU), 7z, RAR, cpio, ISO 9660,
// CAB and LHA archives, and gzip, bzip2, xz, lzma, lzip, zstd and compress(1)
// streams over any of them or over a single file (".tar.gz", ".tgz",
// "notes.txt.gz"). Reading is bounded like ZipArchive's: every byte
// decompressed counts against the attachment's and the message's budget, and
// the archive stops when it inflates past the compression-ratio bound
// (measured over the whole archive: a solid 7z block or a gzip stream has no
// per-member compressed size).
//
// No helper programs: libarchive reads a compression it has no library for
// (lzop without liblzo2, lrzip and grzip always) by running the external
// program on the bytes. Only filters libarchive implements in-process are
// registered, so such a stream is unreadable (held, counted), and reading
// an attachment never forks (issue 13).
//
// Failure policy (DESIGN.md, fail closed): a format libarchive cannot read, a
// corrupt stream or an encrypted archive header is an error on the Extracted
// (the walker makes it the "unreadable-attachment" limit); an encrypted
// member is reported as encrypted, never skipped silently. An archive whose
// reader ends before its first entry ("Rar!" and junk), or a RAR5 that ends
// anywhere but at its end-of-archive block (cut short), is such an error
// too: libarchive's RAR readers take a header that runs past the input for
// the end of the archive (issue 13, breaker round 14 D2).
//
// Thread safety: one thread at a time. Not copyable.
#ifndef NEARMISS_CONTENT_STREAM_ARCHIVE_H_
#define NEARMISS_CONTENT_STREAM_ARCHIVE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content/extract.h"

struct archive;
struct archive_entry;

namespace nearmiss::content {

class StreamArchive {
 public:
  // `bytes` is not copied and must outlive the archive. `name` prefixes
  // errors and limit details ("attachment:plans.tar.gz"); its base name,
  // less a compression suffix, names a single compressed file's content.
  StreamArchive(std::string_view name, std::string_view bytes, Extracted* out);
  ~StreamArchive();
  StreamArchive(const StreamArchive&) = delete;
  StreamArchive& operator=(const StreamArchive&) = delete;

  enum class Entry { kFile, kSkip, kEnd, kError };
  // Moves to the next entry. kFile: a regular file, named in *path, with
  // *encrypted set when it cannot be read without a password. kSkip: a
  // directory, link or device (nothing to read). kEnd: no more entries.
  // kError: the archive is unreadable from here on (an error was added).
  Entry Next(std::string* path, bool* encrypted);

  // Reads the current entry into `*data`, adding what it inflates to
  // `*used` (the attachment's running total). False when the entry is
  // corrupt (an error) or a bound stopped it (a limit; stopped() is true).
  bool Read(ExtractBudget& budget, std::size_t* used, std::string* data);
  bool stopped() const { return stopped_; }
  // A gzip file's stored comment (RFC 1952 2.3.1 FCOMMENT), as UTF-8;
  // empty for other files. Its stored name (FNAME) names the single file
  // inside, as gunzip -N names it (round 56b's tester 13, finding 5).
  const std::string& comment() const { return comment_; }

  // What the archive stores beside its members that libarchive does not
  // hand out, read once Next() gave kEnd: the stored names and comments of
  // a gzip file's members after the first (gzip_members.h) and a tar's pax
  // comment and text xattr records (tar_pax.h), the stream decompressed
  // again for them, at most `max_inflated` bytes. What cannot be read of
  // them is an error added (the attachment is then incomplete).
  struct StoredText {
    std::string place;  // "(gzip member 2 name)", "(pax comment)"
    std::string text;
    bool is_name;       // a file name, read as member names are
  };
  std::vector<StoredText> StoredTexts(std::size_t max_inflated);

 private:
  // Opens bytes_ with every filter; with every format, or with only the
  // raw one (the decompressed stream as one entry). False on an error.
  bool Open(bool raw_only);
  void Limit(std::string bound, std::string detail);
  void Error(std::string_view what);
  // At the format's end of archive: false (an error added) when it came
  // before any entry, or, for RAR5, not at its end-of-archive block.
  bool EndedWhole();

  std::string name_;
  std::string stored_name_;  // gzip's FNAME
  std::string comment_;      // gzip's FCOMMENT
  std::string_view bytes_;
  std::size_t compressed_;
  Extracted* out_;
  archive* archive_ = nullptr;
  std::size_t inflated_ = 0;  // this archive's bytes, for the ratio
  std::size_t entries_ = 0;   // headers read, directories included
  bool stopped_ = false;
};

// The filters libarchive would read only through an external program in
// this build, comma-separated ("grzip, lrzip, lzop"); never registered.
std::string ExternalProgramFilters();

// The name a single compressed file had before compression:
// "notes.txt.gz" -> "notes.txt", "plan.tgz" -> "plan.tar", "x.xz" -> "x".
std::string UncompressedName(std::string_view name);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_STREAM_ARCHIVE_H_
