#include "lookalike/trusted_set.h"

#include <algorithm>
#include <unordered_map>

#include "nearmiss/address.h"

namespace nearmiss::lookalike {
namespace {

bool ValidAsciiDomain(std::string_view d) {
  if (d.empty() || d.size() > 253 || d.front() == '.' || d.back() == '.') return false;
  size_t label = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    char c = d[i];
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || ++label > 63) return false;
  }
  return true;
}

}  // namespace

int TrustStrength(TrustSource s) {
  switch (s) {
    case TrustSource::kOrganisation: return 0;
    case TrustSource::kProtected: return 1;
    case TrustSource::kAllowlist: return 2;
    case TrustSource::kLearned: return 3;
    case TrustSource::kProvider: return 4;
    case TrustSource::kNone: return 5;
  }
  return 5;
}

Status TrustedSet::Build(std::vector<TrustedEntry> input) {
  std::unordered_map<std::string, size_t> seen;
  seen.reserve(input.size());
  entries_.reserve(input.size());
  for (TrustedEntry& in : input) {
    std::string d = std::move(in.domain);
    std::transform(d.begin(), d.end(), d.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    while (!d.empty() && d.back() == '.') d.pop_back();
    bool is_namespace = false;
    if (d.starts_with("*.")) d.erase(0, 2);  // subdomains are covered anyway
    if (d.starts_with(".")) {
      d.erase(0, 1);
      is_namespace = true;
    }
    if (!ValidAsciiDomain(d)) {
      return Status::InvalidArgument("trusted entry '" + d.substr(0, 100) +
                                     "' is not an ASCII domain name");
    }
    // A bare public suffix ("gov.uk") can only mean its namespace.
    if (!is_namespace && IsPublicSuffix(d)) is_namespace = true;
    Entry e;
    e.source = in.source;
    e.is_namespace = is_namespace;
    if (!is_namespace) {
      std::string suffix = PublicSuffix(d);
      if (suffix.size() >= d.size()) {
        return Status::InvalidArgument("trusted entry '" + d + "' has no name before its suffix");
      }
      e.name_len = static_cast<uint16_t>(d.size() - suffix.size() - 1);
    }
    e.domain = std::move(d);
    auto [it, inserted] = seen.emplace(e.domain, entries_.size());
    if (!inserted) {
      Entry& old = entries_[it->second];
      if (TrustStrength(e.source) < TrustStrength(old.source)) old.source = e.source;
      old.is_namespace = old.is_namespace || e.is_namespace;
      continue;
    }
    entries_.push_back(std::move(e));
  }
  for (uint32_t id = 0; id < entries_.size(); ++id) {
    if (entries_[id].is_namespace) namespaces_.push_back(id);
    const size_t bit = TldBit(entries_[id].domain);
    tld_bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  exact_.Build(entries_.size(), [&](auto&& emit) {
    for (uint32_t id = 0; id < entries_.size(); ++id) emit(HashKey(entries_[id].domain), id);
  });
  return Status::Ok();
}

std::optional<uint32_t> TrustedSet::Exact(std::string_view ascii) const {
  if (!MayHoldTld(ascii)) return std::nullopt;
  return ExactHashed(ascii, HashKey(ascii));
}

std::optional<uint32_t> TrustedSet::Exact(std::string_view ascii, uint64_t hash) const {
  if (!MayHoldTld(ascii)) return std::nullopt;
  return ExactHashed(ascii, hash);
}

std::optional<uint32_t> TrustedSet::ExactHashed(std::string_view ascii, uint64_t hash) const {
  std::optional<uint32_t> found;
  exact_.Find(hash, [&](uint32_t id) {
    if (entries_[id].domain == ascii) found = id;
  });
  return found;
}

void TrustedSet::Prefetch(std::string_view ascii) const { Prefetch(ascii, HashKey(ascii)); }

void TrustedSet::Prefetch(std::string_view ascii, uint64_t hash) const {
  exact_.Prefetch(hash);
  for (size_t dot = ascii.find('.'); dot != std::string_view::npos;
       dot = ascii.find('.', dot + 1)) {
    exact_.Prefetch(HashKey(ascii.substr(dot + 1)));
  }
}

void TrustedSet::PrefetchEntries(std::span<const uint32_t> ids) const {
  // An Entry may straddle two cache lines: load both.
  for (uint32_t id : ids) {
    const char* entry = reinterpret_cast<const char*>(&entries_[id]);
    __builtin_prefetch(entry);
    __builtin_prefetch(entry + sizeof(Entry) - 1);
  }
  // A domain past the small-string buffer lives on the heap; its pointer is
  // in the Entry, so this second pass waits for the loads above, together.
  for (uint32_t id : ids) __builtin_prefetch(entries_[id].domain.data());
}

std::optional<uint32_t> TrustedSet::TrustedBy(std::string_view ascii) const {
  // Every entry that could cover `ascii` ends in its TLD.
  if (!MayHoldTld(ascii)) return std::nullopt;
  return TrustedByHashed(ascii, HashKey(ascii));
}

std::optional<uint32_t> TrustedSet::TrustedBy(std::string_view ascii, uint64_t hash) const {
  if (!MayHoldTld(ascii)) return std::nullopt;
  return TrustedByHashed(ascii, hash);
}

std::optional<uint32_t> TrustedSet::TrustedByHashed(std::string_view ascii, uint64_t hash) const {
  if (auto id = ExactHashed(ascii, hash)) return id;
  // Its parents end in the same TLD, which MayHoldTld has let through.
  for (size_t dot = ascii.find('.'); dot != std::string_view::npos;
       dot = ascii.find('.', dot + 1)) {
    const std::string_view parent = ascii.substr(dot + 1);
    if (auto id = ExactHashed(parent, HashKey(parent))) {
      const Entry& e = entries_[*id];
      if (e.is_namespace || e.covers_subdomains()) return id;
    }
  }
  return std::nullopt;
}

size_t TrustedSet::MemoryBytes() const {
  size_t bytes = entries_.capacity() * sizeof(Entry) + exact_.MemoryBytes();
  for (const Entry& e : entries_) {
    if (e.domain.capacity() > 15) bytes += e.domain.capacity() + 1;
  }
  return bytes;
}

}  // namespace nearmiss::lookalike
