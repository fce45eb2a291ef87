// The content library's face: sensitivity levels and findings, the compiled
// marking Scanner, extraction bounds, and the MessageReader that `nearmiss
// scan` and the engine sit on. Include this, or the one header you need.
#ifndef NEARMISS_CONTENT_H_
#define NEARMISS_CONTENT_H_

#include "nearmiss/content_limits.h"      // IWYU pragma: export
#include "nearmiss/content_reader.h"      // IWYU pragma: export
#include "nearmiss/content_scanner.h"     // IWYU pragma: export
#include "nearmiss/content_sensitivity.h" // IWYU pragma: export

#endif  // NEARMISS_CONTENT_H_
