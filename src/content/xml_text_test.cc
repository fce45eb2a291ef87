// XmlToText and ExcelHeaderText (xml_text.cc): the structure of OOXML and
// ODF parts that decides where a banner line stands (issue 13, eighth round).
#include <gtest/gtest.h>

#include <string>

#include "content/extract.h"
#include "content/office_caps.h"

namespace nearmiss::content {
namespace {

std::string Header(std::string_view codes) {
  std::string out;
  ExcelHeaderText(codes, &out);
  return out;
}

std::string Text(std::string_view xml, bool tab_splits_line = false) {
  std::string out;
  XmlTextOptions options;
  options.tab_splits_line = tab_splits_line;
  EXPECT_TRUE(XmlToText(xml, &out, options)) << xml;
  return out;
}

TEST(ExcelHeaderTextTest, SectionsBecomeLinesAndFormattingIsDropped) {
  // Purview's header marking, a plain centre section, three sections with
  // fields, a theme colour, bold on and off, a font with a style.
  EXPECT_EQ(Header("&C&\"Calibri\"&10&K000000SECRET&1#"), "\n\nSECRET#");
  EXPECT_EQ(Header("&CSECRET"), "\n\nSECRET");
  EXPECT_EQ(Header("&LRef 114&CUK SECRET&RPage &P of &N"),
            "\n\nRef 114\n\nUK SECRET\n\nPage   of  ");
  EXPECT_EQ(Header("&R&K01+000OFFICIAL-SENSITIVE"), "\n\nOFFICIAL-SENSITIVE");
  EXPECT_EQ(Header("&C&\"Arial,Bold\"&BTOP SECRET&B"), "\n\nTOP SECRET");
  EXPECT_EQ(Header("&LSmith && Jones"), "\n\nSmith & Jones");
  EXPECT_EQ(Header("Budget&"), "Budget&");  // a lone '&' at the end is kept
}

TEST(XmlToTextTest, HeaderFooterElementsAreTheirOwnPages) {
  std::string text = Text(
      "<worksheet><sheetData><row><c><v>42</v></c></row></sheetData>"
      "<headerFooter><oddHeader>&amp;C&amp;K000000SECRET</oddHeader>"
      "<oddFooter>&amp;LRef&amp;CSECRET</oddFooter></headerFooter></worksheet>");
  EXPECT_EQ(text, "\n\n42\f\n\nSECRET\f\f\n\nRef\n\nSECRET\f");
}

// A text box anchored in a paragraph with text of its own is a block of
// its own, before or after that text (text_boxes.h; round 45 tester 13,
// finding 2), and Word's two copies of one box (DrawingML in mc:Choice,
// VML in mc:Fallback) are read once.
TEST(XmlToTextTest, TextBoxesStandApartFromTheirParagraph) {
  const std::string box =
      "<w:txbxContent><w:p><w:r><w:t>UK SECRET</w:t></w:r></w:p></w:txbxContent>";
  EXPECT_EQ(Text("<w:hdr xmlns:w='w' xmlns:wps='s'><w:p><w:r><wps:txbx>" + box +
                 "</wps:txbx></w:r><w:r><w:t>Ministry of Defence</w:t></w:r></w:p></w:hdr>"),
            "\n\nUK SECRET\nMinistry of Defence");
  EXPECT_EQ(Text("<w:hdr xmlns:w='w' xmlns:v='v'><w:p><w:r><w:t>Ministry</w:t></w:r><w:r>"
                 "<v:textbox>" + box + "</v:textbox></w:r><w:r><w:t>of Defence</w:t></w:r>"
                 "</w:p></w:hdr>"),
            "\nMinistry\nUK SECRET\nof Defence");
  EXPECT_EQ(Text("<w:hdr xmlns:w='w' xmlns:mc='m' xmlns:v='v'><w:p><w:r><mc:AlternateContent>"
                 "<mc:Choice Requires='wps'>" + box + "</mc:Choice><mc:Fallback><v:textbox>" +
                 box + "</v:textbox></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>MoD"
                 "</w:t></w:r></w:p></w:hdr>"),
            "\n\nUK SECRET\nMoD");
  // A Choice with no text leaves the Fallback to be read.
  EXPECT_EQ(Text("<w:p xmlns:w='w' xmlns:mc='m'><w:r><mc:AlternateContent><mc:Choice/>"
                 "<mc:Fallback>" + box + "</mc:Fallback></mc:AlternateContent></w:r></w:p>"),
            "\n\nUK SECRET");
  EXPECT_EQ(Text("<office:text xmlns:office='o' xmlns:text='t' xmlns:draw='d'><text:p>"
                 "<draw:custom-shape><text:p>UK SECRET</text:p></draw:custom-shape>Route"
                 "</text:p></office:text>"),
            "\n\nUK SECRET\nRoute");
}

TEST(XmlToTextTest, LineBreaksAndHyphensThatAreElements) {
  EXPECT_EQ(Text("<office:text xmlns:office='o' xmlns:text='t'><text:p>UK "
                 "SECRET<text:line-break/>UK EYES ONLY</text:p></office:text>"),
            "\nUK SECRET\nUK EYES ONLY");
  EXPECT_EQ(Text("<w:p xmlns:w='w'><w:r><w:t>OFFICIAL</w:t></w:r><w:r>"
                 "<w:noBreakHyphen/></w:r><w:r><w:t>SENSITIVE</w:t></w:r></w:p>"),
            "\nOFFICIAL-SENSITIVE");
  EXPECT_EQ(Text("<w:p xmlns:w='w'><w:r><w:t>TOP SECRET</w:t><w:cr/>"
                 "<w:t>UK EYES ONLY</w:t></w:r></w:p>"),
            "\nTOP SECRET\nUK EYES ONLY");
  EXPECT_EQ(Text("<w:p xmlns:w='w'><w:r><w:t>SE</w:t><w:softHyphen/>"
                 "<w:t>CRET</w:t></w:r></w:p>"),
            "\nSECRET");
}

TEST(XmlToTextTest, TabsSplitHeaderCellsOnly) {
  std::string_view header =
      "<w:p xmlns:w='w'><w:r><w:t>MOD/2026/114</w:t></w:r><w:r><w:tab/></w:r>"
      "<w:r><w:t>UK SECRET</w:t></w:r><w:r><w:ptab/></w:r><w:r><w:t>Page 1"
      "</w:t></w:r></w:p>";
  // A cell break, as a plain-text header's tabs are: "TOP<tab>SECRET" and
  // "SECRET<tab>NOFORN" stay one banner (round 41 item 5).
  EXPECT_EQ(Text(header, true), "\nMOD/2026/114\tUK SECRET\tPage 1");
  EXPECT_EQ(Text(header, false), "\nMOD/2026/114 UK SECRET Page 1");
}

// A field's instruction is code, not text; the DOCPROPERTY names it shows are
// collected (round 41 item 1).
TEST(XmlToTextTest, FieldInstructionsAreNotText) {
  std::vector<std::string> names;
  XmlTextOptions options;
  options.field_properties = &names;
  std::string out;
  ASSERT_TRUE(XmlToText(
      "<w:p xmlns:w='w'><w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>"
      " DOCPROPERTY Classification \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar "
      "w:fldCharType='separate'/></w:r><w:r><w:t>UK SECRET</w:t></w:r><w:r><w:fldChar "
      "w:fldCharType='end'/></w:r></w:p><w:p xmlns:w='w'><w:fldSimple w:instr=' docproperty "
      "\"Sec Mark\" '><w:r><w:t>SECRET</w:t></w:r></w:fldSimple></w:p>",
      &out, options));
  EXPECT_EQ(out, "\nUK SECRET\nSECRET");
  EXPECT_EQ(names, (std::vector<std::string>{"Classification", "Sec Mark"}));
}

}  // namespace
}  // namespace nearmiss::content

namespace nearmiss::content {
namespace {

// Issue 13, b13t defect 1: capitals set by character formatting are read
// as shown. `styles_xml` is the package's styles part.
std::string Shown(std::string_view xml, std::string_view styles_xml = "") {
  OfficeCaps styles;
  pugi::xml_document doc;
  if (!styles_xml.empty() && doc.load_buffer(styles_xml.data(), styles_xml.size())) {
    styles.AddStyles(doc.document_element());
  }
  XmlTextOptions options;
  options.styles = &styles;
  std::string out;
  EXPECT_TRUE(XmlToText(xml, &out, options)) << xml;
  return out;
}

constexpr char kW[] = "xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'";

std::string Doc(std::string_view body) {
  return std::string("<w:document ") + kW + "><w:body>" + std::string(body) +
         "</w:body></w:document>";
}

TEST(XmlToTextCapsTest, WordRunCapsAndSmallCaps) {
  EXPECT_EQ(Shown(Doc("<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>uk secret</w:t></w:r>"
                      "<w:r><w:t> plan</w:t></w:r></w:p>")),
            "\nUK SECRET plan");
  EXPECT_EQ(Shown(Doc("<w:p><w:r><w:rPr><w:smallCaps w:val='1'/></w:rPr><w:t>uk secret</w:t>"
                      "</w:r></w:p>")),
            "\nUK SECRET");
  EXPECT_EQ(Shown(Doc("<w:p><w:r><w:rPr><w:caps w:val='false'/></w:rPr><w:t>uk secret</w:t>"
                      "</w:r></w:p>")),
            "\nuk secret");
  // Without the package's styles (not an Office part) case stays.
  std::string out;
  ASSERT_TRUE(XmlToText(Doc("<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>uk secret</w:t></w:r></w:p>"),
                        &out));
  EXPECT_EQ(out, "\nuk secret");
}

TEST(XmlToTextCapsTest, WordStylesParagraphCharacterAndDefaults) {
  std::string styles = std::string("<w:styles ") + kW +
                       "><w:style w:type='paragraph' w:default='1' w:styleId='Normal'/>"
                       "<w:style w:type='paragraph' w:styleId='Mark'><w:rPr><w:caps/></w:rPr>"
                       "</w:style><w:style w:type='paragraph' w:styleId='MarkBold'>"
                       "<w:basedOn w:val='Mark'/></w:style>"
                       "<w:style w:type='character' w:styleId='Plain'><w:rPr>"
                       "<w:caps w:val='0'/></w:rPr></w:style></w:styles>";
  // The paragraph's style, through basedOn.
  EXPECT_EQ(Shown(Doc("<w:p><w:pPr><w:pStyle w:val='MarkBold'/></w:pPr><w:r><w:t>uk secret"
                      "</w:t></w:r></w:p>"),
                  styles),
            "\nUK SECRET");
  // A character style turning caps off wins over the paragraph's.
  EXPECT_EQ(Shown(Doc("<w:p><w:pPr><w:pStyle w:val='Mark'/></w:pPr><w:r><w:rPr>"
                      "<w:rStyle w:val='Plain'/></w:rPr><w:t>uk secret</w:t></w:r></w:p>"),
                  styles),
            "\nuk secret");
  // The default paragraph style says nothing; the document defaults do.
  std::string defaults = std::string("<w:styles ") + kW +
                         "><w:docDefaults><w:rPrDefault><w:rPr><w:smallCaps/></w:rPr>"
                         "</w:rPrDefault></w:docDefaults></w:styles>";
  EXPECT_EQ(Shown(Doc("<w:p><w:r><w:t>uk secret</w:t></w:r></w:p>"), defaults),
            "\nUK SECRET");
  EXPECT_EQ(Shown(Doc("<w:p><w:r><w:t>uk secret</w:t></w:r></w:p>"), styles), "\nuk secret");
}

TEST(XmlToTextCapsTest, DrawingMlCap) {
  constexpr char kA[] = "xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main'";
  EXPECT_EQ(Shown(std::string("<a:txBody ") + kA +
                  "><a:p><a:r><a:rPr cap='all'/><a:t>uk secret</a:t></a:r></a:p>"
                  "<a:p><a:r><a:rPr cap='none'/><a:t>plan</a:t></a:r></a:p></a:txBody>"),
            "\nUK SECRET\nplan");
}

TEST(XmlToTextCapsTest, OdfTextTransformAndSmallCaps) {
  constexpr char kNs[] =
      "xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0' "
      "xmlns:style='urn:oasis:names:tc:opendocument:xmlns:style:1.0' "
      "xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0' "
      "xmlns:fo='urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0'";
  std::string styles = std::string("<office:document-styles ") + kNs +
                       "><office:styles><style:style style:name='Mark' "
                       "style:family='paragraph'><style:text-properties "
                       "fo:font-variant='small-caps'/></style:style></office:styles>"
                       "</office:document-styles>";
  std::string content = std::string("<office:document-content ") + kNs +
                        "><office:automatic-styles><style:style style:name='P1' "
                        "style:family='paragraph' style:parent-style-name='Mark'/>"
                        "<style:style style:name='T1' style:family='text'>"
                        "<style:text-properties fo:text-transform='none'/></style:style>"
                        "</office:automatic-styles><office:body><office:text>"
                        "<text:p text:style-name='P1'>uk secret</text:p>"
                        "<text:p text:style-name='P1'><text:span text:style-name='T1'>"
                        "plan</text:span> b</text:p></office:text></office:body>"
                        "</office:document-content>";
  EXPECT_EQ(Shown(content, styles), "\nUK SECRET\nplan B");
}

// Issue 13, b13t defect 3: a Word table's cells of one row stand side by
// side, a tab between them.
TEST(XmlToTextTest, WordTableCellsOfARowAreOneLine) {
  EXPECT_EQ(Text(Doc("<w:tbl><w:tr><w:trPr/><w:tc><w:tcPr/><w:p><w:r><w:t>SECRET</w:t>"
                     "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>//NOFORN</w:t></w:r></w:p>"
                     "<w:p><w:r><w:t>second</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc>"
                     "<w:p><w:r><w:t>next row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")),
            "\n\nSECRET\t//NOFORN\nsecond\n\nnext row");
}

}  // namespace
}  // namespace nearmiss::content

// Issue 13, round 37 item 3: an ODF table row reads as one line, a tab
// between its cells, as Word's and HTML's rows do; an empty last cell does
// not pull the paragraph under the table into the row.
namespace nearmiss::content {
namespace {

constexpr char kOdf[] =
    "xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0' "
    "xmlns:table='urn:oasis:names:tc:opendocument:xmlns:table:1.0' "
    "xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0'";

std::string OdfText(std::string_view body) {
  return Text(std::string("<office:document-content ") + kOdf +
              "><office:body><office:text>" + std::string(body) +
              "</office:text></office:body></office:document-content>");
}

TEST(XmlToTextTest, OdfTableCellsOfARowAreOneLine) {
  EXPECT_EQ(OdfText("<table:table><table:table-row><table:table-cell><text:p>MOD/2026/114"
                    "</text:p></table:table-cell><table:table-cell><text:p>UK SECRET"
                    "</text:p></table:table-cell><table:table-cell><text:p>Page 1 of 3"
                    "</text:p><text:p>second</text:p></table:table-cell></table:table-row>"
                    "<table:table-row><table:table-cell><text:h>next row</text:h>"
                    "</table:table-cell></table:table-row></table:table>"),
            "\n\nMOD/2026/114\tUK SECRET\tPage 1 of 3\nsecond\n\nnext row");
  // A merged cell's covered neighbour is a cell of the row too; an empty
  // later cell leaves the paragraph under the table a line of its own.
  EXPECT_EQ(OdfText("<table:table><table:table-row><table:table-cell><text:p>SECRET"
                    "</text:p></table:table-cell><table:covered-table-cell/>"
                    "<table:table-cell><text:p>//NOFORN</text:p></table:table-cell>"
                    "<table:table-cell/></table:table-row></table:table>"
                    "<text:p>The plan follows.</text:p>"),
            "\n\nSECRET\t//NOFORN\nThe plan follows.");
}

TEST(XmlToTextTest, WordEmptyLaterCellLeavesTheNextParagraphALine) {
  EXPECT_EQ(Text(Doc("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>UNCLASSIFIED</w:t></w:r></w:p>"
                     "</w:tc><w:tc><w:tcPr/></w:tc></w:tr></w:tbl>"
                     "<w:p><w:r><w:t>SECRET</w:t></w:r></w:p>")),
            "\n\nUNCLASSIFIED\nSECRET");
  // An empty later cell with its empty paragraph is still a cell.
  EXPECT_EQ(Text(Doc("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>SECRET</w:t></w:r></w:p></w:tc>"
                     "<w:tc><w:p/></w:tc></w:tr></w:tbl><w:p><w:r><w:t>Plan</w:t></w:r>"
                     "</w:p>")),
            "\n\nSECRET\t\nPlan");
}

}  // namespace
}  // namespace nearmiss::content

// Issue 13, round 37 item 4: capitals from ODF default styles, drawing-shape
// and table-cell styles (a column's default cell style included), and Word
// table styles.
namespace nearmiss::content {
namespace {

constexpr char kOdfNs[] =
    "xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0' "
    "xmlns:style='urn:oasis:names:tc:opendocument:xmlns:style:1.0' "
    "xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0' "
    "xmlns:table='urn:oasis:names:tc:opendocument:xmlns:table:1.0' "
    "xmlns:draw='urn:oasis:names:tc:opendocument:xmlns:drawing:1.0' "
    "xmlns:presentation='urn:oasis:names:tc:opendocument:xmlns:presentation:1.0' "
    "xmlns:fo='urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0'";

std::string OdfContent(std::string_view automatic, std::string_view body) {
  return std::string("<office:document-content ") + kOdfNs + "><office:automatic-styles>" +
         std::string(automatic) + "</office:automatic-styles><office:body>" +
         std::string(body) + "</office:body></office:document-content>";
}

std::string OdfStyles(std::string_view common) {
  return std::string("<office:document-styles ") + kOdfNs + "><office:styles>" +
         std::string(common) + "</office:styles></office:document-styles>";
}

constexpr char kUpper[] = "<style:text-properties fo:text-transform='uppercase'/>";
constexpr char kNoTransform[] = "<style:text-properties fo:text-transform='none'/>";

TEST(XmlToTextCapsTest, OdfDefaultStyles) {
  std::string defaults = OdfStyles(std::string("<style:default-style style:family='paragraph'>") +
                                   kUpper + "</style:default-style>");
  EXPECT_EQ(Shown(OdfContent("", "<office:text><text:p>uk secret</text:p></office:text>"),
                  defaults),
            "\nUK SECRET");
  // A style of the chain that says otherwise wins over the default.
  EXPECT_EQ(Shown(OdfContent(std::string("<style:style style:name='P1' style:family='paragraph'>") +
                                 kNoTransform + "</style:style>",
                             "<office:text><text:p text:style-name='P1'>uk secret</text:p>"
                             "</office:text>"),
                  defaults),
            "\nuk secret");
  // Without it the paragraph is as typed.
  EXPECT_EQ(Shown(OdfContent("", "<office:text><text:p>uk secret</text:p></office:text>")),
            "\nuk secret");
}

TEST(XmlToTextCapsTest, OdfPresentationAndGraphicStyles) {
  std::string automatic = std::string("<style:style style:name='pr1' style:family='presentation'>") +
                          kUpper + "</style:style><style:style style:name='gr1' "
                          "style:family='graphic'>" + kUpper + "</style:style>";
  EXPECT_EQ(Shown(OdfContent(automatic,
                             "<office:presentation><draw:page draw:style-name='dp1'><draw:frame "
                             "presentation:style-name='pr1' draw:style-name='x'><draw:text-box>"
                             "<text:p>uk secret</text:p></draw:text-box></draw:frame>"
                             "<draw:custom-shape draw:style-name='gr1'><text:p>nato secret"
                             "</text:p></draw:custom-shape><draw:frame><draw:text-box><text:p>"
                             "plan</text:p></draw:text-box></draw:frame></draw:page>"
                             "</office:presentation>")),
            "\nUK SECRET\nNATO SECRET\nplan");
  std::string graphic_default =
      OdfStyles(std::string("<style:default-style style:family='graphic'>") + kUpper +
                "</style:default-style>");
  EXPECT_EQ(Shown(OdfContent("", "<office:drawing><draw:page><draw:rect><text:p>uk secret"
                                 "</text:p></draw:rect></draw:page></office:drawing>"),
                  graphic_default),
            "\nUK SECRET");
}

// One cell with words a row: a row of two (shown_caps.h) keeps its typed
// case.
TEST(XmlToTextCapsTest, OdfTableCellStylesAndColumnDefaults) {
  std::string automatic = std::string("<style:style style:name='ce1' style:family='table-cell'>") +
                          kUpper + "</style:style>";
  EXPECT_EQ(Shown(OdfContent(automatic,
                             "<office:spreadsheet><table:table><table:table-column "
                             "table:number-columns-repeated='2'/><table:table-column "
                             "table:default-cell-style-name='ce1'/><table:table-row>"
                             "<table:table-cell table:style-name='ce1'><text:p>uk secret</text:p>"
                             "</table:table-cell></table:table-row><table:table-row>"
                             "<table:table-cell/><table:table-cell><text:p>plan</text:p>"
                             "</table:table-cell></table:table-row><table:table-row>"
                             "<table:table-cell table:number-columns-repeated='2'/>"
                             "<table:table-cell><text:p>uk eyes only</text:p></table:table-cell>"
                             "</table:table-row></table:table></office:spreadsheet>")),
            "\n\nUK SECRET\n\tplan\n\tUK EYES ONLY");
  // Repeated cells before it count towards its column.
  EXPECT_EQ(Shown(OdfContent(automatic,
                             "<office:spreadsheet><table:table><table:table-columns>"
                             "<table:table-column table:number-columns-repeated='3'/>"
                             "<table:table-column table:default-cell-style-name='ce1'/>"
                             "</table:table-columns><table:table-row><table:table-cell "
                             "table:number-columns-repeated='3'/><table:table-cell><text:p>uk "
                             "secret</text:p></table:table-cell></table:table-row></table:table>"
                             "</office:spreadsheet>")),
            "\n\tUK SECRET");
  // A repeat count that is no number is one column.
  EXPECT_EQ(Shown(OdfContent(automatic,
                             "<office:spreadsheet><table:table><table:table-column "
                             "table:number-columns-repeated='x'/><table:table-column "
                             "table:default-cell-style-name='ce1'/><table:table-row>"
                             "<table:table-cell/>"
                             "<table:table-cell><text:p>uk secret</text:p></table:table-cell>"
                             "</table:table-row></table:table></office:spreadsheet>")),
            "\n\tUK SECRET");
}

TEST(XmlToTextCapsTest, WordTableStyles) {
  std::string styles = std::string("<w:styles ") + kW +
                       "><w:style w:type='table' w:styleId='Banner'><w:rPr><w:caps/></w:rPr>"
                       "</w:style><w:style w:type='paragraph' w:styleId='Plain'><w:rPr>"
                       "<w:caps w:val='0'/></w:rPr></w:style></w:styles>";
  // One cell with words a row: a row of two keeps its typed case
  // (CellRowsKeepTheirTypedCase).
  std::string table = "<w:tbl><w:tblPr><w:tblStyle w:val='Banner'/></w:tblPr><w:tr><w:tc>"
                      "<w:p><w:r><w:t>uk secret</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc>"
                      "<w:p><w:pPr><w:pStyle w:val='Plain'/></w:pPr><w:r><w:t>plan</w:t></w:r>"
                      "</w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>after</w:t></w:r></w:p>";
  EXPECT_EQ(Shown(Doc(table), styles), "\n\nUK SECRET\n\nplan\nafter");
  std::string default_table = std::string("<w:styles ") + kW +
                              "><w:style w:type='table' w:default='1' w:styleId='Grid'><w:rPr>"
                              "<w:smallCaps/></w:rPr></w:style></w:styles>";
  EXPECT_EQ(Shown(Doc("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>uk secret</w:t></w:r></w:p></w:tc>"
                      "</w:tr></w:tbl>"),
                  default_table),
            "\n\nUK SECRET");
}

// Issue 13, round 38 (repro 29): a row of cells keeps the case its cells
// were typed in, the Word table's and PowerPoint table's alike; a cell's
// own words typed in capitals stay capitals.
TEST(XmlToTextCapsTest, CellRowsKeepTheirTypedCase) {
  std::string styles = std::string("<w:styles ") + kW +
                       "><w:style w:type='table' w:styleId='Head'><w:rPr><w:caps/></w:rPr>"
                       "</w:style></w:styles>";
  auto row = [](std::string_view a, std::string_view b, std::string_view c) {
    std::string out = "<w:tbl><w:tblPr><w:tblStyle w:val='Head'/></w:tblPr><w:tr>";
    for (std::string_view cell : {a, b, c}) {
      out += "<w:tc><w:p><w:r><w:t>";
      out += cell;
      out += "</w:t></w:r></w:p></w:tc>";
    }
    out += "</w:tr></w:tbl>";
    return out;
  };
  EXPECT_EQ(Shown(Doc(row("Recipe", "secret", "Serves 4")), styles),
            "\n\nRecipe\tsecret\tServes 4");
  EXPECT_EQ(Shown(Doc(row("MOD/2026/114", "UK SECRET", "page 1 of 3")), styles),
            "\n\nMOD/2026/114\tUK SECRET\tpage 1 of 3");
  // Paragraphs keep the shown capitals.
  EXPECT_EQ(Shown(Doc("<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>uk secret</w:t></w:r></w:p>")),
            "\nUK SECRET");
}

}  // namespace
}  // namespace nearmiss::content
