// Round 47's tester 14, finding 7: a role mailbox's local part (hr-team@,
// it.support@, sales-uk@, accounts.payable@) is no person's name, so a
// part of it dropped names another desk (hr@, support@, sales@), not a
// name cut short; a person's name cut short stays a slip beside them.
#include <gtest/gtest.h>

#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

using engine::SlipKind;

TEST(AddressTypoDesks, ADeskCutShortIsAnotherDesk) {
  const engine::AddressIndex index =
      AliceWroteTo({"accounts.payable@vendor.example", "sales-uk@vendor.example",
                    "it.support@vendor.example", "hr-team@vendor.example",
                    "finance-team@partner.example", "james.wilson@vendor.example"});
  ExpectNoSlips(index, {{"accounts@vendor.example", ""},
                        {"payable@vendor.example", ""},
                        {"sales@vendor.example", ""},
                        {"support@vendor.example", ""},
                        {"it@vendor.example", ""},
                        {"hr@vendor.example", ""},
                        {"team@vendor.example", ""},
                        {"finance@partner.example", ""},
                        {"team@partner.example", ""}});
  // A person's name cut short at the same domain is still a slip, and a
  // desk's own letters slipped are still its slip.
  ExpectSlips(index, {{"j.wilson@vendor.example", "", "james.wilson@vendor.example",
                       SlipKind::kShortenedParts},
                      {"it.suport@vendor.example", "", "it.support@vendor.example",
                       SlipKind::kEdit}});
}

// Round 48's tester 14, finding 4: a person whose family name is a role
// word (Mark Sales) is a person: his name cut short is a slip.
TEST(AddressTypoDesks, APersonNamedLikeADeskIsAPerson) {
  const engine::AddressIndex index = AliceWroteTo({"mark.sales@vendor.example"});
  ExpectSlips(index, {{"m.sales@vendor.example", "", "mark.sales@vendor.example",
                       SlipKind::kShortenedParts},
                      {"msales@vendor.example", "", "mark.sales@vendor.example",
                       SlipKind::kShortenedParts}});
}

}  // namespace
}  // namespace nearmiss
