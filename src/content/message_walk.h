// Turns one parsed GMimeMessage into a ScannedMessage: addresses, subject,
// label headers, then every MIME part in tree order under ContentLimits.
#ifndef NEARMISS_CONTENT_MESSAGE_WALK_H_
#define NEARMISS_CONTENT_MESSAGE_WALK_H_

#include <gmime/gmime.h>

#include <functional>
#include <string>
#include <vector>

#include "content/message_walker.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::content {

// `parser_warnings` are GMime's complaints while parsing; they join errors.
// `size` is the message's size in bytes, checked against the limits (when
// over, only headers are scanned). `on_step`, when given, is told each page
// of a PDF attachment as it is read (ReadStep).
ScannedMessage WalkMessage(GMimeMessage* message, std::string source,
                           std::size_t size,
                           std::vector<std::string> parser_warnings,
                           const Scanner& scanner, Scratch& scratch,
                           const ContentLimits& limits,
                           const std::function<void(const ReadStep&)>* on_step = nullptr);

// The head of a message whose ScannedMessage `out` has its subject set:
// `headers` are the message's own fields (those of its body part,
// Content-*, excluded: GMime gives them to the part). Fills the To/Cc/Bcc
// values and scans the subject and label headers by `walker` (which writes
// into `out`). False when `size` (bytes) is over max_message_bytes: the
// limit finding is recorded and the body must not be read.
bool WalkHead(const std::vector<HeaderView>& headers, std::size_t size,
              MessageWalker& walker, ScannedMessage* out);

// What WalkMessage puts in ScannedMessage::from for the From header's
// addresses (null or empty: "").
std::string AddressListString(InternetAddressList* from);

// Records a bound that was hit: a finding with where "limit" and the message
// marked incomplete.
void AddLimit(Sensitivity* s, std::string bound, std::string detail);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MESSAGE_WALK_H_
