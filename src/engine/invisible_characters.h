// Characters a reader cannot see, in a typed address: Unicode's
// Default_Ignorable_Code_Point (U+200B zero width space, U+FEFF the byte
// order mark, U+00AD soft hyphen, U+2060 word joiner, ...) and Bidi_Control
// (U+202E right-to-left override, U+200E/F marks, U+2066..2069 isolates)
// properties (Unicode Standard, chapter 5.21 and UAX #9; the Unicode
// Character Database's DerivedCoreProperties.txt and PropList.txt, read
// through ICU's u_hasBinaryProperty).
//
// `jo<U+200B>hn.smith@partner.example` reads as john.smith@ on every screen,
// yet mail goes to another mailbox, or bounces. A domain's are dropped by
// UTS #46 (IDNA mapping "ignored") or refused (bidi controls are
// "disallowed"), so the domain judged is what a reader sees; the local part
// keeps them. The engine judges the address without them (its address-typo
// check sees john.smith@) and adds the reason `invisible-character` in its
// own right (engine_recipient.cc, engine_history.cc).
//
// Thread safety: pure functions; an ASCII address costs one pass and
// allocates nothing.
#ifndef NEARMISS_ENGINE_INVISIBLE_CHARACTERS_H_
#define NEARMISS_ENGINE_INVISIBLE_CHARACTERS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/reason_sink.h"
#include "nearmiss/verdict.h"

namespace nearmiss::engine {

// Whether code point `c` is Default_Ignorable_Code_Point or Bidi_Control.
bool IsInvisible(int32_t c);

// `utf8` without its invisible characters; "" when it has none (then there
// is nothing to drop). Invalid UTF-8 bytes are kept as they are.
std::string WithoutInvisible(std::string_view utf8);

// The invisible characters of `utf8`, each once, in the order first seen:
// "U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE"; "" when none.
std::string DescribeInvisible(std::string_view utf8);

// `utf8` with each invisible character written "<U+200B>", so a sentence
// shows where it is.
std::string MarkInvisible(std::string_view utf8);

// The address part of a typed recipient (`"Name" <a@b>` -> a@b, a comment
// after it left out) split at its rightmost '@': what is written before it
// and after it. `local` is the whole address part when there is no '@'.
struct TypedAddress {
  std::string_view local;
  std::string_view domain;
};
TypedAddress TypedAddressOf(std::string_view input);

// `input` with the invisible characters of its domain dropped (its local
// part as typed), as a reader sees it; "" when the domain holds none.
std::string WithVisibleDomain(std::string_view input);

// Adds `invisible-character` to `c` (parsed from `input`, `c.address` and
// `c.domain` set) when the address part of `input` holds an invisible
// character, before or after its '@': subject the address as typed with
// them marked, object the address as it reads (U-labels), detail which
// ones and where. A recipient with no other suggestion gets the address as
// it reads. Nothing is added, nor allocated, for an ASCII input.
void AddInvisibleReason(std::string_view input, RecipientCheck& c, ReasonSink& reasons);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_INVISIBLE_CHARACTERS_H_
