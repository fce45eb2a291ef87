// XmlToText (xml_text.cc), round 42 (tester 13 findings 2, 5, 7): tracked
// changes are read as two revisions, and an ODF page header's regions as
// one line of cells.
#include <gtest/gtest.h>

#include <string>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

constexpr char kW[] =
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body>%s</w:body></w:document>";

std::string Word(std::string_view body) {
  std::string xml = kW;
  xml.replace(xml.find("%s"), 2, body);
  std::string out;
  EXPECT_TRUE(XmlToText(xml, &out)) << xml;
  return out;
}

TEST(TrackedChangesTest, CurrentThenOriginalRevision) {
  // Word's replacement of SECRET by OFFICIAL: the current text, then on a
  // page of its own the original; never "SECRETOFFICIAL".
  EXPECT_EQ(Word("<w:p><w:del><w:r><w:delText>SECRET</w:delText></w:r></w:del>"
                 "<w:ins><w:r><w:t>OFFICIAL</w:t></w:r></w:ins></w:p>"),
            "\nOFFICIAL\f\nSECRET");
  // A moved paragraph: moveFrom is the original's, moveTo the current's.
  EXPECT_EQ(Word("<w:p><w:moveFrom><w:r><w:t>UK SECRET</w:t></w:r></w:moveFrom></w:p>"
                 "<w:p><w:r><w:t>Text.</w:t></w:r></w:p>"
                 "<w:p><w:moveTo><w:r><w:t>UK SECRET</w:t></w:r></w:moveTo></w:p>"),
            "\n\nText.\nUK SECRET\f\nUK SECRET\nText.\n");
}

TEST(TrackedChangesTest, MovedTextKeepsItsWordBreaks) {
  // Round 43 (tester 13 finding 7): a moved word beside the word after or
  // before it stays a word of its own in either revision, never
  // "SECRETRoute"; a move next to a blank or punctuation adds nothing.
  EXPECT_EQ(Word("<w:p><w:moveFrom><w:r><w:delText>SECRET</w:delText></w:r></w:moveFrom>"
                 "<w:r><w:t>Route</w:t></w:r></w:p>"
                 "<w:p><w:r><w:t>Route</w:t></w:r><w:moveTo><w:r><w:t>SECRET</w:t></w:r>"
                 "</w:moveTo><w:r><w:t>.</w:t></w:r></w:p>"),
            "\nRoute\nRoute SECRET.\f\nSECRET Route\nRoute.");
}

TEST(TrackedChangesTest, OriginalRevisionToItsOwnText) {
  // XmlTextOptions::original: the revision before the changes goes there
  // (a zip package's parts collect it as "deleted text").
  std::string xml = kW;
  xml.replace(xml.find("%s"), 2,
              "<w:p><w:del><w:r><w:delText>SECRET</w:delText></w:r></w:del>"
              "<w:ins><w:r><w:t>OFFICIAL</w:t></w:r></w:ins></w:p>");
  std::string out;
  std::string original = "before";
  XmlTextOptions options;
  options.original = &original;
  ASSERT_TRUE(XmlToText(xml, &out, options));
  EXPECT_EQ(out, "\nOFFICIAL");
  EXPECT_EQ(original, "before\f\nSECRET");
}

TEST(TrackedChangesTest, InsertionsAloneAreOneRevision) {
  // No deletion: nothing to read twice, and a typo fixed inside a word
  // stays one word.
  EXPECT_EQ(Word("<w:p><w:r><w:t>SECRE</w:t></w:r><w:ins><w:r><w:t>T</w:t></w:r>"
                 "</w:ins></w:p>"),
            "\nSECRET");
}

TEST(TrackedChangesTest, OdfDeletionWithoutItsChangeInfo) {
  std::string out;
  ASSERT_TRUE(XmlToText(
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
      " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:body><office:text>"
      "<text:tracked-changes><text:changed-region><text:deletion><office:change-info>"
      "<dc:creator>A</dc:creator></office:change-info><text:p>UK SECRET</text:p>"
      "</text:deletion></text:changed-region></text:tracked-changes>"
      "<text:p>OFFICIAL</text:p></office:text></office:body></office:document-content>",
      &out));
  EXPECT_EQ(out, "\n\nOFFICIAL\f\nUK SECRET\nOFFICIAL");
}

TEST(HeaderRegionsTest, RegionsAreCellsOfOneLine) {
  std::string out;
  XmlTextOptions options;
  options.tab_splits_line = true;
  ASSERT_TRUE(XmlToText(
      "<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
      " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
      " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><style:header>"
      "<style:region-left><text:p>Ref 114</text:p></style:region-left>"
      "<style:region-center><text:p>UK SECRET</text:p></style:region-center>"
      "<style:region-right><text:p>Page 1</text:p><text:p>of 3</text:p></style:region-right>"
      "</style:header></office:document-styles>",
      &out, options));
  EXPECT_EQ(out, "\nRef 114\tUK SECRET\tPage 1\nof 3");
}

}  // namespace
}  // namespace nearmiss::content
