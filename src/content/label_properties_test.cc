// Label keys and classification properties in document metadata: which
// property names are labels, and XMP's two ways of writing a property.
#include "content/label_properties.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

TEST(LabelProperties, ClassificationNamesAreLabelsOthersAreNot) {
  LabelProperties p;
  OfferLabelProperty("Classification", "SECRET", &p);
  OfferLabelProperty("Security Classification", "OFFICIAL-SENSITIVE", &p);
  OfferLabelProperty("security_label", "Highly Confidential", &p);
  OfferLabelProperty("ProtectiveMarking", "PROTECTED", &p);
  // Names that only contain the word, and blank values, are not labels.
  OfferLabelProperty("ClassificationDate", "2026-01-01", &p);
  OfferLabelProperty("Reclassification", "none", &p);
  OfferLabelProperty("Classification", "  ", &p);
  OfferLabelProperty("Department", "Secret Service liaison", &p);
  EXPECT_EQ(p.classifications, (std::vector<std::string>{
                                   "SECRET", "OFFICIAL-SENSITIVE", "Highly Confidential",
                                   "PROTECTED"}));
  EXPECT_TRUE(p.msip_labels.empty());
}

// Issue 13, breaker defect 4: labelling products' own property names.
TEST(LabelProperties, VendorPrefixedNamesAreLabels) {
  LabelProperties p;
  OfferLabelProperty("bjDocumentSecurityLabel", "UK SECRET", &p);
  OfferLabelProperty("bjSecurityLabel", "UK OFFICIAL-SENSITIVE", &p);
  OfferLabelProperty("TitusClassification", "TOP SECRET", &p);
  OfferLabelProperty("JanusSEAL Classification", "PROTECTED", &p);
  OfferLabelProperty("Document Classification", "Highly Confidential", &p);
  // The vendor's other properties are not labels.
  OfferLabelProperty("bjSaver", "x7Qz", &p);
  OfferLabelProperty("bjDocumentLabelXML", "<sisl/>", &p);
  OfferLabelProperty("TitusGUID", "1b2c", &p);
  OfferLabelProperty("docReclassification", "none", &p);
  EXPECT_EQ(p.classifications,
            (std::vector<std::string>{"UK SECRET", "UK OFFICIAL-SENSITIVE", "TOP SECRET",
                                      "PROTECTED", "Highly Confidential"}));
}

// Round 58b's tester 13, finding 8: the de pack's keys as DOCX custom
// properties; a name that only contains the word is still no label.
TEST(LabelProperties, GermanClassificationNamesAreLabels) {
  LabelProperties p;
  OfferLabelProperty("Einstufung", "VS-VERTRAULICH", &p);
  OfferLabelProperty("Klassifizierung", "GEHEIM", &p);
  OfferLabelProperty("VS-Einstufung", "VS-NfD", &p);
  OfferLabelProperty("Geheimhaltungsgrad", "STRENG GEHEIM", &p);
  OfferLabelProperty("Einstufungsdatum", "2026-01-01", &p);
  OfferLabelProperty("Neueinstufung", "keine", &p);
  EXPECT_EQ(p.classifications,
            (std::vector<std::string>{"VS-VERTRAULICH", "GEHEIM", "VS-NfD", "STRENG GEHEIM"}));
}

TEST(LabelProperties, PurviewKeysKeepTheHeaderForm) {
  LabelProperties p;
  OfferLabelProperty("MSIP_Label_6c3a2f1e-9b8d-4e7f-a1b2-c3d4e5f60718_Enabled", "true", &p);
  OfferLabelProperty("MSIP_Label_6c3a2f1e-9b8d-4e7f-a1b2-c3d4e5f60718_Name", "", &p);
  EXPECT_EQ(p.msip_labels,
            "MSIP_Label_6c3a2f1e-9b8d-4e7f-a1b2-c3d4e5f60718_Enabled=true; "
            "MSIP_Label_6c3a2f1e-9b8d-4e7f-a1b2-c3d4e5f60718_Name=; ");
}

TEST(LabelProperties, XmpElementsAndAttributes) {
  const char* xmp =
      "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
      "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
      "<rdf:Description xmlns:pdfx='http://ns.adobe.com/pdfx/1.3/' "
      "pdfx:MSIP_Label_11111111-2222-3333-4444-555555555555_Name='Secret'>"
      "<pdfx:Classification>UK SECRET</pdfx:Classification>"
      "<pdfx:Author>Alice</pdfx:Author>"
      "</rdf:Description></rdf:RDF></x:xmpmeta>";
  LabelProperties p;
  EXPECT_TRUE(OfferXmpProperties(xmp, &p));
  EXPECT_EQ(p.msip_labels, "MSIP_Label_11111111-2222-3333-4444-555555555555_Name=Secret; ");
  EXPECT_EQ(p.classifications, (std::vector<std::string>{"UK SECRET"}));
  LabelProperties none;
  EXPECT_FALSE(OfferXmpProperties("<x:xmpmeta>", &none));
  EXPECT_TRUE(none.empty());
}

// Breaker round 8 defect 2: a classification kept in a custom XML data
// part, SharePoint's columns (blank escaped as _x0020_) or a template's.
TEST(LabelProperties, CustomXmlDataParts) {
  const char* sharepoint =
      "<p:properties xmlns:p='http://schemas.microsoft.com/office/2006/metadata/properties'>"
      "<documentManagement><Security_x0020_Classification xmlns='urn:x'>UK SECRET"
      "</Security_x0020_Classification><Owner xmlns='urn:x'>J. Smith</Owner>"
      "<Classification_x0020_Date xmlns='urn:x'>2026-01-01</Classification_x0020_Date>"
      "<ProtectiveMarking xsi:nil='true' xmlns:xsi='urn:xsi'/>"
      "</documentManagement></p:properties>";
  LabelProperties p;
  EXPECT_TRUE(OfferCustomXmlProperties(sharepoint, &p));
  EXPECT_EQ(p.classifications, (std::vector<std::string>{"UK SECRET"}));
  LabelProperties q;
  EXPECT_TRUE(OfferCustomXmlProperties(
      "<root><Classification>SECRET//NOFORN</Classification>"
      "<item MSIP_Label_11111111-2222-3333-4444-555555555555_Name='Secret'/></root>",
      &q));
  EXPECT_EQ(q.classifications, (std::vector<std::string>{"SECRET//NOFORN"}));
  EXPECT_EQ(q.msip_labels, "MSIP_Label_11111111-2222-3333-4444-555555555555_Name=Secret; ");
  LabelProperties none;
  EXPECT_TRUE(OfferCustomXmlProperties("<b:Sources><b:Source><b:Tag>Sec1</b:Tag>"
                                       "</b:Source></b:Sources>", &none));
  EXPECT_TRUE(none.empty());
  EXPECT_FALSE(OfferCustomXmlProperties("<root><Classification>SECRET</root>", &none));
}

// Round 44 tester 13, finding 4: a Boldon James "sisl" label part names
// its label by a selector's uid; Word's document variables; a property
// named Sensitivity.
TEST(LabelProperties, ClassifierPartsAndDocumentVariables) {
  LabelProperties bj;
  EXPECT_TRUE(OfferCustomXmlProperties(
      "<sisl xmlns='http://www.boldonjames.com/2008/01/sie/internal/label' sislVersion='0' "
      "origin='userSelected'><element uid='id_classification_uk_secret' value=''/>"
      "<element uid='bespoke-7' value=''/></sisl>",
      &bj));
  EXPECT_EQ(bj.classifications, (std::vector<std::string>{"uk secret", "bespoke-7"}));
  LabelProperties vars;
  EXPECT_TRUE(OfferWordDocVars(
      "<w:settings xmlns:w='urn:w'><w:zoom w:percent='100'/><w:docVars>"
      "<w:docVar w:name='TemplateVersion' w:val='SECRET'/>"
      "<w:docVar w:name='Protective Marking' w:val='OFFICIAL-SENSITIVE'/>"
      "</w:docVars></w:settings>",
      &vars));
  EXPECT_EQ(vars.classifications, (std::vector<std::string>{"OFFICIAL-SENSITIVE"}));
  EXPECT_FALSE(OfferWordDocVars("<w:settings>", &vars));
  LabelProperties sensitivity;
  OfferLabelProperty("Sensitivity", "Highly Confidential", &sensitivity);
  OfferLabelProperty("SensitivityDate", "2026-01-01", &sensitivity);
  EXPECT_EQ(sensitivity.classifications, (std::vector<std::string>{"Highly Confidential"}));
}

}  // namespace
}  // namespace nearmiss::content
