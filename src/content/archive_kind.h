// Whether a part is an archive or compressed file other than zip: read
// through libarchive (stream_archive.h) as DocType::kArchive.
//
// Thread safety: a pure function.
#ifndef NEARMISS_CONTENT_ARCHIVE_KIND_H_
#define NEARMISS_CONTENT_ARCHIVE_KIND_H_

#include <string_view>

namespace nearmiss::content {

// By magic number (each format's specification or its tool's man page),
// file name suffix or MIME type. Magic numbers in printable ASCII ("070701",
// "!<arch>") do not decide for a text/* part.
bool IsOtherArchive(std::string_view mime_type, std::string_view filename,
                    std::string_view bytes);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_ARCHIVE_KIND_H_
