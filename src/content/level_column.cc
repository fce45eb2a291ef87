// LevelColumns: see level_column.h.
#include "content/level_column.h"

#include <algorithm>
#include <array>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// A list item's bullet: ASCII or the bullets word processors paste.
constexpr std::array<std::string_view, 6> kBullets = {
    "- ", "* ", "\xE2\x80\xA2 ", "\xC2\xB7 ", "\xE2\x80\x93 ", "\xE2\x97\xA6 "};

// At most a short item's words in a bulleted list ("Internal", "Public
// data"); a sentence is no list item.
constexpr int kMaxItemWords = 3;

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// One line of a run: its item (bullet stripped), the bullet, and the
// levels it names alone (a bit each) or 0.
struct Item {
  std::size_t begin = 0, end = 0;  // the line, without its '\n'
  std::string_view bullet;
  std::string_view item;
  unsigned levels = 0;
  bool joined = false;  // a name runs on past the line's end
};

Item ReadItem(std::string_view text, std::size_t begin, std::size_t end,
              std::span<const NamedLevel> names, std::size_t* next) {
  Item it{begin, end, {}, {}, 0, false};
  std::string_view line = TrimBlanks(text.substr(begin, end - begin));
  for (std::string_view b : kBullets) {
    if (line.substr(0, b.size()) == b) {
      it.bullet = b;
      line = TrimBlanks(line.substr(b.size()));
      break;
    }
  }
  it.item = line;
  if (line.empty()) return it;
  const std::size_t from = static_cast<std::size_t>(line.data() - text.data());
  const std::size_t to = from + line.size();
  // The longest name on the line must be the whole item: "TOP SECRET",
  // not "SECRET" inside it nor "SECRET plans".
  unsigned level = 0;
  while (*next < names.size() && names[*next].begin < end) {
    const NamedLevel& n = names[(*next)++];
    if (n.begin == from && n.end == to) {
      level = 1u << static_cast<unsigned>(n.level);
    }
    // "SECRET\nUK EYES ONLY": a banner form over two lines is one banner.
    it.joined = it.joined || n.end > end;
  }
  it.levels = level;
  return it;
}

bool ShortItem(std::string_view item) {
  if (item.empty() || item.back() == '.' || item.back() == ':' ||
      item.back() == '!' || item.back() == '?' || item.back() == ',') {
    return false;
  }
  int words = 1;
  for (char c : item) words += IsBlank(c) ? 1 : 0;
  return words <= kMaxItemWords;
}

// Whether the line above `begin` (one blank line between allowed) ends in
// ':' ("three tiers:", "these values:", "die Stufen sind:").
bool IntroducedAbove(std::string_view text, std::size_t begin) {
  for (int blank = 0; begin > 0 && blank < 2;) {
    std::size_t start = LineStart(text, begin - 1);
    std::string_view above = TrimBlanks(text.substr(start, begin - 1 - start));
    if (!above.empty()) return above.back() == ':';
    ++blank;
    begin = start;
  }
  return false;
}

}  // namespace

void LevelColumns(std::string_view text, std::span<const NamedLevel> names,
                  std::vector<std::pair<std::size_t, std::size_t>>* out) {
  std::size_t next = 0;
  std::vector<Item> run;
  auto close = [&] {
    if (run.size() >= 2) {
      unsigned levels = 0;
      bool all_levels = true, same_bullet = true, joined = false;
      for (const Item& it : run) {
        levels |= it.levels;
        all_levels = all_levels && it.levels != 0;
        joined = joined || it.joined;
        same_bullet = same_bullet && it.bullet == run.front().bullet;
      }
      bool distinct = true;
      for (std::size_t a = 0; a < run.size(); ++a) {
        for (std::size_t b = a + 1; b < run.size(); ++b) {
          distinct = distinct && run[a].item != run[b].item;
        }
      }
      // Unbulleted, each line a level and two levels named; bulleted, short
      // items, one a level at least.
      const bool list = distinct && same_bullet && !joined &&
                        (run.front().bullet.empty()
                             ? all_levels && (levels & (levels - 1)) != 0
                             : levels != 0);
      if (list && IntroducedAbove(text, run.front().begin)) {
        out->emplace_back(run.front().begin, run.back().end);
      }
    }
    run.clear();
  };
  // Only the lines with a name start a run or are read; a run is the lines
  // from one with a name on, while each is an item.
  std::size_t at = 0;
  while (next < names.size()) {
    std::size_t begin = LineStart(text, names[next].begin);
    if (begin < at) {  // a name on a line already read
      ++next;
      continue;
    }
    if (!run.empty() && begin != run.back().end + 1) close();
    if (run.empty()) {
      // The bulleted items without a name just above ("- Public\n-
      // Internal\n- SECRET"), read back to the list's first line.
      std::vector<Item> above;
      for (std::size_t line = begin; line > at && line > 0;) {
        std::size_t start = LineStart(text, line - 1);
        std::size_t none = names.size();
        Item it = ReadItem(text, start, line - 1, {}, &none);
        if (it.bullet.empty() || !ShortItem(it.item)) break;
        above.push_back(it);
        line = start;
      }
      run.assign(above.rbegin(), above.rend());
    }
    // Read this line and the item lines after it without names.
    for (std::size_t line = begin; line < text.size();) {
      std::size_t end = LineEnd(text, line);
      Item it = ReadItem(text, line, end, names, &next);
      at = end + 1;
      if (it.levels == 0 && (it.bullet.empty() || !ShortItem(it.item))) {
        close();
        break;
      }
      run.push_back(it);
      if (next < names.size() && LineStart(text, names[next].begin) == end + 1) break;
      line = end + 1;
      if (line >= text.size() || text[line] == '\n') {
        close();
        break;
      }
    }
  }
  close();
}

}  // namespace nearmiss::content
