// The cache answers what the engine answers, for every input, past its bounds.
#include "engine/recipient_cache.h"

#include <gtest/gtest.h>

#include "render/render.h"

namespace nearmiss::engine {

using render::OpenCheckJson;
using render::JsonWriter;
namespace {

std::string Json(const RecipientCheck& c) {
  std::string out;
  JsonWriter w(&out);
  OpenCheckJson(c, w);
  w.EndObject();
  return out;
}

class RecipientCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = Engine::Compile(*DefaultPolicy());
    ASSERT_TRUE(engine.ok());
    engine_ = *engine;
    cache_ = std::make_unique<RecipientCache>(*engine_);
  }

  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<RecipientCache> cache_;
};

TEST_F(RecipientCacheTest, AnswersAsTheEngineDoes) {
  for (int round = 0; round < 2; ++round) {
    for (const char* input : {"bob@army.ml", "alice@army.mil", "carol@gmial.com",
                              "Dave <dave@example.org>", "bob.army.mil", ""}) {
      EXPECT_EQ(Json(cache_->Check(input)), Json(engine_->CheckRecipient(input))) << input;
    }
    EXPECT_EQ(cache_->Sender("Alice <alice@mod.gov.uk>"), "alice@mod.gov.uk");
    EXPECT_EQ(cache_->Sender("not an address"), "not an address");
  }
}

TEST_F(RecipientCacheTest, StartsOverWhenFull) {
  for (std::size_t i = 0; i <= RecipientCache::kMaxEntries + 10; ++i) {
    std::string input = "u" + std::to_string(i) + "@army.ml";
    EXPECT_EQ(cache_->Check(input).input, input);
  }
  EXPECT_EQ(cache_->Check("u0@army.ml").verdict, Verdict::kLookalike);
}

TEST_F(RecipientCacheTest, LongInputsAnsweredNotKept) {
  std::string name(RecipientCache::kMaxKeyBytes, 'x');
  std::string input = name + " <bob@army.ml>";
  EXPECT_EQ(Json(cache_->Check(input)), Json(engine_->CheckRecipient(input)));
  EXPECT_EQ(cache_->Sender(name + " <alice@mod.gov.uk>"), "alice@mod.gov.uk");
}

}  // namespace
}  // namespace nearmiss::engine
