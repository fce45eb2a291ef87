// WalkMessage: a parsed message's addresses, subject and label headers, then
// its MIME tree by MessageWalker (message_walker.h).
#include "content/message_walk.h"

#include "base/ascii.h"
#include "content/gmime_util.h"
#include "content/message_walker.h"
#include "content/resent_fields.h"

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

// Each To, Cc and Bcc header's raw value, unfolded; when the message has
// Resent-To/Cc/Bcc, those instead (resent_fields.h). The Return-Path
// too (ScannedMessage::return_path). Not GMime's parsed
// list: it keeps the first '@' of "eve@army.mil@army.ml", while the mail
// server delivers to the last.
void CollectRecipientHeaders(const std::vector<HeaderView>& headers,
                             ScannedMessage* out) {
  bool return_path_seen = false;
  std::vector<std::string> resent_to, resent_cc, resent_bcc;
  for (const HeaderView& h : headers) {
    if (h.raw_value == nullptr) continue;
    std::string_view field = h.name;
    // The topmost is the last delivery's (RFC 5321 section 4.4: each
    // delivery adds its own at the top); a relay's older ones below it
    // are not this message's sender.
    if (EqualsNoCase(field, "Return-Path")) {
      if (!return_path_seen) out->return_path = Unfold(h.raw_value);
      return_path_seen = true;
      continue;
    }
    if (EqualsNoCase(field, "X-Gmail-Labels")) {
      if (!out->gmail_labels) out->gmail_labels = Unfold(h.raw_value);
      continue;
    }
    if (EqualsNoCase(field, "Sender")) {
      if (out->sender_header.empty()) out->sender_header = Unfold(h.raw_value);
      continue;
    }
    const bool resent = StartsWithNoCase(field, "Resent-");
    if (resent) field.remove_prefix(7);
    std::vector<std::string>* list = EqualsNoCase(field, "To")    ? (resent ? &resent_to : &out->to)
                                     : EqualsNoCase(field, "Cc")  ? (resent ? &resent_cc : &out->cc)
                                     : EqualsNoCase(field, "Bcc") ? (resent ? &resent_bcc : &out->bcc)
                                                                  : nullptr;
    if (list == nullptr) continue;
    std::string value = Unfold(h.raw_value);
    if (!value.empty()) list->push_back(std::move(value));
  }
  ApplyResentFields(headers, std::move(resent_to), std::move(resent_cc), std::move(resent_bcc),
                    out);
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

std::string AddressListString(InternetAddressList* from) {
  if (from != nullptr && internet_address_list_length(from) == 1) {
    return AddressToString(internet_address_list_get_address(from, 0));
  }
  if (from == nullptr) return "";
  char* s = internet_address_list_to_string(from, nullptr, FALSE);
  std::string out = OrEmpty(s);
  g_free(s);
  return out;
}

bool WalkHead(const std::vector<HeaderView>& headers, std::size_t size,
              MessageWalker& walker, ScannedMessage* out) {
  CollectRecipientHeaders(headers, out);
  walker.ScanSubject(headers, "subject", out->subject);
  walker.ScanHeaders(headers);
  if (size <= walker.limits().max_message_bytes) return true;
  AddLimit(&out->sensitivity, "max-message-bytes",
           "message is " + std::to_string(size) + " bytes; over " +
               std::to_string(walker.limits().max_message_bytes) +
               ", body not read");
  return false;
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
  out.from = AddressListString(g_mime_message_get_from(message));
  out.subject = OrEmpty(g_mime_message_get_subject(message));
  MessageWalker walker(scanner, scratch, limits, &out);
  walker.OnStep(on_step, size);
  if (WalkHead(HeaderViews(GMIME_OBJECT(message)), size, walker, &out)) {
    GMimeObject* body = g_mime_message_get_mime_part(message);
    if (body != nullptr) walker.Walk(body, 0);
    walker.RereadSubjectOverSurprise();
  }
  out.sensitivity.Corroborate();
  return out;
}

}  // namespace nearmiss::content
