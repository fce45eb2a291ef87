// Character formatting that shows an Office document's text in capitals,
// so that a marking typed in lower case and shown in capitals is read as
// the reader sees it (issue 13, b13t defect 1):
// - WordprocessingML (DOCX): a run's <w:caps/> or <w:smallCaps/> (ECMA-376
//   Part 1, 17.3.2.5 caps, 17.3.2.33 smallCaps), set on the run, by its
//   character style (w:rStyle), by its paragraph's style (w:pStyle, or the
//   default paragraph style), or by the document defaults
//   (w:docDefaults), each style followed through w:basedOn (17.7);
// - DrawingML (PPTX text, shapes in any package): a run's <a:rPr cap="all">
//   or cap="small" (20.1.10.64 ST_TextCapsType), or its paragraph's
//   <a:pPr><a:defRPr cap=...>;
// - ODF (ODT, ODP, ODS): fo:text-transform="uppercase" or
//   fo:font-variant="small-caps" in a style's <style:text-properties> (ODF
//   1.2 Part 1, 20.227 and 20.192), the nearest element's style that says
//   either way deciding (a span's or paragraph's text:style-name, a table
//   cell's table:style-name or else its row's or column's
//   table:default-cell-style-name, a drawing shape's presentation:style-name
//   or draw:style-name), each style followed through
//   style:parent-style-name; then the style:default-style of the families
//   met, innermost first (issue 13, round 37 item 4).
// - Word table styles: the w:tblStyle of the table a paragraph stands in
//   (or the default table style), under the paragraph's style and over the
//   document defaults (17.7.2).
// Direct formatting wins over a character style, which wins over the
// paragraph's style, as Word applies them; caps is a toggle property in
// Word's styles (17.7.3), which nearmiss reads as set, not toggled: a
// style that turns caps on under a parent that already has it shows
// capitals here and lower case in Word, a rare layout read towards
// capitals. Placeholder text inheriting capitals from a slide master's
// list styles is not followed.
//
// Thread safety: built by one thread, then only read.
#ifndef NEARMISS_CONTENT_OFFICE_CAPS_H_
#define NEARMISS_CONTENT_OFFICE_CAPS_H_

#include <map>
#include <string>

#include <pugixml.hpp>

#include "content/css_caps.h"

namespace nearmiss::content {

class OfficeCaps {
 public:
  // Adds the styles that `root` (a part's document element) defines: a
  // WordprocessingML <w:styles> part, or the <office:styles>,
  // <office:automatic-styles> and <office:master-styles> neighbours in an
  // ODF styles.xml or content.xml. Any other part adds nothing.
  void AddStyles(const pugi::xml_node& root);

  // Whether the characters of `text` (a pcdata node) are shown in capitals.
  bool ShownInCapitals(const pugi::xml_node& text) const;

 private:
  struct Style {
    Caps caps = Caps::kInherit;
    std::string parent;
  };
  using Styles = std::map<std::string, Style, std::less<>>;

  void AddWordStyles(const pugi::xml_node& styles);
  void AddOdfStyles(const pugi::xml_node& container);
  static Caps Chain(const Styles& styles, std::string key);
  Caps RunCaps(const pugi::xml_node& run) const;

  Styles word_;  // by w:styleId
  std::string word_default_paragraph_;
  std::string word_default_table_;
  Caps word_defaults_ = Caps::kInherit;
  Styles odf_;  // by family, '/', style:name
  std::map<std::string, Caps, std::less<>> odf_defaults_;  // by family
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_OFFICE_CAPS_H_
