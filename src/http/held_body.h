// What an admin deciding on a held message reads of its body: the message
// as a mail client shows it, not its MIME source. Outlook, Gmail and
// Thunderbird send multipart/alternative with base64 or quoted-printable
// parts, so the first bytes of the source were boundaries and base64 (the
// issue-14 tester, round 52, finding 3).
//
// Read with GMime (RFC 2045-2049) through the content module's helpers:
// the first text/plain part that is no attachment, its transfer encoding
// removed and its charset converted to UTF-8 (format=flowed, RFC 3676,
// joined); with none, the first text/html part's text; and the names of the
// attachments (Content-Disposition filename, RFC 2183, or Content-Type
// name), a forwarded message (message/rfc822) by its subject.
// Thread-safe (pure).
#ifndef NEARMISS_HTTP_HELD_BODY_H_
#define NEARMISS_HTTP_HELD_BODY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::http {

struct HeldBody {
  std::string text;  // UTF-8, at most max_text bytes (cut at a character)
  // Where `text` came from: "text/plain", "text/html", or "none" (a
  // message with no text part: attachments only, or no body).
  std::string from = "none";
  bool truncated = false;  // the text part held more than max_text bytes
  // Each attachment as "NAME (TYPE)", or "unnamed TYPE", in message order.
  std::vector<std::string> attachments;
};

// `message` is the header and body (CRLF or LF), as much as was read.
HeldBody ReadHeldBody(std::string_view message, std::size_t max_text);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_HELD_BODY_H_
