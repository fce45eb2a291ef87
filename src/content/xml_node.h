// Element and attribute look-ups by local name in a pugixml tree, for the
// readers of Office formats, whose namespace prefixes are the writer's
// choice ("w:val", "fo:text-transform"), not the format's.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_XML_NODE_H_
#define NEARMISS_CONTENT_XML_NODE_H_

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "content/xml_names.h"

namespace nearmiss::content {

// The node's name without its prefix.
inline std::string_view XmlLocal(const pugi::xml_node& node) {
  return XmlLocalName(std::string_view(node.name()));
}

// The value of the attribute whose local name is `local`, or empty.
inline std::string_view XmlAttr(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (XmlLocalName(std::string_view(a.name())) == local) return a.value();
  }
  return {};
}

// The first child element whose local name is `local`, or a null node.
inline pugi::xml_node XmlChild(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && XmlLocal(c) == local) return c;
  }
  return {};
}

// The node as XML text (pugixml's raw format, no indentation), for a
// reader that hands one element of a file to another reader.
inline std::string XmlPrint(const pugi::xml_node& node) {
  struct Writer : pugi::xml_writer {
    std::string xml;
    void write(const void* data, std::size_t size) override {
      xml.append(static_cast<const char*>(data), size);
    }
  } writer;
  node.print(writer, "", pugi::format_raw);
  return std::move(writer.xml);
}

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_XML_NODE_H_
