// HTML to text with libxml2's forgiving HTML parser: text nodes only, script
// and style dropped, block elements on their own lines so banner lines in an
// HTML body stay banner lines.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <climits>
#include <cstring>
#include <memory>
#include <vector>

#include "content/extract.h"
#include "content/html_entities.h"

namespace nearmiss::content {
namespace {

// Definition lists ("<dl><dt>SECRET</dt><dd>...") and captions lay out
// lines as paragraphs do.
constexpr std::array<const char*, 26> kBlockElements = {
    "p",  "tr", "li", "h1", "h2",    "h3",         "h4",
    "h5", "h6",  "td", "th", "table", "ul", "ol", "blockquote", "pre",
    "hr", "center", "section", "article", "header", "footer",
    "dl", "dt", "dd", "caption"};

bool IsNamed(const xmlNode* node, const char* name) {
  return node->name != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// Elements a browser renders as a line break and no more (HTML Living
// Standard, rendering: "div" is display:block with no margin, "br" a line
// break): "<b>From:</b> Carol<br><b>Sent:</b> ..." and one "<div>" per
// field are the lines of one block, as Outlook, OWA and Gmail write a
// quoted reply header. A paragraph ("p") keeps its blank line. A blank line
// between such lines would split the quoted header block and the banner
// zone where the sender saw none (issue 13, breaker defect 1).
bool IsLineBreak(const xmlNode* node) {
  return IsNamed(node, "br") || IsNamed(node, "div");
}

// Ends the current line unless the text is already at a line's start.
void BreakLine(std::string* text) {
  if (!text->empty() && text->back() != '\n') text->push_back('\n');
}

bool IsBlock(const xmlNode* node) {
  for (const char* name : kBlockElements) {
    if (IsNamed(node, name)) return true;
  }
  return false;
}

bool IsSkipped(const xmlNode* node) {
  return IsNamed(node, "script") || IsNamed(node, "style") ||
         IsNamed(node, "head");
}

// Pushed on the walk's stack after a line element's children.
const xmlNode kLineEnd{};

}  // namespace

Extracted HtmlToText(std::string_view html) {
  Extracted out;
  // The parser knows HTML 4's named references only (html_entities.h).
  std::string rewritten;
  if (RewriteHtml5Entities(html, &rewritten)) html = rewritten;
  if (html.size() > INT_MAX) {
    out.errors.push_back("HTML part too large");
    return out;
  }
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr,
                     "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      &xmlFreeDoc);
  if (!doc) {
    out.errors.push_back("HTML could not be parsed");
    return out;
  }
  // Iterative walk: hostile HTML can nest deeper than the stack allows.
  std::vector<const xmlNode*> stack;
  if (const xmlNode* root = xmlDocGetRootElement(doc.get())) {
    stack.push_back(root);
  }
  while (!stack.empty()) {
    const xmlNode* node = stack.back();
    stack.pop_back();
    if (node == nullptr) {  // marks the end of a block element
      out.text.push_back('\n');
      continue;
    }
    if (node == &kLineEnd) {  // marks the end of a "div"
      BreakLine(&out.text);
      continue;
    }
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) {
        out.text.append(reinterpret_cast<const char*>(node->content));
      }
      continue;
    }
    if (node->type != XML_ELEMENT_NODE || IsSkipped(node)) continue;
    if (IsNamed(node, "br")) {
      out.text.push_back('\n');
    } else if (IsLineBreak(node)) {
      BreakLine(&out.text);
      stack.push_back(&kLineEnd);
    } else if (IsBlock(node)) {
      out.text.push_back('\n');
      stack.push_back(nullptr);
    }
    // Children pushed in reverse so they pop in document order.
    std::vector<const xmlNode*> children;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      children.push_back(c);
    }
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  out.has_text = true;
  return out;
}

}  // namespace nearmiss::content
