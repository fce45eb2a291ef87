// Names of actions, recipient fields and mail paths (decision.h): the words
// of policy files, JSON output and logs.
#include <array>

#include "nearmiss/decision.h"
#include "vocab/name_table.h"

namespace nearmiss {
namespace {
constexpr std::array<std::string_view, 7> kActionNames = {
    "accept", "tag", "warn", "confirm", "hold", "remove-recipient", "reject"};
}  // namespace

std::string_view ActionName(Action action) {
  return kActionNames[static_cast<size_t>(action)];
}

std::optional<Action> ParseAction(std::string_view name) {
  return vocab::ParseByName<Action>(kActionNames, name);
}

std::string_view RecipientFieldName(RecipientField field) {
  switch (field) {
    case RecipientField::kTo: return "to";
    case RecipientField::kCc: return "cc";
    case RecipientField::kBcc: return "bcc";
    case RecipientField::kEnvelope: return "envelope";
  }
  return "envelope";
}

std::string_view MailPathName(MailPath path) {
  switch (path) {
    case MailPath::kSmtp: return "smtp";
    case MailPath::kSendmail: return "sendmail";
    case MailPath::kOffline: return "offline";
  }
  return "offline";
}

}  // namespace nearmiss
