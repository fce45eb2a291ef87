// Words that mark a line as an email disclaimer or a legal legend rather
// than a protective marking: the position rules use them to keep
// "CONFIDENTIAL" over a legal footer, or "(U) This email is confidential ...",
// from counting as a classification. Phrases, matched case-insensitively.
#ifndef NEARMISS_CONTENT_LEGEND_WORDS_H_
#define NEARMISS_CONTENT_LEGEND_WORDS_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// The line holds a phrase of an email disclaimer ("intended", "in error",
// "is confidential", ...).
bool HasDisclaimerWords(std::string_view line);
// The line reads as a disclaimer: it holds a disclaimer phrase and speaks
// of the message or its handling ("this email", "this message", "the
// intended recipient", "the sender", "attachments", "received this",
// "addressee"). Each disclaimer phrase alone is also an everyday word of
// operational and legal traffic ("The intended route ...", "Unauthorized
// vehicles were seen ...", "Rounds fired in error ...": issue 13, tester
// 13 item 2); a disclaimer is about the mail it closes.
bool ReadsAsDisclaimer(std::string_view line);
// ReadsAsDisclaimer, and the line names the mail itself ("this email",
// "this message", "this communication", ...): what a disclaimer under a
// classified portion mark must say, for "(S) If you are not the intended
// recipient of this convoy plan, notify J3." is the portion's own sentence.
bool ReadsAsDisclaimerOfThisMail(std::string_view line);
// The line holds a legal legend ("attorney work product", "subject to
// contract", "without prejudice", "privileged", ...).
bool HasLegalLegend(std::string_view line);
// The CONFIDENTIAL matched at [begin, end) of `text` heads a business
// letter, not a national classification: a qualifier stands right before
// it ("PRIVATE AND CONFIDENTIAL", "PERSONAL & CONFIDENTIAL", "STRICTLY
// CONFIDENTIAL", "COMPANY CONFIDENTIAL", "HIGHLY CONFIDENTIAL"; "AND",
// "&" or "+" between) or a business handling phrase follows it on its line
// ("CONFIDENTIAL - NOT FOR DISTRIBUTION", "... ADDRESSEE ONLY"). Any case.
// Issue 13, breaker round 13 defect 9. In a body (`body`), a phrase in
// capitals of two words or more that is no descriptor, caveat or page
// furniture after a separator ('-', ':', '/', '|', '(') is a business
// legend too ("CONFIDENTIAL: PATIENT INFORMATION"); in a subject only after
// a dash, as the colon there leads the topic. `pack_end`, when past
// `end`: the end of the pack's form that holds the word ("CONFIDENTIAL -
// AUSTEO"); the words up to it are the scheme's own, never a legend's.
bool IsBusinessConfidentiality(std::string_view text, std::size_t begin,
                               std::size_t end, bool body = false, std::size_t pack_end = 0);
// The match is a word a disclaimer is headed with: "CONFIDENTIAL",
// "PRIVATE AND CONFIDENTIAL" (blanks, '-' and '&' between the words).
bool IsDisclaimerHeading(std::string_view matched);
// The line is a one-line footer notice that mail systems append after the
// sender's text: "Please consider the environment before printing this
// email.", "This message has been scanned for viruses ...", "**** virus
// checked ****". Not a disclaimer (HasDisclaimerWords): a portion's
// sentence about a virus is no legend; banner_zone.h skips these lines.
bool HasFooterNotice(std::string_view line);
// Whether the next line after `line_end` with words on it (rules such as
// "---" skipped) reads as a disclaimer (ReadsAsDisclaimer).
bool DisclaimerFollows(std::string_view s, std::size_t line_end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LEGEND_WORDS_H_
