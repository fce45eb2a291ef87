// Office package label and property parts (package_labels.h).
#include "content/package_labels.h"

#include <pugixml.hpp>

#include <algorithm>

#include "base/ascii.h"
#include "content/xml_names.h"

namespace nearmiss::content {

void KeepLabels(LabelProperties found, Extracted* out) {
  out->msip_labels += found.msip_labels;
  for (std::string& c : found.classifications) out->classifications.push_back(std::move(c));
}

bool CustomPropertiesAsLabels(std::string_view xml, Extracted* out, PackageProperties* all) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  LabelProperties found;
  for (pugi::xml_node p : doc.document_element().children()) {
    OfferLabelProperty(p.attribute("name").value(), p.first_child().text().get(),
                       &found);
    all->emplace_back(p.attribute("name").value(), p.first_child().text().get());
  }
  KeepLabels(std::move(found), out);
  return true;
}

bool IsCustomXmlItem(std::string_view name) {
  constexpr std::string_view kDir = "customXml/item";
  if (!name.starts_with(kDir) || !name.ends_with(".xml")) return false;
  std::string_view number = name.substr(kDir.size(), name.size() - kDir.size() - 4);
  return !number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos;
}

bool DocVarsAsLabels(std::string_view xml, Extracted* out) {
  LabelProperties found;
  if (!OfferWordDocVars(xml, &found)) return false;
  KeepLabels(std::move(found), out);
  return true;
}

bool CustomXmlAsLabels(std::string_view xml, Extracted* out) {
  LabelProperties found;
  if (!OfferCustomXmlProperties(xml, &found)) return false;
  KeepLabels(std::move(found), out);
  return true;
}

bool LabelInfoAsLabels(std::string_view xml, std::string* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  for (pugi::xml_node label : doc.document_element().children()) {
    if (XmlLocalName(std::string_view(label.name())) != "label") continue;
    std::string id = label.attribute("id").value();
    std::erase_if(id, [](char c) { return c == '{' || c == '}'; });
    if (id.empty()) id = "unknown";
    std::string_view enabled = label.attribute("enabled").value();
    std::string_view removed = label.attribute("removed").value();
    bool on = enabled != "0" && enabled != "false" && removed != "1" &&
              removed != "true";
    out->append("MSIP_Label_" + id + "_Enabled=" + (on ? "true" : "false") +
                "; ");
  }
  return true;
}

void OdfUserProperties(std::string_view xml, PackageProperties* all, Extracted* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return;
  LabelProperties found;
  for (pugi::xml_node meta : doc.document_element().children()) {
    for (pugi::xml_node p : meta.children()) {
      if (XmlLocalName(std::string_view(p.name())) != "user-defined") continue;
      for (pugi::xml_attribute a : p.attributes()) {
        if (XmlLocalName(std::string_view(a.name())) == "name") {
          all->emplace_back(a.value(), p.text().get());
          // The same keys as a .docx's custom properties: Word saving
          // .odt keeps its Purview keys here, LibreOffice its TSCP label
          // (round 46's tester 13, finding 9).
          OfferLabelProperty(a.value(), p.text().get(), &found);
        }
      }
    }
  }
  KeepLabels(std::move(found), out);
}

void ShowFieldProperties(const std::vector<std::string>& fields, const PackageProperties& props,
                         std::string* text) {
  std::vector<std::string_view> shown;
  for (const auto& [name, value] : props) {
    bool used = std::any_of(fields.begin(), fields.end(), [&](const std::string& f) {
      return EqualsNoCase(f, name);
    });
    if (!used || value.empty() ||
        std::find(shown.begin(), shown.end(), value) != shown.end()) {
      continue;
    }
    shown.push_back(value);
    text->push_back('\f');
    text->append(value);
    text->push_back('\f');
  }
}

}  // namespace nearmiss::content
