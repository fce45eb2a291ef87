#include "render/decision_record.h"

namespace nearmiss::render {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// `key`, or `old`, its name before 2026-11-30.
std::string StrOr(const Json& j, const char* key, const char* old) {
  return j.contains(key) ? Str(j, key) : Str(j, old);
}

}  // namespace

void WriteDecisionRecordJson(const DecisionRecord& r, JsonWriter& w) {
  w.BeginObject();
  w.Key("id").Uint(static_cast<uint64_t>(r.id));
  w.Key("key").String(r.key);
  w.Key("time_ms").Uint(static_cast<uint64_t>(r.time_ms));
  w.Key("source").String(r.source);
  w.Key("queue_id").String(r.queue_id);
  w.Key("sender").String(r.sender);
  w.Key("recipients").BeginArray();
  for (const DecisionRecipient& p : r.recipients) {
    w.BeginObject();
    w.Key("address").String(p.address);
    w.Key("verdict").String(p.verdict);
    w.Key("action").String(p.action);
    w.Key("reasons").StringArray(p.reasons);
    if (!p.target.empty()) w.Key("target").String(p.target);
    if (!p.suggestion.empty()) w.Key("suggestion").String(p.suggestion);
    if (p.acknowledged_by != 0) {
      w.Key("acknowledged_by").Uint(static_cast<uint64_t>(p.acknowledged_by));
      w.Key("acknowledgement").BeginObject();
      w.Key("who").String(p.acknowledgement.who);
      w.Key("path").String(p.acknowledgement.path);
      w.Key("made_at").Uint(static_cast<uint64_t>(p.acknowledgement.made_at));
      w.Key("scope").String(p.acknowledgement.scope);
      w.EndObject();
      w.Key("settled_rule").String(p.settled_rule);
      w.Key("rule_action").String(p.rule_action);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("level").String(r.level);
  w.Key("action").String(r.action);
  w.Key("rule").String(r.rule);
  w.Key("message_id").String(r.message_id);
  w.Key("digest").String(r.digest);
  w.EndObject();
}

nlohmann::ordered_json DecisionRecordToJson(const DecisionRecord& record) {
  std::string text;
  JsonWriter w(&text);
  WriteDecisionRecordJson(record, w);
  return ParseWritten(text);
}

bool DecisionRecordFromJson(std::string_view line, DecisionRecord* out) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  DecisionRecord r;
  r.key = Str(j, "key");
  if (r.key.empty()) return false;
  auto time = j.contains("time_ms") ? j.find("time_ms") : j.find("time");
  if (time == j.end() || !time->is_number_integer()) return false;
  r.time_ms = time->get<int64_t>();
  if (auto id = j.find("id"); id != j.end() && id->is_number_integer()) r.id = id->get<int64_t>();
  r.source = Str(j, "source");
  r.queue_id = Str(j, "queue_id");
  r.sender = Str(j, "sender");
  r.level = Str(j, "level");
  r.action = Str(j, "action");
  r.rule = Str(j, "rule");
  r.message_id = Str(j, "message_id");
  r.digest = Str(j, "digest");
  if (auto rc = j.find("recipients"); rc != j.end() && rc->is_array()) {
    for (const Json& x : *rc) {
      if (!x.is_object()) return false;
      DecisionRecipient p;
      p.address = Str(x, "address");
      p.verdict = StrOr(x, "verdict", "class");
      p.action = Str(x, "action");
      if (auto rs = x.find("reasons"); rs != x.end() && rs->is_array()) {
        for (const Json& code : *rs) {
          if (code.is_string()) p.reasons.push_back(code.get<std::string>());
        }
      }
      p.target = Str(x, "target");
      p.suggestion = Str(x, "suggestion");
      if (auto by = x.find("acknowledged_by"); by != x.end() && by->is_number_integer()) {
        p.acknowledged_by = by->get<int64_t>();
        if (auto a = x.find("acknowledgement"); a != x.end() && a->is_object()) {
          p.acknowledgement.who = Str(*a, "who");
          p.acknowledgement.path = Str(*a, "path");
          if (auto at = a->find("made_at"); at != a->end() && at->is_number_integer()) {
            p.acknowledgement.made_at = at->get<int64_t>();
          }
          p.acknowledgement.scope = Str(*a, "scope");
        }
        p.settled_rule = Str(x, "settled_rule");
        p.rule_action = Str(x, "rule_action");
      }
      r.recipients.push_back(std::move(p));
    }
  }
  *out = std::move(r);
  return true;
}

}  // namespace nearmiss::render
