// Reading a policy from TOML (toml++ without exceptions), strictly: an unknown
// key, a value of the wrong type or a rule that cannot match is an error that
// names FILE:LINE:COLUMN. One pass collects every error; ParsePolicy refuses
// the policy when there is any, LintPolicy lists them.
#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <tuple>
#include <fstream>
#include <optional>
#include <sstream>

#include "base/toml_error.h"
#include "base/toml_text.h"
#include "nearmiss/policy.h"
#include "policy/parse_context.h"
#include "policy/sections.h"

namespace nearmiss {
namespace data {
extern const std::string_view kDefaultPolicy;
}

namespace {

constexpr std::string_view kEmbeddedName = "<embedded default policy>";

const toml::table* SectionTable(policy::Context& ctx, const toml::table& root,
                                std::string_view name) {
  const toml::node* node = root.get(name);
  if (node == nullptr) return nullptr;
  if (const toml::table* t = node->as_table()) return t;
  std::string hint = "write it as a section: [";  // appended: GCC bug 105329
  hint += name;
  hint += ']';
  ctx.Error(node->source(), policy::Quoted(name) + " must be a table", std::move(hint));
  return nullptr;
}

Policy Parse(std::string_view text, std::string_view name, std::string_view base_dir,
             std::vector<PolicyError>* errors);

const std::vector<Rule>& DefaultRules() {
  static const std::vector<Rule> rules = [] {
    std::vector<PolicyError> errors;
    return Parse(data::kDefaultPolicy, kEmbeddedName, "", &errors).rules;
  }();
  return rules;
}

// Errors in reading order: the policy's own by line and column, then those
// in list files it names (in the order found).
void SortByPlace(std::string_view file, std::vector<PolicyError>& errors) {
  auto key = [&](const PolicyError& e) -> std::tuple<int, long, long> {
    std::string_view w = e.where;
    if (!w.starts_with(file) || w.size() <= file.size() || w[file.size()] != ':') {
      return {1, 0, 0};
    }
    w.remove_prefix(file.size() + 1);
    long line = std::strtol(std::string(w).c_str(), nullptr, 10);
    size_t colon = w.find(':');
    long column = colon == std::string_view::npos
                      ? 0
                      : std::strtol(std::string(w.substr(colon + 1)).c_str(), nullptr, 10);
    return {0, line, column};
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const PolicyError& a, const PolicyError& b) { return key(a) < key(b); });
}

Policy Parse(std::string_view text, std::string_view name, std::string_view base_dir,
             std::vector<PolicyError>* errors) {
  policy::Context ctx(name, base_dir, errors);
  ctx.set_text(text);
  Policy policy;
  policy.source = std::string(name);
  // What toml++ 3.3.0 would meet with undefined behaviour (base/toml_text.h).
  if (std::optional<TomlTextProblem> p = FindTomlTextProblem(text)) {
    ctx.ErrorAt(std::string(name) + ":" + std::to_string(p->line) + ":" +
                    std::to_string(p->column),
                p->message, "TOML syntax: https://toml.io/en/v1.0.0");
    return policy;
  }
  toml::parse_result parsed = toml::parse(text, name);
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    ctx.Error(e.source(), TomlErrorText(text, e.source().begin.line, e.description()),
              "TOML syntax: https://toml.io/en/v1.0.0");
    return policy;
  }
  const toml::table& root = parsed.table();
  policy::CheckKeys(ctx, root, "");
  using Reader = void (*)(policy::Context&, const toml::table&, Policy&);
  // Senders come before rules: rules name sender groups.
  const std::pair<std::string_view, Reader> sections[] = {
      {"domains", policy::ReadDomainsSection},   {"lookalike", policy::ReadLookalikeSection},
      {"senders", policy::ReadSendersSection},   {"sensitivity", policy::ReadSensitivitySection},
      {"defaults", policy::ReadDefaultsSection}, {"limits", policy::ReadLimitsSection},
      {"api", policy::ReadApiSection},
      {"history", policy::ReadHistorySection},
      {"delivery", policy::ReadDeliverySection},
      {"confirm", policy::ReadConfirmSection},
      {"dns", policy::ReadDnsSection},
  };
  for (const auto& [section, read] : sections) {
    if (const toml::table* t = SectionTable(ctx, root, section)) read(ctx, *t, policy);
  }
  std::vector<bool> broken;
  if (const toml::node* rules = root.get("rule")) {
    broken = policy::ReadRules(ctx, *rules, policy);
  } else if (name != kEmbeddedName) {
    // A policy without rules keeps the default ones: a file that only lists
    // domains must not silently stop refusing look-alikes. To accept
    // everything, say so with one rule.
    policy.rules = DefaultRules();
  }
  policy::CheckPolicy(ctx, policy, broken);
  SortByPlace(name, *errors);
  return policy;
}

Result<std::string> ReadPolicyText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open policy file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return text.str();
}

std::string DirOf(const std::string& path) {
  return std::filesystem::path(path).parent_path().string();
}

}  // namespace

std::string PolicyError::ToString() const {
  std::string out = where + ": " + what;
  if (!hint.empty()) out += "\n  hint: " + hint;
  return out;
}

Result<Policy> ParsePolicy(std::string_view text, std::string_view name,
                           std::string_view base_dir) {
  std::vector<PolicyError> errors;
  Policy policy = Parse(text, name, base_dir, &errors);
  if (errors.empty()) return policy;
  std::string message;
  for (const PolicyError& e : errors) {
    if (!message.empty()) message += '\n';
    message += e.ToString();
  }
  return Status::ParseError(std::move(message));
}

std::vector<PolicyError> LintPolicy(std::string_view text, std::string_view name,
                                    std::string_view base_dir) {
  std::vector<PolicyError> errors;
  Parse(text, name, base_dir, &errors);
  return errors;
}

std::vector<PolicyError> LintPolicyFile(const std::string& path) {
  Result<std::string> text = ReadPolicyText(path);
  if (!text.ok()) return {{path, "cannot open policy file", "check the path and permissions"}};
  return LintPolicy(*text, path, DirOf(path));
}

Result<Policy> LoadPolicyFile(const std::string& path) {
  NM_ASSIGN_OR_RETURN(std::string text, ReadPolicyText(path));
  return ParsePolicy(text, path, DirOf(path));
}

std::string_view DefaultPolicyText() { return data::kDefaultPolicy; }

Result<Policy> DefaultPolicy() { return ParsePolicy(data::kDefaultPolicy, kEmbeddedName, ""); }

}  // namespace nearmiss
