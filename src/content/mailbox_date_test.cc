#include "content/mailbox_date.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace nearmiss::content {
namespace {

TEST(MailboxDate, MaildirName) {
  EXPECT_EQ(MaildirNameTime("Maildir/cur/1709461502.M1P2.host:2,S"), 1709461502);
  EXPECT_EQ(MaildirNameTime("1709461502.M1P2.host"), 1709461502);
  EXPECT_EQ(MaildirNameTime("Maildir/cur/msg.eml"), 0);
  EXPECT_EQ(MaildirNameTime("Sent.mbox:3"), 0);
}

TEST(MailboxDate, BestEvidenceFirst) {
  ScannedMessage m;
  m.source = "Sent.mbox:1";
  m.date = 1762336800;
  m.mbox_from_line = "From a@b Thu Nov  6 10:00:00 2025";
  m.delivered = 1762336800 + 86400;  // as the reader reads that line
  EXPECT_EQ(MessageDate(m).seconds, 1762336800);
  EXPECT_EQ(MessageDate(m).source, "date-header");
  m.date = 0;
  EXPECT_EQ(MessageDate(m).seconds, 1762336800 + 86400);
  EXPECT_EQ(MessageDate(m).source, "mbox-from-line");
  // An mbox entry whose From_ line has no date: no time, never the mbox
  // file's modification time.
  m.mbox_from_line = "From a@b";
  m.delivered = 0;
  EXPECT_EQ(MessageDate(m).seconds, 0);
  EXPECT_EQ(MessageDate(m).source, "");

  ScannedMessage d;
  d.source = "Maildir/cur/1709461502.M1P2.host:2,S";
  EXPECT_EQ(MessageDate(d).source, "maildir-name");
  EXPECT_EQ(MessageDate(d).seconds, 1709461502);

  char path[] = "/tmp/nearmiss-mailbox-date.XXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  ::close(fd);
  struct timespec times[2] = {{1700000000, 0}, {1700000000, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path, times, 0), 0);
  ScannedMessage e;
  e.source = path;
  EXPECT_EQ(MessageDate(e).source, "file-mtime");
  EXPECT_EQ(MessageDate(e).seconds, 1700000000);
  ::unlink(path);
  e.source = "-";
  EXPECT_EQ(MessageDate(e).seconds, 0);
}

}  // namespace
}  // namespace nearmiss::content
