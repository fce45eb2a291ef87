#include "maillog/natural_order.h"

namespace nearmiss::maillog {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }

// <0, 0, >0 as the digit runs at a[i..] and b[j..] compare by value;
// i and j are moved past them.
int CompareNumbers(std::string_view a, size_t& i, std::string_view b, size_t& j) {
  while (i < a.size() && a[i] == '0' && i + 1 < a.size() && Digit(a[i + 1])) ++i;
  while (j < b.size() && b[j] == '0' && j + 1 < b.size() && Digit(b[j + 1])) ++j;
  size_t ai = i, bj = j;
  while (i < a.size() && Digit(a[i])) ++i;
  while (j < b.size() && Digit(b[j])) ++j;
  // Without leading zeros, the longer run is the larger number.
  if (i - ai != j - bj) return i - ai < j - bj ? -1 : 1;
  return a.substr(ai, i - ai).compare(b.substr(bj, j - bj));
}

}  // namespace

bool NaturalLess(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (Digit(a[i]) && Digit(b[j])) {
      if (int c = CompareNumbers(a, i, b, j); c != 0) return c < 0;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  if ((i < a.size()) != (j < b.size())) return j < b.size();  // a prefix first
  return a < b;  // equal by value ("07" and "7"): by bytes
}

}  // namespace nearmiss::maillog
