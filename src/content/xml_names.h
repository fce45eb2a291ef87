// The local part of an XML qualified name ("w:caps" -> "caps"; Namespaces
// in XML 1.0, section 4): the Office and ODF readers match elements and
// attributes by local name, since the prefix is the writer's choice, not
// the format's. Pure functions; the result points into `qname`.
#ifndef NEARMISS_CONTENT_XML_NAMES_H_
#define NEARMISS_CONTENT_XML_NAMES_H_

#include <cstring>
#include <string_view>

namespace nearmiss::content {

inline std::string_view XmlLocalName(std::string_view qname) {
  std::size_t colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The same for a NUL-terminated name (pugixml's node and attribute names),
// keeping the terminator.
inline const char* XmlLocalName(const char* qname) {
  const char* colon = std::strrchr(qname, ':');
  return colon != nullptr ? colon + 1 : qname;
}

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_XML_NAMES_H_
