// Banner lines (position_banner.cc, position_banner_line.cc): a marking
// alone on a line at the top or bottom of the page, the greeting and
// signature around it, a bare heading over text, a tier heading a longer
// line.
#include "content/position.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "content/cui_label.h"
#include "content/position_testing.h"

namespace nearmiss::content {
namespace {

TEST(PositionTest, BannerLineAtTopOrBottom) {
  std::string_view top = "OFFICIAL\n\nHello Bob,\none\ntwo\nthree\nfour\n";
  EXPECT_TRUE(At(IsBannerMarking, top, "OFFICIAL"));
  std::string_view bottom = "Hi\none\ntwo\nthree\nfour\n\n** SECRET **\n";
  EXPECT_TRUE(At(IsBannerMarking, bottom, "SECRET"));
  std::string_view middle = "a\nb\nc\nd\nSECRET\ne\nf\ng\nh\n";
  EXPECT_FALSE(At(IsBannerMarking, middle, "SECRET"));
  EXPECT_FALSE(At(IsBannerMarking, "keep it confidential please",
                  "confidential"));
  // A CONFIDENTIAL line over a disclaimer that says the email is.
  EXPECT_FALSE(At(IsBannerMarking,
                  "Thanks\n\nCONFIDENTIAL\nThis email is confidential.",
                  "CONFIDENTIAL"));
  EXPECT_TRUE(At(IsBannerMarking, "a\nb\nc\nd\nClassification: SECRET\ne\nf\ng\nh",
                 "SECRET"));
  // Tester 41 item 1: a blank before the key's colon, the senders' keys.
  EXPECT_TRUE(At(IsBannerMarking, "a\nb\nc\nd\nClassification :\nSECRET\ne\nf\ng\nh",
                 "SECRET"));
  EXPECT_TRUE(At(IsBannerMarking, "a\nb\nc\nd\nSecurity marking:\nSECRET\ne\nf\ng\nh",
                 "SECRET"));
  EXPECT_FALSE(At(IsBannerMarking, "a\nb\nc\nd\nClassification of\nSECRET\ne\nf\ng\nh",
                  "SECRET"));
}

// Tester 13 item 18: "CUI" in a cell before a code is a Romanian
// invoice's tax-code label, not a US CUI banner; a CUI banner in a row of
// cells, or alone, still is.
TEST(PositionTest, CuiCellBeforeACodeIsALabel) {
  EXPECT_FALSE(At(IsBannerMarking, "CUI   RO12345678\nNr. Reg. Com.   J40/1234/2020\n\nBuna ziua.",
                  "CUI"));
  EXPECT_FALSE(At(IsBannerMarking, "CUI   12345678\n\nBuna ziua.", "CUI"));
  EXPECT_TRUE(At(IsBannerMarking, "CUI\n\nThe contract follows.", "CUI"));
  EXPECT_TRUE(At(IsBannerMarking, "MOD/2026/114   CUI   Page 1 of 3\n\nThe contract.", "CUI"));
  EXPECT_TRUE(At(IsBannerMarking, "CUI   Controlled by: DoD\n\nThe contract.", "CUI"));
  // The label above its code, as a plain-text invoice lays it out.
  EXPECT_FALSE(At(IsBannerMarking, "CUI\nRO12345678\n\nSC Exemplu SRL\n", "CUI"));
  EXPECT_TRUE(At(IsBannerMarking, "CUI\n1. Purpose of the contract.\n", "CUI"));
  EXPECT_TRUE(At(IsBannerMarking, "CUI\n\nRO12345678 is the supplier.\n", "CUI"));
}

// Round 54's tester 13, finding 7: "CUI" before the Romanian tax code on
// its line, beside an invoice's Romanian words or named as an identifier
// is that code, in a subject as in a body; the banner's forms are not.
TEST(PositionTest, CuiNamesTaxCode) {
  auto names = [](std::string_view text) {
    return CuiNamesTaxCode(text, text.find("CUI"));
  };
  EXPECT_TRUE(names("CUI: RO12345678"));
  EXPECT_TRUE(names("Re: CUI RO 12345678"));
  EXPECT_TRUE(names("CUI - 12345678"));
  EXPECT_TRUE(names("CUI nr. 1234567"));
  EXPECT_TRUE(names("CUI | RO12"));
  EXPECT_TRUE(names("Factura, CUI RO12345678"));
  EXPECT_TRUE(names("CUI-ul firmei este RO12345678."));
  EXPECT_TRUE(names("CUI: cod fiscal pentru factura"));
  EXPECT_TRUE(names("Exemplu SRL, CUI 123"));
  EXPECT_TRUE(names("can you send me the CUI of your company so I can issue the invoice?"));
  EXPECT_TRUE(names("Re: CUI number for the invoice"));
  EXPECT_TRUE(names("please send your CUI"));
  EXPECT_FALSE(names("CUI"));
  EXPECT_FALSE(names("Re: CUI"));
  EXPECT_FALSE(names("CUI//SP-PRVCY"));
  EXPECT_FALSE(names("CUI - FY2026 budget"));
  EXPECT_FALSE(names("CUI: 2026 contract specifications"));
  EXPECT_FALSE(names("CUI: fiscal year plan"));
  EXPECT_FALSE(names("CUI: TVA grid study"));
  EXPECT_FALSE(names("the CUI of the program is listed"));
  EXPECT_FALSE(names("CUI: invoice for contract W912 review"));
  EXPECT_FALSE(names("CUI\nRO12345678"));  // the next line: IsCuiLabelForCode's
  EXPECT_FALSE(names("CUIRO12345678"));
}

// Issue 13, round 4: a greeting above the top banner, and a closing,
// signature, "-- " delimiter, disclaimer or quoted reply below the bottom
// one, are not counted as lines of the page (banner_zone.h).
TEST(PositionTest, BannerZoneSkipsGreetingSignatureAndReply) {
  std::string_view signed_off =
      "Bob,\n\nUK TOP SECRET\n\nThe convoy leaves at 0600.\n\nUK TOP SECRET\n\n"
      "Alice Smith\nJ3 Plans Officer\nHQ Land\nTel 01234 567890\n";
  std::size_t top = signed_off.find("UK TOP SECRET");
  std::size_t bottom = signed_off.rfind("UK TOP SECRET");
  EXPECT_TRUE(IsEdgeLine(signed_off, top, top + 13));
  EXPECT_TRUE(IsEdgeLine(signed_off, bottom, bottom + 13));
  EXPECT_TRUE(IsBannerMarking(signed_off, bottom, bottom + 13));
  std::string_view delimited =
      "The plan follows.\nThe convoy leaves at 0600.\nIt returns at 1800.\n"
      "SECRET\n-- \nAlice Smith\nJ3 Plans\n";
  EXPECT_TRUE(At(IsEdgeLine, delimited, "SECRET"));
  std::string_view disclaimed =
      "one\ntwo\nthree\nfour\n\nSECRET\n\nRegards,\nAlice\n\nThis email is "
      "intended only for the addressee.\nIf you received it in error, delete "
      "it.\n";
  EXPECT_TRUE(At(IsEdgeLine, disclaimed, "SECRET"));
  std::string_view reply =
      "Thanks.\n\n-----Original Message-----\nFrom: Carol\nSent: Monday\n"
      "Subject: x\n\nSECRET\n\nThe convoy.\nIt leaves at 0600.\nIt returns.\n";
  EXPECT_TRUE(At(IsBannerMarking, reply, "SECRET"));
  // The marking's own paragraph is text, not a closing to skip; a sentence
  // after a blank line is not a closing either. (Three lines above: under
  // two, a paragraph of its own is the top banner under an opener, eighth
  // round.)
  EXPECT_FALSE(At(IsEdgeLine, "a\nb\n\nSECRET\ne\nf\n", "SECRET"));
  EXPECT_FALSE(At(IsEdgeLine, "a\nb\nc\n\nSECRET\n\nThe convoy leaves.\n",
                  "SECRET"));
}

// Issue 13, seventh round: a bare level word used as the heading of a text
// (the corpus README says why it then needs the message to agree).
TEST(PositionTest, BareHeadingOverText) {
  EXPECT_TRUE(At(IsBareHeading, "TOP SECRET\n\nOur summer menu is here!",
                 "TOP SECRET"));
  EXPECT_TRUE(At(IsBareHeading, "  SECRET  \nWe have been keeping a secret.",
                 "SECRET"));
  // A greeting above does not count as a line of text.
  EXPECT_TRUE(At(IsBareHeading, "Hi Sam,\n\nSECRET\n\nThe book club pick.",
                 "SECRET"));
  // Drawn banners, a wrapped one, the foot of the text, nothing under it,
  // or a line of text above: not a heading.
  for (auto [text, word] : {
           std::pair{"SECRET\n------\n\nThe route.", "SECRET"},
           std::pair{"-----\nSECRET\n\nThe convoy.", "SECRET"},
           std::pair{"** TOP SECRET **\n\nSummary.", "TOP SECRET"},
           std::pair{"[SECRET]\n\nRoute cards.", "SECRET"},
           std::pair{"\u2502 SECRET \u2502\nThe convoy.", "SECRET"},
           std::pair{"TOP\nSECRET\n\nOptions paper.", "TOP\nSECRET"},
           std::pair{"Notes.\nRegards,\nChris\n\nSECRET", "SECRET"},
           std::pair{"SECRET\n", "SECRET"},
           std::pair{"Hello\nSECRET\n\nThe convoy.", "SECRET"},
           std::pair{"In one word:\n\nSECRET\n\nThe party.", "SECRET"},
       }) {
    EXPECT_FALSE(At(IsBareHeading, text, word)) << text;
  }
  // Under a short opener, a paragraph of its own heads the text as the
  // first line does (eighth round): still a heading over text.
  EXPECT_TRUE(At(IsBareHeading, "Hello\n\nSECRET\n\nThe convoy.", "SECRET"));
}

// Issue 13, breaker round 8 defect 1: a tier heading a banner line that
// carries more words counts on the page's first and last lines.
TEST(PositionTest, TierHeadsBannerLineWithMoreWords) {
  const char* kBody = "\n\nBob,\n\nThe convoy leaves at 0600.\n\nAlice";
  for (std::string_view line :
       {"SECRET - DRAFT", "SECRET (DRAFT)", "UK SECRET - Page 1 of 3",
        "UK SECRET - COPY 2 OF 5", "TOP SECRET CODEWORD",
        "OFFICIAL-SENSITIVE: RECIPIENTS ONLY", "OFFICIAL-SENSITIVE/COMMERCIAL",
        "SECRET -- NOFORN", "*** SECRET - DRAFT ***", "DRAFT - SECRET",
        "COPY 2 OF 5 -- SECRET", "ISAF SECRET", "RESOLUTE SUPPORT SECRET - DRAFT"}) {
    // The longest form, as the scan keeps it.
    std::string_view tier = line.find("TOP SECRET") != std::string_view::npos ? "TOP SECRET"
                            : line.find("SECRET") != std::string_view::npos
                                ? "SECRET"
                                : "OFFICIAL-SENSITIVE";
    std::string top = std::string(line) + kBody;
    EXPECT_TRUE(At(IsBannerMarking, top, tier)) << line;
    std::string bottom = "Bob,\n\nThe convoy leaves at 0600.\nRoute B.\n\n" +
                         std::string(line);
    EXPECT_TRUE(At(IsBannerMarking, bottom, tier)) << line;
  }
  for (std::string_view line :
       {"SECRET SANTA - sign up below", "SECRET - the draw is on Friday.",
        "SECRET - our new menu launches on Friday", "OUR LITTLE SECRET - DRAFT",
        "NOT SECRET - DRAFT", "THE BEST KEPT SECRET", "SECRETS - DRAFT",
        "SECRET - DRAFT - " "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}) {
    std::string top = std::string(line) + kBody;
    EXPECT_FALSE(At(IsBannerMarking, top, "SECRET")) << line;
  }
  // In the middle of the text the line is not a banner.
  EXPECT_FALSE(At(IsBannerMarking,
                  "Hi,\n\nOne.\nTwo.\nThree.\nSECRET - DRAFT\nFour.\nFive.\nSix."
                  "\n\nJo",
                  "SECRET"));
  EXPECT_TRUE(IsTierPrefix("ISAF ", false));
  EXPECT_TRUE(IsTierPrefix("RESOLUTE SUPPORT ", false));
  EXPECT_FALSE(IsTierPrefix("DRAFT - ", false));
  EXPECT_TRUE(IsTierPrefix("DRAFT - ", true));
  EXPECT_FALSE(IsTierPrefix("OUR ", false));
  EXPECT_FALSE(IsTierPrefix("Our ", false));
  EXPECT_FALSE(IsTierPrefix("ONE TWO THREE ", false));
  // At a subject's head after a mission's name and before a separator.
  EXPECT_TRUE(At(IsSubjectMarking, "ISAF SECRET: convoy update", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "RE: KFOR SECRET - roster", "SECRET"));
  EXPECT_FALSE(At(IsSubjectMarking, "OUR SECRET: the new menu", "SECRET"));
  EXPECT_FALSE(At(IsSubjectMarking, "ISAF SECRET SANTA draw", "SECRET"));
}

}  // namespace
}  // namespace nearmiss::content

// Issue 13, round 34 item 8: the quoted message's first and last lines are
// its banner lines wherever the quote depth changes, however the marks are
// spaced; without a change, a line in the middle is in the middle.
namespace nearmiss::content {
namespace {

TEST(PositionTest, QuoteDepthChangeStartsTheQuotedMessage) {
  EXPECT_TRUE(At(IsBannerMarking,
                 "Sounds good.\n\n> > UK SECRET\n> >\n> > The convoy leaves.\n",
                 "UK SECRET"));
  EXPECT_TRUE(At(IsBannerMarking,
                 "Ok.\n\n> One.\n> > Two.\n> > Three.\n> > Four.\n> > Five.\n"
                 "> > Six.\n> >\n> > UK SECRET\n> Seven.\n> Eight.\n> Nine.\n",
                 "UK SECRET"));
  EXPECT_FALSE(At(IsBannerMarking,
                  "> One.\n> Two.\n> Three.\n> Four.\n> UK SECRET\n> Five.\n"
                  "> Six.\n> Seven.\n> Eight.\n",
                  "UK SECRET"));
}

}  // namespace
}  // namespace nearmiss::content

// Issue 13, round 34 item 4: under a title or reference line, with no
// blank line between, a banner closing the opening block is the top one;
// under a sentence or a lead-in ending in ':' it is not.
namespace nearmiss::content {
namespace {

TEST(PositionTest, BannerUnderTitleLine) {
  EXPECT_TRUE(IsEdgeLine("Deployment plan\nUK SECRET\n\nThe convoy leaves.\n",
                         16, 25));
  EXPECT_TRUE(IsEdgeLine("Ref: MOD/2026/114\nUK SECRET\n\nText.\n", 18, 27));
  EXPECT_FALSE(IsEdgeLine("The word of the day is:\nSECRET\n\nText.\n", 24, 30));
  EXPECT_FALSE(IsEdgeLine("Deployment plan\nUK SECRET\nThe convoy leaves.\n\n"
                          "More.\nMore.\nMore.\nMore.\n",
                          16, 25));
}

}  // namespace
}  // namespace nearmiss::content

// Issue 13, round 34 item 5: a banner alone in its cell of a line split by
// a tab (three blanks after normalising) or a wide gap.
namespace nearmiss::content {
namespace {

TEST(PositionTest, BannerAloneInItsCell) {
  EXPECT_TRUE(At(IsBannerMarking,
                 "MOD/2026/114   UK SECRET   Page 1 of 3\n\nThe convoy.\n",
                 "UK SECRET"));
  EXPECT_TRUE(At(IsBannerMarking, "Ref 4471     UK SECRET\n\nThe convoy.\n",
                 "UK SECRET"));
  // Round 42 (tester 13 finding 1): page furniture after a blank is a
  // banner line's too, behind a reference as alone (banner_tail.h).
  EXPECT_TRUE(At(IsBannerMarking, "MOD/2026/114 UK SECRET Page 1\n\nThe convoy.\n",
                 "UK SECRET"));
  EXPECT_FALSE(At(IsBannerMarking, "MOD/2026/114 UK SECRET was the grading we used\n\n"
                  "The convoy.\n", "UK SECRET"));
}

}  // namespace
}  // namespace nearmiss::content
