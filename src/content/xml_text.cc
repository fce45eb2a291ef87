#include <array>
#include <cctype>
#include <string>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>
#include <pugixml.hpp>

#include "content/shown_caps.h"
#include "content/text_boxes.h"
#include "content/extract.h"
#include "content/office_caps.h"
#include "content/page_breaks.h"
#include "content/tracked_changes.h"
#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

// Local names (after any prefix) that start a new line of text: paragraphs,
// headings, rows, a spreadsheet's cells, and the line breaks of OOXML
// (w:br, w:cr) and ODF (text:line-break, ODF 1.2 part 1 6.1.5): "UK
// SECRET<line-break/>UK EYES ONLY" is two banner lines, not "UK SECRETUK
// EYES ONLY". A Word or ODF table's cells are not here: a row is one line
// with a tab between its cells (TextWalker). A Visio shape's text
// ([MS-VSDX] 2.2.8 Text_Type, visio/pages/page<N>.xml and the masters) is
// a line of its own: the shapes of a drawing stand apart on the page, and
// a diagram's banner is a shape (round 44 tester 13, finding 2: "UK
// SECRETNetwork diagram: core routersUK SECRET").
constexpr std::array<const char*, 11> kLineElements = {
    "p",   "h",  "si",        "row",        "c",   "br",
    "cr",  "tr", "table-row", "line-break", "Text"};

// SpreadsheetML page headers and footers (ECMA-376 Part 1, 18.3.1.36
// headerFooter): their text is a format string, read by ExcelHeaderText.
constexpr std::array<const char*, 6> kExcelHeaderElements = {
    "oddHeader",  "oddFooter",  "evenHeader",
    "evenFooter", "firstHeader", "firstFooter"};

// (element local name, attribute) pairs whose value is shown text.
constexpr std::array<std::pair<const char*, const char*>, 6> kShownAttributes = {{
    {"textpath", "string"}, {"docPr", "descr"}, {"docPr", "title"},
    {"cNvPr", "descr"},     {"cNvPr", "title"}, {"shape", "alt"}}};

template <std::size_t N>
bool OneOf(const char* local, const std::array<const char*, N>& names) {
  for (const char* n : names) {
    if (std::strcmp(local, n) == 0) return true;
  }
  return false;
}

class TextWalker : public pugi::xml_tree_walker {
 public:
  TextWalker(std::string* out, const XmlTextOptions& options, const OfficeCaps* caps,
             Revision revision, const PageBreaks* pages, bool drop_hidden = false)
      : out_(out), options_(options), caps_(caps), revision_(revision), pages_(pages),
        drop_hidden_(drop_hidden) {}

  bool for_each(pugi::xml_node& node) override {
    LeaveBoxes(node);
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      if (!InRevision(node)) return true;
      if (InHiddenRun(node)) {
        saw_hidden_ = true;
        if (drop_hidden_) return true;
      }
      pugi::xml_node parent = node.parent();
      if (parent && OneOf(XmlLocalName(parent.name()), kExcelHeaderElements)) {
        return true;  // written whole when its element was met
      }
      // A field's instruction (w:instrText, w:delInstrText): code Word
      // does not show ("DOCPROPERTY Classification \* MERGEFORMAT"); run
      // into the line it split the cached result from its banner line.
      if (parent && IsFieldCode(XmlLocalName(parent.name()))) {
        FieldProperty(node.value(), options_.field_properties);
        return true;
      }
      if (break_before_text_ && !out_->empty() && out_->back() != '\n') out_->push_back('\n');
      break_before_text_ = false;
      MoveEdge(node);
      // SpreadsheetML's _xHHHH_ escapes (extract.h, DecodeXstring); no
      // other vocabulary writes them.
      const std::string_view value = DecodeXstring(node.value(), &xstring_);
      if (caps_ != nullptr && caps_->ShownInCapitals(node)) {
        AppendUpperAscii(out_, value, &raised_);
      } else {
        out_->append(value);
      }
    } else if (node.type() == pugi::node_element) {
      const char* local = XmlLocalName(node.name());
      // A section that starts a new page (page_breaks.h): its text is a
      // page of its own, whose first and last lines are banner lines.
      if (page_end_ && !Within(node, page_end_)) {
        out_->push_back('\f');
        page_end_ = pugi::xml_node();
      }
      if (pages_ != nullptr && IsParagraph(local) && pages_->EndsPage(node)) page_end_ = node;
      if (IsCell(local)) {
        cell_ = node;
        next_cell_ = IsLaterCell(node);
        // A later ODF cell opens no line: its paragraph stands beside the
        // cell before it, as a later Word cell's does (below).
        if (next_cell_) return true;
      } else if (next_cell_ && IsParagraph(local)) {
        next_cell_ = false;
        // The first paragraph of a Word or ODF table's second or later
        // cell stands beside the cell before it, as HTML's cells are read
        // (html_text.cc, IsCell): a tab, which the normaliser makes a cell
        // break. "SECRET" | "//NOFORN" is one banner, and "MOD/2026/114" |
        // "UK SECRET" | "Page 1 of 3" in a header's table one banner line
        // with the marking alone in its cell (issue 13, b13t defect 3;
        // ODF rows, round 37 item 3). Only a paragraph of that cell: after
        // an empty last cell (no paragraph in it) the paragraph under the
        // table is a line of its own, not a cell of the row above.
        if (NearestCell(node) == cell_) {
          out_->push_back('\t');
          return true;
        }
      }
      // A Calc or Writer page header's centre and right regions (ODF 1.2
      // Part 1, 16.6 style:region-left/-center/-right: what Format > Page
      // Style > Header writes) stand beside the region before them on the
      // one header line: "Ref 114<tab>UK SECRET<tab>Page 1", the marking
      // alone in its cell, as Word's tab-split header and Excel's &L &C &R
      // are read (tester 13 finding 5).
      if (IsParagraph(local) && LaterRegionOpens(node)) {
        out_->push_back('\t');
        return true;
      }
      // ODF's user-defined field (ODF 1.2 Part 1, 7.5.6): it shows the
      // document's meta:user-defined property of its text:name.
      if (std::strcmp(local, "user-defined") == 0 && options_.field_properties != nullptr) {
        for (pugi::xml_attribute a : node.attributes()) {
          if (std::strcmp(XmlLocalName(a.name()), "name") == 0 && *a.value() != '\0') {
            options_.field_properties->emplace_back(a.value());
          }
        }
      }
      if (std::strcmp(local, "fldSimple") == 0) {
        for (pugi::xml_attribute a : node.attributes()) {
          if (std::strcmp(XmlLocalName(a.name()), "instr") == 0) {
            FieldProperty(a.value(), options_.field_properties);
          }
        }
      }
      // A text box or shape is a block of its own (text_boxes.h): a line
      // break where it opens and where it closes, whatever text of the
      // anchoring paragraph stands beside it.
      if (IsTextBoxElement(local)) {
        break_before_text_ = true;
        boxes_.push_back({node, out_->size()});
      }
      if (options_.every_element_breaks || OneOf(local, kLineElements)) {
        out_->push_back('\n');
      }
      if (pages_ != nullptr && pages_->BreaksHere(node)) out_->push_back('\f');
      // Words a reader sees that live in attributes: Word's watermark
      // (Design > Watermark writes VML v:textpath string="SECRET" in the
      // header part), WordArt in VML, and an image's or shape's alt text
      // and title (DrawingML wp:docPr, pic:cNvPr / p:cNvPr descr and
      // title; VML alt). Each a line of its own, as a watermark stands
      // alone across the page (issue 13, breaker defect 3).
      for (const auto& [element, attribute] : kShownAttributes) {
        if (std::strcmp(local, element) != 0) continue;
        const char* value = node.attribute(attribute).value();
        if (*value == '\0') continue;
        out_->append("\n\n");
        out_->append(value);
        out_->append("\n\n");
      }
      // Excel 2003 XML (SpreadsheetML 2003, WorksheetOptions/PageSetup in
      // urn:schemas-microsoft-com:office:excel): a sheet's page header and
      // footer are x:Header's and x:Footer's x:Data, in the format of
      // headerFooter above ("&CUK SECRET"), a page each (round 45 tester
      // 13, finding 7).
      if (std::strcmp(local, "Header") == 0 || std::strcmp(local, "Footer") == 0) {
        for (const pugi::xml_attribute& a : node.attributes()) {
          if (std::strcmp(XmlLocalName(a.name()), "Data") != 0) continue;
          out_->push_back('\f');
          ExcelHeaderText(a.value(), out_);
          out_->push_back('\f');
        }
      }
      if (OneOf(local, kExcelHeaderElements)) {
        // Each header or footer is a page of its own: the banner zone of a
        // sheet's printed page, whatever the cells above hold.
        out_->push_back('\f');
        ExcelHeaderText(DecodeXstring(node.child_value(), &xstring_), out_);
        out_->push_back('\f');
      } else if (std::strcmp(local, "tab") == 0 ||
                 std::strcmp(local, "ptab") == 0) {  // w:ptab: header tabs
        out_->push_back(options_.tab_splits_line ? '\t' : ' ');
      } else if (std::strcmp(local, "s") == 0) {
        out_->push_back(' ');
      } else if (std::strcmp(local, "noBreakHyphen") == 0) {
        out_->push_back('-');  // w:noBreakHyphen: "OFFICIAL-SENSITIVE"
      }
      // w:softHyphen writes nothing: "SE<softHyphen/>CRET" is one word.
    }
    return true;
  }

  const std::vector<RaisedRun>& raised() const { return raised_; }
  // The walk met text Word hides (w:vanish).
  bool saw_hidden() const { return saw_hidden_; }
  // The walk met deleted text (kCurrent left it out).
  bool saw_deletion() const { return saw_deletion_; }

 private:
  // Whether a text node belongs to the revision written. A change's edge
  // is no word break: each revision is read as its reader sees it, so a
  // typo fixed inside a word ("SECRE<w:ins>T</w:ins>") stays one word, and
  // a deleted "SECRET" beside an inserted "OFFICIAL" is in one revision
  // each.
  bool InRevision(const pugi::xml_node& text) {
    ChangeKind kind = ChangeAround(text);
    if (kind == ChangeKind::kDeleted) saw_deletion_ = true;
    if (kind == ChangeKind::kChangeInfo) return false;  // its author and date
    return revision_ == Revision::kCurrent ? kind != ChangeKind::kDeleted
                                           : kind != ChangeKind::kInserted;
  }

  // A moved block's edge is a word break: Word moves whole words and
  // paragraphs (w:moveFrom, w:moveTo; ECMA-376 Part 1, 17.13.5.22-25), so
  // a moved "SECRET" beside the word that now follows it is two words,
  // never "SECRETRoute" (tester 13 finding 7). A blank is written where a
  // text node enters or leaves a move and letters meet.
  void MoveEdge(const pugi::xml_node& text) {
    pugi::xml_node move;
    for (pugi::xml_node a = text.parent(); a; a = a.parent()) {
      if (a.type() != pugi::node_element) continue;
      const char* local = XmlLocalName(a.name());
      if (std::strcmp(local, "moveFrom") == 0 || std::strcmp(local, "moveTo") == 0) {
        move = a;
        break;
      }
    }
    const bool edge = move != last_move_;
    last_move_ = move;
    if (!edge || out_->empty() || text.value()[0] == '\0') return;
    const unsigned char before = static_cast<unsigned char>(out_->back());
    const unsigned char after = static_cast<unsigned char>(text.value()[0]);
    if ((std::isalnum(before) || before >= 0x80) && (std::isalnum(after) || after >= 0x80)) {
      out_->push_back(' ');
    }
  }

  // Whether a text node is in a run formatted hidden: its w:rPr holds
  // w:vanish, not switched off (w:val false, 0, off).
  static bool InHiddenRun(const pugi::xml_node& text) {
    for (pugi::xml_node a = text.parent(); a; a = a.parent()) {
      if (a.type() != pugi::node_element) continue;
      const char* local = XmlLocalName(a.name());
      if (IsParagraph(local)) return false;
      if (std::strcmp(local, "r") != 0) continue;
      for (pugi::xml_node p : a.children()) {
        if (p.type() != pugi::node_element || std::strcmp(XmlLocalName(p.name()), "rPr") != 0) {
          continue;
        }
        for (pugi::xml_node v : p.children()) {
          if (v.type() != pugi::node_element || std::strcmp(XmlLocalName(v.name()), "vanish") != 0) {
            continue;
          }
          std::string_view val = v.attribute("w:val").value();
          return val != "false" && val != "0" && val != "off";
        }
      }
      return false;
    }
    return false;
  }

  // Closes the text boxes `node` is not inside: after a box that wrote
  // text, the anchoring paragraph's next text starts a line.
  void LeaveBoxes(const pugi::xml_node& node) {
    while (!boxes_.empty() && !Within(node, boxes_.back().node)) {
      if (out_->size() > boxes_.back().start) break_before_text_ = true;
      boxes_.pop_back();
    }
  }

  static bool Within(const pugi::xml_node& node, const pugi::xml_node& ancestor) {
    for (pugi::xml_node a = node.parent(); a; a = a.parent()) {
      if (a == ancestor) return true;
    }
    return false;
  }

  static bool IsFieldCode(const char* local) {
    return std::strcmp(local, "instrText") == 0 || std::strcmp(local, "delInstrText") == 0;
  }

  // A table cell: WordprocessingML's w:tc, ODF's table:table-cell and the
  // table:covered-table-cell a merged cell hides (ODF 1.2 Part 1).
  static bool IsCell(const char* local) {
    return std::strcmp(local, "tc") == 0 || std::strcmp(local, "table-cell") == 0 ||
           std::strcmp(local, "covered-table-cell") == 0;
  }

  // The first paragraph of a header's centre or right region with a
  // region before it.
  static bool LaterRegionOpens(const pugi::xml_node& paragraph) {
    pugi::xml_node region = paragraph.parent();
    if (!region || region.first_child() != paragraph) return false;
    const char* local = XmlLocalName(region.name());
    if (std::strcmp(local, "region-center") != 0 && std::strcmp(local, "region-right") != 0) {
      return false;
    }
    for (pugi::xml_node p = region.previous_sibling(); p; p = p.previous_sibling()) {
      if (p.type() == pugi::node_element &&
          std::strncmp(XmlLocalName(p.name()), "region-", 7) == 0) {
        return true;
      }
    }
    return false;
  }

  // A paragraph: w:p, text:p, text:h.
  static bool IsParagraph(const char* local) {
    return std::strcmp(local, "p") == 0 || std::strcmp(local, "h") == 0;
  }

  // The table cell a paragraph is in, or an empty node.
  static pugi::xml_node NearestCell(const pugi::xml_node& node) {
    for (pugi::xml_node a = node.parent(); a; a = a.parent()) {
      if (a.type() == pugi::node_element && IsCell(XmlLocalName(a.name()))) return a;
    }
    return pugi::xml_node();
  }

  // A cell with a cell before it in its row: the nearest element before it
  // is a cell (a bookmark or permission mark between Word's cells skipped,
  // a few at most), not the row's properties.
  static bool IsLaterCell(const pugi::xml_node& cell) {
    int looked = 0;
    for (pugi::xml_node p = cell.previous_sibling(); p && looked < 8;
         p = p.previous_sibling(), ++looked) {
      if (p.type() != pugi::node_element) continue;
      const char* local = XmlLocalName(p.name());
      if (IsCell(local)) return true;
      if (std::strcmp(local, "trPr") == 0 || std::strcmp(local, "tblPrEx") == 0) return false;
    }
    return false;
  }

  std::string* out_;
  std::vector<RaisedRun> raised_;  // text shown in capitals, typed in lower case
  const XmlTextOptions& options_;
  const OfficeCaps* caps_;
  bool next_cell_ = false;  // the next paragraph opens a later cell
  pugi::xml_node cell_;     // the cell last entered
  Revision revision_;
  bool saw_deletion_ = false;
  pugi::xml_node last_move_;  // the move around the text last written
  const PageBreaks* pages_;    // null: a part that is not a Word body
  bool drop_hidden_;           // leave out the text of hidden runs
  bool saw_hidden_ = false;
  pugi::xml_node page_end_;    // a paragraph after which a page starts
  struct Box {
    pugi::xml_node node;
    std::size_t start;  // out_'s size where it opened
  };
  std::vector<Box> boxes_;  // the text boxes the walk is in, outermost first
  std::string xstring_;  // DecodeXstring's buffer, reused
  bool break_before_text_ = false;  // a box opened or closed: the next text starts a line
};

}  // namespace

bool XmlToText(std::string_view xml, std::string* out,
               const XmlTextOptions& options) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default,
                       pugi::encoding_utf8)) {
    return false;
  }
  // The part's own automatic styles (ODF content.xml) over the package's.
  OfficeCaps caps;
  if (options.styles != nullptr) {
    caps = *options.styles;
    caps.AddStyles(doc.document_element());
  }
  const OfficeCaps* shown_caps = options.styles != nullptr ? &caps : nullptr;
  const std::size_t start = out->size();
  DropAnsweredFallbacks(doc);
  // A Word body's or an ODF document's sections and page breaks
  // (w:document, office:document-content, a Flat ODF office:document;
  // headers, notes and styles parts have none of their own).
  std::optional<PageBreaks> pages;
  const char* root = XmlLocalName(doc.document_element().name());
  if (std::strcmp(root, "document") == 0 || std::strcmp(root, "document-content") == 0) {
    pages.emplace(doc);
  }
  const PageBreaks* breaks = pages ? &*pages : nullptr;
  std::string current;
  TextWalker walker(&current, options, shown_caps, Revision::kCurrent, breaks);
  doc.traverse(walker);
  TypedCaseInCellRows(&current, walker.raised());
  out->append(current);
  if (walker.saw_hidden() && options.without_hidden != nullptr) {
    std::string shown;
    TextWalker without(&shown, options, shown_caps, Revision::kCurrent, breaks, true);
    doc.traverse(without);
    TypedCaseInCellRows(&shown, without.raised());
    if (!options.without_hidden->empty()) options.without_hidden->push_back('\f');
    options.without_hidden->append(shown);
  }
  if (!walker.saw_deletion()) return true;
  // The text before its tracked changes, on a page of its own: its first
  // and last lines are the original's banner lines.
  std::string original;
  TextWalker before(&original, options, shown_caps, Revision::kOriginal, breaks);
  doc.traverse(before);
  TypedCaseInCellRows(&original, before.raised());
  std::string* into = options.original != nullptr ? options.original : out;
  if (into->size() > (into == out ? start : 0)) into->push_back('\f');
  into->append(original);
  return true;
}

}  // namespace nearmiss::content
