// Pictures sent as a part of a message or a member of an archive: a page
// scanned to e-mail (TIFF, the format of document scans and faxes; JPEG and
// PDF are a copier's other choices), a photographed page (JPEG, HEIC), a
// screenshot (PNG). nearmiss reads no text in a picture (no OCR), so such
// a part is `unreadable-attachment`, as a PDF page that is only a picture
// is (pdf_images.h): the same page is the same content whichever way it
// travels (round 45 tester 13, finding 3).
//
// Not counted: a picture the HTML body shows as part of its layout, a
// part with a Content-ID (RFC 2392, what `cid:` URLs name) whose
// Content-Disposition is not `attachment` (RFC 2183): a signature's logo,
// a newsletter's banner image. The sender did not attach those; a person
// would not mark them. A picture the sender attached
// (Content-Disposition: attachment, or a picture with no Content-ID, which
// clients show as an attachment) is counted. `[limits]
// pictures_unreadable = false` turns the rule off for a site that accepts
// pictures unread.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_PICTURE_PARTS_H_
#define NEARMISS_CONTENT_PICTURE_PARTS_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// "a picture (TIFF, 1700x2200 pixels)" when `head` (a part's first bytes,
// 4 KiB is enough) opens a picture format, by its magic number (TIFF 6.0
// section 2, PNG ISO/IEC 15948 5.2 and 11.2.2, JPEG ITU-T T.81 B.1.1.3,
// GIF89a, BMP, WebP, JPEG 2000, JPEG XL, HEIF/AVIF ISO/IEC 23008-12);
// the size when the head shows it (libtiff writes a TIFF's first IFD after
// its strips, out of a 4 KiB head: then no size). "" otherwise.
std::string PictureKind(std::string_view head);

// The error a counted picture gets: "<where>: a picture (PNG, ...); nearmiss
// reads no text in pictures (no OCR), so what it shows is not read".
std::string PictureUnread(std::string_view where, std::string_view kind);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PICTURE_PARTS_H_
