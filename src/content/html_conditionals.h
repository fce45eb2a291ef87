// Microsoft's conditional comments in HTML mail, read as the client that
// shows them does (issue 13; Microsoft, "About conditional comments"):
//  - downlevel-revealed, "<![if !supportLists]>·&nbsp;<![endif]>": every
//    client but old IE shows what is between; Word and Outlook wrap list
//    bullets so (breaker round 32 D3). The two tags are dropped.
//  - downlevel-hidden, "<!--[if mso]><p>UK SECRET</p><![endif]-->": a
//    comment to every parser, but Outlook for Windows (the Word engine)
//    evaluates the condition and shows the content when it names mso
//    ("mso", "gte mso 9", "(mso)|(IE)"). Templates put banners, buttons and
//    whole layouts there; a marking there is what most ministry readers
//    see, and was dropped as a comment (round 43 tester 13, finding 8).
//    In the body, such a block's content is read as HTML, unless its
//    condition excludes mso ("!mso") or it is an Office XML data island
//    ("<xml><o:OfficeDocumentSettings>...", settings nobody sees).
// Both rewrite the page before it is parsed. Pure functions.
#ifndef NEARMISS_CONTENT_HTML_CONDITIONALS_H_
#define NEARMISS_CONTENT_HTML_CONDITIONALS_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// Drops each "<![if ...]>" and "<![endif]>" tag and keeps what is between.
// Returns false (and leaves `out` alone) when there is none.
bool DropRevealedConditionals(std::string_view html, std::string* out);

// Opens each downlevel-hidden block for mso after "<body" (above): the
// comment's opening "<!--[if ...]>" and closing "<![endif]-->" dropped, its
// content kept. Returns false (and leaves `out` alone) when there is none.
bool RevealMsoConditionals(std::string_view html, std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_HTML_CONDITIONALS_H_
