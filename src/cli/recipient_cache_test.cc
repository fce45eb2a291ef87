// The cache answers what the engine answers, for every input, past its bound.
#include "cli/recipient_cache.h"

#include <gtest/gtest.h>

#include "cli/render.h"

namespace nearmiss::cli {
namespace {

std::string Json(const RecipientCheck& c) {
  std::string out;
  JsonWriter w(&out);
  OpenCheckJson(c, w);
  w.EndObject();
  return out;
}

TEST(RecipientCacheTest, AnswersAsTheEngineDoes) {
  auto engine = Engine::Compile(*DefaultPolicy());
  ASSERT_TRUE(engine.ok());
  RecipientCache cache(**engine);
  for (int round = 0; round < 2; ++round) {
    for (const char* input : {"bob@army.ml", "alice@army.mil", "carol@gmial.com",
                              "Dave <dave@example.org>", "bob.army.mil", ""}) {
      EXPECT_EQ(Json(cache.Check(input)), Json((*engine)->CheckRecipient(input))) << input;
    }
    EXPECT_EQ(cache.Sender("Alice <alice@mod.gov.uk>"), "alice@mod.gov.uk");
    EXPECT_EQ(cache.Sender("not an address"), "not an address");
  }
}

TEST(RecipientCacheTest, StartsOverWhenFull) {
  auto engine = Engine::Compile(*DefaultPolicy());
  ASSERT_TRUE(engine.ok());
  RecipientCache cache(**engine);
  for (std::size_t i = 0; i <= RecipientCache::kMaxEntries + 10; ++i) {
    std::string input = "u" + std::to_string(i) + "@army.ml";
    EXPECT_EQ(cache.Check(input).input, input);
  }
  EXPECT_EQ(cache.Check("u0@army.ml").verdict, Verdict::kLookalike);
}

}  // namespace
}  // namespace nearmiss::cli
