// Label keys and classification properties in document metadata
// (label_properties.h).
#include "content/label_properties.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

// The property's name, lower case, without blanks, '_' or '-': "Security
// Classification", "security_classification" and "SecurityClassification"
// are one name, and so is SharePoint's XML name for a column with a blank,
// "Security_x0020_Classification" (the blank escaped as _x0020_, as
// [MS-WSSFO3] encodes internal column names).
std::string NameKey(std::string_view name) {
  std::string key;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.substr(i, 7) == "_x0020_") {
      i += 6;
      continue;
    }
    char c = name[i];
    if (c == ' ' || c == '_' || c == '-') continue;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key;
}

// Labelling products write the same names behind their own prefix: Boldon
// James Classifier's "bjDocumentSecurityLabel" on every labelled Office
// file (its display text, "UK SECRET"), Titus's "TitusClassification",
// Janus's "JanusSEALClassification", generic "DocumentClassification"
// (issue 13, breaker defect 4). The prefix is taken off and the rest must
// be one of the names, so "Reclassification" or "bjSaver" stay unread.
bool IsClassificationProperty(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "classification", "securityclassification", "dataclassification",
      "securitylabel",  "sensitivitylabel",       "protectivemarking",
      "securitymarking", "classificationlabel",   "classificationmarking",
      // Classifier tools' and templates' "Sensitivity" property (round 44
      // tester 13, finding 4); its RFC 4021 values (Normal, Personal,
      // Private, Company-Confidential) are placed as the header's are.
      "sensitivity",
      // The German keys of the same property, as the de pack's labelled
      // lines read them (VSA § 4: the grade, "Einstufung"; "VS-Einstufung",
      // "Klassifizierung", "Geheimhaltungsgrad" in templates and DMSs;
      // round 58b's tester 13, finding 8). Lower case, as NameKey folds
      // ASCII only: "VS-Einstufung" is "vseinstufung".
      "einstufung", "vseinstufung", "klassifizierung", "geheimhaltungsgrad"};
  static constexpr std::string_view kVendorPrefixes[] = {
      "", "bjdocument", "bj", "titus", "janusseal", "janus", "document", "doc"};
  std::string key = NameKey(name);
  for (std::string_view prefix : kVendorPrefixes) {
    if (!std::string_view(key).starts_with(prefix)) continue;
    std::string_view rest = std::string_view(key).substr(prefix.size());
    if (std::find(std::begin(kNames), std::end(kNames), rest) != std::end(kNames)) {
      return true;
    }
  }
  return false;
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Every simple element and attribute of `xml`, offered by its local name:
// XMP's two ways of writing a property, and custom XML data's elements.
bool OfferXmlProperties(std::string_view xml, LabelProperties* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  struct Walker : pugi::xml_tree_walker {
    LabelProperties* out;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() != pugi::node_element) return true;
      for (pugi::xml_attribute a : node.attributes()) {
        OfferLabelProperty(XmlLocalName(a.name()), a.value(), out);
      }
      // A simple property: an element holding only text.
      pugi::xml_node child = node.first_child();
      if (child && child.type() == pugi::node_pcdata && !child.next_sibling()) {
        OfferLabelProperty(XmlLocalName(node.name()), child.value(), out);
      }
      return true;
    }
  } walker;
  walker.out = out;
  doc.traverse(walker);
  return true;
}

// The label a Boldon James Classifier selector names by its uid: the
// uid's last field after "id_<category>_" ("id_classification_secret":
// "secret"), '_' read as a blank; a uid of another shape is the name
// itself. A name no table places is unknown-label: the part says a label
// is on the document, whatever its words.
std::string SislLabelName(std::string_view uid) {
  std::string_view name = uid;
  if (name.starts_with("id_")) {
    std::size_t field = name.find('_', 3);
    if (field != std::string_view::npos && field + 1 < name.size()) {
      name = name.substr(field + 1);
    }
  }
  std::string out(name);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

}  // namespace

void OfferLabelProperty(std::string_view name, std::string_view value,
                        LabelProperties* out) {
  if (name.substr(0, 11) == "MSIP_Label_") {
    out->msip_labels.append(name);
    out->msip_labels.push_back('=');
    out->msip_labels.append(value);
    out->msip_labels.append("; ");
    return;
  }
  if (IsClassificationProperty(name) && !Blank(value)) {
    out->classifications.emplace_back(value);
    return;
  }
  // LibreOffice's TSCP classification (Tools > Classification; the BAILS
  // keys of the TSCP standard): "urn:bails:IntellectualProperty:
  // BusinessAuthorizationCategory:Name" holds the label's name, as
  // Purview's _Name does; its other categories (ExportControl,
  // NationalSecurity) name their own label the same way.
  constexpr std::string_view kBailsName = "BusinessAuthorizationCategory:Name";
  if (name.starts_with("urn:bails:") && name.ends_with(kBailsName) && !Blank(value)) {
    out->classifications.emplace_back(value);
  }
}

bool OfferXmpProperties(std::string_view xmp, LabelProperties* out) {
  return OfferXmlProperties(xmp, out);
}

bool OfferCustomXmlProperties(std::string_view xml, LabelProperties* out) {
  if (!OfferXmlProperties(xml, out)) return false;
  pugi::xml_document doc;
  doc.load_buffer(xml.data(), xml.size());
  const pugi::xml_node root = doc.document_element();
  if (std::string_view(XmlLocalName(root.name())) != "sisl") return true;
  for (pugi::xml_node e : root.children()) {
    std::string_view uid = e.attribute("uid").value();
    if (std::string_view(XmlLocalName(e.name())) != "element" || Blank(uid)) continue;
    out->classifications.push_back(SislLabelName(uid));
  }
  return true;
}

bool OfferWordDocVars(std::string_view settings, LabelProperties* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(settings.data(), settings.size())) return false;
  for (pugi::xml_node vars : doc.document_element().children()) {
    if (std::string_view(XmlLocalName(vars.name())) != "docVars") continue;
    for (pugi::xml_node var : vars.children()) {
      if (std::string_view(XmlLocalName(var.name())) != "docVar") continue;
      std::string_view name, value;
      for (pugi::xml_attribute a : var.attributes()) {
        std::string_view local = XmlLocalName(a.name());
        if (local == "name") name = a.value();
        if (local == "val") value = a.value();
      }
      OfferLabelProperty(name, value, out);
    }
  }
  return true;
}

}  // namespace nearmiss::content
