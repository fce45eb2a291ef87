// Semantic checks over the fixture corpus (the golden test checks every
// detail; these say what must hold whatever the goldens contain).
#include "nearmiss/content_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace nearmiss::content {
namespace {

const std::string kDir = "tests/testdata/content/";

class ReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto compiled = Scanner::Compile(ScannerOptions{});
    ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
    scanner_ = *compiled;
  }

  std::vector<ScannedMessage> Read(const std::string& path,
                                   ContentLimits limits = {}) {
    auto reader = MessageReader::Open({path}, scanner_, limits);
    EXPECT_TRUE(reader.ok());
    std::vector<ScannedMessage> out;
    ScannedMessage m;
    while ((*reader)->Next(&m)) out.push_back(m);
    return out;
  }

  Level LevelOf(const std::string& fixture) {
    auto messages = Read(kDir + fixture);
    EXPECT_EQ(messages.size(), 1u) << fixture;
    return messages.empty() ? Level::kNone : messages[0].sensitivity.level;
  }

  static bool HasLimit(const ScannedMessage& m, std::string_view bound) {
    for (const Finding& f : m.sensitivity.findings) {
      if (f.where == "limit" && f.marking == bound) return true;
    }
    return false;
  }

  static std::shared_ptr<const Scanner> scanner_;
};
std::shared_ptr<const Scanner> ReaderTest::scanner_;

TEST_F(ReaderTest, LevelsOfMarkingFixtures) {
  const std::pair<const char*, Level> kCases[] = {
      {"uk-subject-prefix.eml", Level::kOfficialSensitive},
      {"uk-subject-reply-bracket.eml", Level::kSecret},
      {"uk-subject-languages.eml", Level::kTopSecret},
      {"uk-legacy.eml", Level::kSecret},
      {"uk-descriptors-caveats.eml", Level::kOfficialSensitive},
      {"uk-classification-line.eml", Level::kOfficial},
      {"weak-loose-words.eml", Level::kNone},
      {"us-banner-portion.eml", Level::kSecret},
      {"us-ts-sci-rel.eml", Level::kTopSecret},
      {"us-cui.eml", Level::kOfficialSensitive},
      {"us-unclassified.eml", Level::kNone},
      {"nato-eu.eml", Level::kTopSecret},
      {"nato-cosmic.eml", Level::kTopSecret},
      {"labels-purview.eml", Level::kOfficialSensitive},
      {"labels-titus-sio-au.eml", Level::kSecret},
      {"normalise-unicode.eml", Level::kTopSecret},
      {"encoding-base64.eml", Level::kOfficialSensitive},
      {"encoding-qp-soft-break.eml", Level::kOfficialSensitive},
      {"rfc2047-latin1.eml", Level::kSecret},
      {"rfc2231-filename.eml", Level::kSecret},
      {"html-body.eml", Level::kTopSecret},  // its <title> (round 33)
      {"attach-docx.eml", Level::kSecret},
      {"attach-xlsx.eml", Level::kOfficialSensitive},
      {"attach-pptx.eml", Level::kTopSecret},
      {"attach-odt.eml", Level::kOfficialSensitive},
      {"attach-ods.eml", Level::kSecret},
      {"attach-pdf.eml", Level::kSecret},
      {"attach-zip.eml", Level::kSecret},
      {"attached-message.eml", Level::kOfficialSensitive},
      {"detectors.eml", Level::kOfficialSensitive},
  };
  for (const auto& [fixture, level] : kCases) {
    EXPECT_EQ(LevelName(LevelOf(fixture)), LevelName(level)) << fixture;
  }
}

// Recipient headers come raw (one entry per header, unfolded): the mail
// server's reading of them is Engine::CheckRecipient's job, not GMime's.
TEST_F(ReaderTest, DecodesSubjectsAndKeepsRecipientHeadersRaw) {
  auto m = Read(kDir + "rfc2047-latin1.eml");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].subject, "R\u00e9union [SECRET] proc\u00e8s-verbal");
  EXPECT_EQ(m[0].message_id, "rfc2047-latin1@agency.gov.uk");
  EXPECT_EQ(m[0].from, "Alice Example <alice@agency.gov.uk>");
  EXPECT_EQ(m[0].to, (std::vector<std::string>{
                         "Bob Example <bob@partner.gov.uk>, carol@army.mil"}));
  auto a = Read(kDir + "rfc2231-filename.eml");
  ASSERT_EQ(a[0].attachments.size(), 1u);
  EXPECT_EQ(a[0].attachments[0].name, "SECRET plan\u00e9_v2.txt");
}

// An mbox message's source is FILE:LINE of its From_ line, as every place
// audit and learn name (issue-16 tester round 47, finding 10), never its
// number in the file.
TEST_F(ReaderTest, MboxSourcesAreFromLines) {
  auto m = Read(kDir + "containers/sent.mbox");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].source, kDir + "containers/sent.mbox:1");
  EXPECT_EQ(m[1].source, kDir + "containers/sent.mbox:12");
  EXPECT_EQ(m[2].source, kDir + "containers/sent.mbox:23");
  EXPECT_EQ(m[2].sensitivity.level, Level::kSecret);
}

TEST_F(ReaderTest, MaildirReadsCurAndNewNotTmp) {
  auto m = Read(kDir + "containers/Maildir");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].sensitivity.level, Level::kOfficialSensitive);
}

TEST_F(ReaderTest, HostileInputsReportNotCrash) {
  auto truncated = Read(kDir + "hostile-truncated.eml");
  ASSERT_EQ(truncated.size(), 1u);
  EXPECT_EQ(truncated[0].sensitivity.level, Level::kSecret);

  auto bad = Read(kDir + "hostile-bad-base64.eml");
  ASSERT_FALSE(bad[0].errors.empty());

  auto charset = Read(kDir + "hostile-unknown-charset.eml");
  ASSERT_FALSE(charset[0].errors.empty());
  EXPECT_EQ(charset[0].sensitivity.level, Level::kSecret);

  auto deep = Read(kDir + "hostile-deep-nesting.eml");
  EXPECT_TRUE(HasLimit(deep[0], "max-mime-depth"));
  EXPECT_FALSE(deep[0].sensitivity.complete);

  // 40 MiB of blanks inflate far past the compression-ratio bound, which
  // stops the bomb before the 32 MiB attachment bound would.
  auto bomb = Read(kDir + "hostile-zip-bomb.eml");
  EXPECT_TRUE(HasLimit(bomb[0], "max-compression-ratio"));
  EXPECT_FALSE(bomb[0].sensitivity.complete);

  auto junk = Read(kDir + "hostile-not-mime.eml");
  ASSERT_EQ(junk.size(), 1u);
}

// Issue 11: a message that is not MIME, or an input that cannot be read,
// was `none` and complete, so the engine judged it as clean mail.
TEST_F(ReaderTest, NotMimeOrUnreadableIsIncomplete) {
  auto junk = Read(kDir + "hostile-not-mime.eml");
  ASSERT_EQ(junk.size(), 1u);
  EXPECT_FALSE(junk[0].sensitivity.complete);
  auto missing = Read(kDir + "no-such-file.eml");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_FALSE(missing[0].errors.empty());
  EXPECT_FALSE(missing[0].sensitivity.complete);
  // An unknown charset is an error, not an incomplete scan: the part is
  // still scanned as it is. Bad base64 leaves bytes nobody read: the scan
  // is incomplete, so [limits] incomplete_level applies (fail closed).
  EXPECT_TRUE(Read(kDir + "hostile-unknown-charset.eml")[0].sensitivity.complete);
  EXPECT_FALSE(Read(kDir + "hostile-bad-base64.eml")[0].sensitivity.complete);
}

TEST_F(ReaderTest, EveryBoundIsReported) {
  ContentLimits tight;
  tight.max_parts = 2;
  EXPECT_TRUE(HasLimit(Read(kDir + "attach-docx.eml", tight)[0], "max-parts"));
  tight = {};
  tight.max_message_bytes = 100;
  EXPECT_TRUE(
      HasLimit(Read(kDir + "uk-legacy.eml", tight)[0], "max-message-bytes"));
  tight = {};
  tight.max_total_bytes = 100;
  EXPECT_TRUE(
      HasLimit(Read(kDir + "attach-docx.eml", tight)[0], "max-total-bytes"));
  tight = {};
  tight.max_extraction_time = std::chrono::milliseconds(0);
  EXPECT_TRUE(HasLimit(Read(kDir + "attach-docx.eml", tight)[0],
                       "max-extraction-time"));
  tight = {};
  tight.max_text_bytes = 10;
  EXPECT_TRUE(
      HasLimit(Read(kDir + "uk-legacy.eml", tight)[0], "max-text-bytes"));
}

TEST_F(ReaderTest, MissingInputIsAnError) {
  auto m = Read(kDir + "no-such-file.eml");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].errors.empty());
}

TEST_F(ReaderTest, ScanMessageFromMemory) {
  std::ifstream in(kDir + "uk-subject-prefix.eml");
  std::stringstream ss;
  ss << in.rdbuf();
  auto scratch = Scratch::Create(*scanner_);
  ASSERT_TRUE(scratch.ok());
  ScannedMessage m = ScanMessage(ss.str(), "memory", *scanner_, *scratch);
  EXPECT_EQ(m.sensitivity.level, Level::kOfficialSensitive);
  EXPECT_EQ(m.source, "memory");
}

// Encoded content is read in blocks: a part's size and its base64 check
// must not depend on where the blocks fall.
std::string Base64Lines(const std::string& bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out, line;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    if (n > 1) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (n > 2) v |= static_cast<unsigned char>(bytes[i + 2]);
    for (std::size_t k = 0; k < 4; ++k) {
      line += k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 63] : '=';
    }
    if (line.size() >= 76) {
      out += line + "\n";
      line.clear();
    }
  }
  return out + line + "\n";
}

ScannedMessage ScanAttachment(const std::shared_ptr<const Scanner>& scanner,
                              const std::string& type,
                              const std::string& body) {
  std::string mime =
      "From: a@example.org\nTo: b@example.org\nSubject: s\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
      "Content-Type: text/plain\n\nhello\n--b\nContent-Type: " + type +
      "; name=\"x.bin\"\nContent-Transfer-Encoding: base64\n\n" + body +
      "--b--\n";
  auto scratch = Scratch::Create(*scanner);
  EXPECT_TRUE(scratch.ok());
  return ScanMessage(mime, "test", *scanner, *scratch);
}

bool HasError(const ScannedMessage& m, std::string_view text) {
  for (const std::string& e : m.errors) {
    if (e.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST_F(ReaderTest, AttachmentSizeAndBase64CheckAcrossBlocks) {
  // Octet-stream sizes are counted from the base64, text is decoded: both
  // must agree for every padding length (two, one and no '=').
  for (int size : {40000, 40002, 40001}) {
    std::string raw;
    for (int i = 0; i < size; ++i) raw.push_back(static_cast<char>(i * 7));
    for (const char* type : {"application/octet-stream", "text/plain"}) {
      ScannedMessage m = ScanAttachment(scanner_, type, Base64Lines(raw));
      ASSERT_EQ(m.attachments.size(), 1u) << type;
      EXPECT_EQ(m.attachments[0].size, raw.size()) << type << " " << size;
      EXPECT_FALSE(HasError(m, "invalid base64")) << type;
    }
  }
  std::string bytes;
  for (int i = 0; i < 40001; ++i) bytes.push_back(static_cast<char>(i * 7));
  std::string encoded = Base64Lines(bytes);
  // A stray character deep in the third block, and data after the padding.
  std::string junk = encoded;
  junk[40000] = '*';
  EXPECT_TRUE(HasError(ScanAttachment(scanner_, "application/octet-stream", junk),
                       "x.bin: invalid base64"));
  std::string after_padding = encoded + "QUJD\n";
  EXPECT_TRUE(HasError(
      ScanAttachment(scanner_, "application/octet-stream", after_padding),
      "x.bin: invalid base64"));
}

// breaker16 #6: a text whose first line only looks like a header field
// (/etc/passwd, a trace written as "Key: value") was one message read, with
// nothing in it: it is named as not read. A message with any of the fields
// a message has is read, a draft without Date: too.
TEST_F(ReaderTest, TextThatIsNoMessageIsNotRead) {
  const std::string dir = ::testing::TempDir();
  struct Case {
    const char* name;
    const char* text;
    bool message;
  } cases[] = {
      {"passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n",
       false},
      {"kv.txt",
       "Received:11/3/2025 9:12:06 AM\nSenderAddress:alice@army.mil\nRecipientAddress:"
       "bob@army.ml\nStatus:Delivered\n",
       false},
      {"subject-only.eml", "Subject: SECRET plan\n\nbody\n", false},
      {"to-only.eml", "To: bob@army.ml\nSubject: draft\n\nbody\n", true},
      {"date-only.eml", "Date: Mon, 3 Nov 2025 09:00:00 +0000\n\nbody\n", true},
      {"msgid-only.eml", "Message-ID: <a@b>\n\nbody\n", true},
  };
  for (const Case& c : cases) {
    std::string path = dir + "/nm-reader-" + c.name;
    std::ofstream(path) << c.text;
    auto got = Read(path);
    ASSERT_EQ(got.size(), 1u) << c.name;
    EXPECT_EQ(got[0].unread, !c.message) << c.name;
    if (!c.message) {
      ASSERT_FALSE(got[0].errors.empty()) << c.name;
      EXPECT_NE(got[0].errors[0].find("not a message (no From, To, Cc, Bcc, Date or Message-ID"),
                std::string::npos)
          << got[0].errors[0];
    }
  }
  // An mbox whose "message" is such text.
  std::string mbox = dir + "/nm-reader-text.mbox";
  std::ofstream(mbox) << "From x Mon Nov  3 09:00:00 2025\nroot:x:0:0:root:/root:/bin/bash\n\n"
                         "From y Mon Nov  3 09:00:00 2025\nFrom: a@b\nTo: c@d\n\nhi\n";
  auto got = Read(mbox);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(got[0].unread);
  EXPECT_FALSE(got[1].unread);
}

TEST_F(ReaderTest, MboxSplitsOnlyAtFromLinesAfterAnEmptyLine) {
  // Report item 14: GMime's mbox mode split at "From here on ...".
  std::string mbox = ::testing::TempDir() + "/nm-reader-from-in-body.mbox";
  std::ofstream(mbox) << "From alice@mod.gov.uk Wed Nov  5 10:00:00 2025\n"
                         "From: alice@mod.gov.uk\nTo: bob@army.ml\nSubject: one\n\n"
                         "text\n\nFrom here on the text continues\n>From quoted\n\n"
                         "From alice@mod.gov.uk Thu Nov  6 11:00:00 2025\n"
                         "From: alice@mod.gov.uk\nTo: carol@gmial.com\nSubject: two\n\nbye\n";
  auto got = Read(mbox);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].source, mbox + ":1");
  EXPECT_EQ(got[0].to, std::vector<std::string>{"bob@army.ml"});
  EXPECT_EQ(got[0].mbox_from_line, "From alice@mod.gov.uk Wed Nov  5 10:00:00 2025");
  EXPECT_EQ(got[1].to, std::vector<std::string>{"carol@gmial.com"});
  EXPECT_EQ(got[1].delivered, 1762426800);  // 2025-11-06T11:00:00Z
}

}  // namespace
}  // namespace nearmiss::content
