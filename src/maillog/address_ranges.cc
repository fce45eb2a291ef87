// AddressRanges (address_ranges.h).
#include "maillog/address_ranges.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace nearmiss::maillog {
namespace {

// `text` as an address: IPv4 (v6 false, bytes 0-3) or IPv6 (v6 true); an
// IPv4-mapped IPv6 address is its IPv4 one. False when it is neither.
bool Parse(std::string_view text, bool* v6, std::array<unsigned char, 16>* b) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  if (text.size() > 5 && (text.substr(0, 5) == "IPv6:" || text.substr(0, 5) == "ipv6:")) {
    text.remove_prefix(5);
  }
  // A zone ("fe80::1%eth0", RFC 4007 11) does not change the network.
  text = text.substr(0, text.find('%'));
  if (text.empty() || text.size() > 64) return false;
  const std::string s(text);
  b->fill(0);
  if (inet_pton(AF_INET, s.c_str(), b->data()) == 1) {
    *v6 = false;
    return true;
  }
  if (inet_pton(AF_INET6, s.c_str(), b->data()) != 1) return false;
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped, kMapped + 12, b->begin())) {
    std::copy(b->begin() + 12, b->end(), b->begin());
    std::fill(b->begin() + 4, b->end(), 0);
    *v6 = false;
    return true;
  }
  *v6 = true;
  return true;
}

// The first `bits` bits of `a` and `b` agree.
bool SamePrefix(const std::array<unsigned char, 16>& a, const std::array<unsigned char, 16>& b,
                int bits) {
  const int whole = bits / 8;
  if (!std::equal(a.begin(), a.begin() + whole, b.begin())) return false;
  if (bits % 8 == 0) return true;
  const unsigned char mask = static_cast<unsigned char>(0xff << (8 - bits % 8));
  return (a[whole] & mask) == (b[whole] & mask);
}

}  // namespace

bool AddressRanges::Add(std::string_view cidr) {
  Range r{};
  const size_t slash = cidr.find('/');
  if (!Parse(cidr.substr(0, slash), &r.v6, &r.net)) return false;
  const int max = r.v6 ? 128 : 32;
  r.bits = max;
  if (slash != std::string_view::npos) {
    std::string_view len = cidr.substr(slash + 1);
    auto [end, ec] = std::from_chars(len.data(), len.data() + len.size(), r.bits);
    if (ec != std::errc() || end != len.data() + len.size() || len.empty() || r.bits < 0 ||
        r.bits > max) {
      return false;
    }
  }
  // No bit set past the prefix: "192.0.2.1/24" is a typo, not a network.
  std::array<unsigned char, 16> masked = r.net;
  for (int i = 0; i < 16; ++i) {
    const int left = r.bits - i * 8;
    if (left <= 0) {
      masked[i] = 0;
    } else if (left < 8) {
      masked[i] &= static_cast<unsigned char>(0xff << (8 - left));
    }
  }
  if (masked != r.net) return false;
  ranges_.push_back(r);
  return true;
}

bool AddressRanges::Contains(std::string_view address) const {
  bool v6 = false;
  std::array<unsigned char, 16> b{};
  if (!Parse(address, &v6, &b)) return false;
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const Range& r) {
    return r.v6 == v6 && SamePrefix(r.net, b, r.bits);
  });
}

}  // namespace nearmiss::maillog
