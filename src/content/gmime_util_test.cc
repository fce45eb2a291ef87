// AddressToString against the GMime call it stands in for.
#include "content/gmime_util.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

TEST(AddressToStringTest, SameAsGMime) {
  EnsureGMimeInitialized();
  const char* kHeaders[] = {
      "bob@army.mil", "Bob@Army.MIL", "Bob Example <bob@army.mil>",
      "\"Example, Bob\" <bob@army.mil>", "<bob@army.mil>", "bob@example.com.",
      "bob@xn--rmy-qdd.mil", "bob@XN--RMY-QDD.MIL", "bob@xn--bad", "bob@\xd0\xb0rmy.mil",
      "=?utf-8?q?B=C3=B6b?= <bob@army.mil>", "bob@ab--c.com", "bob@-a.com",
      "bob@[192.0.2.1]", "bob", "@army.mil", "bob@", "\"bob smith\"@army.mil",
      "bob@army.mil (Bob)", "team: a@x.org, b@y.org;", "a@b.c, D <d@e.f>",
      "bob@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"};
  for (const char* header : kHeaders) {
    InternetAddressList* list = internet_address_list_parse(nullptr, header);
    if (list == nullptr) continue;  // GMime finds no address in it
    for (int i = 0; i < internet_address_list_length(list); ++i) {
      InternetAddress* a = internet_address_list_get_address(list, i);
      char* expected = internet_address_to_string(a, nullptr, FALSE);
      EXPECT_EQ(AddressToString(a), expected) << header;
      g_free(expected);
    }
    g_object_unref(list);
  }
}

}  // namespace
}  // namespace nearmiss::content
