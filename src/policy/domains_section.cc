// [domains] and [lookalike]: what the organisation trusts and protects.
#include "policy/sections.h"
#include "policy/trusted_names.h"

namespace nearmiss::policy {

void ReadDomainsSection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "domains");
  ReadDomains(ctx, t, "organisation", policy.organisation);
  ReadDomains(ctx, t, "protected", policy.protected_domains);
  ReadDomains(ctx, t, "allow", policy.allow);
  ReadDomains(ctx, t, "block", policy.block);
  if (auto b = GetBool(ctx, t, "use_default_protected")) policy.use_default_protected = *b;
  if (auto b = GetBool(ctx, t, "use_default_providers")) policy.use_default_providers = *b;
  std::optional<std::vector<Located>> files = GetStrings(ctx, t, "protected_files");
  if (!files) return;
  for (const Located& file : *files) {
    std::optional<std::vector<ListLine>> lines = ReadListFile(ctx, file);
    if (!lines) continue;
    for (ListLine& line : *lines) {
      Result<std::string> domain = NormalizeDomainEntry(line.text);
      if (!domain.ok()) {
        ctx.ErrorAt(line.where, "bad domain '" + line.text + "': " + domain.error().message(),
                    "one domain or .namespace per line; # starts a comment");
        continue;
      }
      if (std::string open = OpenNamespaceProblem(*domain); !open.empty()) {
        ctx.ErrorAt(line.where, open, "remove the line, or write the domains meant");
        continue;
      }
      policy.protected_domains.push_back({std::move(*domain), std::move(line.where)});
    }
  }
}

void ReadLookalikeSection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "lookalike");
  if (const toml::node* node = t.get("threshold")) {
    std::optional<double> value = node->value<double>();
    const std::string_view literal = ctx.Literal(node->source());
    if (!value || node->is_boolean() || *value < 0 || *value > 1) {
      ctx.Error(node->source(), "'threshold' must be a number from 0 to 1",
                "0.5 is the default; raise it to hear less");
    } else if (!literal.empty() && DecimalPlaces(literal) > 2) {
      // Scores are shown in hundredths (render.cc): 0.30000000000000004,
      // a float printed with all its digits, promises what no score has.
      ctx.Error(node->source(),
                "'threshold' is written with " + std::to_string(DecimalPlaces(literal)) +
                    " decimal places (" + std::string(literal) + ")",
                "scores are shown in hundredths: write at most two decimals, e.g. 0.3");
    } else {
      policy.lookalike_threshold = *value;
    }
  }
}

}  // namespace nearmiss::policy
