// The plain path (plain_message.h) against GMime's full parse: over every
// .eml fixture under tests/, the milter bench's message mix and a generated
// corpus of one-part messages (each transfer encoding x charset x where the
// marking is), the ScannedMessage of the two must be equal in every field;
// and what the path must leave to the full parse, it does.
#include "content/plain_message.h"

#include <gmime/gmime.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/gmime_util.h"

namespace nearmiss::content {
namespace {

// Every field of a ScannedMessage, one per line, so a difference shows
// where it is.
std::string Describe(const ScannedMessage& m) {
  std::ostringstream o;
  o << "source=" << m.source << "\nmessage_id=" << m.message_id << "\ndate=" << m.date
    << "\nfrom=" << m.from << "\nsubject=" << m.subject << "\n";
  for (const auto& [list, name] : {std::pair{&m.to, "to"}, {&m.cc, "cc"}, {&m.bcc, "bcc"}}) {
    for (const std::string& v : *list) o << name << "=" << v << "\n";
  }
  for (const auto& [name, value] : m.label_headers) o << "label " << name << "=" << value << "\n";
  const Sensitivity& s = m.sensitivity;
  o << "level=" << LevelName(s.level) << " complete=" << s.complete << "\n";
  for (const Finding& f : s.findings) {
    o << "finding " << f.marking << " pack=" << f.pack << " level=" << LevelName(f.level)
      << " where=" << f.where << " offset=" << f.offset << " text=" << f.text
      << " strength=" << StrengthName(f.strength) << " corroborate=" << f.needs_corroboration
      << " bulk=" << f.bulk << "\n";
  }
  for (const Attachment& a : m.attachments) {
    o << "attachment " << a.name << " " << a.content_type << " " << a.size << " "
      << a.text_extracted << "\n";
  }
  for (const std::string& e : m.errors) o << "error " << e << "\n";
  o << "unread=" << m.unread << "\n";
  return o.str();
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream o;
  o << in.rdbuf();
  return o.str();
}

class PlainMessageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto compiled = Scanner::Compile(ScannerOptions{});
    ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
    scanner_ = *compiled;
  }
  void SetUp() override {
    auto s = Scratch::Create(*scanner_);
    ASSERT_TRUE(s.ok());
    scratch_.emplace(std::move(*s));
  }

  // Whether the message took the plain path; fails the test when its scan
  // differs from the full parse's, or ScanMessage's from either.
  bool Same(const std::string& bytes, const std::string& name, ContentLimits limits = {}) {
    ScannedMessage full = ScanMessageParsed(bytes, "m", *scanner_, *scratch_, limits);
    std::string_view kept = std::string_view(bytes).substr(0, limits.max_message_bytes);
    std::optional<ScannedMessage> plain =
        ScanPlainMessage(kept, bytes.size(), "m", *scanner_, *scratch_, limits);
    ScannedMessage entry = ScanMessage(bytes, "m", *scanner_, *scratch_, limits);
    EXPECT_EQ(Describe(entry), Describe(full)) << name;
    if (!plain) return false;
    EXPECT_EQ(Describe(*plain), Describe(full)) << name << "\n--- message:\n" << bytes;
    return true;
  }

  static std::shared_ptr<const Scanner> scanner_;
  std::optional<Scratch> scratch_;
};
std::shared_ptr<const Scanner> PlainMessageTest::scanner_;

TEST_F(PlainMessageTest, EveryFixtureScansAsTheFullParse) {
  int total = 0, plain = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("tests")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".eml") continue;
    ++total;
    plain += Same(ReadFile(entry.path()), entry.path().string());
  }
  std::printf("fixtures: %d, plain path: %d\n", total, plain);
  // The corpus has hundreds of fixtures, a good share of them one text part.
  EXPECT_GT(total, 250);
  EXPECT_GT(plain, 100);
}

// bench/milter_replay.py's four kinds, as the milter assembles them.
TEST_F(PlainMessageTest, TheBenchMixTakesThePlainPath) {
  const std::pair<const char*, const char*> kKinds[] = {
      {"Lunch", "carol@army.mil"},
      {"Re: budget", "erin@partner.example"},
      {"OFFICIAL: minutes", "dave@example.com"},
      {"OFFICIAL-SENSITIVE: plan", "dave@example.com"}};
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body += "Dear colleague,\r\n\r\n";
    for (int j = 0; j < 60; ++j) body += "The quarterly figures are attached below. ";
    body += "\r\n";
  }
  body += "\r\n";
  int kind = 0;
  for (const auto& [subject, rcpt] : kKinds) {
    std::string m = std::string(
                        "Received: from localhost (localhost [127.0.0.1])\n\tby "
                        "bench.nearmiss.test (Postfix) with ESMTP id 4Q00000001\n\tfor <") +
                    rcpt + ">; Wed,  2 Dec 2026 03:50:00 +0000 (UTC)\r\n" +
                    "From: alice@mod.gov.uk\r\nTo: " + rcpt + "\r\nSubject: " + subject +
                    "\r\nMessage-ID: <bench-" + std::to_string(kind++) + "@mod.gov.uk>\r\n\r\n" +
                    body;
    EXPECT_TRUE(Same(m, subject)) << subject;
  }
}

// What GMime's encoders make of `text` in `encoding` (the test's input,
// not the code under test).
std::string Encode(const std::string& text, GMimeContentEncoding encoding) {
  GMimeEncoding state;
  g_mime_encoding_init_encode(&state, encoding);
  std::string out(g_mime_encoding_outlen(&state, text.size()) + 16, '\0');
  std::size_t n = g_mime_encoding_flush(&state, text.data(), text.size(), out.data());
  out.resize(n);
  return out;
}

struct Charset {
  const char* name;  // nullptr: no charset parameter
  // A marking whose separator is the charset's own: a converter that is
  // skipped leaves bytes the marking patterns do not read.
  std::string marking;
};

TEST_F(PlainMessageTest, GeneratedSinglePartsScanAsTheFullParse) {
  EnsureGMimeInitialized();
  const Charset kCharsets[] = {
      {"utf-8", "OFFICIAL\xE2\x80\x93SENSITIVE"},  // en dash
      {"iso-8859-1", "TOP\xA0SECRET"},             // no-break space
      {"windows-1252", "OFFICIAL\x96SENSITIVE"},   // en dash
      {"us-ascii", "SECRET//NOFORN"},
      {nullptr, "OFFICIAL-SENSITIVE"}};
  const std::pair<const char*, GMimeContentEncoding> kEncodings[] = {
      {nullptr, GMIME_CONTENT_ENCODING_DEFAULT},
      {"7bit", GMIME_CONTENT_ENCODING_7BIT},
      {"8bit", GMIME_CONTENT_ENCODING_8BIT},
      {"binary", GMIME_CONTENT_ENCODING_BINARY},
      {"quoted-printable", GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE},
      {"base64", GMIME_CONTENT_ENCODING_BASE64}};
  const std::string filler = "The figures for the quarter are in the table below, as agreed.";
  // Where the marking is: {name, subject, body}; "@" is the marking.
  const std::pair<const char*, std::pair<std::string, std::string>> kPlaces[] = {
      {"subject", {"@: plan", "Hello,\n" + filler + "\n"}},
      {"first-line", {"plan", "@\n\n" + filler + "\n"}},
      {"last-line", {"plan", filler + "\n\n@\n"}},
      {"long-line", {"plan", filler + " " + filler + " @ " + filler + "\n"}},
      {"no-trailing-newline", {"plan", filler + "\n@"}},
      {"empty-body", {"@ plan", ""}},
      {"portion-marks", {"plan", "(S) Convoy timings\n(U) Lunch\n@\n"}}};
  int generated = 0, plain = 0, with_findings = 0;
  for (const Charset& cs : kCharsets) {
    for (const auto& [cte, encoding] : kEncodings) {
      for (const auto& [place, texts] : kPlaces) {
        for (const char* eol : {"\n", "\r\n"}) {
          auto fill = [&](std::string s) {
            for (std::size_t at; (at = s.find('@')) != std::string::npos;)
              s.replace(at, 1, cs.marking);
            return s;
          };
          std::string subject = fill(texts.first), body = fill(texts.second);
          // 8-bit bytes in the subject: an RFC 2047 word in the charset.
          bool eight_bit = subject.find_first_of("\x80\x96\xA0\xE2") != std::string::npos;
          if (eight_bit) {
            std::string b = Encode(subject, GMIME_CONTENT_ENCODING_BASE64);
            b.erase(std::remove(b.begin(), b.end(), '\n'), b.end());
            subject = std::string("=?") + (cs.name ? cs.name : "utf-8") + "?B?" + b + "?=";
          }
          if (encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
              encoding == GMIME_CONTENT_ENCODING_BASE64) {
            body = Encode(body, encoding);
          }
          std::string m = "From: Alice <alice@mod.gov.uk>\nTo: bob@army.mil,\n carol@army.mil\n";
          m += "Subject: " + subject + "\nDate: Wed, 2 Dec 2026 03:50:00 +0000\n";
          m += "Message-ID: <g" + std::to_string(generated) + "@mod.gov.uk>\nMIME-Version: 1.0\n";
          if (cs.name != nullptr) {
            m += std::string("Content-Type: text/plain;\n\tcharset=\"") + cs.name + "\"\n";
          }
          if (cte != nullptr) m += std::string("Content-Transfer-Encoding: ") + cte + "\n";
          m += "\n" + body;
          if (std::string_view(eol) == "\r\n") {
            std::string crlf;
            for (char c : m) {
              if (c == '\n') crlf += '\r';
              crlf += c;
            }
            m = crlf;
          }
          ++generated;
          std::string name = std::string(cs.name ? cs.name : "none") + "/" +
                             (cte ? cte : "none") + "/" + place + "/" +
                             (eol[0] == '\r' ? "crlf" : "lf");
          bool took = Same(m, name);
          EXPECT_TRUE(took) << name;
          plain += took;
          with_findings +=
              !ScanMessage(m, "m", *scanner_, *scratch_).sensitivity.findings.empty();
        }
      }
    }
  }
  std::printf("generated: %d, plain path: %d, with findings: %d\n", generated, plain,
              with_findings);
  EXPECT_EQ(with_findings, generated);
}

// The markings a one-part message hides where only decoding finds them.
TEST_F(PlainMessageTest, MarkingsSplitByTheEncodingScanAsTheFullParse) {
  const std::string head =
      "From: alice@mod.gov.uk\nTo: bob@army.mil\nSubject: plan\n"
      "Content-Type: text/plain; charset=utf-8\n";
  // A quoted-printable soft line break inside the marking.
  const std::string qp = head +
                         "Content-Transfer-Encoding: quoted-printable\n\n"
                         "Hello,\n\nOFFICIAL-SEN=\nSITIVE\n\nThe plan=E2=80=94attached.\n";
  // Base64 whose line break falls inside the marking (57 bytes a line).
  const std::string text = std::string(50, 'x') + "\nTOP SECRET//NOFORN\nthe plan\n";
  const std::string b64 = head + "Content-Transfer-Encoding: base64\n\n" +
                          Encode(text, GMIME_CONTENT_ENCODING_BASE64);
  // A marking in a folded RFC 2047 subject, and a folded label header.
  const std::string folded =
      "From: alice@mod.gov.uk\nTo: bob@army.mil\nSubject: =?utf-8?Q?OFFICIAL-SENSITIVE?=\n"
      " =?utf-8?B?OiBwbGFu?=\nX-Protective-Marking: VER=2018.4, NS=gov.au,\n"
      "\tSEC=OFFICIAL:Sensitive, ORIGIN=alice@mod.gov.uk\n\nHello\n";
  for (const auto& [name, m] :
       {std::pair{"qp", qp}, {"base64", b64}, {"folded", folded}}) {
    EXPECT_TRUE(Same(m, name)) << name;
    ScannedMessage s = ScanMessage(m, "m", *scanner_, *scratch_);
    EXPECT_NE(s.sensitivity.level, Level::kNone) << name << "\n" << Describe(s);
  }
}

// What the plain path leaves to the full parse; the entry point still
// scans each as the full parse does.
TEST_F(PlainMessageTest, WhatIsNotPlainTakesTheFullParse) {
  const std::string head = "From: alice@mod.gov.uk\nTo: bob@army.mil\nSubject: plan\n";
  const std::pair<const char*, std::string> kCases[] = {
      {"multipart",
       head + "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nSECRET\n--b--\n"},
      {"message/rfc822", head + "Content-Type: message/rfc822\n\nSubject: SECRET\n\nx\n"},
      {"not text", head + "Content-Type: application/pdf\n\n%PDF-1.4\n"},
      {"disposition", head + "Content-Disposition: attachment; filename=a.txt\n\nSECRET\n"},
      {"named part", head + "Content-Type: text/plain; name=a.txt\n\nSECRET\n"},
      {"uuencode", head + "Content-Transfer-Encoding: x-uuencode\n\nbegin 644 a\n`\nend\n"},
      {"unknown encoding", head + "Content-Transfer-Encoding: x-foo\n\nSECRET\n"},
      {"two subjects", head + "Subject: SECRET\n\nHello\n"},
      {"two content types",
       head + "Content-Type: text/plain\nContent-Type: text/html\n\n<b>SECRET</b>\n"},
      {"encoded content type", head + "Content-Type: =?utf-8?Q?text/plain?=\n\nSECRET\n"},
      // Blanks inside an encoded word: GMime decodes it, with a warning.
      {"bad encoded word", head + "X-Note: =?utf-8?Q?SECRET plan?=\n\nx\n"},
      {"pgp inline", head + "\n-----BEGIN PGP MESSAGE-----\n\nhQEMA\n-----END PGP MESSAGE-----\n"},
      {"pgp in base64", head + "Content-Transfer-Encoding: base64\n\n" +
                            Encode("-----BEGIN PGP MESSAGE-----\n\nhQ\n-----END PGP MESSAGE-----\n",
                                   GMIME_CONTENT_ENCODING_BASE64)},
      {"from line", "From alice@mod.gov.uk Wed Dec  2 03:50:00 2026\n" + head + "\nSECRET\n"},
      {"no empty line", head},
      {"blank before colon", head + "X-Label : SECRET\n\nx\n"},
      {"bare CR", head + "X-Note: a\rb\n\nx\n"},
      {"continuation first", " folded\n" + head + "\nx\n"},
      {"unparsable from", "From: (nobody\nSubject: SECRET\n\nx\n"},
  };
  for (const auto& [name, m] : kCases) {
    EXPECT_FALSE(Same(m, name)) << name;
  }
}

// Past max_message_bytes only the headers are read, on both paths.
TEST_F(PlainMessageTest, LimitsApplyAsOnTheFullParse) {
  std::string m = "From: alice@mod.gov.uk\nSubject: OFFICIAL: plan\n\n" + std::string(300, 'x') +
                  "\nSECRET//NOFORN\n";
  ContentLimits small;
  small.max_message_bytes = 100;
  EXPECT_TRUE(Same(m, "over max_message_bytes", small));
  ContentLimits text;
  text.max_text_bytes = 50;
  EXPECT_TRUE(Same(m, "over max_text_bytes", text));
  ContentLimits no_parts;
  no_parts.max_parts = 0;
  EXPECT_TRUE(Same(m, "max_parts 0", no_parts));
}

}  // namespace
}  // namespace nearmiss::content
