#include "content/mailbox_date.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace nearmiss::content {
namespace {

constexpr int64_t kNow = 1800000000;  // 2027-01-15

TEST(MailboxDate, MaildirName) {
  EXPECT_EQ(MaildirNameTime("Maildir/cur/1709461502.M1P2.host:2,S"), 1709461502);
  EXPECT_EQ(MaildirNameTime("1709461502.M1P2.host"), 1709461502);
  EXPECT_EQ(MaildirNameTime("Maildir/cur/msg.eml"), 0);
  EXPECT_EQ(MaildirNameTime("Sent.mbox:3"), 0);
}

// Round 50's tester 14, finding 2: 2000-01-01T00:00:00 in any zone is a
// reset clock's, set aside with no delivery time to compare (a lone .eml).
TEST(MailboxDate, AResetClocksDateIsSetAside) {
  ScannedMessage m;
  m.source = "sent/a.eml";
  for (int64_t date : {int64_t{946684800}, int64_t{946684800 - 3600}, int64_t{946684800 + 5 * 3600}}) {
    m.date = date;
    const MailboxDate d = MessageDate(m, kNow);
    EXPECT_NE(d.source, "date-header") << date;
    EXPECT_EQ(d.set_aside, date);
  }
  m.date = 946684800 + 37;  // a real send time that day
  EXPECT_EQ(MessageDate(m, kNow).source, "date-header");
}

TEST(MailboxDate, BestEvidenceFirst) {
  ScannedMessage m;
  m.source = "Sent.mbox:1";
  m.date = 1762336800;
  m.mbox_from_line = "From a@b Thu Nov  6 10:00:00 2025";
  m.delivered = 1762336800 + 86400;  // as the reader reads that line
  EXPECT_EQ(MessageDate(m, kNow).seconds, 1762336800);
  EXPECT_EQ(MessageDate(m, kNow).source, "date-header");
  m.date = 0;
  EXPECT_EQ(MessageDate(m, kNow).seconds, 1762336800 + 86400);
  EXPECT_EQ(MessageDate(m, kNow).source, "mbox-from-line");
  // An mbox entry whose From_ line has no date: no time, never the mbox
  // file's modification time.
  m.mbox_from_line = "From a@b";
  m.delivered = 0;
  EXPECT_EQ(MessageDate(m, kNow).seconds, 0);
  EXPECT_EQ(MessageDate(m, kNow).source, "");

  ScannedMessage d;
  d.source = "Maildir/cur/1709461502.M1P2.host:2,S";
  EXPECT_EQ(MessageDate(d, kNow).source, "maildir-name");
  EXPECT_EQ(MessageDate(d, kNow).seconds, 1709461502);

  char path[] = "/tmp/nearmiss-mailbox-date.XXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  ::close(fd);
  struct timespec times[2] = {{1700000000, 0}, {1700000000, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path, times, 0), 0);
  ScannedMessage e;
  e.source = path;
  EXPECT_EQ(MessageDate(e, kNow).source, "file-mtime");
  EXPECT_EQ(MessageDate(e, kNow).seconds, 1700000000);
  // Breaker round 16 §7: a file's time is a copy's, no bound on the Date:
  // a year or more before it (evidence copied long after), or after it.
  for (int64_t date : {int64_t{1700000000} - 400 * 86400, int64_t{1700000000} - 3 * 365 * 86400,
                       int64_t{1700000000} + 30 * 86400}) {
    e.date = date;
    EXPECT_EQ(MessageDate(e, kNow).source, "date-header") << date;
    EXPECT_EQ(MessageDate(e, kNow).seconds, date);
    EXPECT_EQ(MessageDate(e, kNow).set_aside, 0);
  }
  // Still set aside when it cannot be true whatever the file: after now,
  // or before 1990; then the file's time is all there is.
  e.date = kNow + 2 * 86400;
  EXPECT_EQ(MessageDate(e, kNow).source, "file-mtime");
  e.date = 315532800;  // 1980-01-01, a DOS clock's epoch
  EXPECT_EQ(MessageDate(e, kNow).source, "file-mtime");
  e.date = 0;
  ::unlink(path);
  e.source = "-";
  EXPECT_EQ(MessageDate(e, kNow).seconds, 0);
}

// The tester's fault: one message of a day's mail with "Date: ... 2099"
// made its correspondent span 73 years, and trusted. A Date: more than a
// day after the delivery, or after now, is set aside for the delivery time.
TEST(MailboxDate, DateAfterDeliverySetAside) {
  ScannedMessage m;
  m.source = "Sent.mbox:5";
  m.mbox_from_line = "From a@b Thu Nov  6 10:00:00 2025";
  m.delivered = 1762423200;
  m.date = 4083307200;  // 2099-05-25
  MailboxDate d = MessageDate(m, kNow);
  EXPECT_EQ(d.seconds, 1762423200);
  EXPECT_EQ(d.source, "mbox-from-line");
  EXPECT_EQ(d.set_aside, 4083307200);
  // Clock skew and a From_ line's local time read as UTC: believed.
  m.date = 1762423200 + 14 * 3600;
  EXPECT_EQ(MessageDate(m, kNow).source, "date-header");
  EXPECT_EQ(MessageDate(m, kNow).set_aside, 0);
  m.date = 1762423200 + kDateAheadSeconds + 1;
  EXPECT_EQ(MessageDate(m, kNow).source, "mbox-from-line");
  // No delivery time: now bounds it; what is left is no date (the caller's now).
  ScannedMessage lone;
  lone.source = "-";
  lone.date = kNow + 2 * kDateAheadSeconds;
  EXPECT_EQ(MessageDate(lone, kNow).seconds, 0);
  EXPECT_EQ(MessageDate(lone, kNow).set_aside, kNow + 2 * kDateAheadSeconds);
  lone.date = kNow - 86400 * 365;
  EXPECT_EQ(MessageDate(lone, kNow).seconds, kNow - 86400 * 365);
}

// Found by the issue-14 tester (round 3, item 3): a Sent-folder message
// whose device clock was unset (Date: 2000-01-01, 1980, 1970) was believed,
// and one such message made a five-message, one-day correspondent span 26
// years. A Date: before 1990, or more than a year before the delivery, is
// dated by the delivery and counted, like one after it.
TEST(MailboxDate, DateFarBeforeDeliverySetAside) {
  ScannedMessage m;
  m.source = "Sent.mbox:1";
  m.mbox_from_line = "From a@b Tue Oct  6 18:00:00 2026";
  m.delivered = 1791309600;  // 2026-10-06T18:00:00Z
  const int64_t broken[] = {
      946684800,  // 2000-01-01, a device reset
      978307200,  // 2001-01-01, Apple's epoch
      315532800,  // 1980-01-01, DOS/FAT
      1,          // 1970-01-01T00:00:01
      631151999,  // a second before 1990
      1791309600 - kDateBehindSeconds - 1,
  };
  for (int64_t date : broken) {
    m.date = date;
    MailboxDate d = MessageDate(m, kNow);
    EXPECT_EQ(d.seconds, 1791309600) << date;
    EXPECT_EQ(d.source, "mbox-from-line") << date;
    EXPECT_EQ(d.set_aside, date) << date;
  }
  // Within the year before the delivery: believed (a folder moved to a
  // new server keeps its recent Date: values).
  for (int64_t date : {int64_t{1791309600 - 7 * 3600}, int64_t{1791309600 - 30 * 86400},
                       int64_t{1791309600 - kDateBehindSeconds}}) {
    m.date = date;
    EXPECT_EQ(MessageDate(m, kNow).seconds, date) << date;
    EXPECT_EQ(MessageDate(m, kNow).set_aside, 0) << date;
  }
  // No delivery time: only the 1990 floor applies.
  ScannedMessage lone;
  lone.source = "-";
  lone.date = 315532800;
  EXPECT_EQ(MessageDate(lone, kNow).seconds, 0);
  EXPECT_EQ(MessageDate(lone, kNow).set_aside, 315532800);
  lone.date = kNow - 5 * kDateBehindSeconds;
  EXPECT_EQ(MessageDate(lone, kNow).seconds, kNow - 5 * kDateBehindSeconds);
}

// Round 46's tester 14, item 7: Maildir copies renamed "1900000001.M1P9.
// host" (2030) made a correspondent "last seen 2030". A delivery time after
// now is no time: it neither dates the message nor bounds its Date:.
TEST(MailboxDate, DeliveryTimeAfterNowIsNoTime) {
  ScannedMessage m;
  m.source = "/nonexistent/md/.Sent/cur/1900000001.M1P999.otherhost:2,S";
  EXPECT_EQ(MessageDate(m, kNow).seconds, 0);
  EXPECT_EQ(MessageDate(m, kNow).source, "");
  m.date = kNow - 86400;  // a true Date: is believed, and no delivery noted
  EXPECT_EQ(MessageDate(m, kNow).seconds, kNow - 86400);
  EXPECT_EQ(MessageDate(m, kNow).source, "date-header");
  EXPECT_EQ(MessageDate(m, kNow).delivered, 0);
  EXPECT_FALSE(DateLongBeforeDelivery(MessageDate(m, kNow)));
  // Within the slack after now (clock skew): still the delivery time.
  ScannedMessage near;
  near.source = "/nonexistent/cur/" + std::to_string(kNow + 3600) + ".M1P2.host";
  EXPECT_EQ(MessageDate(near, kNow).seconds, kNow + 3600);
  EXPECT_EQ(MessageDate(near, kNow).source, "maildir-name");
}

}  // namespace
}  // namespace nearmiss::content
