// For the engine's warn-once tests: alice's history of partners, the
// sender's acknowledgements as a store would give them, and one
// recipient's decision for a message.
#ifndef NEARMISS_ENGINE_ACKNOWLEDGEMENT_TESTING_H_
#define NEARMISS_ENGINE_ACKNOWLEDGEMENT_TESTING_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/engine.h"

namespace nearmiss {

inline constexpr int64_t kDay = 86400;

// alice writes often to john.smith, john.jones and mary.watson at
// partner.example (a learned domain) and to john.smith at newpartner.example
// (written to, but too little to be trusted yet).
inline HistorySnapshot History() {
  HistorySnapshot h;
  h.domains.push_back({"partner.example", 40, 1'700'000'000, 1'704'000'000, false});
  h.domains.push_back({"newpartner.example", 4, 1'703'700'000, 1'704'000'000, false});
  for (const char* to : {"john.smith@partner.example", "john.jones@partner.example",
                         "mary.watson@partner.example", "john.smith@newpartner.example"}) {
    h.correspondents.push_back({"alice@mod.example", to, 8, 1'700'000'000, 1'704'000'000});
    h.addresses.push_back(to);
  }
  h.taken_at = 1'704'100'000;
  return h;
}

inline std::shared_ptr<const Engine> Compile(const Policy& policy) {
  HistorySnapshot h = History();
  Result<std::shared_ptr<const Engine>> e = Engine::Compile(policy, &h);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? *e : nullptr;
}

inline std::shared_ptr<const Engine> Compile(const std::string& toml) {
  Result<Policy> p = ParsePolicy(toml, "t.toml", "");
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return p.ok() ? Compile(*p) : nullptr;
}

// The sender's acknowledgements, as a store would give them.
class Acks final : public AcknowledgementSource {
 public:
  Result<std::vector<Acknowledgement>> Live(std::string_view sender, int64_t) const override {
    std::vector<Acknowledgement> out;
    for (const Acknowledgement& a : acks) {
      if (a.sender == sender) out.push_back(a);
    }
    return out;
  }
  // An acknowledgement of `recipient` (or of a whole `domain`) for the
  // warning with `reasons` and `suggestion`; `recorded` false for one
  // stored before schema 5 (Acknowledgement::warning_recorded). One whose
  // reasons hold address-typo is of the kind "edit" (one letter differs)
  // unless the caller sets typo_kind on what is returned.
  Acknowledgement& Address(std::string recipient, std::string reasons = "address-typo",
                           std::string suggestion = "", bool recorded = true) {
    return Add(std::move(recipient), "", std::move(reasons), std::move(suggestion), recorded);
  }
  Acknowledgement& Domain(std::string domain, std::string reasons, std::string suggestion = "",
                          bool recorded = true) {
    return Add("", std::move(domain), std::move(reasons), std::move(suggestion), recorded);
  }
  std::vector<Acknowledgement> acks;

 private:
  Acknowledgement& Add(std::string recipient, std::string domain, std::string reasons,
                       std::string suggestion, bool recorded) {
    Acknowledgement a;
    a.id = static_cast<int64_t>(acks.size()) + 1;
    a.sender = "alice@mod.example";
    a.recipient = std::move(recipient);
    a.domain = std::move(domain);
    a.reasons = std::move(reasons);
    a.suggestion = std::move(suggestion);
    a.warning_recorded = recorded;
    if (recorded && (" " + a.reasons + " ").find(" address-typo ") != std::string::npos) {
      a.typo_kind = "edit";
    }
    a.created_at = 1000 - kDay;
    a.expires_at = 1000 + 180 * kDay;
    acks.push_back(std::move(a));
    return acks.back();
  }
};

inline RecipientDecision Check(const Engine& e, std::string_view to, std::string_view subject,
                        const AcknowledgementSource* acks = nullptr,
                        std::string_view sender = "alice@mod.example") {
  Envelope env;
  env.sender = sender;
  env.recipients.push_back({to, RecipientField::kTo});
  env.acknowledgements = acks;
  env.now = 1000;
  std::string raw = "Subject: " + std::string(subject) + "\r\n\r\nhello\r\n";
  MessageCheck m = e.CheckMessage(env, MessageContent::Raw(raw, "test"));
  EXPECT_EQ(m.decision.recipients.size(), 1u) << to;
  return m.decision.recipients.empty() ? RecipientDecision{} : m.decision.recipients[0];
}

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_ACKNOWLEDGEMENT_TESTING_H_
