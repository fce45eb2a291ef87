#include "content/maildir_entry.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace nearmiss::content {
namespace {

TEST(MaildirEntry, ServersControlFilesAreKnown) {
  for (const char* name : {"dovecot-uidlist", "dovecot-uidvalidity", "dovecot-uidvalidity.5f3a",
                           "dovecot.index", "dovecot.index.log", "dovecot.index.cache",
                           "dovecot.list.index.log", "dovecot-keywords", "dovecot-acl",
                           "maildirfolder", "maildirsize", "subscriptions", "courierimapuiddb",
                           "courierpop3dsizelist"}) {
    EXPECT_TRUE(IsMaildirControlFile(name)) << name;
  }
  for (const char* name : {"README", "notes.txt", "dovecot", "1700000000.M1P1.host", "cur"}) {
    EXPECT_FALSE(IsMaildirControlFile(name)) << name;
  }
}

// Issue 16: a junk file in cur/ was counted as a message.
TEST(MaildirEntry, OnlyAFileThatStartsAsAMessageIsOne) {
  const std::string path = ::testing::TempDir() + "maildir_entry_test";
  auto starts = [&](const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return NotAMessage(path);
  };
  EXPECT_EQ(starts("Return-Path: <a@b.c>\nFrom: a@b.c\n\nhi\n"), "");
  EXPECT_EQ(starts("From a@b.c Wed Nov  5 10:00:00 2025\nFrom: a@b.c\n\nhi\n"), "");
  EXPECT_EQ(starts("X-Custom-1: y\n\nhi\n"), "");
  EXPECT_NE(starts("remember the milk\n"), "");
  EXPECT_NE(starts(": no name\n"), "");
  EXPECT_NE(starts(std::string("Bud1\0\0\0", 7)), "");
  EXPECT_NE(starts(""), "");
  std::remove(path.c_str());
  EXPECT_NE(NotAMessage(path), "");  // gone: cannot open, said so
}

}  // namespace
}  // namespace nearmiss::content
