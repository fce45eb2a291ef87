#include <gtest/gtest.h>

#include "nearmiss/address.h"
#include "nearmiss/lookalike.h"

namespace nearmiss {
namespace {

class DetectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<TrustedEntry> entries = {
        {".mil", TrustSource::kProtected},
        {".gov.uk", TrustSource::kProtected},
        {"mildenhall.af.mil", TrustSource::kProtected},
        {"cba.com.au", TrustSource::kProtected},
        {"us.bank.com", TrustSource::kProtected},
        {"gmail.com", TrustSource::kProvider},
        {"googlemail.com", TrustSource::kProvider},
        {"mail.com", TrustSource::kProvider},
        {"outlook.com", TrustSource::kProvider},
        {"yahoo.com", TrustSource::kProvider},
        {"microsoft.com", TrustSource::kOrganisation},
        {"aol.com", TrustSource::kProvider},
    };
    std::vector<SuffixConfusion> confusions = {
        {"ml", "mil", "ml is Mali's country code"},
        {"om", "com", "om is Oman's country code"},
    };
    auto built = LookalikeDetector::Build(entries, confusions);
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    detector_ = std::move(built).value();
  }

  LookalikeMatch Classify(std::string_view domain) {
    Result<Domain> d = ParseDomain(domain);
    EXPECT_TRUE(d.ok()) << domain << ": " << d.status().ToString();
    return d.ok() ? detector_->Classify(*d) : LookalikeMatch{};
  }

  // The sentence a sender would read for `domain` (FillReason, then
  // ReasonMessage), or "" when the detector says nothing.
  std::string Sentence(std::string_view domain) {
    Result<Domain> d = ParseDomain(domain);
    if (!d.ok()) return "";
    LookalikeMatch m = detector_->Classify(*d);
    if (m.kind == LookalikeMatch::Kind::kNone) return "";
    Reason r;
    FillReason(m, *d, &r);
    return ReasonMessage(r);
  }

  void ExpectLookalike(std::string_view domain, std::string_view code,
                       std::string_view target, std::string_view suggestion) {
    LookalikeMatch m = Classify(domain);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << Sentence(domain);
    EXPECT_EQ(ReasonCodeName(m.code), code) << Sentence(domain);
    EXPECT_EQ(m.target, target) << domain;
    EXPECT_EQ(m.target_domain_for_suggestion, suggestion) << domain;
  }

  std::unique_ptr<const LookalikeDetector> detector_;
};

TEST_F(DetectorTest, TrustsEntriesSubdomainsAndNamespaces) {
  EXPECT_EQ(Classify("army.mil").kind, LookalikeMatch::Kind::kTrusted);
  EXPECT_EQ(Classify("hq.army.mil").kind, LookalikeMatch::Kind::kTrusted);
  EXPECT_EQ(Classify("hmrc.gov.uk").kind, LookalikeMatch::Kind::kTrusted);
  EXPECT_EQ(Classify("gmail.com").kind, LookalikeMatch::Kind::kTrusted);
  EXPECT_EQ(Classify("cba.com.au").kind, LookalikeMatch::Kind::kTrusted);
  EXPECT_EQ(Classify("mail.microsoft.com").kind, LookalikeMatch::Kind::kTrusted);
}

TEST_F(DetectorTest, ProviderCoversOnlyItsExactDomain) {
  ExpectLookalike("g.mail.com", "dot-insertion", "gmail.com", "gmail.com");
}

TEST_F(DetectorTest, SuffixClasses) {
  ExpectLookalike("army.ml", "suffix-edit", "army.mil", "army.mil");
  ExpectLookalike("hq.navy.ml", "suffix-edit", "navy.mil", "hq.navy.mil");
  ExpectLookalike("outlook.cm", "suffix-edit", "outlook.com", "outlook.com");
  ExpectLookalike("yahoo.om", "suffix-edit", "yahoo.com", "yahoo.com");
  ExpectLookalike("gmail.co", "suffix-edit", "gmail.com", "gmail.com");
  ExpectLookalike("cba.com", "suffix-truncate", "cba.com.au", "cba.com.au");
  ExpectLookalike("cba.au", "suffix-drop", "cba.com.au", "cba.com.au");
  ExpectLookalike("army.mil.com", "suffix-append", "army.mil", "army.mil");
  ExpectLookalike("gmail.com.com", "suffix-append", "gmail.com", "gmail.com");
  ExpectLookalike("hmrc.gv.uk", "suffix-edit", "hmrc.gov.uk", "hmrc.gov.uk");
}

TEST_F(DetectorTest, SuffixEditMessageSaysWhatChanged) {
  EXPECT_EQ(Sentence("army.ml"),
            "army.ml looks like army.mil (the TLD .ml is missing an 'i'; ml is Mali's "
            "country code)");
}

// The trusted answer is given without a sentence; FillReason and
// ReasonMessage make the same one the engine always gave.
TEST_F(DetectorTest, TrustedSentencesNameTheEntry) {
  EXPECT_EQ(Sentence("gmail.com"), "gmail.com is a known mail provider");
  EXPECT_EQ(Sentence("microsoft.com"), "microsoft.com is an organisation domain");
  EXPECT_EQ(Sentence("Army.MIL"), "army.mil is under .mil, which is protected");
  EXPECT_EQ(Sentence("x.mildenhall.af.mil"),
            "x.mildenhall.af.mil is under mildenhall.af.mil, which is protected");
  LookalikeMatch m = Classify("hq.army.mil");
  EXPECT_EQ(m.trusted_entry, "mil");
  EXPECT_TRUE(m.trusted_namespace);
}

TEST_F(DetectorTest, LabelTypos) {
  ExpectLookalike("gmial.com", "label-typo", "gmail.com", "gmail.com");
  ExpectLookalike("gmai.com", "label-typo", "gmail.com", "gmail.com");
  ExpectLookalike("gmaill.com", "label-typo", "gmail.com", "gmail.com");
  ExpectLookalike("gmsil.com", "label-typo", "gmail.com", "gmail.com");
  ExpectLookalike("outlok.com", "label-typo", "outlook.com", "outlook.com");
  // A provider covers no subdomain: suggested as itself (issue 15 breaker).
  ExpectLookalike("mail.gmial.com", "label-typo", "gmail.com", "gmail.com");
  ExpectLookalike("g-mail.com", "hyphenation", "gmail.com", "gmail.com");
  ExpectLookalike("microsoftt.com", "label-typo", "microsoft.com", "microsoft.com");
}

TEST_F(DetectorTest, LongNamesMatchAtDistanceTwo) {
  ExpectLookalike("googlmeail.com", "label-typo", "googlemail.com", "googlemail.com");
  EXPECT_EQ(Classify("gnial.com").kind, LookalikeMatch::Kind::kNone);  // short: 2 is too far
}

TEST_F(DetectorTest, DotClasses) {
  ExpectLookalike("usbank.com", "dot-omission", "us.bank.com", "us.bank.com");
  ExpectLookalike("us-bank.com", "dot-omission", "us.bank.com", "us.bank.com");
  ExpectLookalike("dodmil.com", "dot-omission", "dod.mil", "dod.mil");
  ExpectLookalike("army-mil.com", "dot-omission", "army.mil", "army.mil");
  ExpectLookalike("mildenhall.com", "dot-omission", "mildenhall.af.mil", "mildenhall.af.mil");
  ExpectLookalike("gmailcom.com", "dot-omission", "gmail.com", "gmail.com");
}

TEST_F(DetectorTest, Homoglyphs) {
  ExpectLookalike("\xD0\xB0rmy.mil", "homoglyph", "army.mil", "army.mil");  // Cyrillic а
  ExpectLookalike("gm\xC3\xA1il.com", "homoglyph", "gmail.com", "gmail.com");
  ExpectLookalike("rnicrosoft.com", "homoglyph", "microsoft.com", "microsoft.com");
  ExpectLookalike("micr0soft.com", "homoglyph", "microsoft.com", "microsoft.com");
  ExpectLookalike("gmai1.com", "homoglyph", "gmail.com", "gmail.com");
}

TEST_F(DetectorTest, Bitsquat) {
  ExpectLookalike("gmaih.com", "bitsquat", "gmail.com", "gmail.com");
}

TEST_F(DetectorTest, FarDomainsAreExternal) {
  for (std::string_view d : {"example.org", "bbc.co.uk", "tamil.com", "army.com", "gnail.de"}) {
    EXPECT_EQ(Classify(d).kind, LookalikeMatch::Kind::kNone) << d << ": " << Sentence(d);
  }
}

TEST_F(DetectorTest, ShortNamesNeedAStrongerSignal) {
  // One arbitrary letter in a three-letter name is weak evidence...
  EXPECT_EQ(Classify("abl.com").kind, LookalikeMatch::Kind::kNone);
  // ...but a neighbouring key or a doubled letter is the classic slip.
  ExpectLookalike("aoll.com", "label-typo", "aol.com", "aol.com");
}

TEST_F(DetectorTest, SlipNextToAFoldedPairMatchesTheSpelling) {
  // "cl" folds to "d", so the key of barclays is "bardays"; a slip inside
  // the pair is one edit from the spelling, not from the key.
  auto built = LookalikeDetector::Build({{"barclays.co.uk", TrustSource::kProtected}}, {});
  ASSERT_TRUE(built.ok());
  for (std::string_view d : {"barcmlays.co.uk", "barklays.co.uk", "barlcays.co.uk"}) {
    Result<Domain> parsed = ParseDomain(d);
    ASSERT_TRUE(parsed.ok());
    LookalikeMatch m = (*built)->Classify(*parsed);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << d;
    EXPECT_EQ(m.target, "barclays.co.uk") << d;
  }
}

TEST_F(DetectorTest, TwoGlyphSubstitutionsAreHomoglyphs) {
  ExpectLookalike("xn--mcrosoft-bvd.com", "homoglyph", "microsoft.com",
                  "microsoft.com");  // small capital I
  ExpectLookalike("outloolc.com", "homoglyph", "outlook.com", "outlook.com");
  ExpectLookalike("micr0s0ft.com", "homoglyph", "microsoft.com", "microsoft.com");
}

TEST_F(DetectorTest, ShortDeclaredNamesCatchOneSlip) {
  // cba.com.au is protected: a slip in its three letters is flagged...
  ExpectLookalike("cbs.com.au", "label-typo", "cba.com.au", "cba.com.au");
  ExpectLookalike("cb.com.au", "label-typo", "cba.com.au", "cba.com.au");
  // ...while aol.com, a provider among many three-letter names, needs more.
  EXPECT_EQ(Classify("abl.com").kind, LookalikeMatch::Kind::kNone);
}

TEST_F(DetectorTest, ProviderSisterSuffixesAreNotSlips) {
  // A provider's name under another real country suffix is its regional
  // sister or a local namesake; one letter off .com is still a slip.
  EXPECT_EQ(Classify("yahoo.com.es").kind, LookalikeMatch::Kind::kNone);
  EXPECT_EQ(Classify("yahoo.ru").kind, LookalikeMatch::Kind::kNone);
  ExpectLookalike("yahoo.cm", "suffix-edit", "yahoo.com", "yahoo.com");
  // Declared names keep their suffix variants suspect.
  ExpectLookalike("cba.com", "suffix-truncate", "cba.com.au", "cba.com.au");
}

TEST_F(DetectorTest, NamespaceRunInNeedsAHabitualEndingAndAWord) {
  ExpectLookalike("dodmil.com", "dot-omission", "dod.mil", "dod.mil");
  EXPECT_EQ(Classify("goldtamil.info").kind, LookalikeMatch::Kind::kNone);
  EXPECT_EQ(Classify("99gamil.com").kind, LookalikeMatch::Kind::kNone);
}

TEST_F(DetectorTest, ShortProviderNamesNeedMoreThanAGlyphAndASlip) {
  // "rr" reads as "m", one edit from "me": too weak for a two-letter name.
  auto built = LookalikeDetector::Build({{"me.com", TrustSource::kProvider}}, {});
  ASSERT_TRUE(built.ok());
  Result<Domain> d = ParseDomain("rr.com");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ((*built)->Classify(*d).kind, LookalikeMatch::Kind::kNone);
}

TEST(DetectorBuildTest, RefusesMalformedEntries) {
  auto built = LookalikeDetector::Build({{"exa mple.com", TrustSource::kProtected}}, {});
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace nearmiss
