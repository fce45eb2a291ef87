// Where a marking stands decides how much it counts. These functions look at
// the normalised text around a match [begin, end) and say whether it is in a
// strong position: leading a subject (after Re:/Fw:/AW:/TR: and tags) or in
// brackets there, alone on a banner line near the top or bottom of a page, at
// the start of a paragraph (portion marks), or after "Classification:".
#ifndef NEARMISS_CONTENT_POSITION_H_
#define NEARMISS_CONTENT_POSITION_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::content {

// A subject or file name: the match leads it (after reply and forward
// prefixes, "EXT:"/"EXTERNAL:", and gateway tags such as "[EXTERNAL]",
// "(EXT)", "{EXT}", "<EXT>", "*EXTERNAL*", "**EXTERNAL**", "*** EXTERNAL
// ***", "#secure#", "==EXTERNAL==" (any run of * # = ! ~ _ + around the tag
// word, as gateways and users type it); the meeting, automatic-reply and report prefixes
// of subject_prefixes.h, stripped repeatedly), or is wrapped in [ ] or ( ),
// or TrailsSubject, or BetweenSeparators, or EndsSubjectUnseparated.
bool IsSubjectMarking(std::string_view text, std::size_t begin,
                      std::size_t end);

// Where a subject's own words start, for a match at `begin`: after the
// reply, forward, meeting and report prefixes, gateway tags and the head's
// decoration that IsSubjectMarking skips. A match at that offset leads the
// subject.
std::size_t SubjectWordsStart(std::string_view text, std::size_t begin);

// An abbreviation of a level leads the subject (SubjectWordsStart, which
// also skips a gateway's unbracketed notice, "CAUTION: EXTERNAL EMAIL - ")
// and is set off from the subject's words as senders set it off: a ':' or
// the banner's "//" after it ("CTS: exercise order", "RE: [EXTERNAL]
// NS//REL TO SWE: plan"), a ' - ' or ' | ' (or doubled, ' -- ', ' || ')
// with blanks on both sides ("CTSA - annex"), or alone in the brackets
// that open the subject ("[CTS] order", "(CTSA) annex"). Not after a
// mission's name, not in brackets elsewhere, not trailing ("Raleigh office
// - NC"), nor alone: NATO's level abbreviations are also initials, codes
// and state names (nato-eu pack, subject_head = "only"; issue 13, round 37
// item 1).
bool AbbreviationLeadsSubject(std::string_view text, std::size_t begin,
                              std::size_t end);

// The match stands in the "Subject:" field of a header block quoted in a
// body or a document: the line starts (after blanks and "> " quote marks)
// with "Subject:" (or Outlook's "Betreff:", "Objet :", "件名:", "Тема:": the
// keys of data/lists/quoted-header-keys.txt), and another field of the
// block ("From:", "Sent:", "To:", "Date:", "Cc:" and their translations,
// "差出人:", "От:", "보낸 사람:") stands within 6 lines above or
// below, no blank line between: Outlook's reply and forward header,
// "-----Original Message-----", Gmail's forwarded message, a forwarded .eml
// saved as text. The quoted subject is a subject in its own right: a
// sender who edits the subject before forwarding outside leaves the
// original's marking there (issue 13, breaker defect 4). Sets [*value_begin,
// *value_end) to the field's value, the subject to read with
// IsSubjectMarking.
bool QuotedSubjectField(std::string_view text, std::size_t begin,
                        std::size_t* value_begin, std::size_t* value_end);

// The match stands on a memo's or a pasted subject line opening its
// paragraph (a blank line or the text's edge above): the line
// starts with a subject key of QuotedSubjectField's or a memo's "Subj:",
// "Title:", "Re:" (data/lists/quoted-header-keys.txt). A sender who pastes
// the subject line of the document into a body, or writes a memo, leaves
// the document's marking there as its subject carries it (round 57's tester
// 13, finding 6). Sets [*value_begin, *value_end) to the line's value, the
// subject to read with IsSubjectMarking.
bool PastedSubjectLine(std::string_view text, std::size_t begin, std::size_t* value_begin,
                       std::size_t* value_end);

// The match ends the subject after a separator and a blank: "Deployment
// plan - SECRET", "Plan -- SECRET", "Plan / SECRET", "Deployment plan |
// SECRET", "Plan: SECRET//NOFORN" (the
// marking written last, as some mail clients' classification add-ins and
// senders place it). "Anti-SECRET" (no blank) is not.
bool TrailsSubject(std::string_view text, std::size_t begin, std::size_t end);

// Where the decorations that close a subject begin, at or after `end`
// (the end of a marking): gateway tags and copy numbers in brackets or
// stars ("[EXTERNAL]", "(EXTERNAL)", "*EXT*", "(2)"), version words ("v2",
// "#3", "draft") and separators before them; a control or descriptor
// between the marking and them (ReadBannerTail kKnown: "SECRET TK") is
// part of the marking. Returns `end` when only such things follow it: the
// marking ends the subject ("RE: Convoy plan - SECRET [EXTERNAL]": a
// gateway tags the reply at its end as often as at its head; round 50's
// tester 13, findings 1 and 4).
std::size_t SubjectDecorationStart(std::string_view text, std::size_t end);

// The match ends the subject with no separator before it: "Convoy timings
// UK TOP SECRET", "Exercise plan NATO SECRET", "Convoy timings SECRET", a
// file name "convoy plan UK SECRET.txt" (only an extension after it). A
// sender who appends the marking often omits the dash (issue 13, breaker
// defect 7). The words before it must hold a lower-case letter, and the
// word right before it must not make it the object of a phrase ("Our best
// kept SECRET", "Victoria's SECRET", "The big SECRET"). The caller still
// asks for capitals, so "Movie night Top Secret" is prose.
bool EndsSubjectUnseparated(std::string_view text, std::size_t begin,
                            std::size_t end);

// A portion mark (the match, brackets included) ends the subject after the
// subject's own words: "CTS: exercise plan (NS)", "Convoy timings (S)".
// DoDM 5200.01 Vol 2 encl. 4 puts an e-mail subject's portion mark first;
// senders who mark at the end write it so too. Read as a subject's leading
// mark is (SubjectPortionPlace): a bare one counts only if the message
// agrees ("Slides (TS)" is Tom Smith's), one with controls counts (issue 13,
// round 38 item 4).
bool PortionEndsSubject(std::string_view text, std::size_t begin, std::size_t end);

// The match stands between separators in the middle of a subject, each with
// a blank on its outer side: "Deployment plan - SECRET - v2", "Plan | TOP
// SECRET | v2", "Plan / SECRET / draft", "Plan: SECRET - draft", or after
// the banner's "//" at the end ("Deployment plan //SECRET"). Senders put the
// classification between the title and the version this way (issue 13).
// The caller still asks for capitals, so "Plan - Secret - v2" is prose.
bool BetweenSeparators(std::string_view text, std::size_t begin,
                       std::size_t end);

// Body text: the match is alone on its line (decoration such as "*", "=",
// "-" allowed) within the first or last kBannerLines non-blank lines of its
// page (pages are split by form feeds; a greeting line above, rule lines
// such as "-----" or "=====" above, below or boxing it, and closing,
// signature and disclaimer blocks, a "-- " delimiter or a quoted reply below
// are not counted: banner_zone.h), and the next line is not an email
// disclaimer ("CONFIDENTIAL" heading "This e-mail is intended only for
// ..."); or it is the value of a labelled line (labelled_line.h: the keys
// "Classification", "Protective marking", "Caveats", ... with a colon, or
// a dash, pipe or equals sign with the value not running on as a
// sentence), on the key's line or alone on the line right under a key
// standing alone ("Classification:\nSECRET", a form's two table cells).
inline constexpr int kBannerLines = 3;
bool IsBannerMarking(std::string_view text, std::size_t begin,
                     std::size_t end);

// A tier heading a banner line that carries more words: drafts, page and
// copy numbers, handling instructions and codewords written on the line
// ("SECRET - DRAFT", "SECRET (DRAFT)", "UK SECRET - Page 1 of 3", "TOP
// SECRET CODEWORD", "OFFICIAL-SENSITIVE: RECIPIENTS ONLY", "NATO SECRET -
// NOT RELEASABLE TO NON-NATO NATIONS"), or after a short prefix in
// capitals ("DRAFT - SECRET", "ISAF SECRET", "KFOR RESTRICTED - DRAFT";
// IsTierPrefix) or page furniture, a part, a version or a reference in any
// case ("Page 1 of 3 UK SECRET", "Annex A - UK SECRET"; banner_tail.h,
// KnownBannerHead). The line is the first or last of its page (IsEdgeLine),
// at most 100 bytes, the words after the tier follow a separator or a
// blank and a capital, and do not read as a sentence (no closing . ! ?,
// at most two words in lower case) nor as an idiom ("SECRET SANTA",
// subject_idioms.h). GSC and DoDM 5200.01 Vol 2 put the banner at the top
// and foot of each page; what else the line holds does not unmark it
// (issue 13, breaker round 8 defect 1). IsBannerMarking asks this when the
// match is not alone on its line.
// "FYI: SECRET", "PS: TOP SECRET" alone on the first or last line of a
// page: a note's head before a bare tier, a party's line as readily as a
// banner; it counts when the message agrees (the same line at the other
// edge; round 49's tester 13, finding 2).
bool NoteHeadsBareTier(std::string_view text, std::size_t begin, std::size_t end);

bool TierHeadsBannerLine(std::string_view text, std::size_t begin,
                         std::size_t end);

// The match opens its line (blanks, or one opening bracket, before it) and
// is set off from the words after it: a ':' ("UK SECRET: The convoy leaves
// at 0600."), a ' - ' or ' | ' ("OFFICIAL-SENSITIVE - The names ..."), or
// its closing bracket ("[UK SECRET] the convoy ...", "(UK SECRET) the
// convoy ..."); the words after it hold a lower-case letter. The subject's
// marked head moved into the body, and the full-word form of a portion mark
// (DoDM 5200.01 Vol 2 encl. 3: the mark opens the portion, in brackets; GSC
// email guidance: the marking leads the text). WordStrength counts it as a
// banner line in the banner's place, and only if the message agrees
// elsewhere (issue 13, round 43 tester finding 5).
bool LeadsLine(std::string_view text, std::size_t begin, std::size_t end);

// `prefix` (what stands before a tier on its line or at a subject's head,
// ending in a blank) is one or two words in capitals, digits, '-', '/' or
// '.' ("ISAF ", "RESOLUTE SUPPORT ", "MISSION "), or, when
// `separator_allowed`, up to five such words and a separator ("DRAFT - ",
// "COPY 2 OF 5 -- "); none of them a phrase word (IsPhraseWord: "OUR
// SECRET", "NOT SECRET"). NATO-led missions prefix the tier with the
// mission's name (ISAF, KFOR, RESOLUTE SUPPORT; AC/35-D/2002 allows
// mission-specific markings).
bool IsTierPrefix(std::string_view prefix, bool separator_allowed);

// A word that makes a level word after it the object of a phrase ("the",
// "our", "best", "kept", "little") or denies it ("not", "non", "no");
// ASCII case folded.
bool IsPhraseWord(std::string_view word);

// A portion mark's place (DoDM 5200.01 Vol 2, CAPCO manual: the mark opens
// each paragraph, after its number or letter).
//
// The rule that tells a portion mark from a list bullet, and why:
// - Place: the match starts a line, after blanks and at most one list
//   enumerator ("1.", "1.2", "a.", "(1)", "iv.", "-", "*", a bullet, "Para 2"),
//   with or without a blank before it ("1.(S)"); after it a blank, the line
//   end, or directly a capital or a colon ("(S)Route.", "(S//NF):"). The
//   enumerator may have up to four pieces run together, as outline numbers
//   are written ("1.a.", "2.b.(1)", "3.a.(2)"). A mark may also stand in the
//   middle of a line after a sentence's end ("... at 0600. (S//NF) The
//   route ..."): with controls it counts there; bare, only if corroborated.
// - A mark with controls ("(S//NF)", "(CUI//SP-PRVCY)", "(U//FOUO)") is
//   written by nobody by accident: that place is enough (kPortion).
// - A bare mark ("(S)", "(TS)", "(NR)") is also a size, a grade, an option or
//   an abbreviation. A bare mark of two or more letters ("(TS)", "(NS)",
//   "(NC)", "(CTS)") reads as a person's initials in minutes and action
//   lists: it is always kIfCorroborated ("(CUI)", "(SBU)", "(FOUO)", the CUI
//   Registry's mark and its predecessors, excepted), and kNone when the
//   words after it spell the initials ("(TS) Tom Smith"). On a disclaimer or legal-legend
//   line ("(U) This email is confidential ...": legend_words.h,
//   ReadsAsDisclaimer; a legal legend under an unclassified mark only) a
//   bare mark is kNone, so that it corroborates nothing. On its own it counts only as the start of
//   a sentence (a
//   capital, a digit or a quote after it; "(TS) stands for timestamp" is
//   kIfCorroborated), never on a copyright line ("(C) 2025 Example Ltd"),
//   and never among option labels (portion_options.h): a clothing size, two
//   single capitals other than U, C, S and O, or one next in the alphabet
//   to the mark, where a list's items stand (opening the lines of the
//   mark's block, or beside it on its line with a short value between:
//   "(S) 36-38 / (M) 40-42", "(A) London (B) Berlin (C) Paris") make it
//   an option (kNone); "see Annex (A)", "Microsoft(R)" or a signature's
//   "(M) 07700 ..." do not (issue 13, tester 13 item 1).
// - A one-letter bare mark ("(S)", "(C)") must further open prose (the
//   line ends in . ! ? after a word, or has four words): "(S) The convoy
//   leaves at 0600." is a portion, "(S) Blue T-shirt" is not on its own.
//   Alone on its line or before a short phrase it is kIfCorroborated: it
//   counts only if the same message holds another marking that agrees (a
//   banner, a classification on a banner line, another portion mark), as
//   real portion marks never come alone (Sensitivity::Corroborate decides,
//   over the whole message: a subject's "(S) Blue T-shirt" is read with the
//   body's marks).
// - A bare mark of two or more letters after a paragraph number or letter
//   (not a bullet) and before a sentence ("1. (TS) The convoy leaves at
//   0600.", "1. (NS) ...") is kPortion: the numbered paragraph opened by
//   its mark is the portion layout itself (issue 13); if its words spell
//   the mark ("1. (TS) The Syrian convoy ...") it is kIfCorroborated, and
//   kPortion beside an unclassified portion (tester 13 item 3). After a
//   number a "label: value" that ends as a sentence ("1. (S) Size: 12
//   personnel.", SALUTE) is a portion; "(S) Spanish: pass" is a list. So is one before a
//   sentence opening with a determiner ("(NS) The exercise moves ..."), or
//   in a text where the same mark, or an unclassified "(U)" or "(NU)",
//   opens another paragraph with a sentence ("(TS) Convoy leaves at
//   0600.\n\n(U) Timings as agreed."): initials are never one letter.
enum class PortionPlace { kNone, kPortion, kIfCorroborated };

// `mark` is a bare bracketed mark of two or more capitals ("(TS)", "(NR)",
// "(CTS)"), which is also how minutes and action lists write a person's
// initials; "(CUI)", "(SBU)" and "(FOUO)" (the CUI Registry's mark and its
// predecessors) are nobody's initials.
bool BareMarkMayBeInitials(std::string_view mark);
// The mark without blanks: "( NS )" is "(NS)" (issue 13, round 34 item 9).
std::string CompactPortionMark(std::string_view mark);

// BareMarkMayBeInitials, and the mark says a classified level: not the
// unclassified "(NU)" (ACP 240 / AC/35-D/2002's portion form). Two such
// marks of one pack that differ ("(NR) To send the slides.\n\n(NC) Will
// book the room.") are two people's initials as readily as two portions,
// so they do not confirm each other (Sensitivity::Corroborate); a banner,
// a marked subject, an unclassified "(U)"/"(NU)" portion, or a one-letter
// mark that is agreed itself beside them does.
bool ClassifiedMarkMayBeInitials(std::string_view mark);
PortionPlace PortionMarkPlace(std::string_view text, std::size_t begin,
                              std::size_t end);

// The match is the value of a labelled line (labelled_line.h, any of its
// separators): "Classification:", "Data
// classification:", "Information classification:", "Security
// classification:", "Document classification:", "Sensitivity:",
// "Sensitivity label:", "Protective marking:", "Marking:", "Label:",
// "Class:", "Classification - ", "Classification | ", the
// DoD e-mail's "Caveats:" ("Classification: UNCLASSIFIED\nCaveats: FOUO",
// DoDM 5200.01 Vol 2 encl. 4) and Purview's "Classified as" (also "This
// email is classified as", "... labelled as") (IsBannerMarking takes the
// same labels) at the line's start, or alone on the line above one the
// match starts ("Classification:\nSECRET"), only decoration after the
// match, or a sublabel's child after '\' ("Confidential\All Employees").
// Purview writes a label's visual marking this way in a header or footer
// ("Sensitivity: Confidential", "Classified as Highly Confidential"); the
// label's name is then written as the tenant spells it, so mixed case
// counts there.
bool IsLabelledLine(std::string_view text, std::size_t begin, std::size_t end);

// The match's line is within the first or last kBannerLines lines of its
// page, counted as IsBannerMarking counts (banner_zone.h): where a label's
// visual marking (a header or footer line) stands.
bool InBannerZone(std::string_view text, std::size_t begin, std::size_t end);

// A bare level word used as a heading: the match [begin, end) is alone on
// one line (no frame, brackets or asterisks on it, no rule line right above
// or below it, not wrapped over two lines), that line is the top of its
// page as IsEdgeLine counts it (an opener above its own paragraph
// included), and lines of text follow. "TOP
// SECRET\n\nOur summer menu is here!" is such a heading; "SECRET\n------",
// "** TOP SECRET **", "[SECRET]" and "TOP\nSECRET" are drawn banners.
// Applied to the packs' heading_word forms only (SECRET, TOP SECRET,
// CONFIDENTIAL, RESTRICTED, PROTECTED), typed plainly (not letter-spaced,
// underlined, full-width), in the mail's own text (not an attachment's):
// the scan makes such a heading count only if the message agrees (a bottom
// banner, a subject marking, portion marks, a label:
// Sensitivity::Corroborate). Why, and the shapes kept strong:
// tests/testdata/markings/README.md, "seventh round".
bool IsBareHeading(std::string_view text, std::size_t begin, std::size_t end);

// A bare level word used as a footer: the match is alone on one line, as
// IsBareHeading asks, and that line is the last non-blank one of its page,
// under lines of text ("Thanks,\nAccounts\nAcme Ltd\n\nCONFIDENTIAL").
// Applied to the packs' footer_word forms only (CONFIDENTIAL: companies
// close mail with it as readily as a US bottom banner does), typed plainly,
// in the mail's own text: the scan makes such a footer count only if the
// message agrees (a top banner, a subject marking, portion marks; issue 13,
// breaker round 7 defect 6).
// One rule for both edges: a lone everyday word is doubted at the edge where
// ordinary mail writes it, the heading words (SECRET, TOP SECRET,
// SENSITIVE) over the text (IsBareHeading), the footer words under it; at
// the other edge it stands where a banner stands and no heading or footer
// does, and counts (a bare SECRET alone under the text is the bottom banner:
// tests/testdata/markings/README.md, "A bare CONFIDENTIAL on the body's
// last line"; tester 43 finding 12).
bool IsBareFooter(std::string_view text, std::size_t begin, std::size_t end);

// The match's line is the first or the last non-blank line of its page,
// counted as IsBannerMarking counts (banner_zone.h), or a paragraph of its
// own (blank lines above and below) under at most kBannerLines - 1 lines
// of an opener whose last line does not end in ':' ("Hi Bob,\n\nAs
// discussed.\n\nUK SECRET\n\n...", a gateway's "CAUTION: This email
// originated outside ..." above the banner; not "one word:\n\nSECRET"):
// where banners stand (DoDM 5200.01 Vol 2, GSC: top and bottom of each
// page). A lone level word elsewhere in the banner zone (a recipe's
// "SECRET" heading, a story's "one word:\n\nSECRET") counts only if the
// message carries another marking that agrees.
bool IsEdgeLine(std::string_view text, std::size_t begin, std::size_t end);

// A legal legend on the match's line or the lines next to it ("ATTORNEY
// WORK PRODUCT", "SUBJECT TO CONTRACT", "WITHOUT PREJUDICE", "PRIVILEGED"):
// "CONFIDENTIAL" over such a legend is the business confidentiality of a
// lawyer's letter, not a national classification (see README of the
// marking corpus, "Decided cases"). Asked of the bare CONFIDENTIAL only
// (the packs' footer_word): "UK SECRET: legal advice", "OFFICIAL-SENSITIVE
// \nLEGALLY PRIVILEGED" are government lawyers' marked mail (issue 13,
// breaker round 13 defect 1).
bool NearLegalLegend(std::string_view text, std::size_t begin, std::size_t end);

// The match is talked about, not applied: the words just before it (on its
// line, or at the end of the line before) are "marked", "labelled",
// "labeled", "stamped", "headed", "reading" or "titled", quotes allowed
// ("the document, marked TOP SECRET, was found"). "reading" only on the
// match's own line: "Happy reading\nSECRET//NOFORN" is a closing over a
// banner.
bool DescribedInProse(std::string_view text, std::size_t begin);

// A classification that names a person's security clearance, not the
// message's: the next word on its line, after blanks or a joining hyphen
// (not a " - " or "--" separator), is "clearance", "clearances",
// "cleared", "polygraph" ("Active TOP SECRET/SCI clearance with
// polygraph", "holds a SECRET clearance", "SECRET-cleared"), or one of
// "eligibility", "eligible", "level", "position", "required",
// "investigation", "holder" where the line speaks of a clearance or a job
// (a lower-case word right before the match, or "clearance", "vetting",
// "candidate", a job word on the line: "Applicants must be TS/SCI
// eligible"; not "UK SECRET investigation findings", breaker round 13
// defect 2), or the line is labelled "Clearance:" ("Clearance: TOP
// SECRET//SCI" in a job advert), or the marking stands alone on the line
// under a short heading naming a clearance ("Clearance:\nTOP SECRET//SCI",
// "Clearance Level\nTOP SECRET//SCI"). The clearance's own spelling with one
// slash ("TOP SECRET/SCI", "TS/SCI") is also a clearance under a heading
// such as "Clearance Required:" or "Requirements:" (a list item under it),
// or after a job word on its line ("Job alert: Admin (TOP SECRET/SCI)");
// "SECRET//NOFORN" there still counts. Case-insensitive. Used for banner and
// word forms; a portion mark opening a paragraph about clearances
// ("(S) Clearance levels ...") is still a portion mark.
bool AboutClearance(std::string_view text, std::size_t begin, std::size_t end);

// The words of a field label (`label`, the text before its colon) name a
// person's clearance, not the text's marking: "Clearance Level", "Required
// Clearance Level", "Security vetting", "Eligibility Level", "Access Level",
// "Investigation Level" (the US tiers, "TOP SECRET (T5)"), "Background
// investigation", "Position Sensitivity Level" (OPM's term for the
// clearance a post needs). "Classification Level", "Security Level" and
// "Sensitivity" are no such label: documents carry them (round 51's tester
// 13, finding 3). Case-insensitive.
bool NamesPersonsClearance(std::string_view label);

// The match opens a line that goes on as a sentence in lower case whose
// first word defines it ("is", "are", "was", "means", "refers", "stands",
// "explained", "explainer", "defined", "definition", "describes", "vs",
// "versus", "guide", "overview"): "RESTREINT UE explained: how the EU
// classifies documents.", "EU RESTRICTED means the lowest EU level." A
// marking so explained is named, not applied (issue 13, breaker round 7
// defect 8), so it counts only if the message agrees; a banner run into
// its text ("COSMIC TOP SECRET ATOMAL papers are attached.") still counts.
// The rest of the line must read as prose (end as a sentence does, or have
// four words).
bool OpensSentence(std::string_view text, std::size_t begin, std::size_t end);

// The match is mentioned inside a sentence: the word just before it on its
// line ends in a lower-case letter and the word just after it starts with
// one ("Please stop putting SECRET//NOFORN in the subject", "how NATO
// SECRET differs from"). A banner applied to a text stands on its own line
// or leads the sentence ("The convoy is SECRET//NOFORN." keeps a
// lower-case word on one side only, and counts). Also a form with '='
// right after it ("set the key S//NF=1": a key assigned a value), or a '?'
// after a lower-case word or before more of its line ("Set S//NF? I have
// no idea"): a banner ends its line or runs into the text it marks, never
// into a question or an assignment (round 55's tester 13, finding 3).
bool InsideSentence(std::string_view text, std::size_t begin, std::size_t end);

// The match is the head of a bracketed portion form inside a sentence: a
// '(' or '[' right before it, the bracket closed on the same line, a word
// ending in a lower-case letter just before the bracket and, just after
// it, a word starting with one or a '?' ("what does (S//NF) mean?", "marked
// like (S//REL TO USA, GBR) in the text"), or the sentence's closing
// punctuation or the line's end ("a portion like (S//NF)."; round 56's
// tester 13, finding 5); other bracketed forms of a list may stand between
// the word and the bracket ("such as (C//NF), (S//NF) and ..."). A portion mark stands at a
// paragraph's head (after its number) or after a sentence's end (DoDM
// 5200.01 Vol 2, Encl 3 para 6; CAPCO manual, portion marks), so a
// bracketed form a sentence runs through is named, not applied (round 53's
// tester 13, finding 3).
// `*bracket_end`, when given, is set past the closing bracket.
bool BracketedInSentence(std::string_view text, std::size_t begin, std::size_t end,
                         std::size_t* bracket_end = nullptr);

// The match stands in quotation marks ("...", '...', curly, guillemets) on a
// line with words in lower case outside them: a marking named, not applied
// ('The slides carry the banner "SECRET//NOFORN" on every page.', 'Is it
// "SECRET//REL TO USA, GBR" or ...?'; round 47's tester 13, finding 4). A
// quoted form alone on its line is not (a banner a sender put in quotes).
bool QuotedInSentence(std::string_view text, std::size_t begin, std::size_t end);
// `text` without the quotation marks around the match, so a statement of
// the text's own level reads through them ('This email is classified
// "SECRET//NOFORN".'); the match then starts `*shift` bytes earlier. ""
// when the match is not quoted.
std::string WithoutQuotes(std::string_view text, std::size_t begin, std::size_t end,
                          std::size_t* shift);

// After blanks, a word with a lower-case letter follows: "SECRET deployment
// plan", a level word in capitals and then the subject's own words. A
// subject all in capitals ("SECRET SANTA draw") has no such contrast.
bool FollowedByLowerCaseWord(std::string_view text, std::size_t end);

// After blanks, the text ends or a separator follows (: ; , - / | ] ) . or
// a line break): "SECRET: plans", "SECRET - plans", but not "SECRET SANTA".
bool FollowedBySeparator(std::string_view text, std::size_t end);

// What follows a level word leading a subject, after blanks and a
// separator run (: - | ] and the like), up to the line's end.
enum class SubjectRest {
  kNothing,   // "PROTECTED", "Budget - PROTECTED"
  kTitle,     // a name for the message: "PROTECTED: cabinet submission",
              // "CONTROLLED: Budget 2027 draft"
  kSentence,  // a notice to its reader, not a title: a verb of being or
              // having stands in it ("PROTECTED: Your account is now
              // secured", "PROTECTED - your parcel is insured", "you're
              // covered"): is, are, was, were, has, have, had, will, been,
              // and the contractions you're, you've, you'll, we're, we've,
              // they're, it's, that's; any case. Titles have none
              // ("PROTECTED: Your briefing for the committee"). Also a
              // facilities notice, whose first word names what is
              // restricted: road, street, parking, traffic, access, area,
              // entry, closure, lane, gym, lift, car ("RESTRICTED: road
              // closure on Main Street").
};
SubjectRest ReadSubjectRest(std::string_view text, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_POSITION_H_
