// main() of the per-module test programs (cmake/nearmiss.cmake, nm_test).
//
// Why: a module's GoogleTest sources are linked into one program
// (src/<module>/<module>_tests) instead of one program each, so a clean build
// links ~20 programs instead of ~270 (each link copied the module libraries
// and their debug sections). CTest still has one test per source file:
// `<module>_tests --nm_source=src/engine/engine_test.cc` runs the tests whose
// TEST/TEST_F/TEST_P macro is written in that file (GoogleTest records the
// file of each test: TestInfo::file()), nothing else.
//
// Flags (read after GoogleTest removes its own):
//   --nm_source=PATH   run only the tests written in PATH (relative to the
//                      project root). A source with no test is an error
//                      (exit 1), so a test file can never pass by running
//                      nothing.
//   --nm_owned_by=P1,P2,...  run no test; exit 1, naming each test, if a test
//                      of the program is written in none of the listed files
//                      (such a test would belong to no CTest entry) or two
//                      tests share one full name.
// A --gtest_filter given too narrows the file's tests further. GoogleTest's
// death-test children (--gtest_internal_run_death_test) are left alone: the
// filter their parent passed names the one test to run.
#include <fnmatch.h>

#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace {

bool SameSource(std::string_view recorded, std::string_view wanted) {
  // The compiler records the path it was given: absolute from CMake, relative
  // when ccache's base_dir rewrote it. Compare from the project root down.
  if (recorded == wanted) return true;
  return recorded.size() > wanted.size() &&
         recorded.substr(recorded.size() - wanted.size()) == wanted &&
         recorded[recorded.size() - wanted.size() - 1] == '/';
}

bool MatchesAny(const std::string& name, std::string_view patterns) {
  std::stringstream in{std::string(patterns)};
  std::string pattern;
  while (std::getline(in, pattern, ':')) {
    if (!pattern.empty() && fnmatch(pattern.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

// GoogleTest's filter syntax: POSITIVE[-NEGATIVE], each ':'-separated globs.
bool PassesFilter(const std::string& name, const std::string& filter) {
  const size_t dash = filter.find('-');
  const std::string positive = filter.substr(0, dash);
  const std::string negative = dash == std::string::npos ? "" : filter.substr(dash + 1);
  if (!positive.empty() && !MatchesAny(name, positive)) return false;
  return negative.empty() || !MatchesAny(name, negative);
}

template <typename Visit>
void ForEachTest(Visit visit) {
  const testing::UnitTest& unit = *testing::UnitTest::GetInstance();
  for (int s = 0; s < unit.total_test_suite_count(); ++s) {
    const testing::TestSuite& suite = *unit.GetTestSuite(s);
    for (int t = 0; t < suite.total_test_count(); ++t) {
      const testing::TestInfo& info = *suite.GetTestInfo(t);
      visit(std::string(info.test_suite_name()) + "." + info.name(), info.file());
    }
  }
}

int CheckOwnership(std::string_view list) {
  std::vector<std::string> sources;
  std::stringstream in{std::string(list)};
  for (std::string s; std::getline(in, s, ',');) sources.push_back(s);
  int faults = 0;
  std::set<std::string> seen;
  ForEachTest([&](const std::string& name, const char* file) {
    bool owned = false;
    for (const std::string& s : sources) owned = owned || SameSource(file, s);
    if (!owned) {
      std::fprintf(stderr, "%s (written in %s) belongs to no registered test source\n",
                   name.c_str(), file);
      ++faults;
    }
    if (!seen.insert(name).second) {
      std::fprintf(stderr, "%s is defined twice (the second in %s)\n", name.c_str(), file);
      ++faults;
    }
  });
  std::printf("%zu tests, %zu sources, %d faults\n", seen.size(), sources.size(), faults);
  return faults == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  bool death_test_child = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]).starts_with("--gtest_internal_run_death_test")) {
      death_test_child = true;
    }
  }
  testing::InitGoogleTest(&argc, argv);
  std::string source;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--nm_owned_by=")) return CheckOwnership(arg.substr(14));
    if (arg.starts_with("--nm_source=")) {
      source = arg.substr(12);
    } else {
      std::fprintf(stderr, "%s: unknown argument '%s'\n", argv[0], argv[i]);
      return 2;
    }
  }
  if (!source.empty() && !death_test_child) {
    const std::string filter = GTEST_FLAG_GET(filter);
    std::string names;
    int in_source = 0;
    ForEachTest([&](const std::string& name, const char* file) {
      if (!SameSource(file, source)) return;
      ++in_source;
      if (PassesFilter(name, filter)) names += (names.empty() ? "" : ":") + name;
    });
    if (in_source == 0) {
      std::fprintf(stderr, "%s: no test is written in %s\n", argv[0], source.c_str());
      return 1;
    }
    // No test left after the user's --gtest_filter: run none, as GoogleTest does.
    GTEST_FLAG_SET(filter, names.empty() ? std::string("-*") : names);
  }
  return RUN_ALL_TESTS();
}
