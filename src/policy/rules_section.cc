// [[rule]]: ordered rules, the first whose conditions all hold fires.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "policy/sections.h"
#include "policy/template.h"

namespace nearmiss::policy {
namespace {

const std::vector<std::string>& VerdictNames() {
  static const std::vector<std::string> kNames = {"trusted", "external", "lookalike", "blocked",
                                                  "invalid"};
  return kNames;
}

const std::vector<std::string>& ActionNames() {
  static const std::vector<std::string> kNames = {"accept", "tag",
                                                  "warn",   "confirm", "hold",
                                                  "remove-recipient", "reject"};
  return kNames;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& known,
                       std::string_view what) {
  if (auto near = Closest(word, known)) return "did you mean '" + *near + "'?";
  return std::string(what) + ": " + Join(known);
}

bool IsSmtpCode(std::string_view s) {
  // "550", "550 5.7.1": a 4xx or 5xx reply with an optional enhanced code.
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (s.size() < 3 || (s[0] != '4' && s[0] != '5') || !digit(s[1]) || !digit(s[2])) return false;
  if (s.size() == 3) return true;
  std::string_view e = s.substr(3);
  if (e.size() < 6 || e[0] != ' ' || e[1] != s[0] || e[2] != '.') return false;
  int dots = 0;
  bool prev_digit = false;
  for (char c : e.substr(3)) {
    if (c == '.') {
      if (!prev_digit) return false;
      ++dots, prev_digit = false;
    } else if (digit(c)) {
      prev_digit = true;
    } else {
      return false;
    }
  }
  return dots == 1 && prev_digit;
}

void ReadMessage(Context& ctx, const toml::table& t, Rule& rule) {
  std::optional<std::string> message = GetString(ctx, t, "message");
  if (!message) return;
  if (auto problem = ValidateTemplate(*message)) {
    toml::source_region at = t.get("message")->source();
    // +1 for the opening quote; exact for strings without escapes.
    at.begin.column += static_cast<toml::source_index>(1 + problem->offset);
    ctx.Error(at, problem->what + " in the message of rule '" + rule.name + "'",
              "fields: {recipient} {suggestion} {suggestions} {also_suggestion} {target} {reason} "
              "{level} {marked}; {{ and }} for braces");
    return;
  }
  rule.message = std::move(*message);
}

// A list condition over a closed vocabulary ("reason", "finding"): unknown
// names are errors with the closest known one; an empty list never matches.
void ReadNames(Context& ctx, const toml::table& t, std::string_view key,
               const std::vector<std::string>& known, std::string_view what,
               const Rule& rule, std::vector<std::string>& out) {
  std::optional<std::vector<Located>> names = GetStrings(ctx, t, key);
  if (!names) return;
  for (const Located& n : *names) {
    if (std::find(known.begin(), known.end(), n.value) == known.end()) {
      ctx.Error(n.at, "unknown " + std::string(what) + " '" + n.value + "'",
                DidYouMean(n.value, known, std::string(what) + "s"));
      continue;
    }
    out.push_back(n.value);
  }
  if (names->empty()) {
    ctx.Error(t.get(key)->source(),
              "rule '" + rule.name + "' can never match: '" + std::string(key) + "' is empty",
              "leave '" + std::string(key) + "' out to match any " + std::string(key));
  }
}

const std::vector<std::string>& AddressTypoKindNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> out;
    for (int i = 0; i < kAddressTypoKindCount; ++i) {
      out.emplace_back(AddressTypoKindName(static_cast<AddressTypoKind>(i)));
    }
    return out;
  }();
  return kNames;
}

// `address_typo_score_at_least`: the engine's confidence, 0 to 1, compared
// in the hundredths the engine gives it (verdict.h AddressTypo::score), so
// a third decimal would promise a precision no score has.
std::optional<double> GetTypoScore(Context& ctx, const toml::table& t, std::string_view key) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  const std::string what = Quoted(key) + " must be a number from 0 to 1, in hundredths";
  std::optional<double> value = node->value<double>();  // an integer 0 or 1 too
  if (!value || node->is_boolean()) {
    ctx.Error(node->source(), what, "write a number without quotes: " + std::string(key) + " = 0.8");
    return std::nullopt;
  }
  if (!(*value >= 0 && *value <= 1)) {
    ctx.Error(node->source(), what,
              "scores run from 0 to 1: 0.95 a display name that is the frequent address, 0.8 one "
              "edit, 0.5 another family name");
    return std::nullopt;
  }
  // Judged as written: 0.30000000000000004 (a float printed with all its
  // digits by a generator) is within 1e-6 of 0.3 but promises a precision
  // no score has; the reader deserves to see 0.3.
  const std::string_view literal = ctx.Literal(node->source());
  if ((!literal.empty() && DecimalPlaces(literal) > 2) ||
      std::abs(*value * 100 - std::round(*value * 100)) > 1e-6) {
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.2f", std::round(*value * 100) / 100);
    ctx.Error(node->source(),
              what + " (written " +
                  (literal.empty() ? std::string("with more decimals") : std::string(literal)) +
                  ")",
              "scores are given in hundredths: write " + std::string(shown));
    return std::nullopt;
  }
  const double score = std::round(*value * 100) / 100;
  if (score > kAddressTypoScoreMax) {
    char top[16];
    std::snprintf(top, sizeof top, "%.2f", kAddressTypoScoreMax);
    ctx.Error(node->source(),
              Quoted(key) + " can never be met: no address-typo finding scores above " + top,
              std::string("the highest scores: ") + top +
                  " a display name that is the frequent address or a homoglyph, 0.9 ASCII "
                  "look-alike letters; write at most " + top);
    return std::nullopt;
  }
  return score;
}

Rule ReadRule(Context& ctx, const toml::table& t, int index, const Policy& policy) {
  CheckKeys(ctx, t, "rule");
  Rule rule;
  rule.where = ctx.Where(t.source());
  rule.name = GetString(ctx, t, "name").value_or("rule " + std::to_string(index));
  if (auto classes = GetStrings(ctx, t, "recipient")) {
    for (const Located& c : *classes) {
      auto it = std::find(VerdictNames().begin(), VerdictNames().end(), c.value);
      if (it == VerdictNames().end()) {
        ctx.Error(c.at, "unknown recipient class '" + c.value + "'",
                  DidYouMean(c.value, VerdictNames(), "classes"));
        continue;
      }
      rule.recipient.push_back(static_cast<Verdict>(it - VerdictNames().begin()));
    }
    if (classes->empty()) {
      ctx.Error(t.get("recipient")->source(),
                "rule '" + rule.name + "' can never match: 'recipient' is empty",
                "leave 'recipient' out to match every class");
    }
  }
  ReadNames(ctx, t, "reason", KnownReasonCodes(), "reason code", rule, rule.reasons);
  rule.sensitivity_at_least = GetLevel(ctx, t, "sensitivity_at_least");
  rule.sensitivity_at_most = GetLevel(ctx, t, "sensitivity_at_most");
  // Every message is at least none and at most unknown-label: such a bound
  // is no condition, and the rule, then about the recipient alone, takes
  // the place of earlier rules about the message (docs/policy.md, [[rule]];
  // round 55's tester 13, finding 6: "accept OFFICIAL, hold the rest
  // (sensitivity_at_least = \"none\")" held every message).
  if (rule.sensitivity_at_least == content::Level::kNone) {
    ctx.Error(t.get("sensitivity_at_least")->source(),
              "rule '" + rule.name + "': sensitivity_at_least = \"none\" holds for every message, "
              "so it is no condition",
              "leave it out to match every message, or name the lowest level the rule is for "
              "(\"OFFICIAL\")");
  }
  if (rule.sensitivity_at_most == content::Level::kUnknownLabel) {
    ctx.Error(t.get("sensitivity_at_most")->source(),
              "rule '" + rule.name + "': sensitivity_at_most = \"unknown-label\" holds for every "
              "message, so it is no condition",
              "leave it out to match every message, or name the highest level the rule is for");
  }
  ReadNames(ctx, t, "finding", content::ConditionFindingNames(), "finding", rule,
            rule.findings);
  if (auto groups = GetStrings(ctx, t, "sender_group")) {
    std::vector<std::string> known;
    for (const SenderGroup& g : policy.sender_groups) known.push_back(g.name);
    for (const Located& g : *groups) {
      if (std::find(known.begin(), known.end(), g.value) == known.end()) {
        ctx.Error(g.at, "unknown sender group '" + g.value + "'",
                  known.empty() ? "define it first: [senders." + g.value + "]"
                                : DidYouMean(g.value, known, "groups"));
        continue;
      }
      rule.sender_groups.push_back(g.value);
    }
  }
  constexpr int64_t kMaxCount = 1'000'000;
  auto count = [&](std::string_view key) -> std::optional<int> {
    if (auto v = GetInt(ctx, t, key, 0, kMaxCount)) return static_cast<int>(*v);
    return std::nullopt;
  };
  rule.recipients_at_least = count("recipients_at_least");
  rule.recipients_at_most = count("recipients_at_most");
  rule.external_domains_at_least = count("external_domains_at_least");
  rule.external_domains_at_most = count("external_domains_at_most");
  if (auto targets = GetStrings(ctx, t, "target")) {
    static const std::vector<std::string> kSources = {"organisation", "protected", "allowlist",
                                                      "provider", "learned"};
    for (const Located& s : *targets) {
      auto it = std::find(kSources.begin(), kSources.end(), s.value);
      if (it == kSources.end()) {
        ctx.Error(s.at, "unknown trust source '" + s.value + "'",
                  DidYouMean(s.value, kSources, "sources"));
        continue;
      }
      rule.targets.push_back(static_cast<TrustSource>(it - kSources.begin()));
    }
    if (targets->empty()) {
      ctx.Error(t.get("target")->source(),
                "rule '" + rule.name + "' can never match: 'target' is empty",
                "leave 'target' out to match a look-alike of any trusted domain");
    }
  }
  rule.can_receive = GetBool(ctx, t, "can_receive");
  rule.catch_all = GetBool(ctx, t, "catch_all");
  if (auto kinds = GetStrings(ctx, t, "address_typo_kind")) {
    for (const Located& k : *kinds) {
      if (std::optional<AddressTypoKind> kind = ParseAddressTypoKind(k.value)) {
        rule.address_typo_kinds.push_back(*kind);
        continue;
      }
      ctx.Error(k.at, "unknown address-typo kind '" + k.value + "' in 'address_typo_kind'",
                DidYouMean(k.value, AddressTypoKindNames(), "kinds"));
    }
    // Empty as written: a list of only bad entries has its errors already.
    const toml::array* written = t.get("address_typo_kind")->as_array();
    if (written != nullptr && written->empty()) {
      ctx.Error(t.get("address_typo_kind")->source(),
                "rule '" + rule.name + "' can never match: 'address_typo_kind' is empty",
                "leave 'address_typo_kind' out to match an address typo of any kind");
    }
  }
  rule.address_typo_score_at_least = GetTypoScore(ctx, t, "address_typo_score_at_least");
  rule.acknowledge = GetBool(ctx, t, "acknowledge");
  if (auto action = GetString(ctx, t, "action")) {
    if (std::optional<Action> a = ParseAction(*action)) {
      rule.action = *a;
    } else {
      ctx.Error(t.get("action")->source(), "unknown action '" + *action + "'",
                DidYouMean(*action, ActionNames(), "actions"));
    }
  } else if (!t.contains("action")) {
    ctx.Error(t.source(), "rule '" + rule.name + "' has no 'action'",
              "actions: " + Join(ActionNames()));
  }
  ReadMessage(ctx, t, rule);
  if (auto code = GetString(ctx, t, "smtp_code")) {
    const toml::source_region& at = t.get("smtp_code")->source();
    if (!IsSmtpCode(*code)) {
      ctx.Error(at, "bad SMTP code '" + *code + "'",
                "write a 5xx reply with an enhanced code: \"550 5.7.1\"");
    } else if (rule.action != Action::kReject) {
      ctx.Error(at, "'smtp_code' is only used by action \"reject\"",
                "remove it, or make the action \"reject\"");
    } else {
      rule.smtp_code = std::move(*code);
    }
  }
  return rule;
}

}  // namespace

std::vector<bool> ReadRules(Context& ctx, const toml::node& node, Policy& policy) {
  std::vector<bool> broken;
  const toml::array* array = node.as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    ctx.Error(node.source(), "'rule' must be written as [[rule]] tables",
              "start each rule with a [[rule]] line");
    return broken;
  }
  int index = 0;
  for (const toml::node& element : *array) {
    size_t before = ctx.error_count();
    policy.rules.push_back(ReadRule(ctx, *element.as_table(), ++index, policy));
    broken.push_back(ctx.error_count() != before);
  }
  return broken;
}

bool IsSmtpReplyCode(std::string_view s) { return IsSmtpCode(s); }

}  // namespace nearmiss::policy
