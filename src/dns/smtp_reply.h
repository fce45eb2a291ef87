// Reading SMTP replies (RFC 5321 §4.2) off a byte stream, for the
// catch-all probe (catch_all_probe.h): no I/O, so it is tested on its own.
//
// Thread safety: pure function over the caller's buffer.
#ifndef NEARMISS_DNS_SMTP_REPLY_H_
#define NEARMISS_DNS_SMTP_REPLY_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::dns {

// RFC 5321 §4.5.3.1.5 allows 512 octets a reply line; servers send longer
// ones, so this is the bound of a line, and of a whole (multi-line) reply.
inline constexpr size_t kMaxReplyLine = 1000;
inline constexpr size_t kMaxReply = 16 * 1024;

enum class ReplyRead {
  kIncomplete,  // no complete reply yet: read more
  kComplete,    // `*code` set; the reply's bytes removed from the buffer
  kMalformed,   // not an SMTP reply (no 3-digit code, codes that differ
                // between lines, a line or reply past its bound)
};

// Takes one reply from the front of `buffer`: lines "250-..." continue it,
// the line "250 ..." (or a bare "250") ends it (§4.2.1). Lines end in CRLF;
// a bare LF is accepted too. `status`, when given, becomes the enhanced
// status code the last line's text begins with (RFC 2034 §4, RFC 3463 §2:
// "5.7.1" of "550 5.7.1 Relay access denied"), or "" when it has none.
ReplyRead TakeReply(std::string& buffer, int* code, std::string* status = nullptr);

// True when `status` (an enhanced status code, RFC 3463) reports a
// security or policy refusal: subject 7 ("5.7.1 relay denied", "4.7.1").
bool IsPolicyStatus(std::string_view status);

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_SMTP_REPLY_H_
