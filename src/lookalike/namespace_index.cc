#include "lookalike/namespace_index.h"

#include <algorithm>

#include "lookalike/deletions.h"
#include "lookalike/domain_labels.h"

namespace nearmiss::lookalike {

void NamespaceIndex::Add(StringMap& map, std::string_view key, uint32_t at) {
  Mark(ViewHash{}(key));
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), std::vector<uint32_t>{}).first;
  it->second.push_back(at);
}

void NamespaceIndex::Find(const StringMap& map, std::string_view key,
                          std::vector<uint32_t>& out) const {
  if (!MayHold(ViewHash{}(key))) return;
  if (auto it = map.find(key); it != map.end()) {
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
}

void NamespaceIndex::Build(const std::vector<Spec>& specs) {
  size_ = specs.size();
  for (uint32_t at = 0; at < specs.size(); ++at) {
    const Spec& s = specs[at];
    ns_.emplace_back(s.ns);
    if (s.always) always_.push_back(at);
    if (s.labels >= lengths_.size()) lengths_.resize(s.labels + 1);
    // Domain names are at most 253 bytes (RFC 1035 2.3.4); a longer string
    // has no neighbour a query could reach, and the deletion keys need < 256.
    if (s.ns.size() < 255) {
      lengths_[s.labels].set(s.ns.size());
      ForEachDeletionKey(s.ns, 1, s.labels, [&](uint64_t key) {
        near_.emplace_back(key, at);
        Mark(key);
      });
    }
    Add(by_flat_, s.flat, at);
    flat_lengths_.push_back(s.flat.size());
    if (const size_t dot = s.ns.find('.'); dot != std::string_view::npos) {
      Add(by_rest_, s.ns.substr(dot + 1), at);
      if (s.labels == 2) {
        std::string swapped(s.ns.substr(dot + 1));
        swapped.append(".").append(s.ns.substr(0, dot));
        Add(by_swapped_, swapped, at);
      }
    }
  }
  std::sort(near_.begin(), near_.end());
  near_.erase(std::unique(near_.begin(), near_.end()), near_.end());
  std::sort(flat_lengths_.begin(), flat_lengths_.end());
  flat_lengths_.erase(std::unique(flat_lengths_.begin(), flat_lengths_.end()), flat_lengths_.end());
}

void NamespaceIndex::AppendNear(std::string_view ascii, std::vector<uint32_t>& out) const {
  if (near_.empty()) return;
  const TailSplits splits(ascii);
  for (size_t k = 1; k < lengths_.size(); ++k) {
    if (lengths_[k].none()) continue;
    std::string_view head, tail;
    if (!splits.Split(k, head, tail) || tail.size() >= 255) continue;
    const size_t n = tail.size();
    if (!lengths_[k].test(n) && !lengths_[k].test(n + 1) && !(n > 0 && lengths_[k].test(n - 1))) {
      continue;
    }
    ForEachDeletionKey(tail, 1, k, [&](uint64_t key) {
      if (!MayHold(key)) return;
      auto it = std::lower_bound(near_.begin(), near_.end(), std::pair<uint64_t, uint32_t>{key, 0});
      for (; it != near_.end() && it->first == key; ++it) out.push_back(it->second);
    });
  }
}

void NamespaceIndex::Candidates(std::string_view ascii, std::string_view reg_label,
                                std::vector<uint32_t>& out) const {
  out.clear();
  if (size_ == 0) return;
  // An IDN's distance is taken on its U-labels, which the A-label's bytes
  // do not predict: such a query meets every namespace, as before.
  if (ascii.find("xn--") != std::string_view::npos) {
    for (uint32_t at = 0; at < size_; ++at) out.push_back(at);
    return;
  }
  out.insert(out.end(), always_.begin(), always_.end());
  AppendNear(ascii, out);
  Find(by_flat_, LastLabel(ascii), out);
  for (size_t len : flat_lengths_) {
    if (len >= reg_label.size()) break;
    Find(by_flat_, reg_label.substr(reg_label.size() - len), out);
  }
  if (const size_t dot = ascii.find('.'); dot != std::string_view::npos) {
    const std::string_view rest = ascii.substr(dot + 1);
    if (auto it = MayHold(ViewHash{}(rest)) ? by_rest_.find(rest) : by_rest_.end();
        it != by_rest_.end()) {
      for (uint32_t at : it->second) {
        if (ascii.size() > ns_[at].size() && ascii.ends_with(ns_[at])) out.push_back(at);
      }
    }
  }
  if (!by_swapped_.empty()) Find(by_swapped_, LastLabels(ascii, 2), out);
  SortUnique(out);
}

void NamespaceIndex::SortUnique(std::vector<uint32_t>& out) {
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace nearmiss::lookalike
