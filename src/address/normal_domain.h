// One domain in one form, so that "army.ml", "ARMY.ML." and a U-label and
// its A-label name the same thing wherever a report or the history keys by
// domain (audit's rows, learn's store).
//
// Thread safety: safe to call concurrently with distinct `scratch`/`out`.
#ifndef NEARMISS_ADDRESS_NORMAL_DOMAIN_H_
#define NEARMISS_ADDRESS_NORMAL_DOMAIN_H_

#include <string>
#include <string_view>

#include "nearmiss/address.h"

namespace nearmiss::address {

// Writes to `*out` the A-label form ParseDomain gives (UTS #46 to-ASCII,
// lower case, the root's trailing dot dropped) and returns true. What
// ParseDomain refuses (an address literal "[192.0.2.7]", a bad IDN) is only
// lower-cased (ASCII) less one trailing dot, and the result is false, so a
// caller that must hold only domain names (the history) can leave it out.
// `scratch` is reused between calls so the common ASCII case allocates
// nothing.
bool NormalDomain(std::string_view domain, Domain* scratch, std::string* out);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_NORMAL_DOMAIN_H_
