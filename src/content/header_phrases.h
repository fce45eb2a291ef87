// The header fields whose values a message's readers take as subjects:
// Keywords and Comments (RFC 5322 3.6.5), where Outlook and other clients
// put the categories a sender types ("Keywords: Convoy, UK SECRET"; round
// 50's tester 13, finding 12); and Thread-Topic (MS-OXOMSG 2.2.1.3
// PidTagConversationTopic, sent as Thread-Topic by Exchange and Outlook),
// the conversation's first subject, which Outlook keeps and shows as the
// conversation's title when a replier edits the Subject (round 56b's tester
// 13, finding 7). One list for every reader: the MIME walker
// (scan, milter) and the API's "headers" (Engine::ScanParts), which read it
// apart until round 55 (tester 13, finding 5: /v1/check answered "allow"
// for what the milter then held).
//
// Thread safety: free functions over their arguments.
#ifndef NEARMISS_CONTENT_HEADER_PHRASES_H_
#define NEARMISS_CONTENT_HEADER_PHRASES_H_

#include <functional>
#include <string_view>

namespace nearmiss::content {

// `name` (any case) is a header read as subjects.
bool IsSubjectPhraseHeader(std::string_view name);

// Each phrase of header `name`'s value, RFC 2047 words decoded: each
// keyword of Keywords (split at ',' and ';'), Comments and Thread-Topic
// whole, blanks trimmed, empty ones left out. A Thread-Topic that the
// message's `subject` holds ("RE: FW: " before it, as it nearly always
// is) is the same words, already read, and left out.
void ForEachSubjectPhrase(std::string_view name, std::string_view value,
                          const std::function<void(std::string_view)>& each,
                          std::string_view subject = {});

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_HEADER_PHRASES_H_
