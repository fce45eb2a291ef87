#include "http/auth.h"

#include <sys/random.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

#include "base/log.h"
#include "base/ascii.h"
#include "http/check_request.h"
#include "http/token_name.h"
#include "nearmiss/address.h"

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

bool SameName(std::string_view a, std::string_view b) { return TokenNameKey(a) == TokenNameKey(b); }

// The role a token file's line names, read case-blind ("Admin" is an
// admin: the issue-14 tester, round 43, finding 15); kNone for another.
Role RoleOf(std::string_view word) {
  std::string w(word);
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w == "check") return Role::kCheck;
  if (w == "viewer") return Role::kViewer;
  if (w == "admin") return Role::kAdmin;
  return Role::kNone;
}

// A check line's NAME ending in "<address>": the sender the token is
// bound to, lower case, and the name before it (`*name`, trimmed; the
// address itself when nothing is before it). "" when there is none; an
// error text in `*problem` when the brackets hold no address.
std::string BoundSender(std::string_view* name, std::string* problem) {
  std::string_view n = *name;
  if (n.empty() || n.back() != '>') return "";
  const size_t open = n.rfind('<');
  if (open == std::string_view::npos) {
    *problem = "a name ending in '>' has no '<': a check token's sender is written "
               "'<alice@example.org>'";
    return "";
  }
  const std::string_view inside = n.substr(open + 1, n.size() - open - 2);
  Result<Address> a = ParseAddress(inside);
  if (!a.ok() || inside.find_first_of(" \t<>") != std::string_view::npos) {
    *problem = "'<";
    *problem += inside;
    *problem += ">' is not one sender's address: a check token bound to a sender ends its "
                "line with '<alice@example.org>'";
    return "";
  }
  std::string sender = AsciiLower(a->ToString());
  *name = Trim(n.substr(0, open));
  if (name->empty()) *name = n.substr(open + 1, n.size() - open - 2);
  return sender;
}

// An admin (or viewer) token that names nobody: its acts are recorded
// under where it is defined, which says which token, not who (issue 14,
// "named admin identities"; the issue-14 tester, round 41, item 8).
void WarnNameless(const std::string& where, Role role = Role::kAdmin) {
  if (role == Role::kViewer) {
    log::Warn(where + ": a viewer token that names no person: what it reads is recorded as '" +
              where + "'; give each viewer a token of their own, one 'viewer TOKEN NAME' line "
              "per person");
    return;
  }
  log::Warn(where + ": an admin token that names no person: releases, deletes and revokes made "
            "with it are recorded as '" + where + "'; give each admin a token of their own in a "
            "token file, one 'admin TOKEN NAME' line per person");
}

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kCheck: return "check";
    case Role::kViewer: return "viewer";
    case Role::kAdmin: return "admin";
    case Role::kNone: break;
  }
  return "none";
}

void TokenSet::Add(Role role, std::string token, std::string name, std::string where,
                   std::string sender) {
  if (token.empty()) return;
  if (name.empty()) name = where;
  if (name.empty()) {
    name = std::string(RoleName(role)) + " token " + std::to_string(entries_.size() + 1);
  }
  if (role == Role::kCheck) ++checks_;
  if (role == Role::kAdmin) ++admins_;
  entries_.push_back(
      {role, std::move(token), std::move(name), std::move(where), std::move(sender)});
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
    // A byte order mark (U+FEFF, EF BB BF) that an editor put before the
    // first line: the role read "\xEF\xBB\xBFadmin" and was refused as no
    // role (the issue-14 tester, round 43, finding 15).
    if (n == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    std::string_view s = Trim(std::string_view(line).substr(0, line.find('#')));
    if (s.empty()) continue;
    size_t space = s.find_first_of(" \t");
    std::string_view role = s.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? "" : Trim(s.substr(space));
    size_t name_at = rest.find_first_of(" \t");
    std::string_view token = rest.substr(0, name_at);
    std::string_view name = name_at == std::string_view::npos ? "" : Trim(rest.substr(name_at));
    std::string where = path + ":" + std::to_string(n);
    const Role r = RoleOf(role);
    if (r == Role::kNone) {
      std::string why = where;
      why += ": the role must be 'check', 'viewer' or 'admin', not '";
      why += log::Untrusted(role, 40);
      why += "'";
      return Status::ParseError(why);
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
    // A check token bound to one sender: "Alice Example <alice@...>".
    std::string sender;
    if (r == Role::kCheck) {
      std::string bad;
      sender = BoundSender(&name, &bad);
      if (!bad.empty()) return Status::ParseError(where + ": " + bad);
    }
    // Kept as it reads (NFKC, every Unicode space a blank): a no-break
    // space made `Ann<U+00A0>Admin` a second Ann Admin (the issue-14
    // tester, round 43, finding 12); a Cyrillic A made `<U+0410>nn Admin`.
    if (std::string bad = MixedScriptProblem(name); !bad.empty()) {
      return Status::ParseError(where + ": " + log::Untrusted(bad, 300));
    }
    const std::string written(name);  // errors quote the line as written
    const std::string kept = KeptTokenName(name);
    name = kept;
    // One person, one token (issue 14): two tokens under one name would
    // make the audit log's "who" name either of them; "Ann Admin" and
    // "ann  admin" read as one name (the issue-14 tester, round 41).
    for (const Entry& e : entries_) {
      if (!name.empty() && SameName(e.name, name)) {
        std::string why = where;
        why += ": the name '";
        why += written;
        why += "' already has a token (";
        why += e.where.empty() ? e.name : e.where;
        if (e.name != written) {
          why += ", as '";
          why += e.name;
          why += "'; names that read the same (case, blanks, look-alike letters) are one person";
        }
        why += "); each name is one person's, with one token";
        return Status::ParseError(why);
      }
    }
    if (r != Role::kCheck && name.empty()) WarnNameless(where, r);
    Add(r, std::string(token), std::string(name), where, std::move(sender));
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
  return {found->role, found->name, found->where, found->sender};
}

std::vector<Identity> TokenSet::Identities() const {
  std::vector<Identity> out;
  for (const Entry& e : entries_) out.push_back({e.role, e.name, e.where, e.sender});
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
  if (need == Role::kViewer) return have == Role::kViewer;
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
