// The display name of an address, as a reader sees it: RFC 2047 encoded
// words decoded (`=?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?=`, what Outlook and
// Thunderbird write for a name outside ASCII) and the letters folded to
// the ASCII forms address local parts are written in, so a display name
// can be compared with the address it is attached to (engine/address_typo.h).
//
// Thread safety: may be called from any number of threads.
#ifndef NEARMISS_ENGINE_DISPLAY_NAME_H_
#define NEARMISS_ENGINE_DISPLAY_NAME_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::engine {

// `display` (raw header text, possibly with encoded words; UTF-8 or ASCII)
// decoded (RFC 2047 section 6, by GMime) and folded to lower-case ASCII
// name forms, at most two, the first always there when `display` is not
// empty:
//   - accents stripped and look-alikes taken to their letter (UTS #39
//     skeletons, as the domain look-alikes are): "José García" ->
//     "jose garcia", "Jörg Müller" -> "jorg muller";
//   - and, when the name has a German umlaut or eszett, the transcription
//     people use in addresses (DIN 5007-2): "Jörg Müller" -> "joerg
//     mueller", "Strauß" -> "strauss".
// Characters with no ASCII form are kept, lower case, and divide words.
std::vector<std::string> DisplayNameForms(std::string_view display);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_DISPLAY_NAME_H_
