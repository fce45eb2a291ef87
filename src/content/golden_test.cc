// Golden tests: every fixture under tests/testdata/content (and
// tests/testdata/markings/structure) is read with the
// MessageReader and rendered as text; the rendering must equal the
// neighbouring .golden file. NM_UPDATE_GOLDEN=1 rewrites the goldens (review
// the diff by hand before committing).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "nearmiss/content.h"

namespace nearmiss::content {
namespace {

namespace fs = std::filesystem;
const char kDir[] = "tests/testdata/content";
// Issue 13, eighth round: markings inside a document's structure (made by
// make-fixtures.py there; tests/cli/markings-structure.sh checks the policy).
const char kStructureDir[] = "tests/testdata/markings/structure";
// Breaker round 7: encrypted mail, TNEF, iCalendar and uuencode (made by
// make-fixtures.py there).
const char kContainersDir[] = "tests/testdata/markings/containers";
// Breaker round 13: the tester's reproducers, one per defect family
// (legal legends, clearance words, list mail, idioms after a separator,
// numbered portions, wrapped banners, underscores, [SEC=...], business
// headings, RESTRICTED notices, sublabels, msip_labels keys, zip flags).
// yEnc files in texts (round 56's tester 13, finding 2; make-fixtures.py
// there): decoded, or unreadable when a block does not decode.
const char kYencDir[] = "tests/testdata/content/yenc";
// Names and comments an archive stores beside its members: a gzip file's
// later members, a tar's pax records (round 56b's tester 13; make-fixtures.py
// there).
const char kStoredTextsDir[] = "tests/testdata/content/stored-texts";
// Round 56's tester 13: XLSX formulas and number formats, MIME
// Content-Description, iCalendar CATEGORIES (make-fixtures.py there).
const char kRound56Dir[] = "tests/testdata/markings/round56";
// Round 57's tester 13, findings 5 and 9: age, Ansible Vault, sops and
// openssl enc data in bodies, attachments and zips (make-fixtures.py there).
const char kEncryptedDir[] = "tests/testdata/content/encrypted";
// Round 57's tester 13, finding 2: Explorer's thumbnail caches in zipped
// folders, skipped only when they are one (make-fixtures.py there).
const char kWindowsShellDir[] = "tests/testdata/content/windows-shell";
// Round 57's tester 13: record fields, the authority block, quoted headers
// in non-Latin scripts, pasted subject lines, RELEASABLE TO THE PUBLIC,
// negated export legends (README.md there).
const char kRound57Dir[] = "tests/testdata/markings/round57";
// Round 57b's tester 13: certificates and detached signatures are read.
const char kRound57bDir[] = "tests/testdata/markings/round57b";
// Round 58's tester 13: a bare level word as a zip's folder or before a
// member's everyday words; controls leading a subject (README.md there).
const char kRound58Dir[] = "tests/testdata/markings/round58";
const char kRound13Dir[] = "tests/testdata/markings/round13";
// Breaker round 14: a lone level word on a body's first or last line (the
// doubted-marking finding), label headers under other names, LIMITED
// OFFICIAL USE, letters joined by '-', '_' or '.'.
const char kRound14Dir[] = "tests/testdata/markings/round14";
// Breaker round 32: zips framed as unzip and Python frame them (D1) and
// files attached inside PDFs (D2) (made by make-fixtures.py there); portion
// marks after Outlook's list bullets (plain text and MsoListParagraph HTML),
// capitals shown by CSS, TS/SCI, underscores and soft hyphens in compounds,
// LOU and OFFICIAL USE ONLY in ordinary mail.
const char kRound32Dir[] = "tests/testdata/markings/round32";
// Round 33: banners in an HTML <title> and head metadata that is not one
// (d1), style sheets, scripts and HTML found by its bytes (d2), and OOXML/
// ODF packages framed as zips are (d4; made by make-fixtures.py there);
// the legacy US forms LOU, LES, SBU, FOUO (d3).
const char kRound33Dir[] = "tests/testdata/markings/round33";
// Round 35 (b13t): capitals set by formatting (d1), backspace overstrike
// (d2), banners in a Word header's table and split by tabs or table cells
// (d3) (made by make-fixtures.py there).
const char kRound35Dir[] = "tests/testdata/markings/round35";
// Round 36 (b13u): a lone ordinary-mail level word decorated ("CONFIDENTIAL.",
// "*PROTECTED*") at a body's or an attachment's edge (d1; tester r13 repros).
const char kRound36Dir[] = "tests/testdata/markings/round36";
// Round 37: NATO's abbreviations leading a subject in every separator form
// (d1), a form's column header naming the levels (d2), ODF table rows and
// Word's empty last cell (d3) (made by make-fixtures.py there).
const char kRound37Dir[] = "tests/testdata/markings/round37";
// Round 38: table rows with a lower-case level word shown in capitals by
// the table's style (d2), banners drawn as images (d3) (made by
// make-fixtures.py there).
const char kRound38Dir[] = "tests/testdata/markings/round38";
// Round 38 (r38f, tester 13): legacy Windows-1252 text, CSV cells and
// UTF-32 with no declared charset (d6), PDF pages of images with no text
// (d10), opaque-signed S/MIME (d15) (made by make-fixtures.py there).
const char kRound38fDir[] = "tests/testdata/markings/round38f";
// Round 41 (r41e, a fresh tester's list): DOCPROPERTY fields, Titus headers
// without a classification property, MSIP labels both enabled and
// disabled, PDF watermarks, banners split by a tab, and ordinary mail held
// for clearances, a company's footer and grading keys (make-fixtures.py).
const char kRound41eDir[] = "tests/testdata/markings/round41e";
// Round 41 (r41a, tester 41): a level after a label line, NZ and Canadian
// caveats, subjects led by a level and capitals, French and NATO/PfP forms,
// a wrapped PROTECTED CABINET, HR's Confidential subjects.
const char kRound41aDir[] = "tests/testdata/markings/round41a";
// Round 42 (helper r42h): tester 13's banner tails, tracked changes, header
// regions and the Office parts that hold no text (made by
// round42b/make-fixtures.py; each also a corpus row).
const char kRound42bDir[] = "tests/testdata/markings/round42b";
// Round 42 (r42e): S/MIME signed and enveloped data sent as
// application/octet-stream (d4), Office and HTML layouts (d5) (made by
// make-fixtures.py there).
const char kRound42Dir[] = "tests/testdata/markings/round42";
// Round 43 (s43f): a PDF's earlier revisions (p1), moved text in Word (w2),
// Flat ODF and RTF documents (f3), NHS numbers (n4) and smaller items (s5)
// (made by make-fixtures.py there).
const char kRound43Dir[] = "tests/testdata/markings/round43";
// Round 44 (s44a): labelled banners with a loose separator (l1), furniture
// before the marking (f2), a marking leading the text (l3) in Word, ODF,
// PDF, PowerPoint and Excel (made by make-fixtures.py there).
const char kRound44aDir[] = "tests/testdata/markings/round44a";
// Round 44 (s44b, tester 13 of round 43): labels under a labels-only
// policy (l1; tests/cli/round44b-cli.sh with bank-labels.toml), a section
// after an author's page break (p2), pages and cells not read (u3), the
// places of findings in documents (w4) (made by make-fixtures.py there).
const char kRound44bDir[] = "tests/testdata/markings/round44b";
// Round 45 (s45a, tester 13 of round 44): document properties each a page
// (p1), Visio shapes and XPS pages (v2), a PDF's XMP fields (x4) (made by
// make-fixtures.py there).
const char kRound45aDir[] = "tests/testdata/markings/round45a";
// Round 45 (s45b, tester 13 of round 44): a bulk mail's reading without its
// hidden preheader (b1), a sentence after a label's colon (b2), Unicode
// line breaks (b3), a marked section mid-page (b4), a plain value in
// X-Protective-Marking (b5) (made by make-fixtures.py there).
const char kRound45bDir[] = "tests/testdata/markings/round45b";
// Round 46 (s46a, tester 13 of round 45): text boxes anchored beside text
// (t1), pictures sent as attachments (i2), PDF fonts with no ToUnicode (f3),
// RTF shapes (r4) (made by make-fixtures.py there).
const char kRound46aDir[] = "tests/testdata/markings/round46a";
// Round 46 (s46b, tester 13 of round 45): a sentence stating its own text's
// level (s1) (made by make-fixtures.py there).
const char kRound46bDir[] = "tests/testdata/markings/round46b";

std::string Render(const ScannedMessage& m) {
  std::ostringstream o;
  o << "source: " << m.source << "\n";
  o << "message_id: " << m.message_id << "\n";
  o << "from: " << m.from << "\n";
  for (const auto& [field, list] :
       {std::pair{"to", &m.to}, {"cc", &m.cc}, {"bcc", &m.bcc}}) {
    for (const std::string& a : *list) o << field << ": " << a << "\n";
  }
  o << "subject: " << m.subject << "\n";
  o << "level: " << LevelName(m.sensitivity.level)
    << (m.sensitivity.complete ? "" : " (incomplete)") << "\n";
  for (const Finding& f : m.sensitivity.findings) {
    o << "finding: " << StrengthName(f.strength) << " " << LevelName(f.level)
      << " " << f.pack << "/" << f.marking << " @ " << f.where << "+"
      << f.offset << " \"" << f.text << "\"\n";
  }
  for (const Attachment& a : m.attachments) {
    o << "attachment: " << a.name << " (" << a.content_type << ", " << a.size
      << " bytes" << (a.text_extracted ? ", text" : "") << ")\n";
  }
  for (const std::string& e : m.errors) o << "error: " << e << "\n";
  return o.str();
}

std::shared_ptr<const Scanner> TestScanner() {
  ScannerOptions options;
  CustomPattern hypersonic;
  hypersonic.name = "hypersonic";
  hypersonic.pattern = "hypersonic";
  hypersonic.level = Level::kSecret;
  hypersonic.origin = "golden_test";
  options.custom_patterns.push_back(hypersonic);
  auto scanner = Scanner::Compile(options);
  EXPECT_TRUE(scanner.ok()) << scanner.status().ToString();
  return *scanner;
}

std::vector<std::string> Fixtures() {
  std::vector<std::string> out;
  for (const char* dir : {kDir, kStructureDir, kContainersDir, kRound13Dir,
                          kRound14Dir, kRound32Dir, kRound33Dir, kRound35Dir,
                          kRound36Dir, kRound37Dir, kRound38Dir,
                          kRound38fDir, kRound41eDir, kRound41aDir, kRound42Dir,
                          kRound42bDir, kRound43Dir, kRound44aDir, kRound44bDir,
                          kRound45aDir, kRound45bDir, kRound46aDir,
                          kRound46bDir, kYencDir, kStoredTextsDir, kRound56Dir,
                          kRound57Dir, kRound57bDir, kRound58Dir, kEncryptedDir, kWindowsShellDir}) {
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".eml") out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  out.push_back(std::string(kDir) + "/containers/sent.mbox");
  out.push_back(std::string(kDir) + "/containers/Maildir");
  return out;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesGolden) {
  static std::shared_ptr<const Scanner> scanner = TestScanner();
  ContentLimits limits;  // defaults: the bounds users get
  auto reader = MessageReader::Open({GetParam()}, scanner, limits);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  std::string actual;
  ScannedMessage m;
  while ((*reader)->Next(&m)) actual += Render(m) + "\n";
  std::string golden = GetParam() + ".golden";
  if (std::getenv("NM_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << golden;
  }
  std::ifstream in(golden, std::ios::binary);
  ASSERT_TRUE(in.good()) << golden << " missing; run with NM_UPDATE_GOLDEN=1";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "fixture " << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenTest, ::testing::ValuesIn(Fixtures()),
                         [](const auto& info) {
                           std::string name =
                               fs::path(info.param).filename().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) {
                               c = '_';
                             }
                           }
                           return name;
                         });

}  // namespace
}  // namespace nearmiss::content
