// Reading a policy from TOML (toml++), strictly: an unknown key or a value of
// the wrong type is an error that names FILE:LINE:COLUMN.
#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "nearmiss/policy.h"

namespace nearmiss {
namespace data {
extern const std::string_view kDefaultPolicy;
}

namespace {

std::string Where(std::string_view file, const toml::source_region& at) {
  return std::string(file) + ":" + std::to_string(at.begin.line) + ":" +
         std::to_string(at.begin.column);
}

Status UnknownKeys(const toml::table& table, const std::set<std::string_view>& known,
                   std::string_view file, std::string_view section) {
  for (const auto& [key, node] : table) {
    if (known.count(key.str()) == 0) {
      std::string hint;
      for (std::string_view k : known) hint += hint.empty() ? std::string(k) : ", " + std::string(k);
      return Status::ParseError(Where(file, key.source()) + ": unknown key '" +
                                std::string(key.str()) + "' in " + std::string(section) +
                                " (known keys: " + hint + ")");
    }
  }
  return Status::Ok();
}

Status ReadDomains(const toml::table& table, std::string_view key, std::string_view file,
                   std::vector<DomainItem>& out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::Ok();
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    return Status::ParseError(Where(file, node->source()) + ": '" + std::string(key) +
                              "' must be an array of domain strings");
  }
  for (const toml::node& element : *array) {
    std::string where = Where(file, element.source());
    const auto* text = element.as_string();
    if (text == nullptr) {
      return Status::ParseError(where + ": '" + std::string(key) + "' entries must be strings");
    }
    Result<std::string> domain = NormalizeDomainEntry(text->get());
    if (!domain.ok()) return domain.status().WithContext(where);
    out.push_back({std::move(*domain), std::move(where)});
  }
  return Status::Ok();
}

Status ReadBool(const toml::table& table, std::string_view key, std::string_view file,
                bool& out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::Ok();
  if (!node->is_boolean()) {
    return Status::ParseError(Where(file, node->source()) + ": '" + std::string(key) +
                              "' must be true or false");
  }
  out = node->as_boolean()->get();
  return Status::Ok();
}

Status ReadDomainsSection(const toml::table& t, std::string_view file, std::string_view base_dir,
                          Policy& policy) {
  NM_RETURN_IF_ERROR(UnknownKeys(t,
                                 {"organisation", "protected", "protected_files", "allow", "block",
                                  "use_default_protected", "use_default_providers"},
                                 file, "[domains]"));
  NM_RETURN_IF_ERROR(ReadDomains(t, "organisation", file, policy.organisation));
  NM_RETURN_IF_ERROR(ReadDomains(t, "protected", file, policy.protected_domains));
  NM_RETURN_IF_ERROR(ReadDomains(t, "allow", file, policy.allow));
  NM_RETURN_IF_ERROR(ReadDomains(t, "block", file, policy.block));
  NM_RETURN_IF_ERROR(ReadBool(t, "use_default_protected", file, policy.use_default_protected));
  NM_RETURN_IF_ERROR(ReadBool(t, "use_default_providers", file, policy.use_default_providers));
  if (const toml::node* files = t.get("protected_files")) {
    const toml::array* array = files->as_array();
    if (array == nullptr) {
      return Status::ParseError(Where(file, files->source()) +
                                ": 'protected_files' must be an array of paths");
    }
    for (const toml::node& element : *array) {
      const auto* path = element.as_string();
      if (path == nullptr) {
        return Status::ParseError(Where(file, element.source()) + ": paths must be strings");
      }
      std::filesystem::path p(path->get());
      if (p.is_relative() && !base_dir.empty()) p = std::filesystem::path(base_dir) / p;
      Result<std::vector<DomainItem>> items = ReadDomainListFile(p.string());
      if (!items.ok()) return items.status().WithContext(Where(file, element.source()));
      for (DomainItem& item : *items) policy.protected_domains.push_back(std::move(item));
    }
  }
  return Status::Ok();
}

Status ReadLookalikeSection(const toml::table& t, std::string_view file, Policy& policy) {
  NM_RETURN_IF_ERROR(UnknownKeys(t, {"threshold"}, file, "[lookalike]"));
  if (const toml::node* node = t.get("threshold")) {
    std::optional<double> value = node->value<double>();
    if (!value || *value < 0 || *value > 1) {
      return Status::ParseError(Where(file, node->source()) +
                                ": 'threshold' must be a number from 0 to 1");
    }
    policy.lookalike_threshold = *value;
  }
  return Status::Ok();
}

}  // namespace

Result<Policy> ParsePolicy(std::string_view text, std::string_view name,
                           std::string_view base_dir) {
  toml::parse_result parsed = toml::parse(text, name);
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    return Status::ParseError(Where(name, e.source()) + ": " + std::string(e.description()));
  }
  const toml::table& root = parsed.table();
  NM_RETURN_IF_ERROR(UnknownKeys(root, {"domains", "lookalike"}, name, "the policy"));
  Policy policy;
  policy.source = std::string(name);
  for (std::string_view section : {"domains", "lookalike"}) {
    const toml::node* node = root.get(section);
    if (node == nullptr) continue;
    const toml::table* table = node->as_table();
    if (table == nullptr) {
      return Status::ParseError(Where(name, node->source()) + ": '" + std::string(section) +
                                "' must be a table ([" + std::string(section) + "])");
    }
    NM_RETURN_IF_ERROR(section == "domains" ? ReadDomainsSection(*table, name, base_dir, policy)
                                            : ReadLookalikeSection(*table, name, policy));
  }
  return policy;
}

Result<Policy> LoadPolicyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open policy file");
  std::ostringstream text;
  text << in.rdbuf();
  std::string dir = std::filesystem::path(path).parent_path().string();
  return ParsePolicy(text.str(), path, dir);
}

Result<Policy> DefaultPolicy() {
  return ParsePolicy(data::kDefaultPolicy, "<embedded default policy>", "");
}

}  // namespace nearmiss
