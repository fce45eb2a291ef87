// For the address-typo tests: a slip found in an AddressIndex, and the
// expectations over a family of typed addresses (each case names itself
// when it fails); for the engine-level ones, the learned history of
// alice@mod.example's partners and a reason looked up in a check.
#ifndef NEARMISS_ENGINE_ADDRESS_TYPO_TESTING_H_
#define NEARMISS_ENGINE_ADDRESS_TYPO_TESTING_H_

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "engine/address_typo.h"
#include "nearmiss/engine.h"

namespace nearmiss {

// An index where alice@mod.example wrote 8 times to each of `frequent`
// (frequent at the default address_typo_min_messages, 3).
inline engine::AddressIndex AliceWroteTo(std::initializer_list<const char*> frequent) {
  engine::AddressIndex index(3);
  for (const char* to : frequent) index.Add("alice@mod.example", to, 8);
  index.Finish();
  return index;
}

// An index where alice@mod.example wrote 8 times to 60 people at `domain`
// (personaa.x@, personba.x@, ...: more than kCrowdedDomain, a crowded
// domain) and to each of `frequent`.
inline engine::AddressIndex CrowdedWith(std::string_view domain,
                                        std::initializer_list<const char*> frequent) {
  engine::AddressIndex index(3);
  for (int i = 0; i < 60; ++i) {
    std::string person("person");
    person.append(1, static_cast<char>('a' + i % 26)).append(1, static_cast<char>('a' + i / 26));
    index.Add("alice@mod.example", person.append(".x@").append(domain), 8);
  }
  for (const char* to : frequent) index.Add("alice@mod.example", to, 8);
  index.Finish();
  return index;
}

// The organisation scope's slip for `address` written under `display`.
inline std::optional<engine::Slip> Find(const engine::AddressIndex& index,
                                        std::string_view address, std::string_view display = "") {
  engine::Slip slip;
  if (!index.FindSlip("", address, display, &slip)) return std::nullopt;
  return slip;
}

struct Want {
  std::string_view typed, display, known;
  engine::SlipKind kind;
};

inline void ExpectSlips(const engine::AddressIndex& index, std::initializer_list<Want> cases) {
  for (const Want& c : cases) {
    std::optional<engine::Slip> slip = Find(index, c.typed, c.display);
    ASSERT_TRUE(slip.has_value()) << c.typed << " '" << c.display << "'";
    EXPECT_EQ(slip->known, c.known) << c.typed << " '" << c.display << "'";
    EXPECT_EQ(slip->kind, c.kind) << c.typed << " '" << c.display << "'";
  }
}

inline void ExpectNoSlips(
    const engine::AddressIndex& index,
    std::initializer_list<std::pair<std::string_view, std::string_view>> cases) {
  for (const auto& [typed, display] : cases) {
    EXPECT_FALSE(Find(index, typed, display).has_value()) << typed << " '" << display << "'";
  }
}

// Each of `displays`, written by `sender` on `address` (at another domain
// than the contact's), names the contact `known` (FindDisplayNameElsewhere).
inline void ExpectNamedElsewhere(const engine::AddressIndex& index, std::string_view sender,
                                 std::string_view address, std::string_view known,
                                 std::initializer_list<const char*> displays) {
  for (const char* display : displays) {
    engine::Slip slip;
    ASSERT_TRUE(index.FindDisplayNameElsewhere(sender, address, display, &slip)) << display;
    EXPECT_EQ(slip.known, known) << display;
  }
}

// Each case of `cases` is a slip of its known address of `kind`, scored
// `score` (a kind whose score says how sure it is: other-given-name,
// other-common-family-name, edit).
struct WantScored {
  const char* typed;
  const char* known;
  double score;
};

inline void ExpectScoredSlips(const engine::AddressIndex& index, engine::SlipKind kind,
                              std::initializer_list<WantScored> cases) {
  for (const WantScored& c : cases) {
    std::optional<engine::Slip> slip = Find(index, c.typed);
    ASSERT_TRUE(slip.has_value()) << c.typed;
    EXPECT_EQ(slip->known, c.known) << c.typed;
    EXPECT_EQ(slip->kind, kind) << c.typed;
    EXPECT_DOUBLE_EQ(slip->score, c.score) << c.typed;
  }
}

// A learned history in which partner.example is a regular correspondent
// and alice@mod.example wrote 30 times to each of `frequent` (from
// 2023-11-14 to 2023-12-31), as the engine compiles it.
inline HistorySnapshot PartnerHistory(std::initializer_list<const char*> frequent) {
  HistorySnapshot h;
  h.domains.push_back({"partner.example", 30, 1'700'000'000, 1'704'000'000, false});
  for (const char* to : frequent) {
    h.correspondents.push_back({"alice@mod.example", to, 30, 1'700'000'000, 1'704'000'000});
  }
  h.taken_at = 1'704'100'000;
  return h;
}

inline bool HasReason(const RecipientCheck& c, ReasonCode code) {
  for (const Reason& r : c.reasons) {
    if (r.code == code) return true;
  }
  return false;
}

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_ADDRESS_TYPO_TESTING_H_
