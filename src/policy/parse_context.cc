#include "policy/parse_context.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/extract.h"
#include "policy/trusted_names.h"

namespace nearmiss::policy {

std::string Context::Where(const toml::source_region& at) const {
  return file_ + ":" + std::to_string(at.begin.line) + ":" +
         std::to_string(at.begin.column);
}

std::string_view Context::Literal(const toml::source_region& at) const {
  if (text_.empty() || at.begin.line == 0 || at.begin.column == 0) return {};
  size_t start = 0;
  for (toml::source_index line = 1; line < at.begin.line; ++line) {
    start = text_.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  start += at.begin.column - 1;
  if (start >= text_.size()) return {};
  size_t end = text_.find_first_of(" \t\r\n,]}#", start);
  return text_.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

int DecimalPlaces(std::string_view literal) {
  size_t dot = literal.find('.');
  if (dot == std::string_view::npos) return 0;
  int places = 0;
  for (size_t i = dot + 1; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i) {
    ++places;
  }
  return places;
}

void Context::Error(const toml::source_region& at, std::string what,
                    std::string hint) {
  ErrorAt(Where(at), std::move(what), std::move(hint));
}

void Context::ErrorAt(std::string where, std::string what, std::string hint) {
  errors_->push_back({std::move(where), std::move(what), std::move(hint)});
}

std::string Context::Resolve(std::string_view path) const {
  std::filesystem::path p(path);
  if (p.is_relative() && !base_dir_.empty()) p = std::filesystem::path(base_dir_) / p;
  return p.string();
}

std::string Quoted(std::string_view key) {
  std::string quoted = "'";
  quoted += key;
  quoted += '\'';
  return quoted;
}

std::optional<std::string> GetString(Context& ctx, const toml::table& t,
                                     std::string_view key) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* s = node->as_string()) return s->get();
  ctx.Error(node->source(), Quoted(key) + " must be a string",
            "put the value in double quotes");
  return std::nullopt;
}

std::optional<bool> GetBool(Context& ctx, const toml::table& t,
                            std::string_view key) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* b = node->as_boolean()) return b->get();
  ctx.Error(node->source(), Quoted(key) + " must be true or false",
            "write true or false, without quotes");
  return std::nullopt;
}

std::optional<int64_t> GetInt(Context& ctx, const toml::table& t,
                              std::string_view key, int64_t min, int64_t max) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  const auto* i = node->as_integer();
  if (i == nullptr || i->get() < min || i->get() > max) {
    std::string hint = i != nullptr ? "the value is out of range" : "write a number without quotes";
    if (const auto* f = node->as_floating_point()) {
      // "acknowledgement_days = 1.5": a fraction is no count of days (or
      // of anything GetInt reads); saying "without quotes" of a number
      // written without them misled (issue 14, round 35, item 7).
      const double v = f->get();
      hint = "a fraction is not allowed here: write a whole number";
      const bool in_range = v >= static_cast<double>(min) && v <= static_cast<double>(max);
      if (in_range && v == static_cast<double>(static_cast<int64_t>(v))) {
        // "acknowledgement_days = 180.0" or "1e2": a whole number TOML
        // reads as a float (TOML 1.0, Float: a decimal point or an
        // exponent makes one), so the number meant is the hint (issue 14,
        // round 37, item 4).
        hint = "write ";
        hint += std::to_string(static_cast<int64_t>(v));
        hint += " (a whole number, without a decimal point or an exponent)";
      } else if (in_range) {
        hint += ", such as " + std::to_string(static_cast<int64_t>(v)) + " or " +
                std::to_string(static_cast<int64_t>(v) + 1);
      }
    }
    ctx.Error(node->source(),
              Quoted(key) + " must be a whole number from " +
                  std::to_string(min) + " to " + std::to_string(max),
              std::move(hint));
    return std::nullopt;
  }
  return i->get();
}

std::optional<std::vector<Located>> GetStrings(Context& ctx,
                                               const toml::table& t,
                                               std::string_view key) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    std::string hint = node->is_string()
                           ? "write a list, even of one: " + std::string(key) +
                                 " = [\"" + node->as_string()->get() + "\"]"
                           : "write a list: " + std::string(key) + " = [\"...\"]";
    ctx.Error(node->source(), Quoted(key) + " must be an array of strings",
              std::move(hint));
    return std::nullopt;
  }
  std::vector<Located> out;
  for (const toml::node& element : *array) {
    if (const auto* s = element.as_string()) {
      out.push_back({s->get(), element.source()});
    } else {
      ctx.Error(element.source(), Quoted(key) + " entries must be strings",
                "put each entry in double quotes");
    }
  }
  return out;
}

std::optional<content::Level> GetLevel(Context& ctx, const toml::table& t,
                                       std::string_view key) {
  std::optional<std::string> name = GetString(ctx, t, key);
  if (!name) return std::nullopt;
  std::optional<content::Level> level = content::ParseLevel(*name);
  if (!level) {
    ctx.Error(t.get(key)->source(),
              "unknown sensitivity level '" + *name + "' in '" + std::string(key) + "'",
              "levels: none, OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET, unknown-label");
  }
  return level;
}

void ReadDomains(Context& ctx, const toml::table& t, std::string_view key,
                 std::vector<DomainItem>& out) {
  std::optional<std::vector<Located>> entries = GetStrings(ctx, t, key);
  if (!entries) return;
  for (Located& e : *entries) {
    Result<std::string> domain = NormalizeDomainEntry(e.value);
    if (!domain.ok()) {
      ctx.Error(e.at, "bad domain '" + e.value + "' in '" + std::string(key) + "': " +
                          domain.error().message(),
                "write a domain (army.mil), a namespace (.mil) or *.domain");
      continue;
    }
    // A trusting list's open namespace (".co.uk"), which Engine::Compile
    // refuses: said here at the entry, so lint lists every one in one run.
    if (key != "block") {
      std::string open = OpenNamespaceProblem(*domain);
      if (!open.empty()) {
        ctx.Error(e.at, "in '" + std::string(key) + "': " + open,
                  "remove the entry, or write the domains meant");
        continue;
      }
    }
    out.push_back({std::move(*domain), ctx.Where(e.at)});
  }
}

std::optional<std::vector<ListLine>> ReadListFile(Context& ctx,
                                                  const Located& path) {
  std::string resolved = ctx.Resolve(path.value);
  std::ifstream in(resolved, std::ios::binary);
  if (!in) {
    ctx.Error(path.at, "cannot read list file '" + resolved + "'",
              "relative paths are read from the policy file's directory");
    return std::nullopt;
  }
  // UTF-16 (PowerShell's Out-File) or a UTF-8 byte order mark: its
  // domains, as for --protect-file (content::DecodeTextBytes).
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::istringstream text(content::DecodeTextBytes(std::move(bytes).str()));
  std::vector<ListLine> lines;
  std::string line;
  for (int n = 1; std::getline(text, line); ++n) {
    line = line.substr(0, line.find('#'));
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    size_t e = line.find_last_not_of(" \t\r");
    lines.push_back({line.substr(b, e - b + 1), resolved + ":" + std::to_string(n)});
  }
  return lines;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

std::optional<std::string> Closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_d = 0;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (!best || d < best_d) best = c, best_d = d;
  }
  // A third of the word may be wrong before the guess stops helping.
  if (best && best_d <= std::max<size_t>(2, word.size() / 3)) return best;
  return std::nullopt;
}

}  // namespace nearmiss::policy
