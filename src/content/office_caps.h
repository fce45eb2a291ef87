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
//   document defaults (17.7.2); its conditional formats for the first and
//   last row and column (w:tblStylePr, 17.7.6) where the table's w:tblLook
//   turns them on (17.4.56: w:firstRow="1" or the w:val bits 0x0020,
//   0x0040, 0x0080, 0x0100) and the cell stands there, rows over columns
//   over the whole table, as Word applies them; a table without w:tblLook
//   applies none (round 42 item 5).
// Direct formatting wins over a character style, which wins over the
// paragraph's style, as Word applies them; caps is a toggle property in
// Word's styles (17.7.3), which nearmiss reads as set, not toggled: a
// style that turns caps on under a parent that already has it shows
// capitals here and lower case in Word, a rare layout read towards
// capitals.
// - PresentationML (PPTX): text with no cap of its own, nor in its
//   paragraph's or its shape's list style (a:lstStyle), takes the slide
//   master's text styles (p:txStyles, ECMA-376 Part 1, 19.3.1.51): a title
//   placeholder's (type title, ctrTitle) the titleStyle, another content
//   placeholder's (body, subTitle, obj) the bodyStyle, a shape that is no
//   placeholder the otherStyle, each at the paragraph's level (a:pPr lvl).
//   A "Secret" title under a master that sets cap="all" is shown "SECRET"
//   on every slide (round 42 item 5). The first master read decides; the
//   date, footer and slide-number placeholders, which take the master's
//   own placeholder shapes, are not followed.
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
  // WordprocessingML <w:styles> part, a PresentationML <p:sldMaster>'s
  // text styles, or the <office:styles>, <office:automatic-styles> and
  // <office:master-styles> neighbours in an ODF styles.xml or content.xml.
  // Any other part adds nothing.
  void AddStyles(const pugi::xml_node& root);

  // Whether the characters of `text` (a pcdata node) are shown in capitals.
  bool ShownInCapitals(const pugi::xml_node& text) const;

 private:
  // A table style's conditional formats (w:tblStylePr) that nearmiss
  // reads: the first and last row and column.
  enum Region { kFirstRow, kLastRow, kFirstCol, kLastCol, kRegions };
  struct Style {
    Caps caps = Caps::kInherit;
    std::string parent;
    Caps regions[kRegions] = {Caps::kInherit, Caps::kInherit, Caps::kInherit,
                              Caps::kInherit};
  };
  using Styles = std::map<std::string, Style, std::less<>>;
  // How far a style's basedOn chain, or a run's way up to its paragraph
  // and table, is followed: longer is a loop or hostile.
  static constexpr int kMaxChain = 32;

  // DrawingML's cap attribute (ST_TextCapsType: none, small, all).
  static Caps DrawingCaps(const pugi::xml_node& properties);

  void AddWordStyles(const pugi::xml_node& styles);
  void AddOdfStyles(const pugi::xml_node& container);
  void AddSlideMaster(const pugi::xml_node& master);
  // A DrawingML paragraph's capitals from its shape's list style and the
  // slide master's text styles.
  Caps SlideTextCaps(const pugi::xml_node& paragraph) const;
  // The conditional format of the table style `key` (and its basedOn
  // chain) that applies to `paragraph`'s cell of `table`.
  Caps TableRegionCaps(const std::string& key, const pugi::xml_node& table,
                       const pugi::xml_node& paragraph) const;
  static Caps Chain(const Styles& styles, std::string key);
  Caps RunCaps(const pugi::xml_node& run) const;

  Styles word_;  // by w:styleId
  std::string word_default_paragraph_;
  std::string word_default_table_;
  Caps word_defaults_ = Caps::kInherit;
  Styles odf_;  // by family, '/', style:name
  std::map<std::string, Caps, std::less<>> odf_defaults_;  // by family
  // The slide master's titleStyle, bodyStyle and otherStyle, by level.
  static constexpr int kSlideLevels = 9;
  Caps master_[3][kSlideLevels] = {};
  bool has_master_ = false;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_OFFICE_CAPS_H_
