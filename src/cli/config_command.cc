// `nearmiss config show [--json]`: the effective configuration and where
// each value came from (a flag, the environment, FILE:LINE, or the built-in
// default), so an administrator can see what a daemon started with the same
// file and flags would use. It takes the same flags as the commands, so
// `config show --store X` shows the override. Secrets are never printed: a
// password in the store URL shows as ***, the store password only as its
// source.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/log.h"
#include "cli/commands.h"
#include "cli/config_flags.h"

namespace nearmiss::cli {
namespace {

struct ConfigShowFlags {
  bool json = false;
  PolicyFlags policy;  // policy, store, store_password_file
  std::string user, spool, log_format = "text";
  std::vector<std::string> milter_listen;
  std::string serve_listen = "127.0.0.1:8025", token_file;
};

// What an unset value means, in the words of each command's --help.
std::string Unset(const std::string& key) {
  if (key == "policy") return "(the embedded default policy)";
  if (key == "store") return "(none: no history, no audit log)";
  if (key == "user") return "(none: stays who started it)";
  if (key == "spool") return "(default: --spool in milter --help)";
  if (key == "milter.listen") return "(none: milter needs one)";
  if (key == "serve.token_file") return "(none: an admin token per run)";
  return "(none)";
}

struct Row {
  std::string key;
  nlohmann::ordered_json value;  // string, list of strings, or null when unset
  std::string origin;
};

std::string Text(const Row& row) {
  if (row.value.is_null()) return Unset(row.key);
  if (row.value.is_string()) return row.value.get<std::string>();
  std::string out;
  for (const auto& v : row.value) out += (out.empty() ? "" : " ") + v.get<std::string>();
  return out;
}

int RunConfigShow(const ConfigShowFlags& flags, const CLI::App& cmd) {
  std::vector<Row> rows;
  for (const std::string& key : ConfigKeys()) {
    for (const Binding* b : BindingsOf(cmd)) {
      if (b->key != key) continue;
      Row row{key, nullptr, b->origin};
      if (b->text && !b->text->empty()) {
        row.value = key == "store" ? StoreDisplayName(*b->text) : *b->text;
      } else if (b->list && !b->list->empty()) {
        row.value = *b->list;
      }
      rows.push_back(std::move(row));
    }
  }
  // The store every command would use, and why (ChooseStore).
  StoreChoice used = ChooseStore(flags.policy.store_url, /*create=*/false);
  rows.push_back({"store_used", used.url.empty() ? nlohmann::ordered_json(nullptr)
                                   : nlohmann::ordered_json(StoreDisplayName(used.url)),
                  used.origin});
  // The password's source, never its value.
  int rc = kExitClean;
  Row password{"store_password", nullptr, ""};
  if (used.url.empty()) {
    password.origin = "no store";
  } else if (!IsPostgresStoreUrl(used.url)) {
    password.value = "(not used by a SQLite store)";
    password.origin = "store";
  } else if (Result<PasswordSource> p = flags.policy.store_password.Resolve(); !p.ok()) {
    password.value = "error: " + p.error().message();
    password.origin = "store_password_file";
    rc = kExitError;
  } else {
    password.value = p->password.empty() ? "(left to libpq)" : "(set)";
    password.origin = p->origin;
    if (StoreUrlHasPassword(flags.policy.store_url)) {
      password.value = "(in the store URL)";
      password.origin = "store";
    }
  }
  rows.push_back(std::move(password));

  const ConfigLocation& where = ConfigUsed();
  if (flags.json) {
    nlohmann::ordered_json j;
    j["config_file"] = {{"path", where.path},
                        {"origin", where.origin},
                        {"read", !where.path.empty() && ConfigFileRead()}};
    j["settings"] = nlohmann::ordered_json::array();
    for (const Row& r : rows) {
      j["settings"].push_back({{"key", r.key}, {"value", r.value}, {"origin", r.origin}});
    }
    std::printf("%s\n", j.dump(2).c_str());
    return rc;
  }
  std::printf("configuration file: %s (%s%s)\n", where.path.c_str(), where.origin.c_str(),
              !ConfigFileRead() ? "; absent, so not read" : "");
  for (const Row& r : rows) {
    std::printf("%-20s %-40s %s\n", r.key.c_str(), Text(r).c_str(), r.origin.c_str());
  }
  return rc;
}

}  // namespace

void AddConfigCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<ConfigShowFlags>();
  CLI::App* cmd = app.add_subcommand("config", "Show the configuration every command uses");
  cmd->require_subcommand(1);
  CLI::App* show = cmd->add_subcommand(
      "show", "Print the effective configuration and where each value came from");
  show->footer("The file is --config FILE, else $NEARMISS_CONFIG, else " +
               std::string(kDefaultConfigPath) +
               " (may be absent). A flag given here overrides the file as it would on "
               "milter or serve. Keys and their flags: docs/deployment.md.");
  show->add_flag("--json", flags->json, "Print JSON (stable keys) instead of text");
  flags->policy.Register(*show, /*with_protect_file=*/false);
  BindConfig("user", *show, show->add_option("--user", flags->user, "As milter and serve take it"),
             &flags->user);
  BindConfig("spool", *show, show->add_option("--spool", flags->spool, "As milter and serve take it"),
             &flags->spool);
  BindConfig("log_format", *show,
             show->add_option("--log-format", flags->log_format, "text or json")
                 ->check(CLI::IsMember({"text", "json"})),
             &flags->log_format);
  BindConfig("milter.listen", *show,
             show->add_option("--milter-listen", flags->milter_listen, "As milter --listen"),
             &flags->milter_listen);
  BindConfig("serve.listen", *show,
             show->add_option("--serve-listen", flags->serve_listen, "As serve --listen"),
             &flags->serve_listen);
  BindConfig("serve.token_file", *show,
             show->add_option("--token-file", flags->token_file, "As serve --token-file"),
             &flags->token_file);
  show->callback([&run, flags, show] { run = [flags, show] { return RunConfigShow(*flags, *show); }; });
}

}  // namespace nearmiss::cli
