// Which members of an Office package (OOXML, ECMA-376 Part 2; ODF 1.2
// Part 3) zip_text.cc reads as text, skips, or reads as embedded files.
// Split from zip_text.cc in round 45 without change of behaviour.
// Functions are pure.
#ifndef NEARMISS_CONTENT_PACKAGE_MEMBERS_H_
#define NEARMISS_CONTENT_PACKAGE_MEMBERS_H_

#include <string_view>

#include "content/extract.h"

namespace nearmiss::content {

// The members that carry a document's words: every XML part but those that
// never hold text a reader sees (ECMA-376 Part 1 names the parts: styles,
// themes, fonts, settings, numbering, relationships), so that a part we did
// not think of (a slide master or layout, where PowerPoint puts a banner;
// endnotes; comments; a chart title; a text box in a drawing) is read, not
// skipped. The glossary (Word's building blocks) is left out: it is not on
// any page, and an organisation's templates keep marking blocks there.
bool WantedMember(DocType type, std::string_view name);

// A part an Office package declares as holding no text by its format,
// known by its place in the package (its bytes have no magic number): an
// embedded font (ECMA-376 Part 1, 15.2.13: Word's obfuscated "word/fonts/
// font1.odttf", PowerPoint's "ppt/fonts/font1.fntdata") and the "[trash]/"
// items older Office left behind (freed space). Tester 13 finding 6: each
// held an ordinary document as "not read to the end". Printer settings are
// asked of their bytes (PrinterSettings). Anything else unknown stays
// unreadable. An obfuscated font (.odttf) anywhere in the package, where
// an XPS document keeps its fonts (ECMA-388 9.1.7), is one too.
bool NoTextPart(DocType type, std::string_view name);

// Whether a member is in the place printer settings are kept
// ("xl/printerSettings/*.bin"); its bytes decide (PrinterSettings).
bool PrinterSettingsPart(DocType type, std::string_view name);

// A sheet's or document's printer settings (ECMA-376 Part 1, 15.2.15;
// "xl/printerSettings/printerSettings1.bin", written whenever a page setup
// names a printer): a Windows DEVMODEW ([MS-RPRN] 2.2.2.1), its printer's
// name in 32 UTF-16 units, then dmSize (offset 68) and dmDriverExtra (70),
// which add up to the part's length. Nothing a reader sees.
bool PrinterSettings(std::string_view data);

// A member that is not one of the package's XML parts: an embedded object
// ("word/embeddings/Microsoft_Word_Document1.docx", "ppt/embeddings/
// oleObject1.bin", ODF's "Object 1/"), media, or a file that has no business
// in the package ("word/notes.txt", every member of a zip renamed .docx).
// It is read like an archive member (ExtractEmbedded): what holds words is
// extracted, images and fonts have none (binary, no known format), a
// legacy Office object is reported unread. An embedded marked document is
// inside the file being sent (issue 13, breaker round 8 defect 2). Only the
// macro project is left: code, not the document's words (ECMA-376 Part 1,
// 15.2.13 and [MS-OVBA]).
// A directory entry that declares bytes (ZipArchive::HoldsBytes) is one.
bool OtherMember(std::string_view name, bool holds_bytes);

// Page headers and footers, where a tab splits the left, centre and right
// cells of one line (extract.h, XmlTextOptions).
bool IsHeaderFooterPart(DocType type, std::string_view name);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PACKAGE_MEMBERS_H_
