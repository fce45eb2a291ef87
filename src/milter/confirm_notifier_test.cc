// The confirm notice as the milter composes it: both links verify with the
// policy's key, carry the held message and its flagged recipients, and
// expire after [confirm] link_hours.
#include "milter/confirm_notifier.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

namespace nearmiss::milter {
namespace {

TEST(ConfirmNotifierTest, NoticeCarriesTwoSignedLinks) {
  const std::string key_path = ::testing::TempDir() + "/nearmiss_confirm.key";
  std::ofstream(key_path) << std::string(40, 'q');
  ConfirmPolicy policy;
  policy.key_file = key_path;
  policy.link_base = "https://nearmiss.example.org";
  policy.notice_from = "nearmiss@example.org";
  policy.link_hours = 2;
  Result<std::shared_ptr<ConfirmNotifier>> notifier = ConfirmNotifier::Create(policy);
  ASSERT_TRUE(notifier.ok()) << notifier.error().message();

  ConfirmRequest request;
  request.queue_id = "4F2A91C3B";
  request.sender = "alice@example.org";
  request.subject = "Lunch";
  request.recipients = {{"jon@gmial.com", "gmial.com looks like gmail.com", "jon@gmail.com"}};
  std::string notice = (*notifier)->Compose(request, 1'800'000'000);
  EXPECT_NE(notice.find("From: nearmiss@example.org\r\n"), std::string::npos);
  EXPECT_NE(notice.find("To: alice@example.org\r\n"), std::string::npos);
  EXPECT_NE(notice.find("Did you mean jon@gmail.com?"), std::string::npos);

  std::regex link("https://nearmiss\\.example\\.org/confirm\\?t=([0-9a-f.]+)");
  std::vector<std::string> tokens;
  for (auto it = std::sregex_iterator(notice.begin(), notice.end(), link);
       it != std::sregex_iterator(); ++it) {
    tokens.push_back((*it)[1]);
  }
  ASSERT_EQ(tokens.size(), 2u) << notice;
  confirm::LinkSigner signer(std::string(40, 'q'));
  Result<confirm::ConfirmLink> release = signer.Verify(tokens[0]);
  Result<confirm::ConfirmLink> remove = signer.Verify(tokens[1]);
  ASSERT_TRUE(release.ok());
  ASSERT_TRUE(remove.ok());
  EXPECT_EQ(release->action, "release");
  EXPECT_EQ(remove->action, "delete");
  EXPECT_EQ(release->queue_id, "4F2A91C3B");
  EXPECT_EQ(release->sender, "alice@example.org");
  EXPECT_EQ(release->recipients, std::vector<std::string>{"jon@gmial.com"});
  EXPECT_EQ(release->expires_at, 1'800'000'000 + 2 * 3600);
  EXPECT_NE(release->nonce, remove->nonce);  // each link is used once on its own
  std::remove(key_path.c_str());
}

TEST(ConfirmNotifierTest, NeedsAKeyOf32Bytes) {
  const std::string key_path = ::testing::TempDir() + "/nearmiss_short.key";
  std::ofstream(key_path) << "short";
  ConfirmPolicy policy;
  policy.key_file = key_path;
  Result<std::shared_ptr<ConfirmNotifier>> n = ConfirmNotifier::Create(policy);
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.error().message().find("32 bytes"), std::string::npos);
  EXPECT_EQ(n.error().message().find("short\n"), std::string::npos);
  std::remove(key_path.c_str());
}

}  // namespace
}  // namespace nearmiss::milter
