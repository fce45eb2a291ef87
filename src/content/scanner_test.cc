#include "nearmiss/content_scanner.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>

namespace nearmiss::content {
namespace {

CustomPattern Custom(std::string name, std::string pattern, Level level) {
  CustomPattern c;
  c.name = std::move(name);
  c.pattern = std::move(pattern);
  c.level = level;
  return c;
}

class ScannerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ScannerOptions options;
    options.custom_patterns.push_back(
        Custom("project-hypersonic", "hypersonic", Level::kSecret));
    CustomPattern code = Custom("code-name", "BLUE[ -]?HARRIER",
                                Level::kTopSecret);
    code.is_regex = true;
    code.case_sensitive = true;
    options.custom_patterns.push_back(code);
    auto compiled = Scanner::Compile(options);
    ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
    scanner_ = *compiled;
  }

  Sensitivity Scan(TextKind kind, std::string_view text) {
    auto scratch = Scratch::Create(*scanner_);
    EXPECT_TRUE(scratch.ok());
    Sensitivity out;
    EXPECT_TRUE(scanner_->Scan(kind, "t", text, *scratch, &out).ok());
    return out;
  }

  Sensitivity Header(std::string_view name, std::string_view value) {
    auto scratch = Scratch::Create(*scanner_);
    EXPECT_TRUE(scratch.ok());
    Sensitivity out;
    Status s = scanner_->ScanHeader(name, value, *scratch, &out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  static std::shared_ptr<const Scanner> scanner_;
};
std::shared_ptr<const Scanner> ScannerTest::scanner_;

TEST_F(ScannerTest, SubjectPrefixesAreStrong) {
  EXPECT_EQ(Scan(TextKind::kSubject, "OFFICIAL-SENSITIVE: budget").level,
            Level::kOfficialSensitive);
  EXPECT_EQ(Scan(TextKind::kSubject, "Re: [SECRET] plans").level,
            Level::kSecret);
  EXPECT_EQ(Scan(TextKind::kSubject, "AW: TOP SECRET - x").level,
            Level::kTopSecret);
  EXPECT_EQ(Scan(TextKind::kSubject, "Official\u2011Sensitive: x").level,
            Level::kOfficialSensitive);
}

// Issue 13: the forms senders write, and the prose that only looks like them.
// The why names where the word stands in the subject: at its head, or set
// off elsewhere ("Send SECRET"), not "leads the subject" for both (round
// 55's tester 13-b, finding 7).
TEST_F(ScannerTest, SubjectWhyNamesThePlace) {
  auto why = [&](std::string_view subject) {
    Sensitivity s = Scan(TextKind::kSubject, subject);
    return s.findings.empty() ? std::string() : s.findings.front().why;
  };
  EXPECT_EQ(why("Re: SECRET: plan"), "leads the subject");
  EXPECT_EQ(why("Send SECRET"), "set off in the subject, not at its head");
  EXPECT_EQ(why("Convoy plan [SECRET]"), "set off in the subject, not at its head");
}

TEST_F(ScannerTest, IssueThirteenForms) {
  struct Case {
    TextKind kind;
    std::string_view text;
    Level want;
  };
  const TextKind kSubj = TextKind::kSubject, kBody = TextKind::kBody;
  for (const Case& c : {
           Case{kSubj, "UK TOP SECRET: deployment plan", Level::kTopSecret},
           Case{kSubj, "UK SECRET: convoy", Level::kSecret},
           Case{kSubj, "UK OFFICIAL-SENSITIVE: list", Level::kOfficialSensitive},
           Case{kBody, "UK TOP SECRET\n\nPlan.\n", Level::kTopSecret},
           Case{kBody, "SECRET // NOFORN\n\nPlan.\n", Level::kSecret},
           Case{kBody, "Team,\n1. (S//NF) The convoy leaves.\n2. (U) Fair.\n"
                       "three\nfour\nfive\nsix\n", Level::kSecret},
           Case{kBody, "S E C R E T\n\nMinutes.\n", Level::kSecret},
           Case{kSubj, "Secret Santa 2026 - sign up", Level::kNone},
           Case{kSubj, "SECRET SANTA 2026", Level::kNone},
           Case{kSubj, "Top secret: surprise party", Level::kNone},
           Case{kBody, "Hi\n\nsee below\n\nConfidential\n", Level::kNone},
           Case{kBody, "Thanks,\nJo\n\nCONFIDENTIAL\n---\nThis e-mail is "
                       "intended only for the addressee.\n", Level::kNone},
           // An attachment's text ("t", not the mail's "body"): the
           // business word alone closing it counts only if the text agrees
           // (issue 13, round 36 item 1); SECRET so placed is a banner.
           Case{kBody, "Thanks,\nJo\n\nCONFIDENTIAL\n", Level::kNone},
           Case{kBody, "Thanks,\nJo\n\nSECRET\n", Level::kSecret},
       }) {
    EXPECT_EQ(Scan(c.kind, c.text).level, c.want) << c.text;
  }
}

// Round 42: the Council of the EU's LIMITE alone on its line (nato-eu.toml,
// line_alone), not in a French heading or a sentence; "©" as a portion mark
// after a paragraph number, not on a copyright notice.
TEST_F(ScannerTest, LimiteAloneAndCopyrightSignPortions) {
  struct Case {
    std::string_view text;
    Level want;
  } cases[] = {
      {"Council of the European Union\n6543/26\nLIMITE\n\nNOTE\n", Level::kOfficialSensitive},
      {"6543/26\n   LIMITE  \n\nNOTE\n", Level::kOfficialSensitive},
      {"DATE LIMITE : 15 mars\n\nInscrivez-vous.\n", Level::kNone},
      {"The document is LIMITE until published.\n", Level::kNone},
      {"1. \u00a9 The convoy leaves at 0600.\n2. (U) Weather is fair.\n", Level::kSecret},
      {"\u00a9 The convoy leaves at 0600.\n\n(U) Weather is fair.\n", Level::kSecret},
      {"\u00a9 2026 Acme Ltd. All rights reserved.\n", Level::kNone},
      {"1. \u00a9 Acme Ltd. Registered in England and Wales.\n", Level::kNone},
      {"Images \u00a9 Getty Images. Prices include VAT.\n", Level::kNone},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Scan(TextKind::kBody, c.text).level, c.want) << c.text;
  }
  EXPECT_EQ(Scan(TextKind::kSubject, "LIMITE: working party note").level,
            Level::kOfficialSensitive);
  EXPECT_EQ(Scan(TextKind::kSubject, "LIMITE de vitesse abaissee").level, Level::kNone);
}

TEST_F(ScannerTest, LooseWordsAreWeakAndDoNotRaise) {
  Sensitivity s = Scan(TextKind::kBody,
                       "Hi,\nthe secret to a good soup is time.\nKeep it "
                       "confidential.\nmore\nlines\nhere\nand\nhere\n");
  EXPECT_EQ(s.level, Level::kNone);
  ASSERT_EQ(s.findings.size(), 2u);
  EXPECT_EQ(s.findings[0].strength, Strength::kWeak);
  EXPECT_EQ(s.findings[0].marking, "SECRET");
  EXPECT_EQ(s.findings[0].offset, 8u);
}

TEST_F(ScannerTest, LongestFormWins) {
  Sensitivity s = Scan(TextKind::kBody, "TOP SECRET//SI//NOFORN\n\ntext\n");
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].marking, "TOP SECRET//<controls>");
  EXPECT_EQ(s.findings[0].text, "TOP SECRET//SI//NOFORN");
  EXPECT_EQ(s.level, Level::kTopSecret);
}

// The abbreviated and mixed-case banners match their head in the scan's
// database and are read on to their end by the pack's extent
// (match_extent.h): the finding carries the whole banner, as the report's
// marking needs ("TS//SCI//NOFORN" is not TOP SECRET//SCI).
TEST_F(ScannerTest, ExtentReadsTheWholeBanner) {
  struct Case {
    const char* text;
    const char* marking;
    const char* whole;
    Level level;
  };
  for (const Case& c : {
           Case{"TS//SCI//NOFORN\n\ntext\n", "TS//<controls>", "TS//SCI//NOFORN",
                Level::kTopSecret},
           Case{"TS//SI/TK//NOFORN\n\ntext\n", "TS//<controls>",
                "TS//SI/TK//NOFORN", Level::kTopSecret},
           Case{"S//REL TO USA, GBR\n\ntext\n", "S//<controls>",
                "S//REL TO USA, GBR", Level::kSecret},
           Case{"U//NOFORN/PROPIN\n\ntext\n", "UNCLASSIFIED//<controls>",
                "U//NOFORN/PROPIN", Level::kOfficialSensitive},
           Case{"Secret//NoForn//Rel To USA, GBR\n\ntext\n", "SECRET//<controls>",
                "Secret//NoForn//Rel To USA, GBR", Level::kSecret},
           Case{"Top Secret // SI / NoForn\n\ntext\n", "TOP SECRET//<controls>",
                "Top Secret // SI / NoForn", Level::kTopSecret},
       }) {
    Sensitivity s = Scan(TextKind::kBody, c.text);
    ASSERT_EQ(s.findings.size(), 1u) << c.text;
    EXPECT_EQ(s.findings[0].marking, c.marking) << c.text;
    EXPECT_EQ(s.findings[0].text, c.whole) << c.text;
    EXPECT_EQ(s.level, c.level) << c.text;
  }
  // Mixed case reads on over the register's controls only: the subject's
  // own words after the banner are not controls.
  Sensitivity s = Scan(TextKind::kSubject, "Secret//NoForn convoy timings");
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].text, "Secret//NoForn");
  // An extent stays on the head's line.
  s = Scan(TextKind::kBody, "S//NF\nREL TO USA\n\ntext\n");
  ASSERT_FALSE(s.findings.empty());
  EXPECT_EQ(s.findings[0].text, "S//NF");
  // A capitalised word after a capital banner is the subject's, not a
  // control: its first letter was read as one ("SECRET//NOFORN O", and the
  // audit report's banner built from it; stop 37's issue 16 tester, F9).
  for (auto [subject, whole] : {
           std::pair{"SECRET//NOFORN Orders", "SECRET//NOFORN"},
           std::pair{"TOP SECRET//SI Orders for Monday", "TOP SECRET//SI"},
           std::pair{"CONFIDENTIAL//REL TO USA, FVEY Budget", "CONFIDENTIAL//REL TO USA, FVEY"},
           std::pair{"CUI//SP-PRVCY Personnel file", "CUI//SP-PRVCY"},
           std::pair{"TOP SECRET//SI//NOFORN Brief", "TOP SECRET//SI//NOFORN"},
           std::pair{"S//NF Orders", "S//NF"},
           std::pair{"SECRET//NOFORN ORDERS", "SECRET//NOFORN ORDERS"},
       }) {
    s = Scan(TextKind::kSubject, subject);
    ASSERT_EQ(s.findings.size(), 1u) << subject;
    EXPECT_EQ(s.findings[0].text, whole) << subject;
  }
}

TEST_F(ScannerTest, BannersStrongAnywhere) {
  EXPECT_EQ(Scan(TextKind::kBody, "a\nb\nc\nd\nsee: SECRET//NOFORN x\ne\nf\ng\nh")
                .level,
            Level::kSecret);
  EXPECT_EQ(Scan(TextKind::kBody, "Text: NATO RESTRICTED//REL TO GBR text").level,
            Level::kOfficialSensitive);
  EXPECT_EQ(Scan(TextKind::kBody, "X: CUI//SP-PRVCY//NOFORN y").level,
            Level::kOfficialSensitive);
  EXPECT_EQ(Scan(TextKind::kBody, "X - TRES SECRET UE/EU TOP SECRET y").level,
            Level::kTopSecret);
  EXPECT_EQ(Scan(TextKind::kBody, "The convoy is SECRET//NOFORN.").level,
            Level::kSecret);
}

// Issue 13: a banner with lower-case words on both sides is talked about
// ("Please stop putting SECRET//NOFORN in the subject"), and a bare NATO
// compound in prose is named, as UK and US level words are.
TEST_F(ScannerTest, BannerInsideASentenceIsAMention) {
  EXPECT_EQ(Scan(TextKind::kBody,
                 "Please stop putting SECRET//NOFORN in the subject of test "
                 "emails.")
                .level,
            Level::kNone);
  EXPECT_EQ(Scan(TextKind::kBody,
                 "NATO SECRET documents were leaked last week, the Guardian "
                 "reported.")
                .level,
            Level::kNone);
  EXPECT_EQ(Scan(TextKind::kBody, "NATO SECRET\n\nThe convoy leaves.").level,
            Level::kSecret);
}

TEST_F(ScannerTest, PortionMarksOnlyAtParagraphStart) {
  EXPECT_EQ(Scan(TextKind::kBody, "intro\n\n(S//NF) The plan.\n").level,
            Level::kSecret);
  EXPECT_EQ(Scan(TextKind::kBody, "intro\n\n(U//FOUO) The plan.\n").level,
            Level::kOfficialSensitive);
  Sensitivity s = Scan(TextKind::kBody, "select item(s) and (TS) later");
  EXPECT_TRUE(s.findings.empty());
}

// Issue 13, round 34 items 11, 12 and 15: the PSPF's other caveats and
// label keys; mixed-case forms at a subject's head need a separator or
// lower-case words after them.
TEST_F(ScannerTest, RoundThirtyFourSubjectsAndCaveats) {
  EXPECT_EQ(Scan(TextKind::kSubject, "Budget [VER=2018.4, SEC=PROTECTED]").level,
            Level::kSecret);
  Sensitivity excl =
      Scan(TextKind::kBody, "PROTECTED//EXCLUSIVE FOR Jane Smith\n\nFigures.\n");
  ASSERT_FALSE(excl.findings.empty());
  EXPECT_EQ(excl.findings[0].marking, "PROTECTED <caveat>");
  EXPECT_EQ(Scan(TextKind::kSubject, "Re: Nato Secret Files documentary").level,
            Level::kNone);
  EXPECT_EQ(Scan(TextKind::kSubject, "Cosmic Top Secret Escape Room").level,
            Level::kNone);
  EXPECT_EQ(Scan(TextKind::kSubject, "Nato Secret: exercise plan").level,
            Level::kSecret);
  EXPECT_EQ(Scan(TextKind::kSubject, "official sensitive data training").level,
            Level::kNone);
  EXPECT_EQ(Scan(TextKind::kSubject, "OFFICIAL/SENSITIVE: staffing").level,
            Level::kOfficialSensitive);
}

// Issue 13, round 34 item 9: blanks inside a portion mark's brackets, in
// every pack's portion forms, and NATO's hyphenated compound forms.
TEST_F(ScannerTest, SpacedPortionMarksAndHyphenatedNatoForms) {
  EXPECT_EQ(Scan(TextKind::kBody, "intro\n\n( S//NF ) The plan.\n").level,
            Level::kSecret);
  Sensitivity ns = Scan(TextKind::kBody, "Bob,\n\n1. ( NS ) The convoy leaves.\n");
  ASSERT_FALSE(ns.findings.empty());
  EXPECT_EQ(ns.findings[0].marking, "(NS)");
  Sensitivity s = Scan(TextKind::kBody, "Team,\n\n1. ( S ) The route.\n");
  ASSERT_FALSE(s.findings.empty());
  EXPECT_EQ(s.findings[0].marking, "(S)");
  EXPECT_EQ(Scan(TextKind::kBody, "NATO-SECRET\n\nThe exercise.\n").level,
            Level::kSecret);
  EXPECT_EQ(Scan(TextKind::kBody, "COSMIC-TOP-SECRET\n\nAnnex B.\n").level,
            Level::kTopSecret);
}

TEST_F(ScannerTest, UnclassifiedIsNone) {
  Sensitivity s = Scan(TextKind::kBody, "UNCLASSIFIED\n\nhello\n");
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].level, Level::kNone);
  EXPECT_EQ(s.level, Level::kNone);
}

TEST_F(ScannerTest, CustomPatternsAndDetectors) {
  Sensitivity s = Scan(TextKind::kBody,
                       "Hypersonic test; BLUE HARRIER; card 4111 1111 1111 "
                       "1111, ssn 123-45-6789, bad ssn 666-12-3456, NI AB "
                       "12 34 56 C, IBAN GB82 WEST 1234 5698 7654 32.");
  EXPECT_EQ(s.level, Level::kTopSecret);
  std::vector<std::string> names;
  for (const Finding& f : s.findings) names.push_back(f.marking);
  EXPECT_EQ(names, (std::vector<std::string>{"project-hypersonic", "code-name",
                                             "iban", "payment-card", "us-ssn",
                                             "uk-nino"}));
}

TEST_F(ScannerTest, PurviewLabelUnfolded) {
  Sensitivity s = Header(
      "msip_labels",
      "MSIP_Label_0a1b2c3d-1111-2222-3333-444455556666_Enabled=true;\r\n "
      "MSIP_Label_0a1b2c3d-1111-2222-3333-444455556666_Name=OFFICIAL-\r\n"
      " SENSITIVE; MSIP_Label_0a1b2c3d-1111-2222-3333-444455556666_Method="
      "Standard");
  EXPECT_EQ(s.level, Level::kOfficialSensitive);
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].where, "header:msip_labels");
}

TEST_F(ScannerTest, OtherLabelHeaders) {
  EXPECT_EQ(Header("X-Protective-Marking",
                   "VER=2018.4, NS=gov.au, SEC=OFFICIAL:Sensitive, "
                   "ORIGIN=a@b.gov.au")
                .level,
            Level::kOfficialSensitive);
  EXPECT_EQ(Header("Sensitivity", "Company-Confidential").level,
            Level::kOfficialSensitive);
  // {"Props":[{"n":"Classification","vals":[{"value":"SECRET"}]}]}
  EXPECT_EQ(Header("x-titus-metadata-40",
                   "eyJQcm9wcyI6W3sibiI6IkNsYXNzaWZpY2F0aW9uIiwidmFscyI6W3sid"
                   "mFsdWUiOiJTRUNSRVQifV19XX0=")
                .level,
            Level::kSecret);
  Sensitivity unknown = Header("Sensitivity", "Project Falcon");
  ASSERT_EQ(unknown.findings.size(), 1u);
  // Issue 13: a label nothing places is reported by name, never as none.
  EXPECT_EQ(unknown.findings[0].marking, "unknown-label");
  EXPECT_EQ(unknown.findings[0].text, "Project Falcon");
  EXPECT_EQ(unknown.level, Level::kUnknownLabel);
  EXPECT_TRUE(Header("Subject", "SECRET").findings.empty());
}

TEST_F(ScannerTest, IsLabelHeaderAnswersForScanHeader) {
  EXPECT_TRUE(scanner_->IsLabelHeader("msip_labels"));
  EXPECT_TRUE(scanner_->IsLabelHeader("x-protective-marking"));
  EXPECT_FALSE(scanner_->IsLabelHeader("Subject"));
  EXPECT_FALSE(scanner_->IsLabelHeader("msip_labels2"));
}

TEST_F(ScannerTest, LabelWordsIgnoredInBody) {
  EXPECT_TRUE(Scan(TextKind::kBody, "General\n\nPublic notice").findings.empty());
}

// Issue 13, round 46 (s46b): [sensitivity] detector_level per detector.
TEST(ScannerCompileTest, EachDetectorGivesItsOwnLevel) {
  ScannerOptions options;
  options.detectors.levels["us-ssn"] = Level::kSecret;
  options.detectors.levels["payment-card"] = Level::kOfficial;
  auto compiled = Scanner::Compile(options);
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  auto scratch = Scratch::Create(**compiled);
  ASSERT_TRUE(scratch.ok());
  Sensitivity s;
  ASSERT_TRUE((*compiled)
                  ->Scan(TextKind::kBody, "t",
                         "card 4111 1111 1111 1111, ssn 123-45-6789, NI AB 12 34 56 C.",
                         *scratch, &s)
                  .ok());
  std::map<std::string, Level> by_name;
  for (const Finding& f : s.findings) by_name[f.marking] = f.level;
  EXPECT_EQ(by_name["us-ssn"], Level::kSecret);
  EXPECT_EQ(by_name["payment-card"], Level::kOfficial);
  EXPECT_EQ(by_name["uk-nino"], Level::kOfficialSensitive);
  EXPECT_EQ(s.level, Level::kSecret);
}

TEST(ScannerCompileTest, BadCustomPatternNamesOrigin) {
  ScannerOptions options;
  CustomPattern broken = Custom("broken", "(unclosed", Level::kSecret);
  broken.is_regex = true;
  broken.origin = "policy.toml:7";
  options.custom_patterns.push_back(broken);
  auto compiled = Scanner::Compile(options);
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.status().code(), StatusCode::kParseError);
  EXPECT_NE(compiled.status().message().find("policy.toml:7"),
            std::string::npos);
  EXPECT_NE(compiled.status().message().find("broken"), std::string::npos);
}

// The error of compiling the built-in packs with one more pack file holding
// `toml` (written to `*path`, then removed), or "" when it compiles.
std::string ExtraPackError(const std::string& name, const std::string& toml,
                           std::string* path) {
  *path = ::testing::TempDir() + "/" + name;
  std::ofstream(*path) << toml;
  ScannerOptions options;
  options.pack_files.push_back(*path);
  auto compiled = Scanner::Compile(options);
  std::remove(path->c_str());
  return compiled.ok() ? std::string() : compiled.status().message();
}

TEST(ScannerCompileTest, ExtraPackFileBadRegexNamesFileLine) {
  std::string path;
  std::string error = ExtraPackError(
      "extra.toml",
      "# test\npack = \"extra\"\n[[marking]]\nname = "
      "\"X\"\nlevel = \"SECRET\"\nregex = ['[unclosed']\n",
      &path);
  EXPECT_NE(error.find(path + ":3"), std::string::npos) << error;
}

TEST(ScannerCompileTest, ExtraPackFileBadExtentNamesFileLine) {
  std::string path;
  std::string error = ExtraPackError(
      "extra3.toml",
      "# test\npack = \"extra\"\n[[marking]]\nname = \"X\"\nlevel = "
      "\"SECRET\"\nkind = \"banner\"\nregex = ['ACME//X']\n"
      "extent = 'ACME//(X'\n",
      &path);
  EXPECT_NE(error.find(path + ":3: extent of 'X'"), std::string::npos) << error;
}

TEST(ScannerCompileTest, ExtraPackFileAdds) {
  std::string path = ::testing::TempDir() + "/extra2.toml";
  std::ofstream(path) << "# test\npack = \"acme\"\n[[marking]]\nname = "
                         "\"ACME RED\"\nlevel = \"SECRET\"\nkind = "
                         "\"banner\"\nforms = [\"ACME RED\"]\n";
  ScannerOptions options;
  options.pack_files.push_back(path);
  auto compiled = Scanner::Compile(options);
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  auto scratch = Scratch::Create(**compiled);
  ASSERT_TRUE(scratch.ok());
  Sensitivity s;
  ASSERT_TRUE((*compiled)->Scan(TextKind::kBody, "body", "x: ACME RED y",
                                *scratch, &s).ok());
  EXPECT_EQ(s.level, Level::kSecret);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace nearmiss::content
