#include "content/pdf_revisions.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::content {
namespace {

const std::string kFirst =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n"
    "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n45\n%%EOF\n";

TEST(EarlierRevisionEnds, FileSavedOnceHasNone) {
  EXPECT_TRUE(EarlierRevisionEnds(kFirst).empty());
}

TEST(EarlierRevisionEnds, EachIncrementalUpdateLeavesTheOneBefore) {
  std::string second = kFirst + "2 0 obj\n<< >>\nendobj\nxref\n2 1\ntrailer\n"
                                "<< /Prev 45 >>\nstartxref\r\n120\r\n%%EOF\r\n";
  std::string third = second + "xref\ntrailer\n<< /Prev 120 >>\nstartxref\n190\n%%EOF";
  EXPECT_EQ(EarlierRevisionEnds(second), std::vector<std::size_t>{kFirst.size()});
  EXPECT_EQ(EarlierRevisionEnds(third),
            (std::vector<std::size_t>{kFirst.size(), second.size()}));
}

TEST(EarlierRevisionEnds, LinearizedFirstPageTrailerIsNoRevision) {
  // ISO 32000-1 F.3.4: the first-page trailer's startxref is 0.
  std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Linearized 1 >>\nendobj\nxref\ntrailer\n<< >>\n"
                    "startxref\n0\n%%EOF\n" + kFirst.substr(9);
  EXPECT_TRUE(EarlierRevisionEnds(pdf).empty());
}

TEST(EarlierRevisionEnds, EofInsideAStreamIsNoRevision) {
  // An attached PDF's bytes, or words in a content stream.
  std::string pdf = "%PDF-1.4\n3 0 obj\n<< /Length 20 >>\nstream\n(%%EOF) Tj\nendstream\n"
                    "endobj\n" + kFirst.substr(9);
  EXPECT_TRUE(EarlierRevisionEnds(pdf).empty());
}

}  // namespace
}  // namespace nearmiss::content
