// The two readers of JSON decision records take the recipient class under
// its name, "verdict", and under "class", the name milter logs and spools
// written before 2026-11-30 use, so old files still load.
#include <gtest/gtest.h>

#include "journal/milter_log_reader.h"
#include "journal/record_json.h"

namespace nearmiss::journal {
namespace {

TEST(MilterLogReaderTest, ReadsVerdictAndTheOldClassKey) {
  for (const char* key : {"verdict", "class"}) {
    std::string line = std::string(R"({"time":1795763669093,"event":"message","session":10,)") +
                       R"("queue_id":"4XyZ1Q2s3Tz","sender":"alice@mod.gov.uk",)" +
                       R"("recipients":[{"address":"dave@example.com",")" + key +
                       R"(":"external","action":"hold","reasons":["sensitivity"]}],)" +
                       R"("level":"SECRET","rule":"rule 3","action":"hold"})";
    DecisionRecord r;
    std::string session;
    ASSERT_TRUE(ParseMilterLogLine(line, &r, &session)) << key;
    ASSERT_EQ(r.recipients.size(), 1u);
    EXPECT_EQ(r.recipients[0].verdict, "external") << key;
    EXPECT_EQ(r.recipients[0].reasons, std::vector<std::string>{"sensitivity"});
    EXPECT_EQ(r.level, "SECRET");
    EXPECT_EQ(session, "10");
  }
}

TEST(RecordJsonTest, RoundTripsAndReadsTheOldClassKey) {
  DecisionRecord r;
  r.key = "k1";
  r.time_ms = 42;
  r.source = "milter";
  r.recipients.push_back({"bob@army.ml", "lookalike", "reject", {"suffix-edit"}, "army.mil",
                          "bob@army.mil"});
  std::string line = RecordToJson(r);
  EXPECT_NE(line.find(R"("verdict":"lookalike")"), std::string::npos) << line;
  DecisionRecord back;
  ASSERT_TRUE(RecordFromJson(line, &back));
  ASSERT_EQ(back.recipients.size(), 1u);
  EXPECT_EQ(back.recipients[0].verdict, "lookalike");
  EXPECT_EQ(back.recipients[0].suggestion, "bob@army.mil");

  std::string old = R"({"key":"k0","time":1,"recipients":[{"address":"a@x","class":"blocked"}]})";
  ASSERT_TRUE(RecordFromJson(old, &back));
  EXPECT_EQ(back.recipients[0].verdict, "blocked");
}

}  // namespace
}  // namespace nearmiss::journal
