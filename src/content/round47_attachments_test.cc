// Round 46's tester 13, findings 12 and 13, on real .eml fixtures: a
// calendar's SUMMARY inside a zip is placed at the member, not at the zip;
// a DOCX or a zip attached as a PDF (named report.pdf, typed
// application/pdf) is read as what its bytes are, never "PDF could not be
// parsed"; a PDF sticky note is read.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "content/shared_scanner_testing.h"
#include "nearmiss/content.h"

namespace nearmiss::content {
namespace {

ScannedMessage Read(const std::string& name) {
  std::shared_ptr<const Scanner> scanner = SharedScanner();
  EXPECT_NE(scanner, nullptr);
  if (scanner == nullptr) return {};
  auto reader = MessageReader::Open({"tests/testdata/content/" + name}, scanner, ContentLimits{});
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  ScannedMessage m;
  EXPECT_TRUE((*reader)->Next(&m));
  return m;
}

// The places of `m`'s findings whose marking starts with `marking`
// ("SECRET//" for SECRET//<controls>), in order.
std::string PlacesOf(const ScannedMessage& m, std::string_view marking) {
  std::string out;
  for (const Finding& f : m.sensitivity.findings) {
    if (!f.marking.starts_with(marking)) continue;
    if (!out.empty()) out += ' ';
    out += f.where;
  }
  return out;
}

TEST(Round47Attachments, ACalendarSummaryInAZipIsPlacedAtTheMember) {
  const ScannedMessage flat = Read("r47-calendar-in-zip.eml");
  EXPECT_EQ(PlacesOf(flat, "SECRET//"), "attachment:h.zip/m.ics");
  EXPECT_EQ(flat.sensitivity.level, Level::kSecret);
  const ScannedMessage nested = Read("r47-calendar-in-nested-zip.eml");
  EXPECT_EQ(PlacesOf(nested, "SECRET//"), "attachment:h.zip/i.zip/m.ics");
}

TEST(Round47Attachments, ADocumentOrZipDeclaredPdfIsReadAsWhatItIs) {
  for (const char* name : {"r47-docx-named-pdf.eml", "r47-zip-typed-pdf.eml"}) {
    const ScannedMessage m = Read(name);
    EXPECT_EQ(m.sensitivity.level, Level::kSecret) << name;
    EXPECT_TRUE(m.sensitivity.complete) << name;
    for (const std::string& e : m.errors) {
      EXPECT_EQ(e.find("PDF could not be parsed"), std::string::npos) << name << ": " << e;
    }
  }
  EXPECT_EQ(PlacesOf(Read("r47-zip-typed-pdf.eml"), "SECRET//").rfind("attachment:file.zip/n.txt", 0),
            0u);
}

// Finding 14: a PDF sticky note's text (/Subtype /Text, /Contents) is read
// as the document's comments, placed on its page.
TEST(Round47Attachments, APdfStickyNoteIsRead) {
  const ScannedMessage m = Read("r47-pdf-sticky-note.eml");
  EXPECT_EQ(m.sensitivity.level, Level::kSecret);
  bool placed = false;
  for (const Finding& f : m.sensitivity.findings) {
    placed |= f.where == "attachment:minutes.pdf" && f.place == "comments on page 1";
  }
  EXPECT_TRUE(placed);
}

}  // namespace
}  // namespace nearmiss::content
