// The token file as people write it (the issue-14 tester, round 43):
// - finding 12: names that read the same are one person (a no-break space,
//   a Cyrillic capital A), and a name mixing scripts is refused naming
//   FILE:LINE and the code point;
// - finding 15: a UTF-8 byte order mark before the first line is skipped,
//   and a role is read case-blind; another role is quoted in the error;
// - finding 16: a `viewer` role;
// - finding 5: a check token bound to one sender (`<alice@...>`).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "http/auth.h"
#include "http/token_name.h"

namespace nearmiss::http {
namespace {

class TokenFileTest : public ::testing::Test {
 protected:
  Status Read(const std::string& text, TokenSet* into = nullptr) {
    std::ofstream(path_, std::ios::trunc) << text;
    TokenSet local;
    return (into ? into : &local)->AddFile(path_);
  }
  void TearDown() override { std::remove(path_.c_str()); }
  std::string path_ = ::testing::TempDir() + "/nearmiss_token_file_test";
};

TEST_F(TokenFileTest, ANoBreakSpaceDoesNotMakeASecondPerson) {
  Status s = Read("admin aaaaaaaaaaaaaaaa01 Ann Admin\nadmin bbbbbbbbbbbbbbbb02 Ann\xC2\xA0" "Admin\n");
  ASSERT_EQ(s.code(), StatusCode::kParseError) << "two admins named 'Ann Admin'";
  EXPECT_NE(s.message().find("' already has a token (" + path_ + ":1, as 'Ann Admin'; names that "
                             "read the same"),
            std::string::npos)
      << s.message();
  // Alone, it is kept as it reads: recorded as "Ann Admin".
  TokenSet t;
  ASSERT_TRUE(Read("admin bbbbbbbbbbbbbbbb02 Ann\xE2\x80\x87\xC2\xA0" "Admin\n", &t).ok());
  EXPECT_EQ(t.Identify("bbbbbbbbbbbbbbbb02").name, "Ann Admin");
  // Full-width letters (NFKC) read as the plain ones.
  EXPECT_EQ(TokenNameKey("\xEF\xBC\xA1nn admin"), TokenNameKey("Ann Admin"));
}

TEST_F(TokenFileTest, ANameMixingScriptsIsRefusedNamingTheCodePoint) {
  // "Аnn Admin" with U+0410 CYRILLIC CAPITAL LETTER A.
  Status s = Read("admin aaaaaaaaaaaaaaaa01 Ann Admin\nadmin bbbbbbbbbbbbbbbb02 \xD0\x90nn Admin\n");
  ASSERT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_NE(s.message().find(path_ + ":2: the name '"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("mixes scripts: U+0410 (Cyrillic) among Latin letters"),
            std::string::npos)
      << s.message();
  // Refused alone too: nobody else need be named so for it to mislead.
  EXPECT_EQ(Read("viewer bbbbbbbbbbbbbbbb02 Vic V\xD1\x96" "ewer\n").code(), StatusCode::kParseError);
  // One script, or a name in one writing system, is a name.
  TokenSet t;
  ASSERT_TRUE(Read("admin aaaaaaaaaaaaaaaa01 \xD0\x90\xD0\xBD\xD0\xBD\xD0\xB0 \xD0\x9F\n"  // Анна П
                   "admin bbbbbbbbbbbbbbbb02 \xE5\xB1\xB1\xE7\x94\xB0 \xE3\x81\x82\xE3\x81\x8D\n"  // 山田 あき
                   "admin cccccccccccccccc03 Zo\xC3\xAB M\xC3\xBCller-\xC3\x98stergaard\n",
                   &t)
                  .ok());
  EXPECT_EQ(t.size(), 3u);
}

TEST_F(TokenFileTest, AByteOrderMarkIsSkippedAndRolesReadCaseBlind) {
  TokenSet t;
  Status s = Read("\xEF\xBB\xBF" "admin aaaaaaaaaaaaaaaa01 Ann Admin\nAdmin bbbbbbbbbbbbbbbb02 Bob Boss\n", &t);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(t.Lookup("aaaaaaaaaaaaaaaa01"), Role::kAdmin);
  EXPECT_EQ(t.Lookup("bbbbbbbbbbbbbbbb02"), Role::kAdmin);
  s = Read("auditor aaaaaaaaaaaaaaaa01 Ann Admin\n");
  ASSERT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_NE(s.message().find(":1: the role must be 'check', 'viewer' or 'admin', not 'auditor'"),
            std::string::npos)
      << s.message();
}

TEST_F(TokenFileTest, AViewerReadsAndDoesNothingElse) {
  TokenSet t;
  ASSERT_TRUE(Read("viewer vvvvvvvvvvvvvvvv01 Vic Viewer\ncheck cccccccccccccccc01 add-in\n", &t).ok());
  const Identity vic = t.Identify("vvvvvvvvvvvvvvvv01");
  EXPECT_EQ(vic.role, Role::kViewer);
  EXPECT_EQ(vic.name, "Vic Viewer");
  EXPECT_FALSE(t.has_admin_tokens()) << "a viewer is not an admin";
  EXPECT_TRUE(Allowed(t, Role::kViewer, Role::kViewer));
  EXPECT_TRUE(Allowed(t, Role::kViewer, Role::kAdmin));
  EXPECT_FALSE(Allowed(t, Role::kViewer, Role::kCheck));
  EXPECT_FALSE(Allowed(t, Role::kViewer, Role::kNone));
  EXPECT_FALSE(Allowed(t, Role::kAdmin, Role::kViewer));
  EXPECT_FALSE(Allowed(t, Role::kCheck, Role::kViewer));
}

TEST_F(TokenFileTest, ACheckTokenMayBeBoundToOneSender) {
  TokenSet t;
  ASSERT_TRUE(Read("check cccccccccccccccc01 Alice Example <Alice@Trust.Example>\n"
                   "check cccccccccccccccc02 <bob@trust.example>\n"
                   "check cccccccccccccccc03 outlook add-in\n",
                   &t)
                  .ok());
  EXPECT_EQ(t.Identify("cccccccccccccccc01").name, "Alice Example");
  EXPECT_EQ(t.Identify("cccccccccccccccc01").sender, "alice@trust.example");
  EXPECT_EQ(t.Identify("cccccccccccccccc02").name, "bob@trust.example");
  EXPECT_EQ(t.Identify("cccccccccccccccc02").sender, "bob@trust.example");
  EXPECT_EQ(t.Identify("cccccccccccccccc03").sender, "") << "shared";
  Status s = Read("check cccccccccccccccc01 Alice <not an address>\n");
  ASSERT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_NE(s.message().find(":1: '<not an address>' is not one sender's address"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace nearmiss::http
