#include "base/toml_error.h"

#include <gtest/gtest.h>

namespace nearmiss {
namespace {

// The description toml++ 3.3.0 gives a quoted key defined twice (breaker
// round 32 D7, errors/dup5.toml): the key mangled, no first line.
constexpr std::string_view kMangled =
    "Error while parsing key-value pair: cannot redefine existing string '\"TeTeam Internal\" '";

TEST(TomlErrorTest, QuotedKeyDefinedTwiceNamesTheKeyAndItsFirstLine) {
  std::string_view text =
      "[sensitivity]\npacks = [\"uk\"]\n\n[sensitivity.labels]\n"
      "\"Team Internal\" = \"OFFICIAL\"\n\"Other\" = \"SECRET\"\n"
      "\"Team Internal\" = \"SECRET\"\n";
  EXPECT_EQ(TomlErrorText(text, 7, kMangled),
            "'Team Internal' is defined twice in this table (first at line 5): TOML allows "
            "one definition of a key per table");
}

TEST(TomlErrorTest, BareKeyInAnotherTableIsNotTheFirstDefinition) {
  std::string_view text = "[a]\nx = 1\n[b]\nx = 1\nx = 2\n";
  EXPECT_EQ(TomlErrorText(text, 5, "cannot redefine existing integer 'x'"),
            "'x' is defined twice in this table (first at line 4): TOML allows one "
            "definition of a key per table");
}

TEST(TomlErrorTest, TableHeaderDefinedTwice) {
  std::string_view text = "[dns]\nenabled = true\n\n[ dns ]\n";
  EXPECT_EQ(TomlErrorText(text, 4, "cannot redefine existing table 'dns'"),
            "table [dns] is defined twice (first at line 1): TOML allows one [table] "
            "header per table");
}

TEST(TomlErrorTest, OtherErrorsAreLeftAsTheyAre) {
  EXPECT_EQ(TomlErrorText("a = \n", 1, "expected a value"), "expected a value");
  EXPECT_EQ(TomlErrorText("", 9, kMangled), kMangled);
}

}  // namespace
}  // namespace nearmiss
