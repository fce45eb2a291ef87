// XLSX worksheets as rows of cells (sheet_text.h).
#include "content/sheet_text.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "content/csv_text.h"
#include "content/extract.h"
#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

bool LocalIs(const pugi::xml_node& node, const char* name) {
  return std::strcmp(XmlLocalName(node.name()), name) == 0;
}

// The text of every <t> under `node`, phonetic runs (rPh) left out.
void RunsText(const pugi::xml_node& node, std::string* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element || LocalIs(child, "rPh")) continue;
    if (LocalIs(child, "t")) {
      std::string buffer;
      out->append(DecodeXstring(child.text().get(), &buffer));
    } else {
      RunsText(child, out);
    }
  }
}

// The column index of a cell reference ("C2" -> 2), or `fallback` when the
// cell has none (r is optional: the cells then follow one another).
// Excel's last column is XFD (16,384; ECMA-376 Part 1, 18.3.1.4): a
// reference past it is hostile or broken and is placed at the bound, so a
// column table is never sized by it.
constexpr std::size_t kMaxColumns = 16384;
std::size_t ColumnOf(const char* ref, std::size_t fallback) {
  std::size_t column = 0;
  bool any = false;
  for (; *ref >= 'A' && *ref <= 'Z'; ++ref) {
    column = std::min(column * 26 + static_cast<std::size_t>(*ref - 'A' + 1), kMaxColumns);
    any = true;
  }
  return std::min(any ? column - 1 : fallback, kMaxColumns - 1);
}

// Excel's page header and footer elements (xml_text.cc reads them alike).
constexpr const char* kHeaderFooter[] = {"oddHeader",  "oddFooter",  "evenHeader",
                                         "evenFooter", "firstHeader", "firstFooter"};

// The rows after which a manual page break starts a page, ascending.
std::vector<unsigned long> ManualRowBreaks(const pugi::xml_node& sheet) {
  std::vector<unsigned long> rows;
  for (pugi::xml_node part : sheet.children()) {
    if (part.type() != pugi::node_element || !LocalIs(part, "rowBreaks")) continue;
    for (pugi::xml_node brk : part.children()) {
      if (brk.type() != pugi::node_element || !LocalIs(brk, "brk")) continue;
      std::string_view man = brk.attribute("man").value();
      if (man != "1" && man != "true") continue;  // an automatic break moves
      rows.push_back(std::strtoul(brk.attribute("id").value(), nullptr, 10));
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// A data validation's messages (ECMA-376 Part 1, 18.3.1.32
// dataValidation; x14's under extLst alike): promptTitle and prompt shown
// beside the selected cell, errorTitle and error in the box a wrong entry
// raises. Text the sheet shows, each box a page (its title a line over its
// message), each ended by a form feed. The allowed values (formula1)
// are a choice offered, not text the sheet is marked with: not read.
void ValidationMessages(const pugi::xml_node& root, std::string* out) {
  // Walked without recursion: a hostile part nests elements deep.
  pugi::xml_node n = root.first_child();
  while (n) {
    const bool rule = n.type() == pugi::node_element && LocalIs(n, "dataValidation");
    if (rule) {
      // Each box a page of its own, its title over its message.
      for (const auto& [title, message] : {std::pair{"promptTitle", "prompt"},
                                           std::pair{"errorTitle", "error"}}) {
        std::string box;
        for (const char* name : {title, message}) {
          std::string_view text = n.attribute(name).value();
          if (text.empty()) continue;
          box.push_back('\n');
          box.append(text);
        }
        if (box.empty()) continue;
        out->append(box);
        out->push_back('\f');
      }
    } else if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != root && !n.next_sibling()) n = n.parent();
    if (n == root) break;
    n = n.next_sibling();
  }
}

// The string literals of a formula (ECMA-376 Part 1, 18.17.2: "text", a
// doubled quote for a quote inside), each a word of the cell's text, or
// one word when joined by '&'.
std::string FormulaLiterals(std::string_view formula) {
  std::string out;
  bool joined = true;  // only '&' and blanks since the last literal
  for (std::size_t i = 0; i < formula.size(); ++i) {
    if (formula[i] != '"') {
      joined = joined && (formula[i] == '&' || formula[i] == ' ');
      continue;
    }
    // '"SECRET"&"//NOFORN"' shows one word; literals apart, words apart.
    if (!out.empty() && !joined) out.push_back(' ');
    joined = true;
    for (++i; i < formula.size(); ++i) {
      if (formula[i] == '"') {
        if (i + 1 < formula.size() && formula[i + 1] == '"') {
          out.push_back('"');
          ++i;
          continue;
        }
        break;
      }
      out.push_back(formula[i]);
    }
  }
  return out;
}

}  // namespace

std::string SheetGaps::Describe() const {
  std::string out;
  for (const auto& [count, what] : {std::pair{missing_strings, &first},
                                    std::pair{unknown_formulas, &first_formula}}) {
    if (count == 0) continue;
    if (!out.empty()) out += "; ";
    out += *what;
    if (count > 1) {
      out += " (";
      out += std::to_string(count);
      out += " such cells)";
    }
  }
  out += "; their text is not read";
  return out;
}

bool IsWorksheetPart(std::string_view name) {
  return name.starts_with("xl/worksheets/") && name.ends_with(".xml") &&
         name.find('/', 14) == std::string_view::npos;
}

bool ReadSharedStrings(std::string_view xml, std::vector<std::string>* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  for (pugi::xml_node si : doc.document_element().children()) {
    if (si.type() != pugi::node_element || !LocalIs(si, "si")) continue;
    std::string text;
    RunsText(si, &text);
    out->push_back(std::move(text));
  }
  return true;
}

bool SheetToText(std::string_view xml, const std::vector<std::string>& shared,
                 std::vector<bool>* used, std::string* out, SheetGaps* gaps) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  const std::vector<unsigned long> breaks = ManualRowBreaks(doc.document_element());
  std::size_t next_break = 0;
  unsigned long row_number = 0;
  std::vector<bool> clearance;  // by column, once a header row named one
  bool header_seen = false;
  for (pugi::xml_node part : doc.document_element().children()) {
    if (part.type() != pugi::node_element) continue;
    if (LocalIs(part, "headerFooter")) {
      for (pugi::xml_node h : part.children()) {
        for (const char* name : kHeaderFooter) {
          if (!LocalIs(h, name)) continue;
          out->push_back('\f');
          std::string buffer;
          ExcelHeaderText(DecodeXstring(h.child_value(), &buffer), out);
          out->push_back('\f');
        }
      }
      continue;
    }
    if (!LocalIs(part, "sheetData")) continue;
    for (pugi::xml_node row : part.children()) {
      if (row.type() != pugi::node_element || !LocalIs(row, "row")) continue;
      // r is optional (rows then follow one another).
      unsigned long r = std::strtoul(row.attribute("r").value(), nullptr, 10);
      row_number = r > 0 ? r : row_number + 1;
      bool page = false;
      while (next_break < breaks.size() && breaks[next_break] < row_number) {
        page = true;
        ++next_break;
      }
      if (page) out->push_back('\f');
      out->push_back('\n');
      bool first = true, header_row = false;
      std::size_t next_column = 0;
      for (pugi::xml_node c : row.children()) {
        if (c.type() != pugi::node_element || !LocalIs(c, "c")) continue;
        std::size_t column = ColumnOf(c.attribute("r").value(), next_column);
        next_column = column + 1;
        std::string value;
        std::string_view type = c.attribute("t").value();
        if (type == "inlineStr") {
          for (pugi::xml_node is : c.children()) {
            if (is.type() == pugi::node_element && LocalIs(is, "is")) RunsText(is, &value);
          }
        } else {
          bool cached = false;
          pugi::xml_node formula;
          for (pugi::xml_node v : c.children()) {
            if (v.type() == pugi::node_element && LocalIs(v, "v")) {
              std::string buffer;
              value = DecodeXstring(v.text().get(), &buffer);
              cached = true;
            } else if (v.type() == pugi::node_element && LocalIs(v, "f")) {
              formula = v;
            }
          }
          // A formula Excel has not computed (SheetGaps).
          if (formula && !cached) {
            value = FormulaLiterals(formula.child_value());
            if (value.empty() && gaps->unknown_formulas++ == 0) {
              gaps->first_formula = "cell ";
              gaps->first_formula += c.attribute("r").value();
              gaps->first_formula += " has a formula with no cached value";
            }
          }
          if (type == "s") {
            char* end = nullptr;
            unsigned long index = std::strtoul(value.c_str(), &end, 10);
            if (end != value.c_str() && *end == '\0' && index < shared.size()) {
              value = shared[index];
              (*used)[index] = true;
            } else if (!value.empty()) {
              // An index no string has: its text is not read (SheetGaps);
              // its digits are kept, as before.
              if (gaps->missing_strings++ == 0) {
                gaps->first = "cell ";
                gaps->first += c.attribute("r").value();
                gaps->first += " refers to shared string ";
                gaps->first += value;
                gaps->first += "; the table has ";
                gaps->first += std::to_string(shared.size());
              }
            }
          }
        }
        if (value.empty()) continue;
        if (!first) out->push_back('\t');
        first = false;
        if (!header_seen && IsClearanceHeading(value)) {
          if (clearance.size() <= column) clearance.resize(column + 1);
          clearance[column] = true;
          header_row = true;
        } else if (header_seen && column < clearance.size() && clearance[column]) {
          out->append("Clearance: ");  // csv_text.h: a person's clearance
        }
        out->append(value);
      }
      header_seen = header_seen || header_row;
    }
  }
  // Pages of their own: a prompt is read beside the cell, not as a row.
  std::string messages;
  ValidationMessages(doc.document_element(), &messages);
  if (!messages.empty()) {
    out->push_back('\f');
    out->append(messages);
  }
  return true;
}

}  // namespace nearmiss::content
