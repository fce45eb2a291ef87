// Labels an HTML page keeps where a reader does not see them (round 46's
// tester 13, finding 8), offered as label properties (label_properties.h:
// Purview's MSIP_Label_ keys, a property named "Classification" and its
// kin; any other name is no label):
//   - <meta name="security-classification" content="SECRET//NOFORN"> in
//     the head (what classification templates and web publishing tools
//     write; a "keywords" or "description" meta stays no label); a bare
//     name="classification", also a search-engine topic tag, has its
//     content read as a subject line (a banner there counts, "Business"
//     does not), where the page is an attachment (Extracted::
//     document_subjects);
//   - Word's custom document properties in a page it saved as HTML ("Save
//     as Web Page", and the .mht of "Single File Web Page"):
//     <o:CustomDocumentProperties><o:Classification dt:dt="string">UK
//     SECRET</o:Classification><o:MSIP_Label_<guid>_Name ...>Secret_0...
//     inside the <!--[if gte mso 9]><xml> block of its head, the same
//     properties docProps/custom.xml holds in a .docx.
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_HTML_LABELS_H_
#define NEARMISS_CONTENT_HTML_LABELS_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "content/label_properties.h"

namespace nearmiss::content {

// Offers the labels of the page `html` (as given, before any rewriting),
// whose parsed root element is `root` (may be null), to `*out`; subject
// lines to `*subjects` (may be null).
void ReadHtmlLabels(std::string_view html, const xmlNode* root, LabelProperties* out,
                    std::vector<std::string>* subjects);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_HTML_LABELS_H_
