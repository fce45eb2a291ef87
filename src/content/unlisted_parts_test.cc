// Issue 13, round 34, defects 1-3: a compressed text file is read as its
// text (not as a libarchive mtree manifest); a part of no listed type is
// read by what its bytes hold, and one that holds no format we read is
// reported unread; a part whose MIME decoding fails is never counted read.
// The fixtures are whole messages in tests/testdata/markings/round34/
// (make-fixtures.py there).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "content/content_sniff.h"
#include "content/shared_scanner_testing.h"
#include "nearmiss/content.h"

namespace nearmiss::content {
namespace {

ScannedMessage Read(const std::string& name) {
  std::ifstream in("tests/testdata/markings/round34/" + name + ".eml",
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::string bytes(std::istreambuf_iterator<char>(in), {});
  auto scanner = SharedScanner();
  auto scratch = Scratch::Create(*scanner);
  EXPECT_TRUE(scratch.ok());
  return ScanMessage(bytes, name, *scanner, *scratch);
}

bool HasLimit(const Sensitivity& s, std::string_view bound) {
  for (const Finding& f : s.findings) {
    if (f.pack == "limit" && f.marking == bound) return true;
  }
  return false;
}

TEST(CompressedTextTest, ReadAsItsTextWhateverItsLinesLookLike) {
  for (const char* name :
       {"gz-txt", "gz-csv", "bz2-log", "xz-txt", "lzma-txt", "gz-noname",
        "gz-mtree-head", "gz-in-zip", "bz2-in-zip"}) {
    ScannedMessage m = Read(name);
    EXPECT_EQ(m.sensitivity.level, Level::kSecret) << name;
    EXPECT_TRUE(m.sensitivity.complete) << name;
  }
}

TEST(CompressedTextTest, LongFilesAreOneMemberNotManyManifestLines) {
  for (const char* name : {"gz-ledger-plain", "gz-lines-plain", "xz-lines-plain"}) {
    ScannedMessage m = Read(name);
    EXPECT_EQ(m.sensitivity.level, Level::kNone) << name;
    EXPECT_TRUE(m.sensitivity.complete) << name;
    EXPECT_FALSE(HasLimit(m.sensitivity, "max-archive-members")) << name;
  }
}

TEST(UnlistedTypeTest, TextMarkupAndMessagesAreReadByTheirBytes) {
  for (const char* name :
       {"type-json", "type-yaml", "type-ndjson", "type-log-octet",
        "type-ini-octet", "type-001-octet", "type-noname-octet",
        "type-utf16-octet", "type-xml", "type-svg", "type-mht-octet",
        "type-mhtml-noname", "type-mht-zip", "type-svg-zip"}) {
    ScannedMessage m = Read(name);
    EXPECT_EQ(m.sensitivity.level, Level::kSecret) << name;
    EXPECT_TRUE(m.sensitivity.complete) << name;
  }
}

TEST(UnlistedTypeTest, OrdinaryDataStaysNoneAndComplete) {
  ScannedMessage m = Read("type-json-plain");
  EXPECT_EQ(m.sensitivity.level, Level::kNone);
  EXPECT_TRUE(m.sensitivity.complete);
}

// A picture is known, not an unknown binary, but its text is not read (no
// OCR): an unreadable part since round 46 (picture_parts.h).
TEST(UnlistedTypeTest, AnAttachedPictureIsKnownButUnread) {
  ScannedMessage m = Read("type-png-plain");
  EXPECT_EQ(m.sensitivity.level, Level::kNone);
  EXPECT_FALSE(m.sensitivity.complete);
  ASSERT_EQ(m.errors.size(), 1u);
  EXPECT_NE(m.errors[0].find("a picture (PNG"), std::string::npos) << m.errors[0];
}

TEST(UnlistedTypeTest, SniffTellsTextMarkupMessagesMediaAndUnknownBinary) {
  EXPECT_EQ(SniffUnlisted("application/octet-stream", "a.log", "UK SECRET\n").type,
            DocType::kText);
  EXPECT_EQ(SniffUnlisted("image/svg+xml", "c.svg", "<svg><text>x</text></svg>").type,
            DocType::kXml);
  EXPECT_EQ(SniffUnlisted("", "p", "MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\nx").type,
            DocType::kMessage);
  Sniffed png = SniffUnlisted("image/png", "p.png", std::string_view("\x89PNG\r\n\x1A\n\0\0", 10));
  EXPECT_EQ(png.type, DocType::kOther);
  EXPECT_EQ(png.unread, nullptr);
  Sniffed sig = SniffUnlisted("application/pkcs7-signature", "smime.p7s",
                              std::string_view("\x30\x82\x05\0\x06\x09", 6));
  EXPECT_EQ(sig.unread, nullptr);
  Sniffed blob = SniffUnlisted("application/octet-stream", "blob.bin",
                               std::string_view("\x13\x37\0\x01\x02garble", 11));
  EXPECT_EQ(blob.type, DocType::kOther);
  EXPECT_NE(blob.unread, nullptr);
}

// An attachment of bytes no reader here knows: unread, so incomplete.
TEST(UnlistedTypeTest, UnknownBinaryAttachmentIsUnread) {
  auto scanner = SharedScanner();
  auto scratch = Scratch::Create(*scanner);
  ASSERT_TRUE(scratch.ok());
  std::string m =
      "From: a@example.org\nTo: b@example.net\nSubject: x\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\n"
      "Content-Type: text/plain\n\nhi\n--B\nContent-Type: application/octet-stream\n"
      "Content-Disposition: attachment; filename=\"blob.bin\"\n"
      "Content-Transfer-Encoding: base64\n\nEzcAAQJnYXJibGU=\n--B--\n";
  ScannedMessage s = ScanMessage(m, "blob", *scanner, *scratch);
  EXPECT_FALSE(s.sensitivity.complete);
  EXPECT_TRUE(HasLimit(s.sensitivity, "unreadable-attachment"));
}

// The same bytes as a zip's member: unread too, never passed over (a zip
// must not carry what a bare attachment could not); the zip's text member
// is still read.
TEST(UnlistedTypeTest, UnknownBinaryZipMemberIsUnread) {
  auto scanner = SharedScanner();
  auto scratch = Scratch::Create(*scanner);
  ASSERT_TRUE(scratch.ok());
  std::string m =
      "From: a@example.org\nTo: b@example.net\nSubject: x\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\n"
      "Content-Type: text/plain\n\nhi\n--B\nContent-Type: application/zip\n"
      "Content-Disposition: attachment; filename=\"files.zip\"\n"
      "Content-Transfer-Encoding: base64\n\n"
      "UEsDBBQAAAAAAAAAIVzqPN9CCwAAAAsAAAAIAAAAYmxvYi5iaW4TNwABAmdhcmJsZVBLAwQUAAAAAAAA\n"
      "ACFcIDA6NgYAAAAGAAAACQAAAG5vdGVzLnR4dGhlbGxvClBLAQIUAxQAAAAAAAAAIVzqPN9CCwAAAAsA\n"
      "AAAIAAAAAAAAAAAAAACAAQAAAABibG9iLmJpblBLAQIUAxQAAAAAAAAAIVwgMDo2BgAAAAYAAAAJAAAA\n"
      "AAAAAAAAAACAATEAAABub3Rlcy50eHRQSwUGAAAAAAIAAgBtAAAAXgAAAAAA\n--B--\n";
  ScannedMessage s = ScanMessage(m, "zip-blob", *scanner, *scratch);
  EXPECT_FALSE(s.sensitivity.complete);
  EXPECT_TRUE(HasLimit(s.sensitivity, "unreadable-attachment"));
  bool named = false;
  for (const std::string& e : s.errors) named |= e.find("files.zip/blob.bin") != std::string::npos;
  EXPECT_TRUE(named) << "the error names the member";
}

TEST(MimeDecodeTest, InvalidContentTypeIsTextPlain) {
  for (const char* name : {"mime-ctype-text", "mime-ctype-plain", "mime-octet-body"}) {
    ScannedMessage m = Read(name);
    EXPECT_EQ(m.sensitivity.level, Level::kSecret) << name;
  }
}

// x-uuencode (GMime knows the name, but its decoder needs the "begin" line
// skipped for it): the file in the part is read.
TEST(MimeDecodeTest, UuencodedPartIsRead) {
  for (const char* name : {"mime-cte-x-uuencode", "mime-cte-uuencode-octet"}) {
    ScannedMessage m = Read(name);
    EXPECT_EQ(m.sensitivity.level, Level::kSecret) << name;
  }
}

TEST(MimeDecodeTest, UnknownEncodingOrNoBoundaryIsIncomplete) {
  for (const char* name : {"mime-cte-base-64", "mime-cte-x-gzip64",
                           "mime-multipart-no-boundary",
                           "mime-top-multipart-no-boundary",
                           // Round 45: a boundary that never appears.
                           "mime-boundary-never-appears", "mime-boundary-other-case",
                           "mime-inner-boundary-never-appears",
                           "mime-forwarded-boundary-never-appears"}) {
    ScannedMessage m = Read(name);
    EXPECT_FALSE(m.sensitivity.complete) << name;
    EXPECT_TRUE(HasLimit(m.sensitivity, "unreadable-attachment")) << name;
  }
}

}  // namespace
}  // namespace nearmiss::content

namespace nearmiss::content {
namespace {

// Still open from earlier rounds: an HTML image's alt text is read (a
// banner drawn as a picture); a logo's is not a marking.
TEST(HtmlImageTest, AltTextIsRead) {
  EXPECT_EQ(Read("html-img-alt-banner").sensitivity.level, Level::kSecret);
  EXPECT_EQ(Read("html-img-alt-os").sensitivity.level,
            Level::kOfficialSensitive);
  EXPECT_EQ(Read("html-img-alt-plain").sensitivity.level, Level::kNone);
}

}  // namespace
}  // namespace nearmiss::content
