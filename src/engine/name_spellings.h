// Spelling variants of one name as display names write it, so "Soeren
// Kierkegaard" and "Mairi MacDonald" compare with the learned "Søren
// Kierkegaard" and "Mairi McDonald" (display_name.cc, DisplayNameForms).
// Internal to src/engine.
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_NAME_SPELLINGS_H_
#define NEARMISS_ENGINE_NAME_SPELLINGS_H_

#include <string>
#include <string_view>

namespace nearmiss::engine {

// `text` (UTF-8) with ä ö ü ß ẞ written ae oe ue ss SS (DIN 5007-2) and ø æ å
// written oe ae aa (Danish and Norwegian); `*changed` set when any was.
std::string TranscribedLetters(const std::string& text, bool* changed);

// `text` with each name that starts "Mac" written "Mc" and each "Mc" "Mac"
// (before three letters more); "" when no word starts so.
std::string GaelicPrefixSwapped(std::string_view text);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_NAME_SPELLINGS_H_
