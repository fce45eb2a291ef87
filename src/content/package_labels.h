// The label and property parts of an Office package that zip_text.cc
// reads besides its text: custom properties (docProps/custom.xml), custom
// XML data parts, Word's document variables, LabelInfo.xml, ODF's
// user-defined properties, and the property values DOCPROPERTY fields
// show. Split from zip_text.cc in round 45 without change of behaviour.
#ifndef NEARMISS_CONTENT_PACKAGE_LABELS_H_
#define NEARMISS_CONTENT_PACKAGE_LABELS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/extract.h"
#include "content/label_properties.h"

namespace nearmiss::content {

// Adds `found`'s label keys and classification values to `out`.
void KeepLabels(LabelProperties found, Extracted* out);

// A package's properties, name and value, as their parts give them.
using PackageProperties = std::vector<std::pair<std::string, std::string>>;

// docProps/custom.xml: <property name="MSIP_Label_..._Name"><vt:lpwstr>
// Secret</vt:lpwstr></property> becomes "MSIP_Label_..._Name=Secret;", and
// a property named "Classification" (Titus, templates) a label name to read
// (label_properties.h); every property is added to `all`. False when the
// part is not well-formed XML.
bool CustomPropertiesAsLabels(std::string_view xml, Extracted* out, PackageProperties* all);

// Whether `name` is customXml/item<N>.xml, a custom XML data part (not its
// itemProps<N>.xml, which only names the part's schemas).
bool IsCustomXmlItem(std::string_view name);

// word/settings.xml's document variables (label_properties.h
// OfferWordDocVars). False when the part is not well-formed XML.
bool DocVarsAsLabels(std::string_view xml, Extracted* out);

// A custom XML data part's classification fields as labels
// (label_properties.h). False when the part is not well-formed XML.
bool CustomXmlAsLabels(std::string_view xml, Extracted* out);

// docMetadata/LabelInfo.xml, where Office writes a file's sensitivity labels
// since 2021 ([MS-OFFCRYPTO] 2.6.3 LabelInfo stream, namespace
// http://schemas.microsoft.com/office/2020/mipLabelMetadata): <clbl:label
// id="{guid}" enabled="1" removed="0" siteId="{guid}" .../>. It names the
// label by id only; each label becomes "MSIP_Label_<id>_Enabled=true;" (or
// false, when disabled or removed) in msip_labels, so that the policy's
// table places it by id and an id nobody places is unknown-label. False
// when the part is not well-formed XML.
bool LabelInfoAsLabels(std::string_view xml, std::string* out);

// meta.xml's user-defined properties (ODF 1.2 Part 1, 4.3.2.4:
// <meta:user-defined meta:name="Classification">SECRET</...>), which ODF's
// user-defined fields show. Malformed XML adds nothing (the part is also
// read as text, which reports it).
// Each is also offered as a label property (label_properties.h) into `*out`.
void OdfUserProperties(std::string_view xml, PackageProperties* all, Extracted* out);

// The values of the custom properties that DOCPROPERTY fields show
// (`fields`, extract.h XmlTextOptions), each a page of its own: Word
// updates such fields when it prints, so the property's value is what the
// page shows, whatever result was cached ("{ DOCPROPERTY Classification }"
// in a header, saved before the fields were updated). Names are compared
// without case, as Word does; each value is written once.
void ShowFieldProperties(const std::vector<std::string>& fields, const PackageProperties& props,
                         std::string* text);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PACKAGE_LABELS_H_
