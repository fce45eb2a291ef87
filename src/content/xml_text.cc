#include <array>
#include <cstring>
#include <pugixml.hpp>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

// Local names (after any prefix) that start a new line of text.
constexpr std::array<const char*, 9> kLineElements = {
    "p", "h", "si", "row", "c", "br", "tr", "table-row", "table-cell"};

const char* LocalName(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

class TextWalker : public pugi::xml_tree_walker {
 public:
  explicit TextWalker(std::string* out) : out_(out) {}

  bool for_each(pugi::xml_node& node) override {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      out_->append(node.value());
    } else if (node.type() == pugi::node_element) {
      const char* local = LocalName(node.name());
      for (const char* line : kLineElements) {
        if (std::strcmp(local, line) == 0) {
          out_->push_back('\n');
          break;
        }
      }
      if (std::strcmp(local, "tab") == 0 || std::strcmp(local, "s") == 0) {
        out_->push_back(' ');
      }
    }
    return true;
  }

 private:
  std::string* out_;
};

}  // namespace

bool XmlToText(std::string_view xml, std::string* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default,
                       pugi::encoding_utf8)) {
    return false;
  }
  TextWalker walker(out);
  doc.traverse(walker);
  return true;
}

}  // namespace nearmiss::content
