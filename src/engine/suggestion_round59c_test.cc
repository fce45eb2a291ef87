// Round 59c's tester 15, finding 1: a host of a protected name under a
// common TLD with one letter left out (x.bundeswehr.og for .org) is the
// look-alike of the protected name, as the same host with two letters
// swapped (.rog) is; through the embedded default lists.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

struct Slip {
  std::string typed, meant;
};

bool HasReason(const RecipientCheck& c, ReasonCode code) {
  for (const Reason& r : c.reasons) {
    if (r.code == code) return true;
  }
  return false;
}

// Letter dropped and letters swapped take one path: lookalike, the TLD
// does not exist, the protected name suggested. x.bundeswehr.org was
// offered, a name check refuses as a look-alike of bundeswehr.de.
TEST(SuggestionRound59c, ALetterLeftOutOfACommonTldIsTheProtectedNamesLookalike) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (const Slip& s : std::vector<Slip>{{"x.bundeswehr.og", "x.bundeswehr.de"},
                                         {"x.bundeswehr.or", "x.bundeswehr.de"},
                                         {"x.bundeswehr.nt", "x.bundeswehr.de"},
                                         {"x.bundeswehr.rg", "x.bundeswehr.de"},
                                         {"x.bundeswehr.rog", "x.bundeswehr.de"},
                                         {"x.bundeswehr.ent", "x.bundeswehr.de"},
                                         {"x.europa.og", "x.europa.eu"},
                                         {"x.bund.og", "x.bund.de"},
                                         {"hq.nato.og", "hq.nato.int"},
                                         {"hq.nato.ogr", "hq.nato.int"}}) {
    RecipientCheck c = engine->CheckRecipient("x@" + s.typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << s.typed;
    EXPECT_TRUE(HasReason(c, ReasonCode::kTldNotDelegated)) << s.typed;
    EXPECT_EQ(c.suggestion, "x@" + s.meant) << s.typed;
  }
}

// Whatever is offered for a TLD the root zone lacks is a name check
// accepts: never one it flags.
TEST(SuggestionRound59c, NoOfferForAnUndelegatedTldIsFlagged) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (const char* typed : {"x.bundeswehr.og", "x.bundeswehr.nt", "hq.nato.og", "x.europa.og",
                            "x.bund.og", "acme.og", "acme.du", "acme.con"}) {
    RecipientCheck c = engine->CheckRecipient(std::string("x@") + typed);
    ASSERT_FALSE(c.suggestion.empty()) << typed;
    const RecipientCheck s = engine->CheckRecipient(c.suggestion);
    EXPECT_TRUE(s.verdict == Verdict::kTrusted || s.verdict == Verdict::kExternal)
        << typed << " -> " << c.suggestion;
  }
}

// A name no list holds keeps its plain repair: invalid, the common TLD one
// slip away.
TEST(SuggestionRound59c, AnUnlistedNameKeepsItsCommonTldRepair) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (const Slip& s : std::vector<Slip>{
           {"acme.og", "acme.org"}, {"acme.du", "acme.edu"}, {"acme.con", "acme.com"}}) {
    RecipientCheck c = engine->CheckRecipient("x@" + s.typed);
    EXPECT_EQ(c.verdict, Verdict::kInvalid) << s.typed;
    EXPECT_EQ(c.suggestion, "x@" + s.meant) << s.typed;
  }
}

}  // namespace
}  // namespace nearmiss
