// Policy: what the organisation trusts, protects, allows and blocks.
//
// Read from a TOML file or the embedded default (data/policy/default.toml).
// Every domain carries where it came from ("policy.toml:12:5", or
// "protected.txt:3") so later errors and explanations can point at it.
// Errors read "FILE:LINE:COLUMN: what is wrong".
//
// Thread safety: plain values; loading functions may run concurrently.
#ifndef NEARMISS_POLICY_H_
#define NEARMISS_POLICY_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss {

// One domain or namespace from a policy or list file, normalised to lower-
// case ASCII (A-labels): "army.mil", ".mil" (a namespace).
struct DomainItem {
  std::string domain;
  std::string where;  // "FILE:LINE" or "FILE:LINE:COLUMN"
};

struct Policy {
  std::string source;  // file path, or "<embedded default policy>"

  std::vector<DomainItem> organisation;  // the senders' own domains
  std::vector<DomainItem> protected_domains;  // inline plus protected_files
  std::vector<DomainItem> allow;  // trusted even when blocked (partner.ml)
  std::vector<DomainItem> block;  // never deliver (".ml" for .mil senders)
  bool use_default_protected = true;  // add data/lists/protected.txt
  bool use_default_providers = true;  // add data/lists/providers.txt

  double lookalike_threshold = 0.5;  // see LookalikeOptions::threshold
};

// The embedded default policy.
Result<Policy> DefaultPolicy();

// Reads a policy file; list files it names are read relative to it.
Result<Policy> LoadPolicyFile(const std::string& path);

// Parses policy text; `name` is used in messages and `base_dir` resolves
// relative list-file paths.
Result<Policy> ParsePolicy(std::string_view text, std::string_view name,
                           std::string_view base_dir);

// One domain per line, "#" comments, blank lines ignored, a leading "."
// for namespaces. Errors name FILE:LINE.
Result<std::vector<DomainItem>> ReadDomainListFile(const std::string& path);
Result<std::vector<DomainItem>> ParseDomainList(std::string_view text,
                                                std::string_view name);

// Normalises one entry ("Army.MIL.", ".MIL", "*.mod.gov.uk", "аrmy.mil").
Result<std::string> NormalizeDomainEntry(std::string_view entry);

}  // namespace nearmiss

#endif  // NEARMISS_POLICY_H_
