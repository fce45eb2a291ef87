// For the engine's tests: an Engine compiled from policy text (or the
// embedded default), failing the test (and returning null) when the text or
// its compile is refused.
#ifndef NEARMISS_ENGINE_ENGINE_TESTING_H_
#define NEARMISS_ENGINE_ENGINE_TESTING_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "nearmiss/engine.h"

namespace nearmiss {

inline std::shared_ptr<const Engine> Build(const std::string& toml) {
  Result<Policy> p = ParsePolicy(toml, "t.toml", "");
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  if (!p.ok()) return nullptr;
  Result<std::shared_ptr<const Engine>> e = Engine::Compile(*p);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? *e : nullptr;
}

// The embedded default policy's engine.
inline std::shared_ptr<const Engine> BuildDefault() {
  Result<std::shared_ptr<const Engine>> e = Engine::Compile(*DefaultPolicy());
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? *e : nullptr;
}

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_ENGINE_TESTING_H_
