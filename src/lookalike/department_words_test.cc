// data/lists/department-words.txt (issue 15, round 44): the department
// names that are ordinary words, told from one country's own names.
#include <gtest/gtest.h>

#include <string>

#include "lookalike/namespace_names.h"

namespace nearmiss::lookalike {
namespace {

TEST(DepartmentWordsTest, EachIsTheLabelOfAListedDepartment) {
  ASSERT_FALSE(DepartmentWords().empty());
  for (const std::string& word : DepartmentWords()) {
    bool listed = false;
    for (const std::string& d : NamespaceNames()) {
      listed = listed || d.starts_with(word + ".gov.") || d.starts_with(word + ".govt.") ||
               d.starts_with(word + ".gouv.") || d.starts_with(word + ".mil.");
    }
    EXPECT_TRUE(listed) << word << " names no listed department";
    EXPECT_GE(word.size(), 5u) << word;
  }
}

TEST(DepartmentWordsTest, WordsAreSharedAndAcronymsAreOneCountrys) {
  for (const char* word : {"treasury", "customs", "health", "justice", "education", "defence"}) {
    EXPECT_TRUE(IsDepartmentWord(word)) << word;
  }
  for (const char* own : {"hmrc", "dwp", "homeoffice", "dvla", "mod", "gchq"}) {
    EXPECT_FALSE(IsDepartmentWord(own)) << own;
  }
}

}  // namespace
}  // namespace nearmiss::lookalike
