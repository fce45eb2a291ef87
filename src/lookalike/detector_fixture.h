// A test fixture over one LookalikeDetector: build it from entries and
// lists, classify a domain by name. Shared by the detector's list tests.
#ifndef NEARMISS_LOOKALIKE_DETECTOR_FIXTURE_H_
#define NEARMISS_LOOKALIKE_DETECTOR_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string_view>
#include <vector>

#include "nearmiss/address.h"
#include "nearmiss/lookalike.h"

namespace nearmiss {

class DetectorFixture : public ::testing::Test {
 protected:
  void Build(std::vector<TrustedEntry> entries, LookalikeLists lists) {
    auto built = LookalikeDetector::BuildWithLists(std::move(entries), std::move(lists));
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    detector_ = std::move(built).value();
  }

  LookalikeMatch Classify(std::string_view domain) {
    Result<Domain> d = ParseDomain(domain);
    EXPECT_TRUE(d.ok()) << domain;
    return d.ok() ? detector_->Classify(*d) : LookalikeMatch{};
  }

  // `domain` is a look-alike with reason `code` suggesting `suggestion`.
  void ExpectLookalike(std::string_view domain, std::string_view code,
                       std::string_view suggestion) {
    LookalikeMatch m = Classify(domain);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << domain << " " << m.detail;
    EXPECT_EQ(ReasonCodeName(m.code), code) << domain << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, suggestion) << domain << " " << m.detail;
  }

  std::unique_ptr<const LookalikeDetector> detector_;
};

}  // namespace nearmiss

#endif  // NEARMISS_LOOKALIKE_DETECTOR_FIXTURE_H_
