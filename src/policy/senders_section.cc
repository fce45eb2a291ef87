// [senders.<group>]: named groups of senders that rules can single out.
#include "nearmiss/address.h"
#include "base/ascii.h"
#include "policy/sections.h"

namespace nearmiss::policy {
namespace {

// An entry with "@" is an address, anything else a domain: list files may
// mix both.
void AddEntry(Context& ctx, std::string_view text, const std::string& where,
              SenderGroup& group) {
  if (text.find('@') != std::string_view::npos) {
    Result<Address> a = ParseAddress(text);
    if (!a.ok()) {
      ctx.ErrorAt(where, "bad sender address '" + std::string(text) + "': " + a.error().message(),
                  "write a plain address: ceo@example.gov.uk");
      return;
    }
    group.addresses.push_back(AsciiLower(a->ToString()));
    return;
  }
  Result<std::string> domain = NormalizeDomainEntry(text);
  if (!domain.ok()) {
    ctx.ErrorAt(where, "bad sender domain '" + std::string(text) + "': " +
                           domain.error().message(),
                "write a domain (press.example.gov.uk) or an address");
    return;
  }
  group.domains.push_back({std::move(*domain), where});
}

}  // namespace

void ReadSendersSection(Context& ctx, const toml::table& t, Policy& policy) {
  for (const auto& [key, node] : t) {
    std::string name(key.str());
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      ctx.Error(key.source(), "'senders." + name + "' must be a table",
                "write [senders." + name + "] with addresses, domains or files");
      continue;
    }
    CheckKeys(ctx, *table, "senders." + name);
    SenderGroup group;
    group.name = name;
    group.where = ctx.Where(key.source());
    if (auto list = GetStrings(ctx, *table, "addresses")) {
      for (const Located& e : *list) {
        if (e.value.find('@') == std::string::npos) {
          ctx.Error(e.at, "'" + e.value + "' in 'addresses' is not an address",
                    "put domains in 'domains'");
          continue;
        }
        AddEntry(ctx, e.value, ctx.Where(e.at), group);
      }
    }
    ReadDomains(ctx, *table, "domains", group.domains);
    if (auto files = GetStrings(ctx, *table, "files")) {
      for (const Located& file : *files) {
        if (auto lines = ReadListFile(ctx, file)) {
          for (const ListLine& line : *lines) AddEntry(ctx, line.text, line.where, group);
        }
      }
    }
    policy.sender_groups.push_back(std::move(group));
  }
}

}  // namespace nearmiss::policy
