#include "maillog/csv_forms.h"

#include <gtest/gtest.h>

namespace nearmiss::maillog {
namespace {

TEST(CsvForms, TracesNeedEveryColumn) {
  EXPECT_EQ(TellCsvForm("\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\","
                        "\"Status\",\"MessageId\""),
            CsvForm::kTrace);
  // No Status: no message trace, nor a sent-mail CSV (its Received and
  // SenderAddress are a trace's, whose rows include mail received).
  EXPECT_EQ(TellCsvForm("Received,SenderAddress,RecipientAddress,Subject"), CsvForm::kNone);
  EXPECT_EQ(TellCsvForm("Date,SenderAddress,RecipientAddress,MessageTraceId"), CsvForm::kNone);
  EXPECT_EQ(TellCsvForm("SenderAddress,RecipientAddress,Subject"), CsvForm::kNone);
  // The same names with a sent-mail date: a sent-mail CSV.
  EXPECT_EQ(TellCsvForm("Sender Address,Recipient Address,Date"), CsvForm::kSentMail);
  EXPECT_EQ(TellCsvForm("origin_timestamp_utc,sender_address,recipient_status"), CsvForm::kTrace);
  EXPECT_EQ(TellCsvForm("#TYPE Microsoft.Exchange.Management.TransportTasks.MessageTrackingEvent"),
            CsvForm::kTrace);
}

TEST(CsvForms, SentMailHeadings) {
  EXPECT_EQ(TellCsvForm("sender,recipient,date"), CsvForm::kSentMail);
  EXPECT_EQ(TellCsvForm("recipient,date"), CsvForm::kNone);
  EXPECT_EQ(TellCsvForm("SentDateTime;From;To;Subject"), CsvForm::kSentMail);
  SentMailColumns c = FindSentMailColumns("From: (Name),From: (Address),To: (Address),Date (UTC+02:00)");
  EXPECT_EQ(c.sender, 1);
  EXPECT_EQ(c.recipient, 2);
  EXPECT_EQ(c.date, 3);
  EXPECT_EQ(c.zone, "UTC");
  EXPECT_EQ(c.offset, 7200);
  c = FindSentMailColumns("Date,Time,Sender,Recipients");
  EXPECT_EQ(c.date, 0);
  EXPECT_EQ(c.time_of_day, 1);
  EXPECT_EQ(c.recipient, 3);
}

TEST(CsvForms, RefusalNamesWhatIsLacking) {
  const std::string r = CsvFormRefusal("t.csv:1", "SenderAddress,RecipientAddress,Subject", true);
  EXPECT_NE(r.find("t.csv:1: a CSV of no form"), std::string::npos) << r;
  EXPECT_NE(r.find("(this file has no Received and Status)"), std::string::npos) << r;
  EXPECT_NE(r.find("a sent-mail CSV needs sender, recipient and date columns (this file has no "
                   "date)"),
            std::string::npos)
      << r;
}

TEST(CsvForms, CsvNames) {
  EXPECT_TRUE(IsCsvName("MessageTrace.CSV"));
  EXPECT_TRUE(IsCsvName("x.csv.gz"));
  EXPECT_FALSE(IsCsvName("maillog"));
  EXPECT_FALSE(IsCsvName("csv"));
}

}  // namespace
}  // namespace nearmiss::maillog
