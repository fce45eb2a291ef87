// Feeds arbitrary bytes as a message through the header-recipient path of
// `nearmiss scan` (scan_command.cc FillEnvelope): GMime reads the headers,
// To/Cc/Bcc and their Resent- forms are kept raw, the engine splits each
// as the mail server reads a list (SplitAddressList: groups, comments,
// quoted local parts, mailto: URIs), finds each piece's delivery domain
// (ParseRecipient: rightmost '@' outside quotes, source routes, percent
// hack, bang paths) and judges it, then decides. Checks what the decision
// log relies on: every recipient the decision names was judged, and no
// list that names an '@' is dropped without a judged recipient.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "nearmiss/engine.h"
#include "nearmiss/message_check.h"

using namespace nearmiss;
using nearmiss::fuzz::Check;

// The engine is compiled before the first input (fuzz_support.h).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)fuzz::DefaultEngine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::shared_ptr<const Engine> engine = fuzz::DefaultEngine();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  content::ScannedMessage m = engine->ScanMessage(bytes, "fuzz");
  Envelope envelope;
  envelope.sender = m.from;
  envelope.path = MailPath::kOffline;
  size_t lists = 0;
  auto add = [&](const std::vector<std::string>& headers,
                 RecipientField field) {
    for (const std::string& h : headers) {
      envelope.recipients.push_back({h, field, true});
      if (h.find('@') != std::string::npos) ++lists;
    }
  };
  add(m.to, RecipientField::kTo);
  add(m.cc, RecipientField::kCc);
  add(m.bcc, RecipientField::kBcc);
  MessageCheck check;
  engine->CheckMessage(envelope, MessageContent::Read(&m), &check);
  Check(check.facts.recipients.size() >= lists);
  Check(check.decision.recipients.size() == check.facts.recipients.size());
  return 0;
}
