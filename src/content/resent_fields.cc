// ApplyResentFields: a re-sent message's sender, date, Message-ID and
// recipients from its topmost Resent- block (resent_fields.h).
#include "content/resent_fields.h"

#include <gmime/gmime.h>

#include <utility>

#include "base/ascii.h"
#include "content/gmime_util.h"
#include "content/message_walk.h"

namespace nearmiss::content {

void ApplyResentFields(const std::vector<HeaderView>& headers, std::vector<std::string> resent_to,
                       std::vector<std::string> resent_cc, std::vector<std::string> resent_bcc,
                       ScannedMessage* out) {
  const char* from = nullptr;
  const char* sender = nullptr;
  const char* date = nullptr;
  const char* id = nullptr;
  // The first of each in header order is the topmost block's.
  for (const HeaderView& h : headers) {
    if (h.raw_value == nullptr) continue;
    const std::string_view name = h.name;
    if (from == nullptr && EqualsNoCase(name, "Resent-From")) from = h.raw_value;
    if (sender == nullptr && EqualsNoCase(name, "Resent-Sender")) sender = h.raw_value;
    if (date == nullptr && EqualsNoCase(name, "Resent-Date")) date = h.raw_value;
    if (id == nullptr && EqualsNoCase(name, "Resent-Message-ID")) id = h.raw_value;
  }
  const bool recipients = !resent_to.empty() || !resent_cc.empty() || !resent_bcc.empty();
  if (from == nullptr && sender == nullptr && date == nullptr && id == nullptr && !recipients) {
    return;
  }
  out->resent = true;
  if (recipients) {
    out->to = std::move(resent_to);
    out->cc = std::move(resent_cc);
    out->bcc = std::move(resent_bcc);
  }
  // RFC 5322 section 3.6.6: Resent-From names who re-sent it; a
  // Resent-Sender (required when it names several) the one who acted.
  if (const char* who = from != nullptr ? from : sender) {
    GPtr<InternetAddressList> list(internet_address_list_parse(nullptr, who));
    if (list != nullptr && internet_address_list_length(list.get()) > 0) {
      out->from = AddressListString(list.get());
    }
  }
  if (date != nullptr) {
    if (GDateTime* t = g_mime_utils_header_decode_date(date)) {
      out->date = g_date_time_to_unix(t);
      out->resent_dated = true;
      g_date_time_unref(t);
    }
  }
  if (id != nullptr) {
    char* decoded = g_mime_utils_decode_message_id(id);
    if (decoded != nullptr && *decoded != '\0') {
      out->original_message_id = std::move(out->message_id);
      out->message_id = decoded;
    }
    g_free(decoded);
  }
}

}  // namespace nearmiss::content
