#include "lookalike/keyboard.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace nearmiss::lookalike {
namespace {

// Each layout as its four rows of keys; neighbours are left, right, and the
// keys touching from the rows above and below (rows are offset by half a key).
constexpr std::array<std::array<std::string_view, 4>, 3> kLayouts = {{
    {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"},  // QWERTY
    {"1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"},  // QWERTZ
    {"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"},  // AZERTY
}};

constexpr bool AdjacentOn(const std::array<std::string_view, 4>& rows, char a, char b) {
  for (size_t r = 0; r < rows.size(); ++r) {
    size_t i = rows[r].find(a);
    if (i == std::string_view::npos) continue;
    auto at = [&](size_t row, long col) {
      return col >= 0 && static_cast<size_t>(col) < rows[row].size() &&
             rows[row][col] == b;
    };
    long c = static_cast<long>(i);
    if (at(r, c - 1) || at(r, c + 1)) return true;
    // The row above sits half a key to the left: keys c and c+1 touch.
    if (r > 0 && (at(r - 1, c) || at(r - 1, c + 1))) return true;
    if (r + 1 < rows.size() && (at(r + 1, c) || at(r + 1, c - 1))) return true;
  }
  return false;
}

// Which ASCII characters neighbour which on any layout, worked out from
// kLayouts at compile time: KeysAdjacent is asked of every near candidate
// of a check (several with a million names), and searching the rows cost
// about 500 instructions a call.
struct AdjacencyTable {
  std::array<std::array<uint64_t, 2>, 128> bits{};
  constexpr bool Get(unsigned a, unsigned b) const { return (bits[a][b / 64] >> (b % 64)) & 1; }
};

constexpr AdjacencyTable MakeAdjacencyTable() {
  AdjacencyTable t;
  for (unsigned a = 0; a < 128; ++a) {
    for (unsigned b = 0; b < 128; ++b) {
      bool adjacent = false;
      for (const auto& rows : kLayouts) {
        adjacent = adjacent || (a != b && AdjacentOn(rows, static_cast<char>(a), static_cast<char>(b)));
      }
      if (adjacent) t.bits[a][b / 64] |= uint64_t{1} << (b % 64);
    }
  }
  return t;
}

constexpr AdjacencyTable kAdjacency = MakeAdjacencyTable();

// ASCII lower case, as std::tolower in the "C" locale; other bytes as they are.
constexpr unsigned char AsciiLower(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u + ('a' - 'A')) : u;
}

}  // namespace

double KeyDistance(char a, char b) {
  // QWERTY as in kLayouts, with each row's offset from the left edge.
  constexpr std::array<double, 4> kStagger = {0, 0.5, 0.75, 1.25};
  const auto& rows = kLayouts[0];
  auto where = [&](char c, double& x, double& y) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (size_t r = 0; r < rows.size(); ++r) {
      size_t i = rows[r].find(c);
      if (i == std::string_view::npos) continue;
      x = kStagger[r] + static_cast<double>(i);
      y = static_cast<double>(r);
      return true;
    }
    return false;
  };
  double ax, ay, bx, by;
  if (!where(a, ax, ay) || !where(b, bx, by)) return -1;
  return std::hypot(ax - bx, ay - by);
}

bool KeysAdjacent(char a, char b) {
  const unsigned char la = AsciiLower(a), lb = AsciiLower(b);
  // Every key of kLayouts is ASCII: nothing else neighbours anything.
  return la < 128 && lb < 128 && kAdjacency.Get(la, lb);
}

}  // namespace nearmiss::lookalike
