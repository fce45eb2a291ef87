// The one per-thread state of every shell (milter workers, API handlers,
// CLI): the scan Scratch and the RecipientCache, instead of a cache in each.
#include "engine/thread_state.h"

namespace nearmiss {


Engine::ThreadState* Engine::Thread() const {
  thread_local ThreadState state;
  if (state.scanner != scanner_ || !state.scratch) {
    state.scratch.reset();
    state.scanner.reset();
    Result<content::Scratch> s = content::Scratch::Create(*scanner_);
    if (!s.ok()) return nullptr;
    state.scratch = std::make_unique<content::Scratch>(std::move(*s));
    state.scanner = scanner_;
  }
  if (state.engine_id != id_ || !state.recipients) {
    state.recipients = std::make_unique<engine::RecipientCache>(*this);
    state.engine_id = id_;
  }
  return &state;
}

content::Scratch* Engine::ThreadScratch() const {
  ThreadState* state = Thread();
  return state == nullptr ? nullptr : state->scratch.get();
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
