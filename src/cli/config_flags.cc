// The registry of flags bound to configuration keys (config_flags.h).
#include "cli/config_flags.h"

#include <deque>

namespace nearmiss::cli {
namespace {

// A deque: BindingsOf hands out pointers that later bindings must not move.
std::deque<Binding>& Bindings() {
  static std::deque<Binding> bindings;
  return bindings;
}

bool config_read = false;  // SetConfigUsed's second argument

ConfigLocation& Used() {
  static ConfigLocation used;
  return used;
}

}  // namespace

void BindConfig(const std::string& key, const CLI::App& command, CLI::Option* option,
                std::string* text) {
  Bindings().push_back({key, &command, option, text, nullptr, ""});
}

void BindConfig(const std::string& key, const CLI::App& command, CLI::Option* option,
                std::vector<std::string>* list) {
  Bindings().push_back({key, &command, option, nullptr, list, ""});
}

void ApplyConfig(const ConfigFile& file) {
  for (Binding& b : Bindings()) {
    if (!b.command->parsed()) continue;
    if (b.option->count() > 0) {
      b.origin = "flag " + b.option->get_name();
      continue;
    }
    auto entry = file.entries.find(b.key);
    if (entry == file.entries.end()) {
      b.origin = "built-in default";
      continue;
    }
    b.origin = file.path + ":" + std::to_string(entry->second.line);
    if (b.text) *b.text = entry->second.values.front();
    if (b.list) *b.list = entry->second.values;
  }
}

std::vector<const Binding*> BindingsOf(const CLI::App& command) {
  std::vector<const Binding*> out;
  for (const Binding& b : Bindings()) {
    if (b.command == &command) out.push_back(&b);
  }
  return out;
}

std::string& ConfigFlag() {
  static std::string flag;
  return flag;
}

const ConfigLocation& ConfigUsed() { return Used(); }
bool ConfigFileRead() { return config_read; }
void SetConfigUsed(ConfigLocation where, bool was_read) {
  Used() = std::move(where);
  config_read = was_read;
}

}  // namespace nearmiss::cli
