// WalkMessage: a parsed message's addresses, subject and label headers, then
// its MIME tree by MessageWalker (message_walker.h).
#include "content/message_walk.h"

#include "base/ascii.h"
#include "content/gmime_util.h"
#include "content/message_walker.h"

namespace nearmiss::content {
namespace {

// RFC 5322 2.2.3 unfolding. A bare CR or LF left inside a value becomes a
// space, as Postfix's tokenizer reads it: "a@x\rCc: b@y" is two words, not
// "a@xCc:".
std::string Unfold(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    if (c == '\n' && i + 1 < raw.size() &&
        (raw[i + 1] == ' ' || raw[i + 1] == '\t'))
      continue;
    out += (c == '\r' || c == '\n') ? ' ' : c;
  }
  const std::size_t first = out.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const std::size_t last = out.find_last_not_of(" \t");
  return out.substr(first, last - first + 1);
}

// Each To, Cc and Bcc header's raw value, unfolded; Resent-To/Cc/Bcc count
// with them (Postfix's `sendmail -t` reads either set). Not GMime's parsed
// list: it keeps the first '@' of "eve@army.mil@army.ml", while the mail
// server delivers to the last.
void CollectRecipientHeaders(GMimeObject* message, ScannedMessage* out) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(message);
  const int n = g_mime_header_list_get_count(headers);
  for (int i = 0; i < n; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    const char* raw = g_mime_header_get_raw_value(h);
    if (name == nullptr || raw == nullptr) continue;
    std::string_view field = name;
    if (StartsWithNoCase(field, "Resent-")) {
      field.remove_prefix(7);
    }
    std::vector<std::string>* list = EqualsNoCase(field, "To")    ? &out->to
                                     : EqualsNoCase(field, "Cc")  ? &out->cc
                                     : EqualsNoCase(field, "Bcc") ? &out->bcc
                                                                  : nullptr;
    if (list == nullptr) continue;
    std::string value = Unfold(raw);
    if (!value.empty()) list->push_back(std::move(value));
  }
}

}  // namespace

void AddLimit(Sensitivity* s, std::string bound, std::string detail) {
  Finding f;
  f.marking = std::move(bound);
  f.pack = "limit";
  f.where = "limit";
  f.text = std::move(detail);
  f.strength = Strength::kStrong;
  s->Add(std::move(f));
  s->complete = false;
}

ScannedMessage WalkMessage(
    GMimeMessage* message, std::string source, std::size_t size,
    std::vector<std::string> parser_warnings, const Scanner& scanner,
    Scratch& scratch, const ContentLimits& limits,
    const std::function<void(const ReadStep&)>* on_step) {
  ScannedMessage out;
  out.source = std::move(source);
  out.errors = std::move(parser_warnings);
  out.message_id = OrEmpty(g_mime_message_get_message_id(message));
  // GMime keeps NULL for a missing or unparsable Date: header.
  if (GDateTime* date = g_mime_message_get_date(message)) {
    out.date = g_date_time_to_unix(date);
  }
  InternetAddressList* from = g_mime_message_get_from(message);
  if (from != nullptr && internet_address_list_length(from) == 1) {
    out.from = AddressToString(internet_address_list_get_address(from, 0));
  } else if (from != nullptr) {
    char* s = internet_address_list_to_string(from, nullptr, FALSE);
    out.from = OrEmpty(s);
    g_free(s);
  }
  CollectRecipientHeaders(GMIME_OBJECT(message), &out);
  out.subject = OrEmpty(g_mime_message_get_subject(message));

  MessageWalker walker(scanner, scratch, limits, &out);
  walker.OnStep(on_step, size);
  walker.ScanSubject(GMIME_OBJECT(message), "subject", out.subject);
  walker.ScanHeaders(GMIME_OBJECT(message));
  if (size > limits.max_message_bytes) {
    AddLimit(&out.sensitivity, "max-message-bytes",
             "message is " + std::to_string(size) + " bytes; over " +
                 std::to_string(limits.max_message_bytes) + ", body not read");
    out.sensitivity.Corroborate();
    return out;
  }
  GMimeObject* body = g_mime_message_get_mime_part(message);
  if (body != nullptr) walker.Walk(body, 0);
  out.sensitivity.Corroborate();
  return out;
}

}  // namespace nearmiss::content
