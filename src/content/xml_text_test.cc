// XmlToText and ExcelHeaderText (xml_text.cc): the structure of OOXML and
// ODF parts that decides where a banner line stands (issue 13, eighth round).
#include <gtest/gtest.h>

#include <string>

#include "content/extract.h"

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
  EXPECT_EQ(Text(header, true), "\nMOD/2026/114\n\nUK SECRET\n\nPage 1");
  EXPECT_EQ(Text(header, false), "\nMOD/2026/114 UK SECRET Page 1");
}

}  // namespace
}  // namespace nearmiss::content
