// The display name written with an address in a header's address list.
// Thread-safe (pure); the view points into `input`.
#ifndef NEARMISS_ADDRESS_DISPLAY_NAME_H_
#define NEARMISS_ADDRESS_DISPLAY_NAME_H_

#include <string_view>

namespace nearmiss::address {

// The display name of a header's address entry ("John Smith" in
// `"John Smith" <jon@x.org>`, and in the obsolete comment form `jon@x.org
// (John Smith)`, RFC 5322 section 4.4), without quotes and blanks around
// it; "" when there is none (an envelope address).
std::string_view DisplayNameOf(std::string_view input);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_DISPLAY_NAME_H_
