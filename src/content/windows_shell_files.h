// The files the Windows shell adds to a folder, told by name and content,
// so that a zipped folder is not held for them (round 57's tester 13,
// finding 2; the Mac's counterparts are finder_files.h):
//
// - Explorer's thumbnail cache "Thumbs.db" (and Media Center's
//   "ehthumbs.db", "ehthumbs_vista.db"): a Compound File Binary container
//   ([MS-CFB]) whose streams are a "Catalog" (the names of the folder's
//   pictures) and one stream per thumbnail, named by its number (Windows
//   XP: "1", "2", ... as reversed decimal digits) or by its size and the
//   file's hash (Vista and later on network shares: "256_0123456789abcdef"),
//   each holding a small JPEG, PNG or bitmap after its header. Forensics
//   references: Vinetto's and libolecf's descriptions of the format.
//   Pictures are not read anywhere in nearmiss, so these copies of the
//   folder's pictures hold nothing to read; the file is skipped and said
//   so. A file of that name that is not such a cache (other streams, a
//   storage, a stream that holds no picture, a broken container) is not
//   skipped: it is read, or unread, as any file is (fail closed).
// - "desktop.ini" (the folder's display settings) is an INI text and is
//   read as text like any other; nothing to skip.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_WINDOWS_SHELL_FILES_H_
#define NEARMISS_CONTENT_WINDOWS_SHELL_FILES_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// What `bytes`, the file at `path` (its name in an archive), is when it is
// a Windows thumbnail cache to skip, for the scan's notes: "a Windows
// Explorer thumbnail cache (a Catalog and 3 thumbnails)"; else empty.
std::string WindowsThumbnailCache(std::string_view path, std::string_view bytes);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_WINDOWS_SHELL_FILES_H_
