// Role words: the words of role and shared mailboxes' display names
// ("Accounts Payable", "Customer Service"), from data/names/role-words.txt
// (RFC 2142's mailbox names and the department words of role mailboxes).
// A display name or local part with one of them names a desk, not a
// person: AddressIndex (address_typo_elsewhere.cc) reads no person's name
// from it, so a new supplier's "Accounts Payable" is not a slip of another
// company's.
//
// Thread safety: pure functions over an immutable table built on first use
// (a function-local static).
#ifndef NEARMISS_ENGINE_ROLE_WORDS_H_
#define NEARMISS_ENGINE_ROLE_WORDS_H_

#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::engine {

// Whether `word` (lower-case ASCII) is on data/names/role-words.txt.
bool IsRoleWord(std::string_view word);

// Checks the embedded list: kInvalidArgument naming
// data/names/role-words.txt:LINE and the word that is not lower-case a-z.
Status CheckRoleWords();

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_ROLE_WORDS_H_
