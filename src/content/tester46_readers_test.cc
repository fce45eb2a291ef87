// Round 46's tester 13, findings 3 to 8, at the extractors: what an RTF
// document, an Outlook TNEF stream, an MHTML page and an HTML page keep
// that a reader or a label reader must see.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

ExtractBudget Budget() {
  return ExtractBudget{1 << 20, 1 << 22, Clock::now() + std::chrono::seconds(30)};
}

// The RTF reader, from a literal (ExtractDocument has a string_view and a
// string&& overload).
Extracted Rtf(std::string_view rtf, ExtractBudget& b) {
  return ExtractDocument(DocType::kRtf, "r.rtf", rtf, b);
}

bool Has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string JoinedErrors(const Extracted& e) {
  std::string all;
  for (const std::string& x : e.errors) all += x + "\n";
  return all;
}

TEST(Tester46Readers, RtfUserPropertiesAndDocumentVariablesAreLabels) {
  ExtractBudget b = Budget();
  Extracted e = Rtf(
      "{\\rtf1\\ansi{\\*\\userprops {\\propname MSIP_Label_1b2c_Enabled}\\proptype30"
      "{\\staticval true}{\\propname MSIP_Label_1b2c_Name}\\proptype30{\\staticval Secret_0}"
      "{\\propname Classification}\\proptype30{\\staticval UK SECRET}}"
      "{\\*\\docvar {Protective Marking}{OFFICIAL-SENSITIVE}}"
      "\\pard The convoy leaves at 0600.\\par}",
      b);
  EXPECT_TRUE(e.errors.empty()) << JoinedErrors(e);
  EXPECT_TRUE(Has(e.msip_labels, "MSIP_Label_1b2c_Name=Secret_0")) << e.msip_labels;
  EXPECT_TRUE(Has(e.msip_labels, "MSIP_Label_1b2c_Enabled=true")) << e.msip_labels;
  ASSERT_EQ(e.classifications.size(), 2u);
  EXPECT_EQ(e.classifications[0], "UK SECRET");
  EXPECT_EQ(e.classifications[1], "OFFICIAL-SENSITIVE");
  // Properties are no text of the page.
  EXPECT_FALSE(Has(e.text, "Secret_0"));
  EXPECT_TRUE(Has(e.text, "The convoy leaves at 0600."));
}

TEST(Tester46Readers, RtfCommentsAreReadAndObjectsAreNot) {
  ExtractBudget b = Budget();
  Extracted e = Rtf(
      "{\\rtf1\\ansi\\pard The convoy leaves at 0600.{\\*\\atnid JS}{\\*\\annotation "
      "{\\*\\atnref 0}UK SECRET}\\par}",
      b);
  EXPECT_TRUE(e.errors.empty()) << JoinedErrors(e);
  EXPECT_TRUE(Has(e.text, "\fUK SECRET\n")) << e.text;
  EXPECT_FALSE(Has(e.text, "JS"));
  Extracted o = Rtf(
      "{\\rtf1\\ansi\\pard See object:\\par{\\object\\objemb{\\*\\objclass Package}"
      "\\objw100\\objh100{\\*\\objdata 0105000002000000}}\\par}",
      b);
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_TRUE(Has(o.errors[0], "1 embedded object")) << o.errors[0];
}

// A TNEF attribute: level, tag (type << 16 | id), length, data, checksum.
std::string Attribute(uint8_t level, uint32_t tag, const std::string& data) {
  std::string out(1, static_cast<char>(level));
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(tag >> (8 * i)));
  const uint32_t n = static_cast<uint32_t>(data.size());
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(n >> (8 * i)));
  out += data;
  uint32_t sum = 0;
  for (unsigned char c : data) sum += c;
  out.push_back(static_cast<char>(sum & 0xFF));
  out.push_back(static_cast<char>((sum >> 8) & 0xFF));
  return out;
}

std::string Le32(uint32_t v) {
  std::string out;
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
  return out;
}

// [MS-OXTNEF] 2.1.3.4: a property list of one PT_STRING8 or PT_BINARY value.
std::string OneProperty(uint16_t type, uint16_t id, const std::string& value) {
  std::string padded = value;
  while (padded.size() % 4 != 0) padded.push_back('\0');
  return Le32(1) + Le32(static_cast<uint32_t>(type) | static_cast<uint32_t>(id) << 16) + Le32(1) +
         Le32(static_cast<uint32_t>(value.size())) + padded;
}

std::string Stream(const std::string& attributes) {
  return std::string("\x78\x9f\x3e\x22", 4) + std::string("\x01\x00", 2) + attributes;
}

constexpr uint32_t kVersion = 0x00089006;     // attTnefVersion
constexpr uint32_t kSubject = 0x00018004;     // attSubject, atpString
constexpr uint32_t kMapiProps = 0x00069003;   // attMsgProps

std::string Version() { return Attribute(1, kVersion, Le32(0x00010000)); }

TEST(Tester46Readers, TnefSubjectAndMapiBodiesAreRead) {
  ExtractBudget b = Budget();
  const std::string tnef =
      Stream(Version() + Attribute(1, kSubject, std::string("UK SECRET: convoy plan\0", 23)) +
             Attribute(1, kMapiProps, OneProperty(30, 0x1000, std::string("SECRET//NOFORN body\0", 20))));
  Extracted e = ExtractArchive(DocType::kTnef, "winmail.dat", tnef, b);
  EXPECT_TRUE(e.errors.empty()) << JoinedErrors(e);
  bool subject = false, body = false;
  for (const ExtractedMember& m : e.members) {
    subject |= Has(m.path, "subject.txt") && Has(m.text, "UK SECRET: convoy plan");
    body |= Has(m.path, "PR_BODY") && Has(m.text, "SECRET//NOFORN body");
  }
  EXPECT_TRUE(subject);
  EXPECT_TRUE(body);
}

TEST(Tester46Readers, ABrokenTnefAttributeIsRefusedBeforeLibytnefPrintsAnything) {
  ExtractBudget b = Budget();
  Extracted zero = ExtractArchive(DocType::kTnef, "winmail.dat",
                                  Stream(Version() + Attribute(2, 0x00068011, "")), b);
  ASSERT_FALSE(zero.errors.empty());
  EXPECT_TRUE(Has(zero.errors[0], "has length 0")) << zero.errors[0];
  std::string bad_sum = Stream(Version());
  bad_sum.back() ^= 1;
  Extracted sum = ExtractArchive(DocType::kTnef, "winmail.dat", bad_sum, b);
  ASSERT_FALSE(sum.errors.empty());
  EXPECT_TRUE(Has(sum.errors[0], "fails its checksum")) << sum.errors[0];
  Extracted named = ExtractArchive(DocType::kTnef, "winmail.dat", "just some text here", b);
  ASSERT_FALSE(named.errors.empty());
  EXPECT_TRUE(Has(named.errors[0], "TNEF signature")) << named.errors[0];
}

TEST(Tester46Readers, AnMhtmlPageIsAMessageWhateverItsType) {
  const std::string mht =
      "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
      "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      "<p>UK SEC=\r\nRET</p>\r\n--b--\r\n";
  EXPECT_EQ(ClassifyDocument("text/html", "report.htm", mht), DocType::kMessage);
  EXPECT_EQ(ClassifyDocument("text/html", "report.mht", "<html></html>"), DocType::kMessage);
  EXPECT_EQ(ClassifyDocument("application/octet-stream", "page.MHTML", "x"), DocType::kMessage);
  EXPECT_EQ(ClassifyDocument("text/html", "page.htm", "<html><p>hi</p></html>"), DocType::kHtml);
}

TEST(Tester46Readers, HtmlKeepsWordsPropertiesAndClassificationMeta) {
  Extracted e = HtmlToText(
      "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
      "<meta name=\"security-classification\" content=\"SECRET//NOFORN\">"
      "<meta name=\"classification\" content=\"Business\">"
      "<meta name=\"keywords\" content=\"TOP SECRET\">"
      "<!--[if gte mso 9]><xml><o:CustomDocumentProperties>"
      "<o:MSIP_Label_1b2c_Name dt:dt=\"string\">Secret_0</o:MSIP_Label_1b2c_Name>"
      "<o:Classification dt:dt=\"string\">UK SECRET</o:Classification>"
      "</o:CustomDocumentProperties></xml><![endif]--></head>"
      "<body><p>The convoy leaves at 0600.</p></body></html>");
  EXPECT_TRUE(Has(e.msip_labels, "MSIP_Label_1b2c_Name=Secret_0")) << e.msip_labels;
  ASSERT_EQ(e.classifications.size(), 2u);
  EXPECT_EQ(e.classifications[0], "SECRET//NOFORN");
  EXPECT_EQ(e.classifications[1], "UK SECRET");
  // The search engines' topic tag: read as a subject line, no label.
  bool topic = false;
  for (const std::string& s : e.document_subjects) topic |= s == "Business";
  EXPECT_TRUE(topic);
  EXPECT_FALSE(Has(e.text, "TOP SECRET"));
}

}  // namespace
}  // namespace nearmiss::content
