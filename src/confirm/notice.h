// The confirm notice: the message that tells a sender their mail is held,
// for which recipient, why, what they probably meant, and the two signed
// links (release, delete); and its submission through the local Postfix's
// sendmail(1).
//
// Thread safety: plain functions; SubmitNotice runs one process and may be
// called from any thread.
#ifndef NEARMISS_CONFIRM_NOTICE_H_
#define NEARMISS_CONFIRM_NOTICE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::confirm {

struct NoticeRecipient {
  std::string address;     // as flagged
  std::string reason;      // the sentence (ReasonMessage)
  std::string suggestion;  // "bob@gmail.com"; may be ""
  // False when the rule may not be acknowledged (`acknowledge = false`, a
  // protected look-alike): a release does not stop the next question, and
  // the notice says so instead of promising silence.
  bool acknowledgeable = true;
  // A second address it may have meant (check's also_suggestion): the
  // notice asks "Did you mean A or B?", as check and the API do; may be "".
  std::string also_suggestion{};
};

struct Notice {
  std::string from;      // [confirm] notice_from
  std::string to;        // the held message's sender
  std::string queue_id;
  std::string subject;   // the held message's subject; may be ""
  std::vector<NoticeRecipient> recipients;
  std::string release_url, delete_url;
  int64_t expires_at = 0;         // unix seconds, for the sentence
  int64_t acknowledgement_days = 0;  // how long a release acknowledges
  int64_t date = 0;               // unix seconds: the Date header
};

// An RFC 5322 message (CRLF line ends, UTF-8 text/plain, headers
// sanitised: no CR/LF from the held message reaches a header; the Subject
// in RFC 2047 encoded-words where it is not ASCII).
std::string ComposeNotice(const Notice& notice);

struct SubmitOptions {
  std::string sendmail = "/usr/sbin/sendmail";  // absolute
  std::string postfix_config;                   // -C DIR; "" none
};

// Runs `sendmail [-C DIR] -f FROM -i -- TO` with the message on its
// standard input; an error names the program and its exit status or output.
Status SubmitNotice(const SubmitOptions& options, const std::string& from,
                    const std::string& to, const std::string& message);

}  // namespace nearmiss::confirm

#endif  // NEARMISS_CONFIRM_NOTICE_H_
