// Engine::ThreadState: what each thread keeps for one Engine between checks
// (thread_scratch.cc makes it; message_check.cc uses it). Private to the
// engine module.
#ifndef NEARMISS_ENGINE_THREAD_STATE_H_
#define NEARMISS_ENGINE_THREAD_STATE_H_

#include <cstdint>
#include <memory>

#include "engine/recipient_cache.h"
#include "nearmiss/content_scanner.h"
#include "nearmiss/engine.h"

namespace nearmiss {

struct Engine::ThreadState {
  // A Scratch belongs to one Scanner. The slot holds the Scanner itself, not
  // its address, so a reload that frees a Scanner can never leave a Scratch
  // matched to a recycled pointer; the thread makes a new one after a swap.
  std::shared_ptr<const content::Scanner> scanner;
  std::unique_ptr<content::Scratch> scratch;
  // The cache answers for one Engine, named by its id (an address could be
  // reused by the next Engine a reload compiles).
  uint64_t engine_id = 0;
  std::unique_ptr<engine::RecipientCache> recipients;
};

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_THREAD_STATE_H_
