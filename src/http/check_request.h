// The body of POST /v1/check, parsed and bounded before the engine sees it.
//
// {"from", "to": [...], "cc": [...], "bcc": [...], "subject", "body",
//  "attachments": [{"name", "content_type", "size"}], "headers": {...},
//  "acknowledge": {"justification", "recipients": [...]}}
// `acknowledge` is the client's "Send anyway": the sender acknowledges the
// flagged recipients (all that may be acknowledged, or those listed), so
// the same warning is not asked again (acknowledgement.h).
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
#include "nearmiss/acknowledgement.h"
#include "nearmiss/decision.h"
#include "nearmiss/dns.h"

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
  // "Send anyway": present when the body has `acknowledge`.
  struct Acknowledge {
    bool present = false;
    std::string justification;            // the sender's words; may be ""
    std::vector<std::string> recipients;  // canonical or as given; empty: all
    // "scope": "domain": each acknowledgement covers the recipient's whole
    // domain for this sender (mailo.com, not only claire@mailo.com);
    // "address" (the default): that address only.
    bool domain_scope = false;
  } acknowledge;
  // Set by the server, never from the body: where the sender's live
  // acknowledgements are read (null: none apply) and the time, unix seconds.
  const AcknowledgementSource* acknowledgements = nullptr;
  int64_t now = 0;
  // Set by the server, never from the body: the DNS signals ([dns], as
  // `nearmiss check` asks them), null when off. A look-alike recipient's
  // domain is looked up (dns/add_facts.h) before the decision, waiting at
  // most the resolver's deadline; its facts are in the answer's "dns".
  DnsSource* dns = nullptr;
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

// Why `text`, a sender's justification (the API's, a release link's
// `why`), cannot go into the accountable record as one line of visible
// text: a control character (line break, escape, bidirectional override;
// base/line_text.h) or an invisible format character (Unicode category
// Cf), named with its byte; "" when it can. Both paths refuse the same.
std::string JustificationProblem(std::string_view text);
// The same for any one-line text a person reads in the record, `what`
// naming it ("a justification", "a token's name"): "WHAT is one line of
// text: a control character (...) U+001B at byte 3"; "" when none.
std::string OneLineTextProblem(std::string_view text, std::string_view what);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_CHECK_REQUEST_H_
