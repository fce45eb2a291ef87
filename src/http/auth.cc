#include "http/auth.h"

#include <sys/random.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

#include "base/log.h"
#include "http/check_request.h"

namespace nearmiss::http {
namespace {

// Constant in the length of `want`'s contents: every byte is compared.
bool SameToken(std::string_view have, std::string_view want) {
  unsigned char diff = have.size() == want.size() ? 0 : 1;
  for (size_t i = 0; i < want.size(); ++i) {
    diff |= static_cast<unsigned char>(want[i] ^ (i < have.size() ? have[i] : 0));
  }
  return diff == 0;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "Ann Admin" and "ann  admin" as one name: ASCII case folded, runs of
// blanks as one.
std::string FoldedName(std::string_view name) {
  std::string out;
  for (char c : Trim(name)) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool SameName(std::string_view a, std::string_view b) { return FoldedName(a) == FoldedName(b); }

// An admin token that names nobody: its acts are recorded under where it
// is defined, which says which token, not who (issue 14, "named admin
// identities"; the issue-14 tester, round 41, item 8).
void WarnNameless(const std::string& where) {
  log::Warn(where + ": an admin token that names no person: releases, deletes and revokes made "
            "with it are recorded as '" + where + "'; give each admin a token of their own in a "
            "token file, one 'admin TOKEN NAME' line per person");
}

}  // namespace

void TokenSet::Add(Role role, std::string token, std::string name, std::string where) {
  if (token.empty()) return;
  if (name.empty()) name = where;
  if (name.empty()) {
    name = (role == Role::kAdmin ? "admin token " : "check token ") +
           std::to_string(entries_.size() + 1);
  }
  if (role == Role::kCheck) ++checks_;
  entries_.push_back({role, std::move(token), std::move(name), std::move(where)});
}

Status TokenSet::AddFile(const std::string& path) {
  // As ssh treats a private key: a token file anyone may write could be
  // given an admin token of theirs, so it is refused. One its group may
  // write, or others read, is said: refusing those would stop a daemon
  // started under a umask of 002 or 022 (a group read is how the package
  // lets the daemon's group read it).
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    if ((st.st_mode & S_IWOTH) != 0) {
      return Status::InvalidArgument(path + ": token file is writable by others (mode " + mode +
                                     "); refused: chmod 600 (or 640) " + path);
    }
    if ((st.st_mode & (S_IWGRP | S_IROTH)) != 0) {
      log::Warn(path + ": token file is " +
                ((st.st_mode & S_IWGRP) != 0 ? "writable by its group" : "readable by others") +
                " (mode " + mode + "); chmod 600 (or 640) " + path);
    }
  }
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open token file");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string_view s = Trim(std::string_view(line).substr(0, line.find('#')));
    if (s.empty()) continue;
    size_t space = s.find_first_of(" \t");
    std::string_view role = s.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? "" : Trim(s.substr(space));
    size_t name_at = rest.find_first_of(" \t");
    std::string_view token = rest.substr(0, name_at);
    std::string_view name = name_at == std::string_view::npos ? "" : Trim(rest.substr(name_at));
    std::string where = path + ":" + std::to_string(n);
    if (role != "check" && role != "admin") {
      return Status::ParseError(where + ": the role must be 'check' or 'admin'");
    }
    if (token.size() < 16) {
      return Status::ParseError(where + ": a token needs 16 or more characters without spaces");
    }
    // One token, one person: a token listed twice would make every action
    // taken with it recorded under whichever name matched (the last).
    for (const Entry& e : entries_) {
      if (e.token == token) {
        return Status::ParseError(where + ": this token is already " + e.name +
                                  "'s; give each person a token of their own");
      }
    }
    // One person, one token (issue 14): two tokens under one name would
    // make the audit log's "who" name either of them; "Ann Admin" and
    // "ann  admin" read as one name (the issue-14 tester, round 41).
    for (const Entry& e : entries_) {
      if (!name.empty() && SameName(e.name, name)) {
        std::string why = where;
        why += ": the name '";
        why += name;
        why += "' already has a token (";
        why += e.where.empty() ? e.name : e.where;
        if (e.name != name) {
          why += ", as '";
          why += e.name;
          why += "'; names that differ only in case or blanks are one person";
        }
        why += "); each name is one person's, with one token";
        return Status::ParseError(why);
      }
    }
    // A name is what the record shows of a person: one with a character a
    // reader cannot see (U+200B) or that reorders or colours the line
    // (U+202E, ESC) would let `Ann<U+200B>Admin` pass for `AnnAdmin` (the
    // issue-14 tester, round 42, finding 7); refused as a justification is.
    // A tab is a blank here, as between the fields.
    std::string blanked(name);
    std::replace(blanked.begin(), blanked.end(), '\t', ' ');
    if (std::string bad = OneLineTextProblem(blanked, "a token's name"); !bad.empty()) {
      return Status::ParseError(where + ": " + bad);
    }
    const Role r = role == "admin" ? Role::kAdmin : Role::kCheck;
    if (r == Role::kAdmin && name.empty()) WarnNameless(where);
    Add(r, std::string(token), std::string(name), where);
  }
  return Status::Ok();
}

Status TokenSet::AddPolicy(const ApiPolicy& api) {
  auto place = [](const std::vector<std::string>& places, size_t i) {
    return i < places.size() ? places[i] : std::string();
  };
  for (size_t i = 0; i < api.check_tokens.size(); ++i) {
    Add(Role::kCheck, api.check_tokens[i], {}, place(api.check_token_places, i));
  }
  for (size_t i = 0; i < api.admin_tokens.size(); ++i) {
    std::string where = place(api.admin_token_places, i);
    WarnNameless(where.empty() ? "[api] admin_tokens" : where);
    Add(Role::kAdmin, api.admin_tokens[i], {}, std::move(where));
  }
  if (!api.token_file.empty()) return AddFile(api.token_file);
  return Status::Ok();
}

Identity TokenSet::Identify(std::string_view token) const {
  if (token.empty()) return {};
  // Walk every token so the time does not tell which matched; an admin
  // match wins over a check match of the same token.
  const Entry* found = nullptr;
  for (const Entry& e : entries_) {
    if (SameToken(token, e.token) && (found == nullptr || e.role == Role::kAdmin)) found = &e;
  }
  if (found == nullptr) return {};
  return {found->role, found->name, found->where};
}

std::vector<Identity> TokenSet::Identities() const {
  std::vector<Identity> out;
  for (const Entry& e : entries_) out.push_back({e.role, e.name, e.where});
  return out;
}

std::string_view BearerToken(std::string_view authorization) {
  std::string_view s = Trim(authorization);
  if (s.size() < 7) return {};
  // The scheme is case-insensitive (RFC 9110 section 11.1).
  static constexpr std::string_view kScheme = "bearer ";
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != kScheme[i]) return {};
  }
  return Trim(s.substr(kScheme.size()));
}

bool Allowed(const TokenSet& tokens, Role need, Role have) {
  if (have == Role::kAdmin) return true;
  if (need == Role::kCheck) return have == Role::kCheck || !tokens.has_check_tokens();
  return need == Role::kNone;
}

std::string RandomToken() {
  unsigned char bytes[24];
  size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n > 0) got += static_cast<size_t>(n);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

}  // namespace nearmiss::http
