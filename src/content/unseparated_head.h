// UnseparatedHead: a bare level word leading a subject or a file name with
// no separator, caveat or control after it, before everyday words, and a
// bare level word naming a folder of a path: the places where it counts
// only if the message agrees (round 58's tester 13, finding 1; the rule
// is in tests/testdata/markings/README.md, "Decided cases, round 58").
// Sources: AU PSPF Policy 8 and its email standard write the separator or
// the label ("PROTECTED:", "[SEC=PROTECTED]"; au.toml "Subjects"); the UK
// GSC and US DoDM 5200.01 Vol 2 write the bare word leading a subject, so
// "SECRET convoy plan" keeps counting. Internal to WordStrength.
#ifndef NEARMISS_CONTENT_UNSEPARATED_HEAD_H_
#define NEARMISS_CONTENT_UNSEPARATED_HEAD_H_

#include <string_view>

#include "content/marking_strength.h"
#include "content/scanner_rep.h"

namespace nearmiss::content {

// For a match `m` of `p` that would count strong in a subject or a file
// name `text` of `kind`: the reason it counts only where the message
// agrees, or nullptr when it keeps its weight.
const char* UnseparatedHead(const PatternEntry& p, TextKind kind, std::string_view text,
                            const RawMatch& m);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_UNSEPARATED_HEAD_H_
