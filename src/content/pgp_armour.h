// OpenPGP armoured messages inside a text, judged by what stands between
// their armour lines, not by the lines alone (round 56b's tester 13,
// finding 8): a reply quoting ciphertext ("> -----BEGIN PGP MESSAGE-----",
// "> hQEMA...") holds it as unreadably as the message it quotes, and a
// how-to's "(your text here)" between the lines holds none.
//
// The armour is RFC 4880 section 6.2 (RFC 9580 6.2): "-----BEGIN PGP
// MESSAGE-----", armour headers ("Version: ...") up to a blank line, the
// radix-64 data (6.3), an optional "=" checksum line, "-----END PGP
// MESSAGE-----". Each line may carry the quote prefix a reply gives it
// ('>' and blanks, RFC 3676 4.5).
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_PGP_ARMOUR_H_
#define NEARMISS_CONTENT_PGP_ARMOUR_H_

#include <string_view>

namespace nearmiss::content {

struct PgpArmour {
  int blocks = 0;                  // BEGIN PGP MESSAGE lines, quoted or not
  bool ciphertext = false;         // some block holds radix-64 data
  bool quoted_ciphertext = false;  // ... and is quoted
};

// The armoured messages of `text`. A block holds ciphertext when a line
// after its headers is radix-64 data: four characters or more of it, an
// ellipsis after allowed ("hQEMA...", as a note shortens it). One whose
// lines are all else (a placeholder "(your text here)", "...", prose)
// holds none.
PgpArmour FindPgpArmour(std::string_view text);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PGP_ARMOUR_H_
