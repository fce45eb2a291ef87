// A zip archive opened from memory through libzip and read under an
// ExtractBudget: every byte decompressed counts against the attachment's and
// the message's budget, and a member that inflates past the compression-ratio
// bound stops, so a zip bomb ends at a bound instead of at the OOM killer.
// The sizes a zip declares are not trusted for the byte bounds; the
// compressed size is used only for the ratio. Used by the OOXML/ODF reader
// (zip_text.cc) and the plain-archive reader (archive_text.cc).
//
// Thread safety: one thread at a time. Errors and limits are appended to the
// Extracted given at construction.
#ifndef NEARMISS_CONTENT_ZIP_ARCHIVE_H_
#define NEARMISS_CONTENT_ZIP_ARCHIVE_H_

#include <zip.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content/extract.h"

namespace nearmiss::content {

class ZipArchive {
 public:
  // `bytes` is not copied and must outlive the archive. `name` prefixes
  // errors and limit details ("attachment:bundle.zip").
  ZipArchive(std::string_view name, std::string_view bytes, Extracted* out);

  bool ok() const { return zip_ != nullptr; }
  zip_int64_t size() const;
  // The member's name (UTF-8 guessed from CP437 where not flagged), or null.
  const char* Name(zip_uint64_t index) const;
  // Zip encryption (traditional PKWARE or AES, general-purpose flag bit 0,
  // APPNOTE.TXT 4.4.4): the member cannot be read without a password. The
  // bit in either the central directory or the member's local header
  // counts: extractors such as Info-ZIP's unzip read the local one, so a
  // zip whose two headers disagree is not read as plain text (issue 13,
  // breaker round 13 defect 13).
  bool Encrypted(zip_uint64_t index) const;
  // The archive's comment (APPNOTE.TXT 4.3.16, end of central directory)
  // and member `index`'s (4.3.12, file comment), UTF-8 guessed from CP437
  // where not flagged; empty when there is none. unzip, zipinfo, 7-Zip and
  // WinRAR show them: text the attachment carries (round 55's tester 13,
  // finding 4). At most 65535 bytes each (the fields' 16-bit lengths).
  std::string_view Comment() const;
  std::string_view Comment(zip_uint64_t index) const;
  // Whether this libzip can decompress the member's method (Debian 12's
  // libzip reads no LZMA, method 14, which 7-Zip and Python write).
  bool MethodSupported(zip_uint64_t index) const;
  // Whether the member's directory entry declares any bytes (compressed or
  // not). A directory entry ("plans/") written by any zip tool declares
  // none; one that does carries data that unzip, 7-Zip and Explorer hide
  // (they make a folder of it) but that is sent all the same, so it is read
  // as a file (issue 13, round 38).
  bool HoldsBytes(zip_uint64_t index) const;

  // Reads member `index` into `*data`, adding what it inflates to `*used`
  // (the attachment's running total). False when the member is unreadable
  // (an error) or a bound stopped it (a limit; stopped() turns true).
  bool Read(zip_uint64_t index, ExtractBudget& budget, std::size_t* used,
            std::string* data);
  bool stopped() const { return stopped_; }

 private:
  struct Closer {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  void Limit(std::string bound, std::string detail);

  // Bit 0 of each local header's flags, by central-directory index
  // (zip_framing.h); empty when the directory could not be walked.
  std::vector<bool> local_encrypted_;
  std::string name_;
  Extracted* out_;
  std::unique_ptr<zip_t, Closer> zip_;
  bool stopped_ = false;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_ZIP_ARCHIVE_H_
