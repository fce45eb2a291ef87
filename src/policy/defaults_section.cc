// [defaults] (no rule matched, internal errors, reject codes) and [limits]
// (content::ContentLimits).
#include "policy/sections.h"

namespace nearmiss::policy {

void ReadDefaultsSection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "defaults");
  PolicyDefaults& d = policy.defaults;
  if (auto action = GetString(ctx, t, "action")) {
    if (std::optional<Action> a = ParseAction(*action)) {
      d.action = *a;
      d.action_where = ctx.Where(t.get("action")->source());
    } else {
      ctx.Error(t.get("action")->source(), "unknown action '" + *action + "'",
                "actions: accept, tag, warn, hold, remove-recipient, reject");
    }
  }
  if (auto mode = GetString(ctx, t, "on_error")) {
    if (*mode == "tempfail") {
      d.on_error = FailMode::kTempfail;
    } else if (*mode == "accept") {
      d.on_error = FailMode::kAccept;
    } else {
      ctx.Error(t.get("on_error")->source(), "unknown fail mode '" + *mode + "'",
                "\"tempfail\" (the MTA retries) or \"accept\" (deliver with the tag header)");
    }
  }
  if (auto mode = GetString(ctx, t, "on_invalid")) {
    const std::pair<std::string_view, std::pair<Action, std::string_view>> kModes[] = {
        {"reject", {Action::kReject, "550 5.1.3"}},
        {"tempfail", {Action::kReject, "450 4.1.3"}},
        {"hold", {Action::kHold, ""}},
        {"accept", {Action::kAccept, ""}},
    };
    bool known = false;
    for (const auto& [name, what] : kModes) {
      if (*mode != name) continue;
      known = true;
      d.on_invalid = what.first;
      d.on_invalid_code = std::string(what.second);
      d.on_invalid_name = std::string(name);
    }
    if (!known) {
      ctx.Error(t.get("on_invalid")->source(), "unknown action '" + *mode + "' for on_invalid",
                "\"reject\" (550), \"tempfail\" (450, the client retries), \"hold\" or "
                "\"accept\"");
    }
  }
  if (auto code = GetString(ctx, t, "smtp_code")) {
    if (IsSmtpReplyCode(*code)) {
      d.smtp_code = *code;
    } else {
      ctx.Error(t.get("smtp_code")->source(), "bad SMTP code '" + *code + "'",
                "write a 5xx reply with an enhanced code: \"550 5.7.1\"");
    }
  }
  if (auto header = GetString(ctx, t, "tag_header")) {
    bool ok = !header->empty();
    for (char c : *header) ok = ok && c > ' ' && c < 127 && c != ':';
    if (ok) {
      d.tag_header = *header;
    } else {
      ctx.Error(t.get("tag_header")->source(), "bad header name '" + *header + "'",
                "printable ASCII without spaces or ':', such as \"X-Nearmiss\"");
    }
  }
}

void ReadLimitsSection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "limits");
  content::ContentLimits& l = policy.limits;
  constexpr int64_t kMaxBytes = int64_t{1} << 40;
  if (auto v = GetInt(ctx, t, "max_message_bytes", 1, kMaxBytes)) l.max_message_bytes = *v;
  if (auto v = GetInt(ctx, t, "max_mime_depth", 1, 10'000)) l.max_mime_depth = int(*v);
  if (auto v = GetInt(ctx, t, "max_parts", 1, 1'000'000)) l.max_parts = int(*v);
  if (auto v = GetInt(ctx, t, "max_attachment_bytes", 1, kMaxBytes)) l.max_attachment_bytes = *v;
  if (auto v = GetInt(ctx, t, "max_total_bytes", 1, kMaxBytes)) l.max_total_bytes = *v;
  if (auto v = GetInt(ctx, t, "max_archive_depth", 1, 100)) l.max_archive_depth = int(*v);
  if (auto v = GetInt(ctx, t, "max_archive_members", 1, 1'000'000)) l.max_archive_members = *v;
  if (auto v = GetInt(ctx, t, "max_compression_ratio", 2, 1'000'000)) {
    l.max_compression_ratio = *v;
  }
  if (auto v = GetInt(ctx, t, "max_extraction_ms", 1, 3'600'000)) {
    l.max_extraction_time = std::chrono::milliseconds(*v);
  }
  if (auto v = GetInt(ctx, t, "max_text_bytes", 1, kMaxBytes)) l.max_text_bytes = *v;
  if (auto b = GetBool(ctx, t, "pictures_unreadable")) l.pictures_unreadable = *b;
  if (auto level = GetLevel(ctx, t, "incomplete_level")) policy.incomplete_level = *level;
}

}  // namespace nearmiss::policy
