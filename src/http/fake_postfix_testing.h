// For the tests of serve's held-message routes: Postfix's tools as a test
// writes them, so a release or delete runs with no Postfix.
#ifndef NEARMISS_HTTP_FAKE_POSTFIX_TESTING_H_
#define NEARMISS_HTTP_FAKE_POSTFIX_TESTING_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace nearmiss::http {

// Postfix's tools in a fresh directory TempDir()/nearmiss_fake_postfix_NAME:
// postqueue, postcat and postsuper run the shell bodies given (postsuper's
// prints `report` on its standard error and exits 0, as the real one does
// whatever it did). Returns the directory (PostfixOptions::command_dir).
inline std::string WriteTools(const std::string& name, const std::string& postqueue,
                              const std::string& postcat, const std::string& report) {
  std::string dir = ::testing::TempDir() + "/nearmiss_fake_postfix_" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto tool = [&dir](const char* file, const std::string& body) {
    std::string path = dir + "/" + file;
    std::ofstream(path) << "#!/bin/sh\n" << body;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  };
  tool("postqueue", postqueue);
  tool("postcat", postcat);
  tool("postsuper", "printf '" + report + "' >&2\nexit 0\n");
  return dir;
}

// The hold id the milter marked 4F2A91C3B with (its tag header's
// "hold-id="), which a link for it carries (confirm::ConfirmLink::hold_id).
inline constexpr char kFakeHoldId[] = "5ca1ab1e5ca1ab1e";

// Postfix's tools as this test writes them: postqueue lists 4F2A91C3B (from
// alice@mod.gov.uk) in the hold queue, postcat shows its headers (its tag
// header marked kFakeHoldId), and postsuper prints `report`.
inline std::string FakeTools(const std::string& name, const std::string& report) {
  return WriteTools(
      name,
      "[ \"$1\" = -j ] && echo '{\"queue_name\": \"hold\", \"queue_id\": \"4F2A91C3B\", "
      "\"sender\": \"alice@mod.gov.uk\", \"recipients\": [{\"address\": \"jon@x.example\"}]}'\n"
      "exit 0\n",
      "echo '*** HEADER EXTRACTED hold/4F2A91C3B ***'; echo 'Subject: hi'\n"
      "echo 'X-Nearmiss: confirm; level=none; reasons=address-typo; hold-id=" +
          std::string(kFakeHoldId) + "'\n",
      report);
}

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_FAKE_POSTFIX_TESTING_H_
