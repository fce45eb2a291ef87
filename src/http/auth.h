// Bearer tokens in two roles. `check` may call POST /v1/check; `admin` may
// call everything (the console, held messages, audit, policy, reload).
//
// Tokens come from the policy's [api] section, its token_file and the
// --token-file option; they are compared in constant time so response
// timing says nothing about how much of a guess was right.
//
// Thread safety: a TokenSet is immutable once built; share it by
// shared_ptr<const> and swap on reload.
#ifndef NEARMISS_HTTP_AUTH_H_
#define NEARMISS_HTTP_AUTH_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/policy.h"
#include "nearmiss/status.h"

namespace nearmiss::http {

enum class Role { kNone, kCheck, kAdmin };

// Who a token belongs to: its role and the person's name, which every
// release, delete and revoke is recorded under (one token per person).
struct Identity {
  Role role = Role::kNone;
  std::string name;  // "Ann Admin"; a token without a name: `where`
  // Where the token is defined, "FILE:LINE" (a token file's line, or the
  // policy's `admin_tokens`/`check_tokens` line); "" for one made for the
  // run. Admin events record it beside the name.
  std::string where;
};

class TokenSet {
 public:
  // `name` "" records the token's acts under `where` ("FILE:LINE"), else
  // under "admin token N" / "check token N".
  void Add(Role role, std::string token, std::string name = {}, std::string where = {});
  // Lines "ROLE TOKEN [NAME]" (ROLE check or admin; NAME the person, the
  // rest of the line); '#' comments and blank lines. A token without a
  // name is known by "FILE:LINE", and an admin one is warned about (an
  // admin's acts should name a person). Two names that differ only in
  // case or blanks ("Ann Admin", "ann  admin") are one person's: refused,
  // naming both lines. Errors name FILE:LINE and never echo a token.
  Status AddFile(const std::string& path);
  // Tokens from [api] (each known by its policy line, "FILE:LINE", an
  // admin one warned about as naming no person) and the token file it
  // names.
  Status AddPolicy(const ApiPolicy& api);

  // The role the token grants, kNone when it matches nothing.
  Role Lookup(std::string_view token) const { return Identify(token).role; }
  // The role and name; every token is compared, whichever matches.
  Identity Identify(std::string_view token) const;
  // Each token's role, name and place, in the order added (no token).
  std::vector<Identity> Identities() const;
  bool has_check_tokens() const { return checks_ > 0; }
  bool has_admin_tokens() const { return entries_.size() > checks_; }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    Role role;
    std::string token;
    std::string name;
    std::string where;
  };
  std::vector<Entry> entries_;
  size_t checks_ = 0;
};

// The token of an "Authorization: Bearer TOKEN" header value; "" when the
// header is absent or another scheme.
std::string_view BearerToken(std::string_view authorization);

// Whether `have` may do what needs `need`. With no check tokens configured,
// checks are open (need kCheck, have kNone passes).
bool Allowed(const TokenSet& tokens, Role need, Role have);

// A random token (24 bytes from the OS, hex) for a run with no admin token.
std::string RandomToken();

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_AUTH_H_
