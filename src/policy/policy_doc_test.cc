// docs/policy.md against the code: every key documented and no other, every
// TOML example in it lints clean, and the embedded default policy is whole.
// Run from the source tree (the test's working directory).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/policy.h"

namespace nearmiss {
namespace {

// docs/policy.md documents every key under a "### `path`" heading, and only
// keys that exist: the two cannot drift apart.
TEST(PolicyDocTest, DocumentsExactlyTheKeys) {
  std::ifstream in("docs/policy.md");
  ASSERT_TRUE(in) << "run from the source tree";
  std::set<std::string> documented;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("### `", 0) != 0) continue;
    size_t end = line.find('`', 5);
    ASSERT_NE(end, std::string::npos) << line;
    documented.insert(line.substr(5, end - 5));
  }
  std::vector<std::string> keys = PolicyKeyPaths();
  std::set<std::string> code(keys.begin(), keys.end());
  for (const std::string& k : code) EXPECT_TRUE(documented.count(k)) << k << " is undocumented";
  for (const std::string& k : documented) EXPECT_TRUE(code.count(k)) << k << " is not a key";
}

// One indented example of docs/policy.md and the "### `key`" it sits under
// ("" before the first).
struct DocExample {
  int line = 0;
  std::string key;
  std::string text;
};

std::vector<DocExample> DocExamples(std::istream& in) {
  std::vector<DocExample> out;
  std::string key, line;
  bool in_block = false, after_blank = true, fenced = false;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.rfind("```", 0) == 0) fenced = !fenced;
    if (fenced || line.rfind("```", 0) == 0) {
      in_block = false;
      continue;
    }
    if (line.rfind("### `", 0) == 0) {
      key = line.substr(5, line.find('`', 5) - 5);
    } else if (line.rfind("#", 0) == 0) {
      key.clear();
    }
    if (line.rfind("    ", 0) == 0 && (in_block || after_blank)) {
      if (!in_block) out.push_back({n, key, ""});
      in_block = true;
      out.back().text += line.substr(4) + "\n";
    } else if (line.empty() && in_block) {
      out.back().text += "\n";
    } else {
      in_block = false;
    }
    after_blank = line.empty();
  }
  return out;
}

bool HasKey(const std::string& text, const std::string& key) {
  size_t at = 0;
  while ((at = text.find(key, at)) != std::string::npos) {
    bool line_start = at == 0 || text[at - 1] == '\n';
    size_t after = text.find_first_not_of(' ', at + key.size());
    if (line_start && after != std::string::npos && text[after] == '=') return true;
    at += key.size();
  }
  return false;
}

// The example as a whole policy: a key's example is put in its table with
// the keys the table cannot do without; a whole table is taken as it is.
std::string AsPolicy(const DocExample& e) {
  std::string table;
  std::string fill;
  // The keys of the example's own table: a whole table may follow it.
  const std::string t = e.text.substr(0, e.text.find("\n["));
  if (e.key.rfind("rule.", 0) == 0) {
    table = "[[rule]]";
    if (!HasKey(t, "name")) fill += "name = \"doc-example\"\n";
    // smtp_code is only for reject.
    if (!HasKey(t, "action")) fill += HasKey(t, "smtp_code") ? "action = \"reject\"\n"
                                                              : "action = \"warn\"\n";
  } else if (e.key.rfind("sensitivity.pattern.", 0) == 0) {
    table = "[[sensitivity.pattern]]";
    if (!HasKey(t, "name")) fill += "name = \"doc-example\"\n";
    if (!HasKey(t, "level")) fill += "level = \"SECRET\"\n";
    if (!HasKey(t, "keywords") && !HasKey(t, "keywords_file") && !HasKey(t, "regex")) {
      fill += "keywords = [\"doc\"]\n";
    }
  } else if (e.key.rfind("senders.", 0) == 0) {
    table = "[senders.executives]";
  } else if (size_t dot = e.key.rfind('.'); dot != std::string::npos) {
    table = "[" + e.key.substr(0, dot) + "]";
  }
  std::string body = e.text;
  if (!table.empty() && body.rfind(table + "\n", 0) == 0) body.erase(0, table.size() + 1);
  // rule.sender_group's example names the group [senders.<group>] defines.
  std::string groups = e.text.find("sender_group") != std::string::npos
                           ? "[senders.executives]\naddresses = [\"ceo@mod.gov.uk\"]\n"
                           : "";
  if (table.empty() || body.rfind("[", 0) == 0) return groups + e.text;
  return groups + table + "\n" + fill + body;
}

// Issue 15: the documented real-neighbour rule was refused by the lint
// ("can never match"), and the default rules' example had the DNS sections
// merged into its middle. Every TOML example in docs/policy.md lints clean.
TEST(PolicyDocTest, EveryExampleLintsClean) {
  std::ifstream in("docs/policy.md");
  ASSERT_TRUE(in) << "run from the source tree";
  // Keys that name files of the reader's own system.
  const std::set<std::string> names_files = {"domains.protected_files", "sensitivity.pack_files",
                                             "senders.<group>.files",
                                             "sensitivity.pattern.keywords_file",
                                             "confirm.key_file"};
  int linted = 0;
  for (const DocExample& e : DocExamples(in)) {
    std::string first = e.text.substr(0, e.text.find('\n'));
    // The JSON and SMTP dialogue examples are not TOML: no "key =" first.
    size_t eq = first.find('=');
    bool toml = first.rfind("[", 0) == 0 ||
                (eq != std::string::npos &&
                 first.substr(0, eq).find_first_of(":<-{") == std::string::npos);
    if (!toml || names_files.count(e.key) != 0) continue;
    std::string policy = AsPolicy(e);
    std::vector<PolicyError> errors = LintPolicy(policy, "example.toml", "");
    for (const PolicyError& err : errors) {
      ADD_FAILURE() << "docs/policy.md:" << e.line << " (" << e.key << "): " << err.ToString()
                    << "\n" << policy;
    }
    ++linted;
  }
  EXPECT_GT(linted, 70);  // the examples were found, not skipped
}

TEST(PolicyLintTest, TheRealNeighbourRuleOfTheDocsIsValid) {
  EXPECT_TRUE(LintPolicy("[[rule]]\nname = \"real-neighbour\"\nrecipient = [\"external\"]\n"
                         "reason = [\"real-neighbour\"]\naction = \"warn\"\n",
                         "p.toml", "")
                  .empty());
  // Still refused: a look-alike code on an external recipient.
  EXPECT_EQ(LintPolicy("[[rule]]\nname = \"x\"\nrecipient = [\"external\"]\n"
                       "reason = [\"homoglyph\"]\naction = \"warn\"\n",
                       "p.toml", "")
                .size(),
            1u);
}

// Every key the default policy uses is in the key table (and so documented).
TEST(PolicyDocTest, DefaultPolicyIsCompleteAndClean) {
  EXPECT_TRUE(LintPolicy(DefaultPolicyText(), "default.toml", "").empty());
  for (std::string_view section : {"[domains]", "[lookalike]", "[sensitivity]", "[[rule]]",
                                   "[defaults]", "[limits]", "[senders.", "[[sensitivity.pattern]]"}) {
    EXPECT_NE(DefaultPolicyText().find(section), std::string_view::npos) << section;
  }
  Result<Policy> p = DefaultPolicy();
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->rules.size(), 17u);
  EXPECT_EQ(p->rules[0].name, "lookalike");
  EXPECT_EQ(p->rules[0].action, Action::kReject);
  EXPECT_EQ(p->rules[0].targets,
            (std::vector<TrustSource>{TrustSource::kProtected, TrustSource::kOrganisation}));
  EXPECT_EQ(p->rules[0].acknowledge, false);
  EXPECT_EQ(p->rules[1].name, "lookalike-confirm");
  EXPECT_EQ(p->rules[1].action, Action::kConfirm);
  EXPECT_FALSE(p->rules[1].acknowledge.has_value());
  EXPECT_EQ(p->rules[1].can_receive, true);
  // Written last so the rules above keep their numbers and lines.
  EXPECT_EQ(p->rules[13].name, "lookalike-undeliverable");
  EXPECT_EQ(p->rules[13].can_receive, false);
  EXPECT_EQ(p->rules[13].action, Action::kReject);
  EXPECT_EQ(p->rules[13].smtp_code, "550 5.1.2");
  EXPECT_EQ(p->rules[3].findings, std::vector<std::string>{"unknown-label"});
  EXPECT_EQ(p->rules[4].findings, std::vector<std::string>{"encrypted-attachment"});
  EXPECT_EQ(p->rules[4].action, Action::kHold);
  EXPECT_EQ(p->rules[5].sensitivity_at_least, content::Level::kSecret);
  EXPECT_EQ(p->rules[6].action, Action::kTag);
  EXPECT_EQ(p->confirm.acknowledgement_days, 180);
  EXPECT_EQ(p->confirm.link_hours, 72);
  EXPECT_TRUE(p->confirm.key_file.empty());
  EXPECT_EQ(p->defaults.on_error, FailMode::kTempfail);
  EXPECT_EQ(p->sensitivity.packs, BuiltinPackNames());
}

}  // namespace
}  // namespace nearmiss
