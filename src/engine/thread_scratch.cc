// Engine::ThreadScratch: the one per-thread scan Scratch of every shell
// (milter workers, API handlers, CLI), instead of a cache in each.
#include "nearmiss/engine.h"

namespace nearmiss {

content::Scratch* Engine::ThreadScratch() const {
  // A Scratch belongs to one Scanner. The slot holds the Scanner itself, not
  // its address, so a reload that frees a Scanner can never leave a Scratch
  // matched to a recycled pointer; the thread makes a new one after a swap.
  struct Slot {
    std::shared_ptr<const content::Scanner> scanner;
    std::unique_ptr<content::Scratch> scratch;
  };
  thread_local Slot slot;
  if (slot.scanner != scanner_ || !slot.scratch) {
    slot.scratch.reset();
    slot.scanner.reset();
    Result<content::Scratch> s = content::Scratch::Create(*scanner_);
    if (!s.ok()) return nullptr;
    slot.scratch = std::make_unique<content::Scratch>(std::move(*s));
    slot.scanner = scanner_;
  }
  return slot.scratch.get();
}

content::ScannedMessage Engine::ScanMessage(std::string_view bytes, std::string source) const {
  content::Scratch* scratch = ThreadScratch();
  if (scratch == nullptr) {
    // Nothing was read: the level is unknown, which `complete` says, and the
    // policy's fail action applies to what cannot be judged.
    content::ScannedMessage failed;
    failed.source = std::move(source);
    failed.errors.push_back("could not allocate a scan scratch");
    failed.sensitivity.complete = false;
    return failed;
  }
  return ScanMessage(bytes, std::move(source), *scratch);
}

}  // namespace nearmiss
