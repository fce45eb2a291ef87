// ExtractWordXml: see word_xml.h.
#include "content/word_xml.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "content/base64.h"
#include "content/xml_node.h"

namespace nearmiss::content {
namespace {

bool WordXmlElement(const pugi::xml_node& node, const char* local) {
  return node.type() == pugi::node_element && std::strcmp(XmlLocalName(node.name()), local) == 0;
}

// `parts` (name without its leading '/', bytes) as a zip, stored, with the
// [Content_Types].xml ECMA-376 Part 2 10.1.2.2 asks for; "" when libzip
// cannot write it.
std::string ZipParts(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return "";
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (zip == nullptr) {
    zip_source_free(buffer);
    return "";
  }
  zip_source_keep(buffer);  // past zip_close, to read what it wrote
  bool added = true;
  for (const auto& [name, data] : parts) {
    zip_source_t* member = zip_source_buffer(zip, data.data(), data.size(), 0);
    const zip_int64_t at =
        member == nullptr ? -1 : zip_file_add(zip, name.c_str(), member, ZIP_FL_ENC_UTF_8);
    if (at < 0) {
      if (member != nullptr) zip_source_free(member);
      added = false;
      break;
    }
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(at), ZIP_CM_STORE, 0);
  }
  std::string bytes;
  if (!added || zip_close(zip) != 0) {
    zip_discard(zip);
  } else if (zip_source_open(buffer) == 0) {
    char chunk[65536];
    for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) {
      bytes.append(chunk, static_cast<std::size_t>(n));
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

Extracted FlatOpc(std::string_view name, const pugi::xml_node& package, ExtractBudget& budget) {
  Extracted out;
  std::vector<std::pair<std::string, std::string>> parts;
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats"
      ".org/package/2006/content-types\">";
  for (const pugi::xml_node& part : package.children()) {
    if (!WordXmlElement(part, "part")) continue;
    std::string part_name(XmlAttr(part, "name"));
    if (part_name.starts_with('/')) part_name.erase(0, 1);
    if (part_name.empty()) continue;
    std::string data;
    for (const pugi::xml_node& child : part.children()) {
      if (WordXmlElement(child, "xmlData")) {
        data = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
        for (const pugi::xml_node& root : child.children()) {
          if (root.type() == pugi::node_element) data += XmlPrint(root);
        }
      } else if (WordXmlElement(child, "binaryData")) {
        std::optional<std::string> bytes = DecodeBase64(child.child_value());
        if (!bytes) {
          out.errors.push_back(std::string(name) + ": Flat OPC part /" + part_name +
                               ": its base64 does not decode; not read");
          continue;
        }
        data = std::move(*bytes);
      }
    }
    pugi::xml_document override_xml;
    pugi::xml_node o = override_xml.append_child("Override");
    o.append_attribute("PartName") = ("/" + part_name).c_str();
    o.append_attribute("ContentType") = std::string(XmlAttr(part, "contentType")).c_str();
    types += XmlPrint(o);
    parts.emplace_back(std::move(part_name), std::move(data));
  }
  types += "</Types>";
  parts.emplace_back("[Content_Types].xml", std::move(types));
  const std::string zip = ZipParts(parts);
  if (zip.empty()) {
    out.errors.push_back(std::string(name) + ": Flat OPC package: its parts could not be put "
                         "in a zip to be read; not read");
    return out;
  }
  Extracted read = ExtractZipDocument(DocType::kOoxml, name, zip, budget);
  for (std::string& error : out.errors) read.errors.push_back(std::move(error));
  return read;
}

Extracted Word2003(std::string_view name, pugi::xml_node root, ExtractBudget& budget) {
  Extracted out;
  // Page headers and footers first, a page each, as a .docx's header parts
  // are read before its body; taken out so the body does not read them
  // again.
  std::vector<pugi::xml_node> furniture;
  struct Collect : pugi::xml_tree_walker {
    std::vector<pugi::xml_node>* found;
    bool for_each(pugi::xml_node& node) override {
      if (WordXmlElement(node, "hdr") || WordXmlElement(node, "ftr")) found->push_back(node);
      return true;
    }
  } collect;
  collect.found = &furniture;
  root.traverse(collect);
  XmlTextOptions options;
  for (pugi::xml_node& node : furniture) {
    options.tab_splits_line = true;
    const std::size_t before = out.text.size();
    if (!XmlToText(XmlPrint(node), &out.text, options)) {
      out.errors.push_back(std::string(name) + ": w:" + XmlLocalName(node.name()) +
                           ": malformed XML");
    }
    if (out.text.size() > before) out.text.push_back('\f');
  }
  for (pugi::xml_node& node : furniture) node.parent().remove_child(node);
  // The body, then the rest (document properties, custom properties) as
  // markup, each element a line.
  options.tab_splits_line = false;
  for (pugi::xml_node body : root.children()) {
    if (!WordXmlElement(body, "body")) continue;
    if (!XmlToText(XmlPrint(body), &out.text, options)) {
      out.errors.push_back(std::string(name) + ": w:body: malformed XML");
    }
    out.text.push_back('\f');
    root.remove_child(body);
    break;
  }
  options.every_element_breaks = true;
  XmlToText(XmlPrint(root), &out.text, options);
  if (out.text.size() > budget.per_attachment_bytes || out.text.size() > budget.total_bytes_left) {
    out.limits.push_back({"max-attachment-bytes", std::string(name) + ": text exceeds budget"});
    out.text.resize(std::min(budget.per_attachment_bytes, budget.total_bytes_left));
  }
  budget.total_bytes_left -= out.text.size();
  out.has_text = true;
  return out;
}

}  // namespace

std::optional<Extracted> ExtractWordXml(std::string_view name, std::string_view xml,
                                        ExtractBudget& budget) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return std::nullopt;
  pugi::xml_node root = doc.document_element();
  if (WordXmlElement(root, "package")) {
    for (const pugi::xml_node& part : root.children()) {
      if (WordXmlElement(part, "part")) return FlatOpc(name, root, budget);
    }
    return std::nullopt;
  }
  if (WordXmlElement(root, "wordDocument")) return Word2003(name, root, budget);
  return std::nullopt;
}

}  // namespace nearmiss::content
