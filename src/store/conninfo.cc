// What a store URL is and how to show it without its password. PostgreSQL
// takes two forms of connection string (libpq, "Connection Strings",
// https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING):
// a URI, postgresql://user:password@host:port/dbname?key=value&..., and
// keyword/value pairs, host=db dbname=nearmiss password='a b'. libpq parses
// both (PQconninfoParse) but says nowhere where in the text a value stood,
// so the password's place is found here by the same grammar; where the
// text does not follow it, everything from there on is hidden.
#include <libpq-fe.h>

#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "nearmiss/store.h"

namespace nearmiss {
namespace {

using Span = std::pair<size_t, size_t>;  // [begin, end) of a secret in the text

// libpq's keywords that hold secrets: the password and the TLS key's.
bool IsSecretKey(std::string_view key) { return key == "password" || key == "sslpassword"; }

bool IsUri(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// "%70assword" names the keyword "password" too (libpq decodes keys).
std::string PercentDecoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// postgresql://user:SECRET@host/db?password=SECRET&...: the user info's
// password (up to the last '@' before the query, so an unescaped '@' or
// '/' in it is still covered) and every secret parameter's value.
std::vector<Span> UriSecrets(std::string_view url) {
  std::vector<Span> spans;
  size_t start = url.find("://") + 3;
  size_t query = url.find('?', start);
  size_t at = url.rfind('@', query == std::string_view::npos ? url.size() : query);
  if (at != std::string_view::npos && at >= start) {
    size_t colon = url.find(':', start);
    if (colon < at) spans.push_back({colon + 1, at});
  }
  if (query == std::string_view::npos) return spans;
  for (size_t p = query + 1; p < url.size();) {
    size_t amp = url.find('&', p);
    if (amp == std::string_view::npos) amp = url.size();
    size_t eq = url.find('=', p);
    if (eq < amp && IsSecretKey(PercentDecoded(url.substr(p, eq - p)))) {
      spans.push_back({eq + 1, amp});
    }
    p = amp + 1;
  }
  return spans;
}

// key = value pairs separated by white space; a value is a run of
// non-space characters or a single-quoted string, either with backslash
// escapes.
std::vector<Span> KeywordSecrets(std::string_view s) {
  std::vector<Span> spans;
  auto space = [&](size_t i) { return i < s.size() && std::isspace(static_cast<unsigned char>(s[i])); };
  size_t i = 0;
  size_t key = 0;
  while (true) {
    while (space(i)) ++i;
    if (i >= s.size()) return spans;
    key = i;
    while (i < s.size() && s[i] != '=' && !space(i)) ++i;
    std::string_view name = s.substr(key, i - key);
    while (space(i)) ++i;
    if (i >= s.size() || s[i] != '=') break;
    ++i;
    while (space(i)) ++i;
    size_t value = i;
    bool quoted = i < s.size() && s[i] == '\'';
    if (quoted) ++i;
    bool closed = !quoted;
    while (i < s.size()) {
      if (s[i] == '\\' && i + 1 < s.size()) {
        i += 2;
        continue;
      }
      if (quoted && s[i] == '\'') {
        ++i;
        closed = true;
        break;
      }
      if (!quoted && space(i)) break;
      ++i;
    }
    if (!closed) break;
    if (IsSecretKey(name)) spans.push_back({value, i});
  }
  // Not the grammar: from this pair on could be anything, a password
  // included.
  spans.push_back({key, s.size()});
  return spans;
}

// Every `from` in `text`, left to right, never inside a replacement.
void ReplaceAll(std::string* text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (size_t p = text->find(from); p != std::string::npos; p = text->find(from, p + to.size())) {
    text->replace(p, from.size(), to);
  }
}

std::vector<Span> Secrets(std::string_view url) {
  if (IsUri(url)) return UriSecrets(url);
  if (IsPostgresStoreUrl(url)) return KeywordSecrets(url);
  return {};
}

}  // namespace

bool IsPostgresStoreUrl(std::string_view url) {
  if (IsUri(url)) return true;
  // A keyword/value string starts with a keyword (letters and '_') and '='.
  size_t i = 0;
  while (i < url.size() && std::isspace(static_cast<unsigned char>(url[i]))) ++i;
  size_t key = i;
  while (i < url.size() && (std::islower(static_cast<unsigned char>(url[i])) || url[i] == '_')) ++i;
  if (i == key) return false;
  while (i < url.size() && std::isspace(static_cast<unsigned char>(url[i]))) ++i;
  return i < url.size() && url[i] == '=';
}

bool StoreUrlHasPassword(std::string_view url) {
  for (const Span& s : Secrets(url)) {
    if (s.second > s.first) return true;
  }
  return false;
}

std::string StoreDisplayName(std::string_view url) {
  std::vector<Span> spans = Secrets(url);
  std::string out;
  size_t done = 0;
  for (const Span& s : spans) {
    if (s.second <= s.first) continue;
    out.append(url.substr(done, s.first - done));
    out += "***";
    done = s.second;
  }
  out.append(url.substr(done));
  return out;
}

std::string WithoutStoreSecrets(std::string_view text, std::string_view url) {
  std::vector<std::string> secrets;
  for (const Span& s : Secrets(url)) {
    if (s.second > s.first) secrets.emplace_back(url.substr(s.first, s.second - s.first));
  }
  // The decoded forms too ('a b' unquoted, %40 as '@'): libpq quotes those.
  char* error = nullptr;
  if (PQconninfoOption* options = PQconninfoParse(std::string(url).c_str(), &error)) {
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
      if (o->val != nullptr && *o->val != '\0' && IsSecretKey(o->keyword)) secrets.emplace_back(o->val);
    }
    PQconninfoFree(options);
  }
  PQfreemem(error);
  std::string out(text);
  // The whole URL first, so its display name replaces it in one piece.
  if (!secrets.empty()) ReplaceAll(&out, url, StoreDisplayName(url));
  for (const std::string& secret : secrets) ReplaceAll(&out, secret, "***");
  return out;
}

}  // namespace nearmiss
