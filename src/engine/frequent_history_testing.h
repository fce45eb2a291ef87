// For the engine's address-typo tests over the embedded default policy: an
// engine compiled with a history in which alice@mod.example wrote 8 times,
// from 2023-11-14 to 2023-12-31, to each of `frequent` (frequent at the
// default address_typo_min_messages, 3). Null, with a test failure, when
// the policy or the engine does not compile.
#ifndef NEARMISS_ENGINE_FREQUENT_HISTORY_TESTING_H_
#define NEARMISS_ENGINE_FREQUENT_HISTORY_TESTING_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>

#include "nearmiss/engine.h"

namespace nearmiss {

inline std::shared_ptr<const Engine> AliceWritesTo(std::initializer_list<const char*> frequent) {
  constexpr int64_t kFirst = 1'700'000'000;  // 2023-11-14
  constexpr int64_t kLast = 1'704'000'000;   // 2023-12-31
  HistorySnapshot h;
  for (const char* a : frequent) {
    const std::string address(a);
    const std::string domain = address.substr(address.find('@') + 1);
    h.domains.push_back({domain, 8, kFirst, kLast, false});
    h.correspondents.push_back({"alice@mod.example", address, 8, kFirst, kLast});
    h.addresses.push_back(address);
  }
  h.taken_at = kLast + 86'400;
  Result<Policy> p = DefaultPolicy();
  EXPECT_TRUE(p.ok());
  if (!p.ok()) return nullptr;
  auto e = Engine::Compile(*p, &h);
  EXPECT_TRUE(e.ok()) << e.error().message();
  return e.ok() ? *e : nullptr;
}

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_FREQUENT_HISTORY_TESTING_H_
