// TrustedSet: the trusted and protected domains, and "is d covered by one?".
//
// Internal to the detector. Entries are normalised ASCII; a namespace keeps
// its suffix ("mil", "gov.uk"). Provider domains cover only themselves (no
// one has an address at x.gmail.com, and g.mail.com must stay suspect even
// though mail.com is a provider); every other source covers subdomains.
#ifndef NEARMISS_LOOKALIKE_TRUSTED_SET_H_
#define NEARMISS_LOOKALIKE_TRUSTED_SET_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lookalike/hash_index.h"
#include "nearmiss/lookalike.h"

namespace nearmiss::lookalike {

struct Entry {
  std::string domain;     // "army.mil"; for a namespace its suffix, "mil"
  uint16_t name_len = 0;  // bytes before ".suffix"; 0 for a namespace
  TrustSource source = TrustSource::kProtected;
  bool is_namespace = false;

  std::string_view name() const { return std::string_view(domain).substr(0, name_len); }
  std::string_view suffix() const {
    return is_namespace ? std::string_view(domain)
                        : std::string_view(domain).substr(name_len + 1);
  }
  bool covers_subdomains() const { return source != TrustSource::kProvider; }
};

// Lower is stronger. A domain listed twice keeps its strongest source (an
// organisation domain also listed as a provider keeps its subdomains), and
// look-alike ties go to the stronger target.
int TrustStrength(TrustSource source);

class TrustedSet {
 public:
  // Normalises, validates and de-duplicates `entries` (the stronger source
  // wins). Errors name the entry.
  Status Build(std::vector<TrustedEntry> entries);

  // The entry that makes `ascii` trusted: itself, or a parent that covers
  // subdomains, or a namespace it falls under.
  std::optional<uint32_t> TrustedBy(std::string_view ascii) const;
  // The same with `hash` = HashKey(ascii), worked out by the caller already:
  // with a big set Classify hashes the names it prefetches once, and the
  // second hashing cost a check a few hundred instructions.
  std::optional<uint32_t> TrustedBy(std::string_view ascii, uint64_t hash) const;

  // Prefetches what TrustedBy(ascii) will read; `hash` is HashKey(ascii).
  void Prefetch(std::string_view ascii) const;
  void Prefetch(std::string_view ascii, uint64_t hash) const;

  // Starts loading the entries `ids` name and their domains' bytes, so a
  // caller that then reads them one by one, with work between the reads,
  // waits for main memory once rather than once per entry (in a big set
  // every entry is a cache miss). Reads nothing it does not own; no effect
  // on answers.
  void PrefetchEntries(std::span<const uint32_t> ids) const;

  // The entry whose domain is exactly `ascii`.
  std::optional<uint32_t> Exact(std::string_view ascii) const;
  // The same with `hash` = HashKey(ascii).
  std::optional<uint32_t> Exact(std::string_view ascii, uint64_t hash) const;

  // False when no entry ends in the TLD of `ascii` (its last label), so
  // neither Exact nor TrustedBy can find one: most of the variants the
  // candidate finders make up (gmailc.om, gmai.lcom) end in a TLD no entry
  // has. A bitmap of the entries' TLDs that stays in L1 cache: one short
  // hash instead of a probe per label. True may be a false positive.
  bool MayHoldTld(std::string_view ascii) const {
    const size_t bit = TldBit(ascii);
    return (tld_bits_[bit / 64] >> (bit % 64)) & 1;
  }

  const Entry& operator[](uint32_t id) const { return entries_[id]; }
  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<uint32_t>& namespaces() const { return namespaces_; }
  size_t MemoryBytes() const;

 private:
  static constexpr size_t kTldBits = 4096;
  // FNV-1a of the last label, to a bit of tld_bits_.
  static size_t TldBit(std::string_view ascii) {
    const size_t dot = ascii.rfind('.');
    uint32_t h = 2166136261u;
    for (size_t i = dot == std::string_view::npos ? 0 : dot + 1; i < ascii.size(); ++i) {
      h = (h ^ static_cast<unsigned char>(ascii[i])) * 16777619u;
    }
    return (h ^ h >> 16) % kTldBits;
  }

  // Exact and TrustedBy past MayHoldTld, with `hash` = HashKey(ascii): the
  // public forms test the TLD once, not again for each parent name.
  std::optional<uint32_t> ExactHashed(std::string_view ascii, uint64_t hash) const;
  std::optional<uint32_t> TrustedByHashed(std::string_view ascii, uint64_t hash) const;

  std::array<uint64_t, kTldBits / 64> tld_bits_{};
  std::vector<Entry> entries_;
  std::vector<uint32_t> namespaces_;
  HashIndex exact_;
};

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_TRUSTED_SET_H_
