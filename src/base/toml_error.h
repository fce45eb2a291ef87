// The words of a toml++ parse error, made right where the library's are
// wrong.
//
// toml++ 3.3.0 (libtomlplusplus-dev 3.3.0+ds-1) words a key defined twice
// as "cannot redefine existing string '"TeTeam Internal" '": for a quoted
// key it repeats the key's first letters, keeps the quotes and a blank, and
// says nothing of where the key was first defined (issue 13, breaker round
// 32 D7). TomlErrorText rewrites that error from the TOML text itself: the
// key as written on the error's line, and the line of its first
// definition in the same table ("'Team Internal' is defined twice in this
// table (first at line 349): TOML allows one definition of a key per
// table"). Every other description is returned as toml++ gave it.
//
// The first definition is looked for on the lines above, within the same
// [table] header for a key (a dotted key or an inline table is compared as
// written), or among all the [table] headers above for a header; when none
// is found the message says so without a line.
//
// Thread safety: a pure function.
#ifndef NEARMISS_BASE_TOML_ERROR_H_
#define NEARMISS_BASE_TOML_ERROR_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace nearmiss {

// `line` is toml++'s 1-based line of the error in `text`; `description`
// its parse_error::description().
std::string TomlErrorText(std::string_view text, uint32_t line, std::string_view description);

}  // namespace nearmiss

#endif  // NEARMISS_BASE_TOML_ERROR_H_
