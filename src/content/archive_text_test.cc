// The archive bounds (issue 13) on the real fixtures, with tightened limits:
// members and depth stop reading and make the scan incomplete; encrypted
// members are findings of their own and leave it complete.
#include <gtest/gtest.h>

#include "nearmiss/content.h"

namespace nearmiss::content {
namespace {

ScannedMessage Read(const std::string& name, const ContentLimits& limits) {
  auto scanner = Scanner::Compile(ScannerOptions{});
  EXPECT_TRUE(scanner.ok());
  auto reader =
      MessageReader::Open({"tests/testdata/content/" + name}, *scanner, limits);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  ScannedMessage m;
  EXPECT_TRUE((*reader)->Next(&m));
  return m;
}

bool HasLimit(const Sensitivity& s, std::string_view bound) {
  for (const Finding& f : s.findings) {
    if (f.pack == "limit" && f.marking == bound) return true;
  }
  return false;
}

TEST(ArchiveTest, NestedZipReadWithinTheDepthBound) {
  ScannedMessage m = Read("archive-nested.eml", ContentLimits{});
  EXPECT_EQ(m.sensitivity.level, Level::kTopSecret);
  EXPECT_TRUE(m.sensitivity.complete);
}

TEST(ArchiveTest, DepthBoundStopsNestingAndIsIncomplete) {
  ContentLimits limits;
  limits.max_archive_depth = 1;
  ScannedMessage m = Read("archive-nested.eml", limits);
  EXPECT_EQ(m.sensitivity.level, Level::kNone);
  EXPECT_FALSE(m.sensitivity.complete);
  EXPECT_TRUE(HasLimit(m.sensitivity, "max-archive-depth"));
}

TEST(ArchiveTest, MemberBoundStopsReadingAndIsIncomplete) {
  ContentLimits limits;
  limits.max_archive_members = 1;
  ScannedMessage m = Read("archive-docx.eml", limits);
  EXPECT_FALSE(m.sensitivity.complete);
  EXPECT_TRUE(HasLimit(m.sensitivity, "max-archive-members"));
}

// Issue 13, third round: an .eml in a zip is parsed as a message, so its
// base64 body is decoded and read (the raw bytes hold no marking).
TEST(ArchiveTest, MessageFileInZipIsWalked) {
  ScannedMessage m = Read("archive-eml.eml", ContentLimits{});
  EXPECT_EQ(m.sensitivity.level, Level::kSecret);
  EXPECT_TRUE(m.sensitivity.complete);
  EXPECT_TRUE(m.sensitivity.Has("SECRET//<controls>"));
}

TEST(ArchiveTest, RatioBoundStopsABomb) {
  ScannedMessage m = Read("archive-ratio-bomb.eml", ContentLimits{});
  EXPECT_FALSE(m.sensitivity.complete);
  EXPECT_TRUE(HasLimit(m.sensitivity, "max-compression-ratio"));
  ContentLimits loose;
  loose.max_compression_ratio = 100'000;
  ScannedMessage read = Read("archive-ratio-bomb.eml", loose);
  EXPECT_TRUE(read.sensitivity.complete);
}

TEST(ArchiveTest, EncryptedMembersAreFindingsAndTheScanIsComplete) {
  ScannedMessage m = Read("archive-encrypted.eml", ContentLimits{});
  EXPECT_TRUE(m.sensitivity.complete);
  ASSERT_TRUE(m.sensitivity.Has("encrypted-attachment"));
  EXPECT_EQ(m.sensitivity.findings[0].where, "attachment:locked.zip/plan.docx");
}

// Issue 13, round 2: real encrypted documents (make-round2-fixtures): a PDF
// with a user password (qpdf) and a DOCX in a WinZip AES-256 zip (7-Zip)
// are encrypted-attachment; a PDF with only an owner password opens without
// one, so it is read, not reported.
TEST(ArchiveTest, EncryptedDocumentsAreFindings) {
  for (const auto& [fixture, where] :
       {std::pair{"encrypted-pdf.eml", "attachment:locked.pdf"},
        std::pair{"encrypted-zip-aes-docx.eml",
                  "attachment:locked.zip/report.docx"}}) {
    ScannedMessage m = Read(fixture, ContentLimits{});
    EXPECT_TRUE(m.sensitivity.complete) << fixture;
    ASSERT_TRUE(m.sensitivity.Has("encrypted-attachment")) << fixture;
    EXPECT_EQ(m.sensitivity.findings[0].where, where) << fixture;
  }
  ScannedMessage open = Read("encrypted-pdf-owner-only.eml", ContentLimits{});
  EXPECT_FALSE(open.sensitivity.Has("encrypted-attachment"));
  EXPECT_EQ(open.sensitivity.level, Level::kSecret);
}

}  // namespace
}  // namespace nearmiss::content
