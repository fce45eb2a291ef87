// For content tests that scan many messages: one scanner of the default
// marking packs, compiled once per test program. Compiling the marking
// database (ScannerOptions{} caches nothing) is the cost, not the reads:
// about 10 s of CPU under `make sanitize`'s ASan Debug build, so one
// compile per read ran past ctest's 900 s on a loaded machine. Null, with
// a test failure, when the packs do not compile. Thread-safe (a function
// static).
#ifndef NEARMISS_CONTENT_SHARED_SCANNER_TESTING_H_
#define NEARMISS_CONTENT_SHARED_SCANNER_TESTING_H_

#include <gtest/gtest.h>

#include <memory>

#include "nearmiss/content.h"

namespace nearmiss::content {

inline std::shared_ptr<const Scanner> SharedScanner() {
  static const std::shared_ptr<const Scanner> scanner = [] {
    auto compiled = Scanner::Compile(ScannerOptions{});
    EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
    return compiled.ok() ? *compiled : nullptr;
  }();
  return scanner;
}

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SHARED_SCANNER_TESTING_H_
