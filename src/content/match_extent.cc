// The extent table, its compile, and ExtendMatch (match_extent.h).
#include "content/match_extent.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace nearmiss::content {
namespace {

struct ExtentSearch {
  unsigned id;
  unsigned long long end;
};

int OnExtent(unsigned id, unsigned long long /*from*/, unsigned long long to,
             unsigned /*flags*/, void* context) {
  auto* search = static_cast<ExtentSearch*>(context);
  if (id == search->id) search->end = std::max(search->end, to);
  return 0;
}

}  // namespace

ExtentSet AssignExtentIds(Scanner::Rep* rep) {
  ExtentSet set;
  std::map<std::pair<std::string, unsigned>, unsigned> ids;
  for (PatternEntry& p : rep->patterns) {
    if (p.extent.empty()) continue;
    unsigned caseless = p.flags & HS_FLAG_CASELESS;
    auto [it, added] = ids.try_emplace(
        {p.extent, caseless}, static_cast<unsigned>(set.expressions.size()));
    if (added) {
      // Anchored: an extent is read from the head's start only.
      set.expressions.push_back("^(?:" + p.extent + ")");
      set.flags.push_back(caseless);
      set.first_user.push_back(&p);
    }
    p.extent_id = it->second;
  }
  return set;
}

Status CompileExtents(const ExtentSet& set, Scanner::Rep* rep) {
  std::vector<const char*> texts;
  std::vector<unsigned> hs_ids;
  for (std::size_t i = 0; i < set.expressions.size(); ++i) {
    texts.push_back(set.expressions[i].c_str());
    hs_ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* error = nullptr;
  hs_error_t rc = hs_compile_multi(texts.data(), set.flags.data(), hs_ids.data(),
                                   static_cast<unsigned>(texts.size()),
                                   HS_MODE_BLOCK, nullptr,
                                   &rep->extent_database, &error);
  if (rc == HS_SUCCESS) return Status::Ok();
  std::string message = error != nullptr ? error->message : "unknown error";
  int index = error != nullptr ? error->expression : -1;
  hs_free_compile_error(error);
  if (index >= 0 && static_cast<std::size_t>(index) < set.first_user.size()) {
    const PatternEntry& p = *set.first_user[index];
    return Status::ParseError(p.origin + ": extent of '" + p.name + "' (" +
                              p.extent + "): " + message);
  }
  return Status::ParseError("marking extents: " + message);
}

std::size_t ExtendMatch(const Scanner::Rep& rep, Scratch::Rep& s, RawMatch* m) {
  const PatternEntry& p = rep.patterns[m->id];
  if (p.extent_id == ~0u || rep.extent_database == nullptr) return 0;
  std::string_view text = s.text;
  std::size_t begin = static_cast<std::size_t>(m->begin);
  std::size_t window = std::min(text.size() - begin, kMaxExtentBytes);
  ExtentSearch search{p.extent_id, 0};
  // A scan error leaves the head's own span: the marking still counts.
  hs_scan(rep.extent_database, text.data() + begin,
          static_cast<unsigned>(window), 0, s.scratch, OnExtent, &search);
  m->end = std::max(m->end, m->begin + search.end);
  return static_cast<std::size_t>(search.end);
}

void TrimPartialWord(std::string_view text, std::size_t keep, RawMatch* m) {
  auto alnum = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  std::size_t end = static_cast<std::size_t>(m->end);
  std::size_t floor = static_cast<std::size_t>(m->begin) + keep;
  if (end >= text.size() || end <= floor || !alnum(text[end - 1]) ||
      text[end] < 'a' || text[end] > 'z') {
    return;
  }
  std::size_t cut = end;
  while (cut > floor && alnum(text[cut - 1])) --cut;
  while (cut > floor && std::string_view(" ,/-").find(text[cut - 1]) != std::string_view::npos) {
    --cut;
  }
  if (cut > floor) m->end = cut;
}

}  // namespace nearmiss::content
