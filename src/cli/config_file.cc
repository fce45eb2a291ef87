// Reading /etc/nearmiss/nearmiss.toml with toml++ (no exceptions: errors
// come back as values and name their place).
#include "cli/config_file.h"

#include <toml++/toml.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "base/toml_error.h"
#include "base/toml_text.h"

namespace nearmiss::cli {
namespace {

// kCount: a positive integer (a TOML integer), kept as its decimal text
// like every other value, so a bound flag takes it as if typed.
enum class Shape { kString, kStringOrList, kCount };

struct KeySpec {
  const char* key;  // dotted
  Shape shape;
};

constexpr KeySpec kKeys[] = {
    {"policy", Shape::kString},        {"store", Shape::kString},
    {"store_password_file", Shape::kString}, {"user", Shape::kString},
    {"spool", Shape::kString},         {"log_format", Shape::kString},
    {"milter.listen", Shape::kStringOrList},
    {"milter.max_connections", Shape::kCount}, {"milter.idle_timeout", Shape::kCount},
    {"milter.max_buffered_bytes", Shape::kCount},
    {"serve.listen", Shape::kString}, {"serve.token_file", Shape::kString},
};
constexpr const char* kSections[] = {"milter", "serve"};

Status ErrorAt(const std::string& name, const toml::source_region& where,
               const std::string& what) {
  return Status::InvalidArgument(name + ":" + std::to_string(where.begin.line) + ":" +
                                 std::to_string(where.begin.column) + ": " + what);
}

const KeySpec* FindKey(const std::string& dotted) {
  for (const KeySpec& k : kKeys) {
    if (dotted == k.key) return &k;
  }
  return nullptr;
}

std::string KnownKeys() {
  std::string out;
  for (const KeySpec& k : kKeys) out += (out.empty() ? "" : ", ") + std::string(k.key);
  return out;
}

// One value of `spec`'s shape at `node`, appended to `entry`.
Status ReadValue(const std::string& name, const std::string& dotted, const KeySpec& spec,
                 const toml::node& node, ConfigEntry* entry) {
  if (spec.shape == Shape::kCount) {
    const toml::value<int64_t>* n = node.as_integer();
    if (n == nullptr || n->get() <= 0) {
      return ErrorAt(name, node.source(), dotted + " must be a positive integer");
    }
    entry->values.push_back(std::to_string(n->get()));
    return Status::Ok();
  }
  if (const toml::value<std::string>* s = node.as_string()) {
    entry->values.push_back(s->get());
  } else if (const toml::array* list = node.as_array(); list && spec.shape == Shape::kStringOrList) {
    for (const toml::node& item : *list) {
      const toml::value<std::string>* s = item.as_string();
      if (s == nullptr) return ErrorAt(name, item.source(), dotted + ": each item must be a string");
      entry->values.push_back(s->get());
    }
    if (entry->values.empty()) return ErrorAt(name, node.source(), dotted + ": the list is empty");
  } else {
    return ErrorAt(name, node.source(),
                   dotted + (spec.shape == Shape::kString ? " must be a string"
                                                          : " must be a string or a list of strings"));
  }
  if (dotted == "log_format" && entry->values[0] != "text" && entry->values[0] != "json") {
    return ErrorAt(name, node.source(), "log_format must be \"text\" or \"json\", not \"" +
                                            entry->values[0] + "\"");
  }
  for (const std::string& v : entry->values) {
    if (v.empty()) return ErrorAt(name, node.source(), dotted + " is empty");
  }
  return Status::Ok();
}

}  // namespace

ConfigLocation LocateConfig(const std::string& flag, const char* env) {
  if (!flag.empty()) return {flag, "flag --config", true};
  if (env != nullptr && *env != '\0') return {env, "env NEARMISS_CONFIG", true};
  return {kDefaultConfigPath, "built-in default", false};
}

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const KeySpec& k : kKeys) out.emplace_back(k.key);
    return out;
  }();
  return keys;
}

Result<ConfigFile> ParseConfig(std::string_view text, const std::string& name) {
  // What toml++ 3.3.0 would meet with undefined behaviour (base/toml_text.h).
  if (std::optional<TomlTextProblem> p = FindTomlTextProblem(text)) {
    return Status::InvalidArgument(name + ":" + std::to_string(p->line) + ":" +
                                   std::to_string(p->column) + ": " + p->message);
  }
  toml::parse_result parsed = toml::parse(text, name);
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    return ErrorAt(name, e.source(), TomlErrorText(text, e.source().begin.line, e.description()));
  }
  ConfigFile file;
  file.path = name;
  Status status = Status::Ok();
  auto read = [&](const std::string& dotted, const toml::node& node) -> Status {
    const KeySpec* spec = FindKey(dotted);
    if (spec == nullptr) {
      return ErrorAt(name, node.source(),
                     "unknown key '" + dotted + "' (known: " + KnownKeys() + ")");
    }
    ConfigEntry entry;
    entry.line = static_cast<int>(node.source().begin.line);
    NM_RETURN_IF_ERROR(ReadValue(name, dotted, *spec, node, &entry));
    file.entries[dotted] = std::move(entry);
    return Status::Ok();
  };
  for (const auto& [key, node] : parsed.table()) {
    std::string k(key.str());
    bool section = false;
    for (const char* s : kSections) section = section || k == s;
    if (section) {
      const toml::table* t = node.as_table();
      if (t == nullptr) return ErrorAt(name, node.source(), k + " must be a table: [" + k + "]");
      for (const auto& [sub, value] : *t) {
        NM_RETURN_IF_ERROR(read(k + "." + std::string(sub.str()), value));
      }
    } else {
      NM_RETURN_IF_ERROR(read(k, node));
    }
  }
  return file;
}

Result<ConfigFile> LoadConfig(const ConfigLocation& where) {
  if (where.path.empty()) return ConfigFile{};
  std::error_code ec;
  if (!where.required && !std::filesystem::exists(where.path, ec) && !ec) return ConfigFile{};
  std::ifstream in(where.path, std::ios::binary);
  if (!in) {
    return Status::IoError(where.path + ": cannot read the configuration file (" +
                           where.origin + "): " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError(where.path + ": cannot read the configuration file");
  return ParseConfig(text.str(), where.path);
}

}  // namespace nearmiss::cli
