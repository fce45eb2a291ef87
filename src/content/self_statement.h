// Sentences in which a message or a document states its own level: "This
// email is UK SECRET.", "The attachment is classified SECRET.", "The content
// of this message is TOP SECRET.", "The attached document is marked
// OFFICIAL-SENSITIVE.", "This document has been classified SECRET//NOFORN".
//
// One rule for every wording (issue 13, round 45 tester finding 5): a
// subject that is the text itself or what travels with it, a verb that
// gives it a level, and a full marking as the whole predicate.
// - Subject: "this <thing>", "the attached <thing>", "the enclosed
//   <thing>", "the attachment(s)", "the content(s) of <one of those>",
//   "the information in <one of those>", each optionally followed by "and
//   its/any/all attachments"; <thing> is a word for the message or a
//   document (email, message, document, file, attachment, spreadsheet,
//   presentation, ...). "The document" alone is not one: news and
//   reports write it of documents that are not the one sent.
// - Where: the sentence's start, that is the line's start (blanks before
//   it), a sentence end (". ", "! ", "? ") before it on the line, or a
//   lead-in "Note:", "NB:", "Please note (that)", "Please be aware
//   (that)". Not after a quotation mark, nor inside a question ("Is this
//   email SECRET?") or a clause ("If this email is SECRET, ...").
// - Verb: "is" / "are" (the bare copula), "is/are/has been/have been"
//   followed by "classified (as)", "marked (as)", "labelled/labeled (as)",
//   or "carries" (optionally "the marking/classification/label"). Nothing
//   between: "This email is not SECRET" states nothing.
// - Predicate: the marking ends the sentence or its clause: the line's end,
//   ". " or "!", a clause break (",", ";", ":", " - ", "(") or banner
//   furniture (banner_tail.h), or "and"/"so"/"but"/"please" opening the
//   next clause. A '?' or another word ("This email is SECRET santa
//   info") is prose.
//
// The caller (WordStrength) decides case: the statement counts where the
// marking is written as the standards write it (capitals, or a pack's
// mixed-case form). Offsets are byte offsets into normalised text; pure
// functions, nothing allocates.
#ifndef NEARMISS_CONTENT_SELF_STATEMENT_H_
#define NEARMISS_CONTENT_SELF_STATEMENT_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// The length of a statement's lead-in, subject and auxiliary at `at` in
// `s` ("This email is ", "Note: the attachment is ", "The attached
// document has been ", "This email and any attachments are "), or 0.
// labelled_line.cc reads its keys ("classified as", ...) after it.
std::size_t StatementSubject(std::string_view s, std::size_t at);

// The length of the subject alone at `at` in `s` ("this email", "the
// attached document and its attachments", "everything below"), or 0. For
// a key's "of this email" ("Classification of this email: UK SECRET").
std::size_t StatedSubject(std::string_view s, std::size_t at);

enum class SelfStatement {
  kNone,
  // A verb that gives the level: "is classified", "is marked (as)",
  // "has been labelled", "carries".
  kNamed,
  // The bare copula: "This email is UK SECRET."; a handling instruction
  // ("Please treat this email as CONFIDENTIAL", "should be treated as"),
  // which business mail writes of its everyday word as often.
  kCopula,
  // "This is UK SECRET", "I've marked this UK SECRET": the pronoun alone
  // for the text, as a party invitation writes "This is TOP SECRET!" of a
  // surprise: a national or compound form only (the caller decides).
  kPronoun,
};

// How the match [begin, end) is stated as the level of the text it stands
// in (the rule above), or kNone.
SelfStatement StatesOwnLevel(std::string_view text, std::size_t begin,
                             std::size_t end);

// The statement around the match [begin, end) speaks with emphasis or of a
// surprise kept from someone: its sentence goes on to a '!' or a '?' ("This
// email is TOP SECRET - don't forward it to Jim!", "This email is SECRET,
// OK?"), a smiley or an emoji after the match, or its line says "shh",
// "surprise", "birthday", "don't tell", "don't mention", "find out". The
// standards state a level plainly (capitals at the top and bottom, or the
// document's stated level: UK GSC 2023, DoDM 5200.01 Vol 2); everyday mail
// writes the bare tier so for emphasis (round 51's tester 13, finding 5).
// The caller asks it of a bare tier only.
bool EmphaticStatement(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SELF_STATEMENT_H_
