// Keyboard adjacency: a slip to a neighbouring key is the likeliest typo.
// Covers QWERTY, QWERTZ and AZERTY, the layouts senders in NATO countries use.
#ifndef NEARMISS_LOOKALIKE_KEYBOARD_H_
#define NEARMISS_LOOKALIKE_KEYBOARD_H_

namespace nearmiss::lookalike {

// True when `a` and `b` are neighbouring keys on any supported layout.
// Case-insensitive for ASCII letters; false for anything else.
bool KeysAdjacent(char a, char b);

// The distance between the centres of two keys on a QWERTY keyboard, in key
// widths (rows staggered as on an ANSI board: 0, 0.5, 0.75 and 1.25 keys
// from the left); 1 for neighbours in a row, about 1.1 across rows.
// Case-insensitive for ASCII letters; -1 when either is not a letter or digit.
double KeyDistance(char a, char b);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_KEYBOARD_H_
