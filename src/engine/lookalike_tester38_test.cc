// Issue 15, round 38 (tester): the look-alikes fresh tester 15 found past round 37
// (/work/tester-15.md), each as a sender meets it, on the embedded lists
// and the default policy.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>

#include "engine/default_policy_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using lookalike_testing::CodeOf;
using lookalike_testing::Show;
using Round38TesterTest = lookalike_testing::DefaultPolicyTest;

// Item 4: a provider's or a protected name under another generic TLD
// (.net or .org for .com, .com for .int) was "like no trusted domain" and
// accepted; the same name under a ccTLD (gmail.io) was flagged. Whose each
// domain is comes from the lists: a family's listed domains stay its own.
TEST_F(Round38TesterTest, AProvidersNameUnderAnotherGenericTldIsALookalike) {
  for (auto [typed, meant] : {std::pair{"gmail.net", "gmail.com"},
                              {"gmail.org", "gmail.com"},
                              {"gmail.email", "gmail.com"},
                              {"gmail.info", "gmail.com"},
                              {"hotmail.net", "hotmail.com"},
                              {"outlook.net", "outlook.com"},
                              {"icloud.net", "icloud.com"},
                              {"protonmail.net", "protonmail.com"},
                              {"yahoo.org", "yahoo.com"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(CodeOf(c), "tld-swap") << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant))
        << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kConfirm) << typed;
  }
  // The provider's own generic domains (provider-regions.txt) stay
  // trusted; a slip of the ending keeps its own, better reason.
  for (const char* own :
       {"gmx.org", "gmx.net", "fastmail.net", "posteo.net", "yandex.net"}) {
    EXPECT_EQ(Check(own).verdict, Verdict::kTrusted)
        << own << ": " << Show(Check(own));
  }
  EXPECT_EQ(CodeOf(Check("gmail.cam")), "suffix-edit")
      << Show(Check("gmail.cam"));
  // A brand the lists know only under country codes, a two-letter name and
  // a word name are left to the other classes (seznam.com may be Seznam's
  // company site; wp.com is WordPress's; live.net is not Microsoft's).
  for (const char* other : {"seznam.com", "wp.com", "live.net", "mail.net"}) {
    EXPECT_EQ(Check(other).verdict, Verdict::kExternal)
        << other << ": " << Show(Check(other));
  }
}

TEST_F(Round38TesterTest, AProtectedNameUnderAnotherGenericTldIsRefused) {
  for (auto [typed, meant] : {std::pair{"nato.com", "nato.int"},
                              {"nato.org", "nato.int"},
                              {"nato.net", "nato.int"},
                              {"who.com", "who.int"},
                              {"esa.org", "esa.int"},
                              {"nhs.com", "nhs.net"},
                              {"nhs.org", "nhs.net"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant))
        << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kReject) << typed;
  }
  // Under the organisation's own declaration the same holds, and a host
  // under it keeps its host label.
  auto e = Build(
      "[domains]\nprotected = [\"natwest.com\", \"wellsfargo.com\", "
      "\"barclays.co.uk\"]\n");
  ASSERT_NE(e, nullptr);
  for (auto [typed, meant] : {std::pair{"natwest.net", "natwest.com"},
                              {"natwest.org", "natwest.com"},
                              {"wellsfargo.net", "wellsfargo.com"},
                              {"mail.natwest.org", "mail.natwest.com"}}) {
    RecipientCheck c = e->CheckRecipient(std::string("a@") + typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant))
        << typed << ": " << Show(c);
  }
  // A name declared under a ccTLD is not read under a generic one: the
  // brand commonly holds its .com (barclays.com is Barclays').
  RecipientCheck c = e->CheckRecipient("a@barclays.com");
  EXPECT_EQ(c.verdict, Verdict::kExternal) << Show(c);
}

// Item 6: a trusted name with its dots left out or made hyphens, typed
// under .ml, was read as a made-up .mil name (armymil.mil), which no one
// has. The suggestion is the name the sender wrote without its dots.
TEST_F(Round38TesterTest, ADotlessTrustedNameUnderMlSuggestsTheRealName) {
  for (auto [typed, meant] : {std::pair{"army-mil.ml", "army.mil"},
                              {"armymil.ml", "army.mil"},
                              {"navymil.ml", "navy.mil"},
                              {"gmailcom.ml", "gmail.com"},
                              {"hmrc-gov-uk.ml", "hmrc.gov.uk"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant))
        << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion, "") << typed << ": " << Show(c);
  }
  // A name that is no trusted one keeps the ending's repair, and a real
  // .mil name its own.
  EXPECT_EQ(Check("johnsmith.ml").suggestion, "a@johnsmith.mil");
  EXPECT_EQ(Check("army.ml").suggestion, "a@army.mil");
}

// Item 7: a provider's name under .ml or a slip of .mil was read as a
// .mil name first (proton.mil, live.mil, o2.mil), the provider's real
// domain second or not at all. A provider's name is never a name under a
// namespace: its own domain nearest the typed ending is suggested alone.
TEST_F(Round38TesterTest, AProvidersNameIsNeverReadAsAMadeUpMilName) {
  for (auto [typed, meant] : {std::pair{"proton.ml", "proton.me"},
                              {"proton.mi", "proton.me"},
                              {"live.ml", "live.nl"},
                              {"o2.pil", "o2.pl"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant))
        << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion.find(".mil"), std::string::npos)
        << typed << ": " << Show(c);
  }
  auto e = Build("[domains]\nprotected = [\"ing.nl\"]\n");
  ASSERT_NE(e, nullptr);
  RecipientCheck c = e->CheckRecipient("a@ing.ml");
  EXPECT_EQ(c.suggestion, "a@ing.nl") << Show(c);
  EXPECT_EQ(c.also_suggestion, "") << Show(c);
}

// Item 9: a name in a foreign government's zone got a note claiming a slip
// that is none (mfa.gov.sg "one slip from .gov", mea.gov.in "from
// .gov.ie"), and a listed department under Mali's gov zone was only a
// real neighbour. A country's own zone is no slip of another's namespace:
// no note unless a real name is near, with the slips counted; a name the
// lists hold, in the gov zone of .ml, is the look-alike of the real one.
TEST_F(Round38TesterTest, ForeignGovernmentZonesGetNoInventedSlipNotes) {
  for (const char* foreign : {"mfa.gov.sg", "fazenda.gov.br", "mea.gov.in",
                              "mofa.gov.ae", "defense.gouv.ml"}) {
    RecipientCheck c = Check(foreign);
    EXPECT_EQ(c.verdict, Verdict::kExternal) << foreign << ": " << Show(c);
    EXPECT_TRUE(c.reasons.empty()) << foreign << ": " << Show(c);
  }
  for (auto [typed, meant] : {std::pair{"hmrc.gov.ml", "hmrc.gov.uk"},
                              {"treasury.gov.ml", "treasury.gov"},
                              {"defense.gov.ml", "defense.gov"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant))
        << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kReject) << typed;
  }
  // A real name near stays the note, its slips counted: za for uk is two.
  RecipientCheck za = Check("hmrc.gov.za");
  ASSERT_EQ(CodeOf(za), "real-neighbour") << Show(za);
  EXPECT_EQ(za.reasons[0].detail,
            "in gov.za, a public-sector zone of .za, two slips");
  RecipientCheck army = Check("army.mil.za");
  ASSERT_EQ(CodeOf(army), "real-neighbour") << Show(army);
  EXPECT_EQ(army.reasons[0].detail, "in mil.za, a public-sector zone of .za");
}

// Item 5: a country's second level the PSL lists by name (idf.il, mil.lv,
// mil.by) was refused with 550 as "a public suffix, not a mail domain",
// though one organisation runs it and receives mail there. It is judged as
// any external domain; an open commercial second level, a wildcard's
// suffix and a protected namespace's apex stay refused.
TEST_F(Round38TesterTest, AnOrganisationsListedSecondLevelIsNoInvalidSuffix) {
  for (const char* zone : {"idf.il", "mil.lv", "mil.by", "mil.pl"}) {
    RecipientCheck c = Check(zone);
    EXPECT_EQ(c.verdict, Verdict::kExternal) << zone << ": " << Show(c);
    EXPECT_EQ(Decide(zone).action, Action::kAccept) << zone;
  }
  for (const char* not_mail :
       {"co.uk", "com.au", "org.il", "ac.uk", "gov.uk", "nhs.uk"}) {
    EXPECT_EQ(Check(not_mail).verdict, Verdict::kInvalid)
        << not_mail << ": " << Show(Check(not_mail));
  }
}

// Item 11: a bidi control in the domain (U+200E left-to-right mark,
// U+202C pop directional formatting) made the address invalid, while a
// zero width space there was judged as the domain reads. All invisible
// characters are treated alike: judged as it reads, and decided as a zero
// width space in the same domain is.
TEST_F(Round38TesterTest, BidiControlsInTheDomainAreJudgedAsItReads) {
  for (auto [typed, reads] : {std::pair{"army.mil\u200e", "army.mil"},
                              {"gmail.com\u202c", "gmail.com"},
                              {"\u200fgmail.com", "gmail.com"},
                              {"army.mil\u200b", "army.mil"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_NE(c.verdict, Verdict::kInvalid) << reads << ": " << Show(c);
    EXPECT_EQ(c.domain, reads) << Show(c);
    bool invisible = false;
    for (const Reason& r : c.reasons)
      invisible |= r.code == ReasonCode::kInvisibleCharacter;
    EXPECT_TRUE(invisible) << reads << ": " << Show(c);
    // Decided as the same domain with a zero width space in it.
    EXPECT_EQ(Decide(typed).action,
              Decide(std::string(reads) + "\u200b").action)
        << reads;
  }
  EXPECT_EQ(Decide("army.mil\u200e").action, Action::kConfirm);
  // A domain that reads as nothing valid stays invalid.
  EXPECT_EQ(Check("army..mil\u200e").verdict, Verdict::kInvalid);
}

// Item 8: a trusted name under a TLD of three letters or more that does
// not exist, or with no ending at all, was invalid with no suggestion
// ("'gmail' is a public suffix"). The name says what was meant.
TEST_F(Round38TesterTest, ATrustedNameWithAMissingOrMadeUpEndingIsSuggested) {
  for (auto [typed, meant] : {std::pair{"gmail.web", "gmail.com"},
                              {"gmail.zzz", "gmail.com"},
                              {"gmail.emai", "gmail.com"},
                              {"gmail.gmai", "gmail.com"},
                              {"army.web", "army.mil"},
                              {"gmail", "gmail.com"},
                              {"hotmail", "hotmail.com"},
                              {"army", "army.mil"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant))
        << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kReject) << typed;
  }
  // A name no list holds stays invalid, as does a made-up TLD under it.
  for (const char* unknown : {"qwertyuiop", "johnsmith.web"}) {
    EXPECT_EQ(Check(unknown).verdict, Verdict::kInvalid)
        << unknown << ": " << Show(Check(unknown));
  }
}

// Item 10: hotmail.co.k named hotmail.co.kr first: a cut-off ending ranked
// above a letter left out though one letter is all that is left of it.
// Both are one missing letter; the likelier target (.co.uk, listed first)
// is named first, the other second.
TEST_F(Round38TesterTest, AOneLetterEndingRanksTheLikelierTargetFirst) {
  for (auto [typed, first, second] :
       {std::tuple{"hotmail.co.k", "hotmail.co.uk", "hotmail.co.kr"},
        {"yahoo.co.k", "yahoo.co.uk", "yahoo.co.kr"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.suggestion, "a@" + std::string(first))
        << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion, "a@" + std::string(second))
        << typed << ": " << Show(c);
  }
  // Cut short by more than a letter, the cut-off reading stays first.
  EXPECT_EQ(Check("gmail.co").suggestion, "a@gmail.com")
      << Show(Check("gmail.co"));
}

}  // namespace
}  // namespace nearmiss
