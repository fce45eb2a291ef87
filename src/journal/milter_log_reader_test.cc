// The milter log reader takes the recipient class under its name,
// "verdict", and under "class", the name of logs written before 2026-11-30,
// so old logs still load.
#include <gtest/gtest.h>

#include "journal/milter_log_reader.h"

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

}  // namespace
}  // namespace nearmiss::journal
