#include "base/csv_field.h"

#include <gtest/gtest.h>

namespace nearmiss {
namespace {

TEST(CsvFieldTest, QuotesPerRfc4180) {
  EXPECT_EQ(CsvField("bob@army.ml"), "bob@army.ml");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
}

TEST(CsvFieldTest, NeutralisesFormulaStarts) {
  // Each character a spreadsheet reads as the start of a formula.
  EXPECT_EQ(CsvField("=1+1@army.ml"), "'=1+1@army.ml");
  EXPECT_EQ(CsvField("+44@army.ml"), "'+44@army.ml");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\t=1"), "'\t=1");
  EXPECT_EQ(CsvField("\r=1"), "\"'\r=1\"");
  // Quoted and prefixed both: the quote goes inside the field.
  EXPECT_EQ(CsvField("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  // Only the first character matters.
  EXPECT_EQ(CsvField("a=b"), "a=b");
}

}  // namespace
}  // namespace nearmiss
