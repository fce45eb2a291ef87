#include "investigate/stopped_text.h"

#include <cstddef>
#include <vector>

namespace nearmiss::investigate {

using maillog::StoppedBy;

std::string RejectedBy(const Counts& c) {
  std::vector<std::string> named;
  for (int i = 0; i < maillog::kStoppedByKinds; ++i) {
    const auto by = static_cast<StoppedBy>(i);
    if (by != StoppedBy::kNone && c.rejected_by[static_cast<size_t>(i)] != 0) {
      named.emplace_back(maillog::StoppedByWords(by));
    }
  }
  if (named.empty()) return "the mail server";
  if (c.rejected_by[static_cast<size_t>(StoppedBy::kNone)] != 0) {
    named.emplace_back("another check of the mail server");
  }
  std::string out;
  for (size_t i = 0; i < named.size(); ++i) {
    if (i != 0) out += i + 1 == named.size() ? " or " : ", ";
    out += named[i];
  }
  return out;
}

nlohmann::ordered_json RejectedByJson(const Counts& c) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (int i = 0; i < maillog::kStoppedByKinds; ++i) {
    const int64_t n = c.rejected_by[static_cast<size_t>(i)];
    if (n != 0) j[std::string(maillog::StoppedByKey(static_cast<StoppedBy>(i)))] = n;
  }
  return j;
}

std::string StoppedText(const Row& r) {
  if (r.stopped_by == StoppedBy::kNone) return {};
  if (r.status != "rejected" && r.status != "held" && r.status != "discarded") return {};
  return r.status + " by " + std::string(maillog::StoppedByWords(r.stopped_by));
}

}  // namespace nearmiss::investigate
