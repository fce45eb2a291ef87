// Shared machinery of the policy parser: where a node is, how an error is
// reported, and typed getters that report a wrong type and carry on, so one
// pass finds every problem (LintPolicy) instead of stopping at the first.
#ifndef NEARMISS_POLICY_PARSE_CONTEXT_H_
#define NEARMISS_POLICY_PARSE_CONTEXT_H_

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/policy.h"

namespace nearmiss::policy {

class Context {
 public:
  Context(std::string_view file, std::string_view base_dir,
          std::vector<PolicyError>* errors)
      : file_(file), base_dir_(base_dir), errors_(errors) {}

  std::string_view file() const { return file_; }
  // "FILE:LINE:COLUMN".
  std::string Where(const toml::source_region& at) const;
  void Error(const toml::source_region& at, std::string what,
             std::string hint = {});
  void ErrorAt(std::string where, std::string what, std::string hint = {});
  // A path from the policy, relative to the policy file's directory.
  std::string Resolve(std::string_view path) const;
  size_t error_count() const { return errors_->size(); }
  // The document parsed, for reading a value as written (Literal).
  void set_text(std::string_view text) { text_ = text; }
  // The token at `at` as the file writes it (a number's digits: toml++
  // keeps only the value), up to the first blank, ',', ']', '}' or '#'
  // on its line; "" when the text is not known.
  std::string_view Literal(const toml::source_region& at) const;

 private:
  std::string_view text_;
  std::string file_;
  std::string base_dir_;
  std::vector<PolicyError>* errors_;
};

// Decimal places a number is written with ("0.30000000000000004": 17,
// "0.8": 1, "1": 0, "8e-1": counted as written, 1). Exponents are not
// weighed: a policy writes scores plainly.
int DecimalPlaces(std::string_view literal);

struct Located {
  std::string value;
  toml::source_region at;
};

// 'key', as errors quote a key. Appended, not "'" + std::string(key): GCC 12
// at -O3 reports a false -Wrestrict on that operator+ (GCC bug 105329).
std::string Quoted(std::string_view key);

// Reports every key of `table` that the key table (keys.cc) does not list
// under `section` ("domains", "senders.<group>", "rule"), with the closest
// known key as the hint.
void CheckKeys(Context& ctx, const toml::table& table,
               std::string_view section);

// Each getter returns nullopt when the key is absent or has the wrong type
// (after reporting the latter).
std::optional<std::string> GetString(Context& ctx, const toml::table& t,
                                     std::string_view key);
std::optional<bool> GetBool(Context& ctx, const toml::table& t,
                            std::string_view key);
std::optional<int64_t> GetInt(Context& ctx, const toml::table& t,
                              std::string_view key, int64_t min, int64_t max);
// An array of strings; a bare string is refused (it is a common slip for a
// one-element array, and the hint says so).
std::optional<std::vector<Located>> GetStrings(Context& ctx,
                                               const toml::table& t,
                                               std::string_view key);
std::optional<content::Level> GetLevel(Context& ctx, const toml::table& t,
                                       std::string_view key);

// Domains from `key`, normalised; bad entries are reported and skipped.
void ReadDomains(Context& ctx, const toml::table& t, std::string_view key,
                 std::vector<DomainItem>& out);

// Lines of a list file named at `at` ("#" comments, blank lines skipped),
// each with its "FILE:LINE"; nullopt (reported) when it cannot be read.
struct ListLine {
  std::string text;
  std::string where;
};
std::optional<std::vector<ListLine>> ReadListFile(Context& ctx,
                                                  const Located& path);

// Levenshtein distance, for "did you mean" hints.
size_t EditDistance(std::string_view a, std::string_view b);
// The candidate closest to `word` when it is close enough to be a slip.
std::optional<std::string> Closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

}  // namespace nearmiss::policy

#endif  // NEARMISS_POLICY_PARSE_CONTEXT_H_
