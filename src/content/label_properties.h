// Sensitivity labels a document keeps in its properties rather than its
// text: Office custom properties (docProps/custom.xml), a PDF's document
// information dictionary (ISO 32000-1 section 14.3.3) and its XMP metadata
// stream (ISO 16684-1). Two shapes are recognised:
//   - Purview's label keys, "MSIP_Label_<guid>_Name" / "_Enabled" and the
//     rest (Microsoft Learn, "MIP SDK: label metadata"; Office writes them as
//     custom properties, PDF labelling as information-dictionary or XMP
//     keys): collected in the msip_labels form the message header uses,
//     "MSIP_Label_<guid>_Name=Secret; ";
//   - a property whose whole name says it is the classification
//     ("Classification", "Security Classification", "SecurityLabel",
//     "Protective Marking"; what Titus and other classification tools and
//     hand-made templates write): its value is read as a label name, as the
//     message header "Classification" is (labels.toml), so that a value no
//     pack places is unknown-label, never none.
//   - LibreOffice's TSCP classification, "urn:bails:...:
//     BusinessAuthorizationCategory:Name" (Tools > Classification): its
//     value is the label's name, as Purview's _Name is.
// A property whose name only contains such a word ("ClassificationDate") is
// not a label. Functions are pure.
#ifndef NEARMISS_CONTENT_LABEL_PROPERTIES_H_
#define NEARMISS_CONTENT_LABEL_PROPERTIES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nearmiss::content {

// The label properties of one document.
struct LabelProperties {
  std::string msip_labels;  // "MSIP_Label_<guid>_Name=Secret; ..."
  // Values of classification properties, each read as a label name.
  std::vector<std::string> classifications;

  bool empty() const { return msip_labels.empty() && classifications.empty(); }
};

// Offers one property (name as stored, value as UTF-8); keeps it when it is
// a label (above). Blank values are kept for MSIP keys (an empty _Name is
// still a label) and dropped for classification properties.
void OfferLabelProperty(std::string_view name, std::string_view value,
                        LabelProperties* out);

// Every property of an XMP packet (RDF/XML: properties as elements or as
// attributes of rdf:Description), offered by its local name. Malformed XML
// offers nothing and returns false.
bool OfferXmpProperties(std::string_view xmp, LabelProperties* out);

// Every simple element (one holding only text) and attribute of an Office
// package's custom XML data part (customXml/item<N>.xml, ECMA-376 Part 1,
// 22.5 "Custom XML Data Storage"), offered by its local name, SharePoint's
// escaped blanks decoded ("Security_x0020_Classification"). SharePoint
// keeps a library's columns there (<p:properties><documentManagement>
// <Classification>SECRET</Classification>), and labelling tools and
// templates their classification fields, so a document classified only
// there is read (issue 13, breaker round 8 defect 2). Malformed XML offers
// nothing and returns false.
// A Boldon James Classifier label part (a custom XML part whose root is
// "sisl", namespace http://www.boldonjames.com/2008/01/sie/internal/label:
// <sisl ...><element uid="id_classification_secret" value=""/></sisl>)
// offers each selector element's label name (its uid's last field,
// "secret") as a classification: the part says a label is on the
// document, so a name no pack or table places is unknown-label, never
// none (round 44 tester 13, finding 4).
bool OfferCustomXmlProperties(std::string_view xml, LabelProperties* out);

// Word's document variables (word/settings.xml <w:docVars><w:docVar
// w:name="Classification" w:val="UK SECRET"/>, ECMA-376 Part 1, 17.15.1.
// 31-32: where VBA classification templates and add-ins keep a marking
// that DOCVARIABLE fields print), each offered by its name. Malformed XML
// offers nothing and returns false.
bool OfferWordDocVars(std::string_view settings, LabelProperties* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LABEL_PROPERTIES_H_
