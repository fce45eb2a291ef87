// HugePageAllocator: a std::allocator for the look-alike index's big flat
// arrays, asking the kernel for transparent huge pages (madvise(2),
// MADV_HUGEPAGE).
//
// Why: a million-domain index is a few hundred MB read at random. With 4 KiB
// pages nearly every probe also misses the TLB and walks the page table;
// 2 MiB pages make the whole index a few hundred TLB entries, so a probe
// costs one memory access, not two or three. The advice is a hint: where
// THP is off ("never") or the call fails, the memory is ordinary and only
// slower, so the result of madvise is deliberately not an error.
//
// Allocations of 2 MiB or more are 2 MiB aligned (rounded up to whole huge
// pages); smaller ones are aligned to a cache line (64 bytes), so a table
// of 64-byte lines (hash_index.h) never has a line straddling two.
// Stateless; thread-safe.
#ifndef NEARMISS_LOOKALIKE_HUGE_PAGE_ALLOCATOR_H_
#define NEARMISS_LOOKALIKE_HUGE_PAGE_ALLOCATOR_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace nearmiss::lookalike {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;
  static constexpr std::align_val_t kCacheLine{64};

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes, kCacheLine));
    size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
    madvise(p, rounded, MADV_HUGEPAGE);  // a hint; see file comment
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePage) {
      ::operator delete(p, kCacheLine);
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_HUGE_PAGE_ALLOCATOR_H_
