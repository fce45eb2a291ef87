// Mail domains that are one mailbox space: the provider delivers
// NAME@one and NAME@other to the same mailbox, so a sender's address book
// mixes both forms for one person, and a near miss on one side is a slip
// of a frequent address on the other (issue 14 breaker, round 5, item 1:
// jon.smith@googlemail.com for the frequent john.smith@gmail.com).
//
// Only providers that say so are listed; sister domains that are separate
// namespaces (yahoo.com and ymail.com, hotmail.com and outlook.com: one
// NAME may be two people there) are not (data/lists/provider-regions.txt
// holds those, for the look-alike rules).
//   - gmail.com, googlemail.com: Google, Gmail Help "Gmail and
//     Googlemail" (a googlemail.com address also receives as gmail.com).
//   - icloud.com, me.com, mac.com: Apple Support HT201771 "About iCloud
//     Mail addresses" (an @me.com or @mac.com name is also @icloud.com;
//     one name space for the three).
//   - proton.me, protonmail.com, protonmail.ch, pm.me: Proton Support
//     "Proton Mail addresses" (every account has @proton.me and
//     @protonmail.com; pm.me is the short form of the same name).
//   - yandex.ru, yandex.com, ya.ru, yandex.by, yandex.kz: Yandex Mail Help
//     "Your mail address" (the same login at each of these domains).
//
// Thread safety: pure functions over constant data.
#ifndef NEARMISS_ENGINE_MAILBOX_SPACE_H_
#define NEARMISS_ENGINE_MAILBOX_SPACE_H_

#include <span>
#include <string>
#include <string_view>

namespace nearmiss::engine {

// The domain that names `domain`'s mailbox space (lower case ASCII in and
// out): "gmail.com" for "googlemail.com", "icloud.com" for "me.com";
// `domain` itself when it shares its mailboxes with no other domain.
std::string_view MailboxSpace(std::string_view domain);

// Every domain of `domain`'s mailbox space, `domain` among them; empty
// when it shares its mailboxes with no other domain.
std::span<const std::string_view> MailboxSpaceDomains(std::string_view domain);

// One mailbox's identity, as acknowledgements compare recipients (docs/
// policy.md "Both sides compare by mailbox"): `mailbox` (an address with
// its extension already dropped, Engine::Mailbox) folded to lower case
// ASCII, its domain named by its mailbox space, and at gmail.com the dots
// of its local part dropped (Gmail Help, answer 7436150): "Jon.Smith@
// googlemail.com" -> "jonsmith@gmail.com"; "jon.smith@partner.example"
// stays itself. The same identity the address-typo rules give a mailbox
// (address_typo.h: Known, SameWithoutDots).
std::string MailboxIdentity(std::string_view mailbox);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_MAILBOX_SPACE_H_
