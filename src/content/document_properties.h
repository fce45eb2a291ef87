// A document's descriptive properties (what File > Properties shows), each
// read as a page of its own whose place names the property, so that a
// marking in one property is a banner of its own, as a subject line is:
//   - OOXML core properties (docProps/core.xml, ECMA-376 Part 2, 11:
//     dc:title, dc:subject, dc:creator, cp:keywords, dc:description,
//     cp:category, cp:contentStatus, ...) and the extended properties a
//     user types (docProps/app.xml, ECMA-376 Part 1, 22.2: Manager,
//     Company);
//   - ODF's meta.xml (ODF 1.2 Part 1, 4: dc:title, dc:subject,
//     meta:keyword, dc:description, meta:initial-creator, dc:creator,
//     meta:user-defined, this one named by its meta:name), and a Flat ODF
//     document's office:meta;
//   - XMP (ISO 16684-1) as PDF 2.0 keeps these fields (ISO 32000-2, 14.3.2
//     deprecates the information dictionary for all but the dates):
//     dc:title, dc:subject, dc:description (each an rdf:Alt or rdf:Bag of
//     rdf:li, or a plain value), pdf:Keywords (an element or an attribute
//     of rdf:Description).
// Before round 45 core.xml and meta.xml were read as one run of text:
// "Route optionsUK SECRETJ Smith", the marking lost in running text as
// soon as Title or Author was set (round 44 tester 13, findings 1 and 8).
#ifndef NEARMISS_CONTENT_DOCUMENT_PROPERTIES_H_
#define NEARMISS_CONTENT_DOCUMENT_PROPERTIES_H_

#include <string_view>

#include "content/extract.h"

namespace nearmiss::content {

// Appends `value` to out->text as a page of its own (form feeds around
// it), its place `document property "<property>"`. A blank value, or one
// already appended by this document, adds nothing.
void AppendPropertyPage(std::string_view property, std::string_view value, Extracted* out);

// Every property of an OOXML core or extended properties part, or of an
// ODF meta.xml (or a Flat ODF office:meta element), by AppendPropertyPage.
// Only app.xml's typed fields (Manager, Company) are read: the rest is
// what the application counts. False when the XML does not parse.
bool OfficePropertiesToText(std::string_view xml, Extracted* out);

// The title, subject, description and keywords of an XMP packet, by
// AppendPropertyPage. False when the XML does not parse.
bool XmpPropertiesToText(std::string_view xmp, Extracted* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_DOCUMENT_PROPERTIES_H_
