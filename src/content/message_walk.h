// Turns one parsed GMimeMessage into a ScannedMessage: addresses, subject,
// label headers, then every MIME part in tree order under ContentLimits.
#ifndef NEARMISS_CONTENT_MESSAGE_WALK_H_
#define NEARMISS_CONTENT_MESSAGE_WALK_H_

#include <gmime/gmime.h>

#include <functional>
#include <string>
#include <vector>

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

// Records a bound that was hit: a finding with where "limit" and the message
// marked incomplete.
void AddLimit(Sensitivity* s, std::string bound, std::string detail);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MESSAGE_WALK_H_
