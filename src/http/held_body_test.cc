// Round 52's tester 14, finding 3: an admin's preview of a held message
// is the text a reader sees, not boundaries and base64.
#include "http/held_body.h"

#include <gtest/gtest.h>

#include <fstream>

#include "http/fake_postfix_testing.h"
#include "http/postfix_queue.h"
#include "http/server_testing.h"

namespace nearmiss::http {
namespace {

// As python's EmailMessage writes it: multipart/alternative, both parts
// base64 (any non-ASCII text), as Outlook, Gmail and Thunderbird send.
constexpr char kAlternativeBase64[] =
    "From: erin@ourorg.example\r\n"
    "To: mary.jnoes@partner.example\r\n"
    "Subject: =?utf-8?q?Angebot_f=C3=BCr_Q1_=E2=80=93_Entwurf?=\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/alternative; boundary=\"===============2523866438085567899==\"\r\n"
    "\r\n"
    "--===============2523866438085567899==\r\n"
    "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "SGFsbG8gTWFyeSwKYW5iZWkgZGFzIEFuZ2Vib3QgZsO8ciBRMS4gR3LDvMOfZSwgRXJpbgo=\r\n"
    "\r\n"
    "--===============2523866438085567899==\r\n"
    "Content-Type: text/html; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "PGh0bWw+PGJvZHk+PHA+SGFsbG8gTWFyeTwvcD48L2JvZHk+PC9odG1sPgo=\r\n"
    "\r\n"
    "--===============2523866438085567899==--\r\n";

TEST(HeldBodyTest, AlternativeBase64ReadsAsText) {
  const HeldBody b = ReadHeldBody(kAlternativeBase64, 4096);
  EXPECT_EQ(b.from, "text/plain");
  EXPECT_EQ(b.text, "Hallo Mary,\nanbei das Angebot f\u00fcr Q1. Gr\u00fc\u00dfe, Erin\n");
  EXPECT_TRUE(b.attachments.empty());
  EXPECT_FALSE(b.truncated);
}

// Quoted-printable in Latin-1, a PDF and an unnamed image attached:
// the text in UTF-8, the attachments named.
TEST(HeldBodyTest, MixedQuotedPrintableLatin1WithAttachments) {
  const HeldBody b = ReadHeldBody(
      "From: a@x.example\nTo: b@y.example\nSubject: s\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=B\n\n"
      "--B\nContent-Type: text/plain; charset=iso-8859-1\n"
      "Content-Transfer-Encoding: quoted-printable\n\n"
      "Gr=FC=DFe aus K=F6ln, anbei das =\nAngebot.\n"
      "--B\nContent-Type: application/pdf; name=\"Angebot Q1.pdf\"\n"
      "Content-Disposition: attachment; filename*=utf-8''Angebot%20f%C3%BCr%20Q1.pdf\n"
      "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n"
      "--B\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
      "--B--\n",
      4096);
  EXPECT_EQ(b.from, "text/plain");
  // The line break before a boundary is the boundary's (RFC 2046 5.1.1).
  EXPECT_EQ(b.text, "Gr\u00fc\u00dfe aus K\u00f6ln, anbei das Angebot.");
  ASSERT_EQ(b.attachments.size(), 2u);
  EXPECT_EQ(b.attachments[0], "Angebot f\u00fcr Q1.pdf (application/pdf)");
  EXPECT_EQ(b.attachments[1], "unnamed image/png");
}

// HTML alone (a newsletter tool, a phone client): its text, no markup.
TEST(HeldBodyTest, HtmlOnlyGivesItsText) {
  const HeldBody b = ReadHeldBody(
      "From: a@x.example\nSubject: s\nMIME-Version: 1.0\n"
      "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
      "<html><head><style>p{color:red}</style></head><body><p>Dear Mary,</p>"
      "<p>the figures =E2=80=93 attached.</p></body></html>\n",
      4096);
  EXPECT_EQ(b.from, "text/html");
  EXPECT_NE(b.text.find("Dear Mary,"), std::string::npos) << b.text;
  EXPECT_NE(b.text.find("the figures \u2013 attached."), std::string::npos) << b.text;
  EXPECT_EQ(b.text.find('<'), std::string::npos) << b.text;
  EXPECT_EQ(b.text.find("color"), std::string::npos) << b.text;
}

// Nested: mixed > related > alternative (Outlook with an inline logo), a
// text attachment named, a forwarded message named by its subject.
TEST(HeldBodyTest, NestedPartsAndForwardedMessage) {
  const HeldBody b = ReadHeldBody(
      "From: a@x.example\nSubject: s\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=M\n\n"
      "--M\nContent-Type: multipart/related; boundary=R\n\n"
      "--R\nContent-Type: multipart/alternative; boundary=A\n\n"
      "--A\nContent-Type: text/plain; charset=us-ascii\n\nPlain words here.\n"
      "--A\nContent-Type: text/html\n\n<p>Plain words here.</p>\n--A--\n"
      "--R\nContent-Type: image/png; name=logo.png\nContent-ID: <logo>\n"
      "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--R--\n"
      "--M\nContent-Type: text/plain; name=notes.txt\nContent-Disposition: attachment\n\n"
      "not the body\n"
      "--M\nContent-Type: message/rfc822\n\nFrom: c@z.example\nSubject: Minutes\n\nold\n"
      "--M--\n",
      4096);
  EXPECT_EQ(b.text, "Plain words here.");
  ASSERT_EQ(b.attachments.size(), 3u);
  EXPECT_EQ(b.attachments[0], "logo.png (image/png)");
  EXPECT_EQ(b.attachments[1], "notes.txt (text/plain)");
  EXPECT_EQ(b.attachments[2], "a forwarded message: Minutes");
}

// A plain message without MIME headers, format=flowed joined, and the cut
// falls at a character, never inside one.
TEST(HeldBodyTest, PlainFlowedAndCutAtACharacter) {
  HeldBody b = ReadHeldBody("From: a@x.example\nSubject: s\n\nline one\nline two\n", 4096);
  EXPECT_EQ(b.from, "text/plain");
  EXPECT_EQ(b.text, "line one\nline two\n");
  b = ReadHeldBody(
      "From: a@x.example\nMIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=utf-8; format=flowed\n\nJoined \nline.\n",
      4096);
  EXPECT_EQ(b.text, "Joined line.\n");
  b = ReadHeldBody("From: a@x.example\nMIME-Version: 1.0\n"
                   "Content-Type: text/plain; charset=utf-8\n\n\u00fc\u00fc\u00fc\n",
                   3);
  EXPECT_EQ(b.text, "\u00fc");
  EXPECT_TRUE(b.truncated);
}

// Undeclared Windows-1252 bytes become their characters, not invalid UTF-8.
TEST(HeldBodyTest, LegacyBytesMended) {
  const HeldBody b = ReadHeldBody("From: a@x.example\nSubject: s\n\nPreis: 10 \x80\n", 4096);
  EXPECT_EQ(b.text, "Preis: 10 \u20ac\n");
}

// Attachments only: no text, the names said.
TEST(HeldBodyTest, AttachmentsOnly) {
  const HeldBody b = ReadHeldBody(
      "From: a@x.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n"
      "--B\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\n"
      "Content-Disposition: attachment; filename=\"=?utf-8?q?Bericht_K=C3=B6ln.docx?=\"\n\nx\n--B--\n",
      4096);
  EXPECT_EQ(b.from, "none");
  EXPECT_EQ(b.text, "");
  ASSERT_EQ(b.attachments.size(), 1u);
  EXPECT_EQ(b.attachments[0].substr(0, 19), "Bericht K\u00f6ln.docx ");
}

// postcat's output kept as the message's source, its markers left out.
TEST(HeldBodyTest, PostcatSourceReads) {
  HeldMessage m;
  ParseHeldContent(std::string("*** HEADER EXTRACTED hold/4F2A91C3B ***\n") +
                       kAlternativeBase64 + "*** MESSAGE FILE END hold/4F2A91C3B ***\n",
                   "X-Nearmiss", 4096, m);
  EXPECT_EQ(m.source.find("***"), std::string::npos);
  EXPECT_NE(m.body_preview.find("SGFsbG8g"), std::string::npos);  // the raw option
  EXPECT_EQ(ReadHeldBody(m.source, 4096).text.substr(0, 12), "Hallo Mary,\n");
}

// GET /v1/held/{id}: the text by default, the MIME source with ?body=raw,
// the attachments named either way; another body= is a 400.
class HeldPreviewTest : public ServerTest {
 protected:
  void SetUp() override { policy_name_ = "nearmiss_held_preview_test.toml"; }
};

TEST_F(HeldPreviewTest, TheAdminReadsTheTextAndMayAskForTheSource) {
  const std::string message = ::testing::TempDir() + "/nearmiss_held_preview.eml";
  std::ofstream(message, std::ios::binary)
      << "X-Nearmiss: hold; level=none; reasons=address-typo\r\n" << kAlternativeBase64;
  ApiOptions o;
  o.postfix.command_dir = WriteTools(
      "held_preview",
      "[ \"$1\" = -j ] && echo '{\"queue_name\": \"hold\", \"queue_id\": \"4R6Base6401\", "
      "\"sender\": \"erin@ourorg.example\", \"recipients\": [{\"address\": "
      "\"mary.jnoes@partner.example\"}]}'\nexit 0\n",
      "echo '*** MESSAGE CONTENTS hold/4R6Base6401 ***'; cat '" + message +
          "'; echo '*** MESSAGE FILE END hold/4R6Base6401 ***'\n",
      "");
  Start(o);
  auto r = client_->Get("/v1/held/4R6Base6401", Auth(kAdmin));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["subject"], "Angebot f\u00fcr Q1 \u2013 Entwurf");
  EXPECT_EQ(j["body_preview"], "Hallo Mary,\nanbei das Angebot f\u00fcr Q1. Gr\u00fc\u00dfe, Erin\n");
  EXPECT_EQ(j["body_from"], "text/plain");
  EXPECT_EQ(j["attachments"], nlohmann::json::array());
  r = client_->Get("/v1/held/4R6Base6401?body=raw", Auth(kAdmin));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["body_from"], "raw");
  EXPECT_NE(j["body_preview"].get<std::string>().find("SGFsbG8gTWFyeSwK"), std::string::npos);
  ExpectProblem(client_->Get("/v1/held/4R6Base6401?body=html", Auth(kAdmin)), 400);
  ExpectProblem(client_->Get("/v1/held/4R6Base6401?raw=1", Auth(kAdmin)), 400);
}

}  // namespace
}  // namespace nearmiss::http
