// Shared pieces of the names data files' readers (data/names/*.txt:
// given-names.txt, given-name-forms.txt, family-particles.txt): what a word
// of those files may be, and the error that names where one is wrong.
// Internal to src/engine (name_order.cc, name_forms.cc, family_particles.cc,
// initial_forms.cc).
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_NAME_TEXT_H_
#define NEARMISS_ENGINE_NAME_TEXT_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "nearmiss/status.h"

namespace nearmiss::engine {

// Whether `s` is one or more lower-case ASCII letters (a-z): the form of
// every word in the names files, and of a local-part piece that can be
// compared with them (callers fold case first). Empty is false.
inline bool Letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// kInvalidArgument "SOURCE:LINE: WHAT", LINE counted from 1: the error of a
// names file line that does not parse, so a maintainer can open the line.
inline Status NamesLineError(std::string_view source, size_t line, std::string_view what) {
  std::string m(source);
  m.append(":").append(std::to_string(line)).append(": ").append(what);
  return Status::InvalidArgument(std::move(m));
}

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_NAME_TEXT_H_
