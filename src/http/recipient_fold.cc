#include "http/recipient_fold.h"

#include <string>
#include <utility>
#include <vector>

namespace nearmiss::http {
namespace {

using Json = nlohmann::ordered_json;

std::string Text(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string MailboxKey(const Json& j) {
  std::string address = Text(j, "address");
  return address.empty() ? "input:" + Text(j, "input") : "address:" + address;
}

Json Form(const Json& j) { return Json{{"input", Text(j, "input")}, {"field", Text(j, "field")}}; }

}  // namespace

void FoldSameMailbox(Json& recipients) {
  if (!recipients.is_array() || recipients.size() < 2) return;
  Json kept = Json::array();
  // Few recipients per message: a linear search keeps the first's place.
  std::vector<std::string> keys;
  for (Json& j : recipients) {
    const std::string key = MailboxKey(j);
    size_t at = 0;
    while (at < keys.size() &&
           !(keys[at] == key && Text(kept[at], "verdict") == Text(j, "verdict") &&
             Text(kept[at], "action") == Text(j, "action"))) {
      ++at;
    }
    if (at == keys.size()) {
      keys.push_back(key);
      kept.push_back(std::move(j));
      continue;
    }
    Json& first = kept[at];
    if (!first.contains("covers")) first["covers"] = Json::array({Form(first)});
    first["covers"].push_back(Form(j));
  }
  recipients = std::move(kept);
}

}  // namespace nearmiss::http
