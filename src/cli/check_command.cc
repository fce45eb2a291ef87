// `nearmiss check [--policy FILE] [--protect-file FILE] [--json] [ADDRESS ...]`
#include <array>
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/dns_flags.h"
#include "dns/add_facts.h"
#include "render/render.h"
#include "nearmiss/address.h"

namespace nearmiss::cli {

using render::CheckToJson;
using render::CheckToLine;
using render::Terminal;
using render::Colour;
namespace {

struct CheckFlags {
  PolicyFlags policy;
  DnsFlags dns;
  bool json = false;
  std::vector<std::string> addresses;
};

class CheckRun {
 public:
  CheckRun(const Engine& engine, DnsSource* dns, bool json)
      : engine_(engine), dns_(dns), json_(json), term_(stdout) {}

  void Check(std::string_view input) {
    RecipientCheck c = engine_.CheckRecipient(input);
    if (dns_ != nullptr) dns::AddDnsFacts(*dns_, &c);
    ++counts_[c.verdict];
    if (c.verdict == Verdict::kLookalike || c.verdict == Verdict::kBlocked ||
        c.verdict == Verdict::kInvalid) {
      flagged_ = true;
    }
    out_ += json_ ? CheckToJson(c).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  : CheckToLine(c, term_);
    out_ += '\n';
    // Batch writes; a TTY sees each line as it is decided.
    if (out_.size() > (1 << 16) || term_.tty()) Flush();
  }

  int Finish() {
    size_t total = 0;
    for (const auto& [verdict, n] : counts_) total += n;
    if (!json_ && total > 1) {
      std::string summary = std::to_string(total) + " checked:";
      const char* sep = " ";
      for (const auto& [verdict, n] : counts_) {
        summary += sep + std::to_string(n) + " " + std::string(VerdictName(verdict));
        sep = ", ";
      }
      out_ += term_.Paint(Colour::kDim, summary) + "\n";
    }
    Flush();
    return flagged_ ? kExitFlagged : kExitClean;
  }

 private:
  void Flush() {
    std::fwrite(out_.data(), 1, out_.size(), stdout);
    std::fflush(stdout);
    out_.clear();
  }

  const Engine& engine_;
  DnsSource* dns_;  // null: DNS signals off
  bool json_;
  Terminal term_;
  std::string out_;
  std::map<Verdict, size_t> counts_;
  bool flagged_ = false;
};

int RunCheck(const CheckFlags& flags) {
  std::shared_ptr<const Engine> engine = LoadEngine(flags.policy);
  if (!engine) return kExitError;
  Result<std::unique_ptr<dns::Resolver>> resolver = OpenResolver(flags.dns, engine->policy().dns);
  if (!resolver.ok()) {
    std::fprintf(stderr, "nearmiss: error: %s\n", resolver.status().message().c_str());
    return kExitError;
  }
  CheckRun run(*engine, resolver->get(), flags.json);
  if (!flags.addresses.empty()) {
    for (const std::string& arg : flags.addresses) {
      std::vector<std::string> pieces = SplitAddressList(arg);
      if (pieces.empty()) run.Check(arg);  // reported as invalid: empty
      for (const std::string& piece : pieces) run.Check(piece);
    }
    return run.Finish();
  }
  // A line holding a pasted list is split, so "bob@army.ml, carol@army.mil"
  // is not judged as one address on its last '@'; a single address is
  // judged as written.
  auto check = [&run](const std::string& line) {
    // Most lines hold one plain address: skip the splitter for them. A
    // blank counts, as Postfix reads "a@x b@y" as two addresses.
    if (line.find_first_of(",;? \t") == std::string::npos) return run.Check(line);
    std::vector<std::string> pieces = SplitAddressList(line);
    if (pieces.size() <= 1) return run.Check(line);
    for (const std::string& piece : pieces) run.Check(piece);
  };
  // One line at a time, streamed: memory stays flat for any input size.
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    check(line);
  }
  return run.Finish();
}

}  // namespace

void AddCheckCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Check recipient addresses for look-alike domains");
  cmd->footer(
      "Addresses come from the arguments or from stdin, one per line; an argument or a line "
      "may be a comma- or semicolon-separated list.\n"
      "Exit status: 0 nothing flagged; 1 a lookalike, blocked or invalid address; 2 usage "
      "or configuration error.");
  flags->policy.Register(*cmd, /*with_protect_file=*/true);
  flags->dns.Register(*cmd);
  cmd->add_flag("--json", flags->json, "One JSON object per input (JSON Lines)");
  cmd->add_option("addresses", flags->addresses, "Addresses to check");
  cmd->callback([&run, flags] { run = [flags] { return RunCheck(*flags); }; });
}

}  // namespace nearmiss::cli
