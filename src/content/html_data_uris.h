// Files embedded in an HTML page as "data:" URLs (RFC 2397) and pages
// embedded as an iframe's srcdoc (HTML Living Standard 4.8.5): a whole
// file in <a href="data:...;base64,...">, <object data="data:...">, <img
// src="data:...">, read like an attachment; the srcdoc page read as HTML
// text. Before issue 13 (tester 13 round 53 finding 2) both passed unread
// with the scan called complete.
#ifndef NEARMISS_CONTENT_HTML_DATA_URIS_H_
#define NEARMISS_CONTENT_HTML_DATA_URIS_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "content/extract.h"

namespace nearmiss::content {

// RFC 2397: "data:" [mediatype] [";base64"] "," data, the data
// percent-encoded (RFC 3986 2.1) or base64 (RFC 4648 section 4). The media
// type (lower case, "text/plain" when none is given) in `*type`, the
// bytes in `*bytes`; false when `uri` is not a data URL or does not
// decode (`*bytes` then empty; `*type` the declared one when the URL has
// its comma, else empty).
bool DecodeDataUri(std::string_view uri, std::string* type, std::string* bytes);

// One data URL found at `where` ("<a href>", "<style>", "the text"), the
// `*n`th: its file in `out->data_files`, named by `download` when a link
// gives one, else "data-url-N.<suffix>" (pictures left out). One that does
// not decode is an error in `out->errors` (the file is not read), save an
// empty one or one declared a picture (image/*, not SVG), which shows
// nothing and so is a note in `out->notes`.
void AddDataUrl(const std::string& value, const std::string& where, std::string_view download,
                std::size_t* n, Extracted* out);

// Every attribute of the page under `root` whose value is a data URL, as
// ExtractedMember {path, text = the decoded bytes} in `out->data_files`
// (pictures left out: an inline picture, as in the MIME walk), one that
// does not decode an error in `out->errors`, save an empty one or one
// declared a picture (image/*, not SVG), which shows nothing and so is a
// note in `out->notes`; each iframe's srcdoc read by
// HtmlToText, its text in `out->hidden`.
void CollectHtmlEmbedded(const xmlNode* root, Extracted* out);

// Each file CollectHtmlEmbedded found, read as a member of the part
// `name` (ExtractEmbedded: bounded as an archive's members are).
void ReadHtmlDataFiles(std::string_view name, ExtractBudget& budget, Extracted* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_HTML_DATA_URIS_H_
