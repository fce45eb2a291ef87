// Finder's AppleDouble/AppleSingle files and .DS_Store (finder_files.h;
// round 51's tester 13, finding 2): metadata read for its words, a data
// fork read as the file, what is not read named.
#include "content/finder_files.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace nearmiss::content {
namespace {

std::string Be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}
std::string Be16(std::uint16_t v) { return {static_cast<char>(v >> 8), static_cast<char>(v)}; }

// RFC 1740 B.2: header, entry table, then the entries in order.
std::string Apple(std::uint32_t magic, const std::vector<std::pair<std::uint32_t, std::string>>& entries) {
  std::string head = Be32(magic) + Be32(0x00020000) + std::string(16, ' ') +
                     Be16(static_cast<std::uint16_t>(entries.size()));
  std::size_t offset = head.size() + 12 * entries.size();
  std::string table, body;
  for (const auto& [id, data] : entries) {
    table += Be32(id) + Be32(static_cast<std::uint32_t>(offset + body.size())) +
             Be32(static_cast<std::uint32_t>(data.size()));
    body += data;
  }
  return head + table + body;
}

// Finder info with one extended attribute in copyfile's ATTR block; the
// entry is the first, at offset 26 + 12 * `entries`.
std::string FinderInfo(std::size_t entries, const std::string& name, const std::string& value) {
  const std::size_t at = 26 + 12 * entries;
  std::string attr_name = name + '\0';
  std::size_t entry_bytes = (11 + attr_name.size() + 3) & ~std::size_t{3};
  std::size_t data_at = at + 34 + 36 + entry_bytes;
  std::string entry = Be32(static_cast<std::uint32_t>(data_at)) +
                      Be32(static_cast<std::uint32_t>(value.size())) + Be16(0) +
                      static_cast<char>(attr_name.size()) + attr_name;
  entry.resize(entry_bytes, '\0');
  std::string attr = "ATTR" + Be32(0) + Be32(0) + Be32(static_cast<std::uint32_t>(data_at)) +
                     Be32(static_cast<std::uint32_t>(value.size())) + std::string(12, '\0') +
                     Be16(0) + Be16(1);
  return std::string(34, '\0') + attr + entry + value;
}

std::string Fork(std::uint32_t data_length) {
  return Be32(0x100) + Be32(0x100) + Be32(data_length) + Be32(0x1e) + std::string(270, '\0');
}

struct Read {
  bool ok = false;
  std::vector<FinderMember> members;
  std::vector<std::string> unread;
  std::string error;
};

Read ReadAs(const std::string& name, const std::string& bytes) {
  Read r;
  r.ok = ReadFinderFile(name, bytes, &r.members, &r.unread, &r.error);
  return r;
}

TEST(FinderFilesTest, AppleDoubleOfADocxIsMetadataNotTheDocument) {
  std::string bytes =
      Apple(0x00051607, {{9, FinderInfo(2, "com.apple.quarantine", "0083;6752f1a2;Safari;")},
                         {2, Fork(0)}});
  ASSERT_TRUE(IsFinderFile(bytes));
  Read r = ReadAs("z.zip/__MACOSX/._minutes.docx", bytes);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.unread.empty());
  ASSERT_EQ(r.members.size(), 1u);
  EXPECT_TRUE(r.members[0].is_text);
  EXPECT_EQ(r.members[0].name, "z.zip/__MACOSX/._minutes.docx (Finder metadata)");
  EXPECT_EQ(r.members[0].data, "com.apple.quarantine:\n0083;6752f1a2;Safari;\n");
}

TEST(FinderFilesTest, BinaryAttributeValuesGiveTheirPrintableRuns) {
  // A Finder tag list as a binary property list (bplist00, an array of one
  // ASCII string).
  std::string tags("bplist00\xa1\x01V" "SECRET\x08\x0a", 19);
  std::string bytes = Apple(0x00051607, {{9, FinderInfo(1, "com.apple.metadata:_kMDItemUserTags", tags)}});
  Read r = ReadAs("._plan.docx", bytes);
  ASSERT_EQ(r.members.size(), 1u);
  EXPECT_EQ(r.members[0].data, "com.apple.metadata:_kMDItemUserTags:\nSECRET\n");
}

TEST(FinderFilesTest, AppleSingleDataForkIsTheFileUnderItsRealName) {
  std::string bytes = Apple(0x00051600, {{3, "timings.txt"}, {4, "for the convoy"}, {1, "UK SECRET\n"}});
  Read r = ReadAs("attachment:timings", bytes);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.members.size(), 2u);
  EXPECT_EQ(r.members[0].name, "timings.txt");
  EXPECT_EQ(r.members[0].data, "UK SECRET\n");
  EXPECT_FALSE(r.members[0].is_text);
  EXPECT_EQ(r.members[1].data, "real name: timings.txt\nfor the convoy\n");
}

TEST(FinderFilesTest, AResourceForkWithDataIsNamedNotRead) {
  Read r = ReadAs("._old.doc", Apple(0x00051607, {{2, Fork(4096)}}));
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.unread.size(), 1u);
  EXPECT_NE(r.unread[0].find("a resource fork of 286 bytes"), std::string::npos) << r.unread[0];
  EXPECT_TRUE(ReadAs("._new.doc", Apple(0x00051607, {{2, Fork(0)}})).unread.empty());
}

// A custom icon's fork: resource data, and a map of one type, 'icns'
// (round 52's tester 13: a Mac folder with a pasted icon was held).
std::string IconFork(const std::string& type) {
  std::string fork = Be32(0x100) + Be32(0x200) + Be32(0x100) + Be32(40);
  fork.resize(0x200, '\0');
  fork += std::string(24, '\0') + Be16(28) + Be16(38) + Be16(0) + type + Be16(0) + Be16(10);
  return fork;
}

TEST(FinderFilesTest, AnIconOnlyResourceForkIsAPicture) {
  EXPECT_TRUE(ReadAs("._Folder", Apple(0x00051607, {{2, IconFork("icns")}})).unread.empty());
  // A 'TEXT' resource may hold words: named, not read.
  EXPECT_EQ(ReadAs("._Note", Apple(0x00051607, {{2, IconFork("TEXT")}})).unread.size(), 1u);
}

TEST(FinderFilesTest, EntriesPastTheEndAndCutHeadersAreErrors) {
  std::string bytes = Apple(0x00051607, {{4, "a comment"}});
  bytes.resize(bytes.size() - 3);
  Read r = ReadAs("._x", bytes);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.unread.size(), 1u);
  EXPECT_NE(r.unread[0].find("entry 4 lies past the file's end"), std::string::npos);
  std::string cut = Apple(0x00051607, {{4, "a"}, {9, "b"}}).substr(0, 40);
  Read c = ReadAs("._y", cut);
  EXPECT_FALSE(c.ok);
  EXPECT_NE(c.error.find("cut short"), std::string::npos);
}

TEST(FinderFilesTest, DsStoreCommentsAreReadOnLinesOfTheirOwn) {
  auto utf16 = [](std::string_view s) {
    std::string out;
    for (char c : s) out += std::string{'\0', c};
    return out;
  };
  std::string bytes = std::string("\0\0\0\1Bud1", 8) + std::string(24, '\0') + Be32(9) +
                      utf16("route.txt") + "cmmtustr" + Be32(9) + utf16("UK SECRET") +
                      Be32(3) + utf16("a.b") + "Iloc" "blob" + std::string(16, '\0');
  ASSERT_TRUE(IsFinderFile(bytes));
  Read r = ReadAs("plan.zip/.DS_Store", bytes);
  ASSERT_EQ(r.members.size(), 1u);
  EXPECT_EQ(r.members[0].name, "plan.zip/.DS_Store (Finder comments)");
  EXPECT_EQ(r.members[0].data, "UK SECRET\n");
  EXPECT_TRUE(ReadAs("x/.DS_Store", std::string("\0\0\0\1Bud1", 8) + std::string(64, '\0')).members.empty());
}

TEST(FinderFilesTest, BytesWithoutTheMagicAreAnErrorNotAnEmptyRead) {
  Read r = ReadAs("attachment:x", std::string(64, 'A'));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("magic number is missing"), std::string::npos);
}

TEST(FinderFilesTest, OtherBytesAreNotFinderFiles) {
  EXPECT_FALSE(IsFinderFile(std::string("PK\3\4", 4)));
  EXPECT_FALSE(IsFinderFile(Be32(0x00051607) + Be32(0x00030000)));  // no such version
}

}  // namespace
}  // namespace nearmiss::content
