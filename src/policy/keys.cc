// The one table of policy keys. The parser checks every table against it,
// `policy lint` suggests from it, and a test holds docs/policy.md to it.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "policy/parse_context.h"

namespace nearmiss {
namespace {

// Dotted paths in file order; "<group>" stands for a sender group's name.
constexpr std::array<std::string_view, 103> kKeys = {
    "domains.organisation",
    "domains.protected",
    "domains.protected_files",
    "domains.use_default_protected",
    "domains.use_default_providers",
    "domains.allow",
    "domains.block",
    "lookalike.threshold",
    "senders.<group>.addresses",
    "senders.<group>.domains",
    "senders.<group>.files",
    "sensitivity.packs",
    "sensitivity.pack_files",
    "sensitivity.detectors",
    "sensitivity.detector_level",
    "sensitivity.labels",
    "sensitivity.cache_dir",
    "sensitivity.pattern.name",
    "sensitivity.pattern.keywords",
    "sensitivity.pattern.keywords_file",
    "sensitivity.pattern.regex",
    "sensitivity.pattern.level",
    "sensitivity.pattern.case_sensitive",
    "sensitivity.pattern.whole_word",
    "rule.name",
    "rule.recipient",
    "rule.reason",
    "rule.sensitivity_at_least",
    "rule.sensitivity_at_most",
    "rule.finding",
    "rule.sender_group",
    "rule.recipients_at_least",
    "rule.recipients_at_most",
    "rule.external_domains_at_least",
    "rule.external_domains_at_most",
    "rule.target",
    "rule.can_receive",
    "rule.catch_all",
    "rule.address_typo_kind",
    "rule.address_typo_score_at_least",
    "rule.action",
    "rule.acknowledge",
    "rule.message",
    "rule.smtp_code",
    "defaults.action",
    "defaults.on_error",
    "defaults.on_invalid",
    "defaults.smtp_code",
    "defaults.tag_header",
    "limits.max_message_bytes",
    "limits.max_mime_depth",
    "limits.max_parts",
    "limits.max_attachment_bytes",
    "limits.max_total_bytes",
    "limits.max_archive_depth",
    "limits.max_archive_members",
    "limits.max_compression_ratio",
    "limits.max_extraction_ms",
    "limits.max_text_bytes",
    "limits.pictures_unreadable",
    "limits.incomplete_level",
    "api.check_tokens",
    "api.admin_tokens",
    "api.token_file",
    "api.cors_origins",
    "api.allow_send_anyway",
    "api.acknowledge_with_shared_token",
    "history.min_messages",
    "history.min_days",
    "history.flag_new_addresses",
    "history.address_typo",
    "history.address_typo_scope",
    "history.address_typo_min_messages",
    "history.address_typo_min_days",
    "history.recipient_delimiter",
    "history.learn_skip_senders",
    "history.refresh_seconds",
    "history.audit_retention_days",
    "delivery.myhostname",
    "delivery.myorigin",
    "delivery.mydestination",
    "delivery.allow_percent_hack",
    "delivery.swap_bangpath",
    "confirm.notice_from",
    "confirm.link_base",
    "confirm.key_file",
    "confirm.link_hours",
    "confirm.sendmail",
    "confirm.postfix_config",
    "confirm.acknowledgement_days",
    "dns.enabled",
    "dns.servers",
    "dns.timeout_ms",
    "dns.cache_ttl_max",
    "dns.cache_size",
    "dns.catch_all_probe",
    "dns.catch_all_port",
    "dns.catch_all_timeout_ms",
    "dns.catch_all_cache_ttl",
    "dns.catch_all_max_probes",
    "dns.lookup_every_lookalike",
    // Tables that hold only tables have keys of their own too: the names.
    "senders.<group>",
    "sensitivity.pattern",
};

// The keys directly under `section` ("" for the top level).
std::vector<std::string> KeysUnder(std::string_view section) {
  std::vector<std::string> out;
  for (std::string_view path : kKeys) {
    std::string_view rest = path;
    if (!section.empty()) {
      if (!path.starts_with(section) || path.size() <= section.size() ||
          path[section.size()] != '.') {
        continue;
      }
      rest = path.substr(section.size() + 1);
    }
    rest = rest.substr(0, rest.find('.'));
    if (rest == "<group>") continue;
    if (std::find(out.begin(), out.end(), rest) == out.end()) out.emplace_back(rest);
  }
  return out;
}

}  // namespace

std::vector<std::string> PolicyKeyPaths() {
  std::vector<std::string> out;
  for (std::string_view k : kKeys) {
    if (k == "senders.<group>" || k == "sensitivity.pattern") continue;
    out.emplace_back(k);
  }
  return out;
}

const std::vector<std::string>& BuiltinPackNames() {
  static const std::vector<std::string> kNames = {"uk", "us-classified", "us-cui",
                                                  "nato-eu", "au", "labels", "de"};
  return kNames;
}

const std::vector<std::string>& KnownReasonCodes() {
  // Every code a recipient check can carry; "sensitivity" comes from a
  // rule's own condition, so a rule matching on it would match itself.
  static const std::vector<std::string> kCodes = [] {
    std::vector<std::string> out;
    for (int i = 0; i < kReasonCodeCount; ++i) {
      auto code = static_cast<ReasonCode>(i);
      if (code != ReasonCode::kSensitivity) out.emplace_back(ReasonCodeName(code));
    }
    return out;
  }();
  return kCodes;
}

namespace policy {

void CheckKeys(Context& ctx, const toml::table& table, std::string_view section) {
  // "senders.executives" is checked against "senders.<group>".
  std::string key_section(section);
  if (section.starts_with("senders.")) key_section = "senders.<group>";
  std::vector<std::string> known = KeysUnder(key_section);
  for (const auto& [key, node] : table) {
    std::string_view k = key.str();
    if (std::find(known.begin(), known.end(), k) != known.end()) continue;
    std::string where = "the policy";
    if (!section.empty()) {
      where = "[";  // appended, not "[" + string&&: GCC bug 105329
      where += section;
      where += ']';
    }
    std::string hint;
    if (std::optional<std::string> near = Closest(k, known)) {
      hint = "did you mean '" + *near + "'?";
    } else {
      hint = "known keys here: ";
      for (size_t i = 0; i < known.size(); ++i) hint += (i ? ", " : "") + known[i];
    }
    ctx.Error(key.source(), "unknown key '" + std::string(k) + "' in " + where,
              std::move(hint));
  }
}

}  // namespace policy
}  // namespace nearmiss
