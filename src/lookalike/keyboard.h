// Keyboard adjacency: a slip to a neighbouring key is the likeliest typo.
// Covers QWERTY, QWERTZ and AZERTY, the layouts senders in NATO countries use.
#ifndef NEARMISS_LOOKALIKE_KEYBOARD_H_
#define NEARMISS_LOOKALIKE_KEYBOARD_H_

namespace nearmiss::lookalike {

// True when `a` and `b` are neighbouring keys on any supported layout.
// Case-insensitive for ASCII letters; false for anything else.
bool KeysAdjacent(char a, char b);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_KEYBOARD_H_
