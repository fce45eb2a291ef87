// For the engine's tests of look-alikes as a sender meets them: the
// embedded default policy's engine, a recipient's check and decision, and
// a one-line account of a check for failure messages.
#ifndef NEARMISS_ENGINE_DEFAULT_POLICY_TESTING_H_
#define NEARMISS_ENGINE_DEFAULT_POLICY_TESTING_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss::lookalike_testing {

// The first reason's code: "label-typo"; "" when there is none.
inline std::string CodeOf(const RecipientCheck& c) {
  return c.reasons.empty() ? "" : std::string(ReasonCodeName(c.reasons[0].code));
}

// "lookalike label-typo gmail.com -> a@gmail.com / ".
inline std::string Show(const RecipientCheck& c) {
  return std::string(VerdictName(c.verdict)) + " " + CodeOf(c) + " " + c.target + " -> " +
         c.suggestion + " / " + c.also_suggestion;
}

// A fixture over the default policy: Check("gmial.com") checks a@gmial.com,
// Decide decides it for s@example.org on the SMTP path.
class DefaultPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = BuildDefault();
    ASSERT_NE(engine_, nullptr);
  }
  RecipientCheck Check(const std::string& domain) const {
    return engine_->CheckRecipient("a@" + domain);
  }
  RecipientDecision Decide(const std::string& domain) const {
    return engine_->DecideRecipient("s@example.org", Check(domain), RecipientField::kEnvelope,
                                    MailPath::kSmtp);
  }
  std::shared_ptr<const Engine> engine_;
};

}  // namespace nearmiss::lookalike_testing

#endif  // NEARMISS_ENGINE_DEFAULT_POLICY_TESTING_H_
