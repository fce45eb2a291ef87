// The body of POST /v1/check, parsed and bounded before the engine sees it.
//
// {"from", "to": [...], "cc": [...], "bcc": [...], "subject", "body",
//  "attachments": [{"name", "content_type", "size"}], "headers": {...}}
// Addresses are strings in any form ParseAddress takes ("Bob <bob@x>"); a
// string holding a list ("a@x, Bob <b@y>") is split. Everything but one
// recipient is optional, so a client may send recipients only and keep the
// body to itself. An address that does not parse is not a request error:
// it comes back as an `invalid` recipient, which is what a sender needs.
//
// Thread safety: plain functions and values.
#ifndef NEARMISS_HTTP_CHECK_REQUEST_H_
#define NEARMISS_HTTP_CHECK_REQUEST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/problem.h"
#include "nearmiss/decision.h"

namespace nearmiss::http {

struct CheckAttachment {
  std::string name;
  std::string content_type;
  int64_t size = 0;
};

struct CheckRecipientInput {
  std::string address;  // one mailbox as given
  RecipientField field = RecipientField::kTo;
};

struct CheckRequest {
  std::string from;
  std::vector<CheckRecipientInput> recipients;  // to, then cc, then bcc
  std::string subject;
  std::string body;
  std::vector<CheckAttachment> attachments;
  // Label headers the client can see (msip_labels, X-Protective-Marking).
  std::vector<std::pair<std::string, std::string>> headers;
};

// Bounds on one request beyond the byte limit the server enforces.
struct CheckLimits {
  size_t max_recipients = 1000;
  size_t max_address_bytes = 998;  // an RFC 5322 line
  size_t max_attachments = 500;
  size_t max_headers = 50;
  int max_depth = 16;              // JSON nesting
};

struct ParsedCheck {
  CheckRequest request;
  // When `problem` is set (status 400 or 413) the request is refused.
  bool ok = true;
  Problem problem;
};

ParsedCheck ParseCheckRequest(std::string_view body, const CheckLimits& limits);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_CHECK_REQUEST_H_
