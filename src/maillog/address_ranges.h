// AddressRanges: a set of IPv4 and IPv6 networks in CIDR notation (RFC 4632
// 3.1, RFC 4291 2.3), and whether an address falls in one of them. Holds the
// blocks gateway operators publish for their mail servers
// (data/lists/outbound-relays.txt, "range" entries; smart_host.h).
//
// Thread safety: Add before sharing; Contains is const and may then be
// called from any thread.
#ifndef NEARMISS_MAILLOG_ADDRESS_RANGES_H_
#define NEARMISS_MAILLOG_ADDRESS_RANGES_H_

#include <array>
#include <string_view>
#include <vector>

namespace nearmiss::maillog {

class AddressRanges {
 public:
  // Adds "192.0.2.0/24" or "2001:db8::/32" (a bare address is its own /32
  // or /128). False, adding nothing, when it is neither, its prefix length
  // is out of range, or bits beyond the prefix are set (a typo in the list
  // would otherwise match more or less than its source says).
  bool Add(std::string_view cidr);
  // True when `address` ("192.0.2.7", "2001:db8::1", "[192.0.2.7]",
  // "IPv6:2001:db8::1", an IPv4-mapped "::ffff:192.0.2.7") is in a range.
  bool Contains(std::string_view address) const;
  size_t size() const { return ranges_.size(); }

 private:
  struct Range {
    bool v6;
    std::array<unsigned char, 16> net;
    int bits;
  };
  std::vector<Range> ranges_;
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_ADDRESS_RANGES_H_
