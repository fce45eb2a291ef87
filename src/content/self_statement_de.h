// A German sentence stating the text's own grade, read as self_statement.h
// reads the English ("The attachment is classified SECRET."): "Diese
// E-Mail ist als VS-VERTRAULICH eingestuft.", "Die Anlage ist GEHEIM
// eingestuft.", "Der Bericht ist als VS-NfD eingestuft.", "Einstufung
// dieser E-Mail: GEHEIM" (round 58b's tester 13, finding 6). German puts
// the participle after the grade (verb-final), so the English reader's
// "the grade ends the clause" test does not fit. Sources: VSA § 4 and its
// annexes ("eingestuft", "Einstufung", "VS-Einstufung"), SÜG § 4
// ("Verschlusssachen werden ... eingestuft").
#ifndef NEARMISS_CONTENT_SELF_STATEMENT_DE_H_
#define NEARMISS_CONTENT_SELF_STATEMENT_DE_H_

#include <cstddef>
#include <string_view>

#include "content/self_statement.h"

namespace nearmiss::content {

// The marking [begin, end) of `text` is the grade of a German sentence
// that opens its line (after blanks, a greeting's line or "Hinweis:") or
// follows a sentence's end: a thing ("diese E-Mail", "die Anlage", "das
// Dokument", "der Bericht" ...) + "ist/sind/wird/wurde" + optional "als" +
// the grade + optional "eingestuft"/"klassifiziert"/"gekennzeichnet"/"zu
// behandeln", then the sentence's end; or "Einstufung dieser E-Mail:" /
// "Die Einstufung des Dokuments ist" before it. kNamed with a verb or
// "Einstufung", kCopula for the bare "ist GEHEIM.", else kNone. ASCII case
// folded; a question, a negation or a condition does not fit the shape.
SelfStatement GermanStatesOwnLevel(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SELF_STATEMENT_DE_H_
