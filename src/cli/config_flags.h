// How a command's flags meet the configuration file: each flag that has a
// key in the file (config_file.h) is bound to it when registered; after
// parsing, a bound flag not given on the command line takes the file's
// value. Each binding remembers where its value came from, for
// `nearmiss config show` and for messages.
//
// Thread safety: bindings are made while commands are registered and
// applied once after parsing, both on main's thread before any command runs.
#ifndef NEARMISS_CLI_CONFIG_FLAGS_H_
#define NEARMISS_CLI_CONFIG_FLAGS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/config_file.h"

namespace nearmiss::cli {

struct Binding {
  std::string key;              // "store", "milter.listen"
  const CLI::App* command;      // the (sub)command the flag is on
  CLI::Option* option;          // the flag; its count() says whether it was given
  std::string* text = nullptr;  // the flag's variable: one of these two
  std::vector<std::string>* list = nullptr;
  std::string origin;           // filled by ApplyConfig
};

// Binds `option` (on `command`) to the file's `key`.
void BindConfig(const std::string& key, const CLI::App& command, CLI::Option* option,
                std::string* text);
void BindConfig(const std::string& key, const CLI::App& command, CLI::Option* option,
                std::vector<std::string>* list);

// For every binding on a command that was parsed: the flag when given
// ("flag --store"), else the file's value ("FILE:LINE"), else what the
// variable held ("built-in default").
void ApplyConfig(const ConfigFile& file);

// The bindings of `command`, after ApplyConfig.
std::vector<const Binding*> BindingsOf(const CLI::App& command);

// The --config value (main registers the flag; `config show` reports it).
std::string& ConfigFlag();
// The configuration file read by main (`config show` prints its path).
const ConfigLocation& ConfigUsed();
// False when the default path was absent (or no file was looked for).
bool ConfigFileRead();
void SetConfigUsed(ConfigLocation where, bool read);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_CONFIG_FLAGS_H_
