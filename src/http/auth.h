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

class TokenSet {
 public:
  void Add(Role role, std::string token);
  // Lines "check TOKEN" / "admin TOKEN"; '#' comments and blank lines.
  // Errors name FILE:LINE and never echo a token.
  Status AddFile(const std::string& path);
  // Tokens from [api] and the token file it names.
  Status AddPolicy(const ApiPolicy& api);

  // The role the token grants, kNone when it matches nothing.
  Role Lookup(std::string_view token) const;
  bool has_check_tokens() const { return !check_.empty(); }
  bool has_admin_tokens() const { return !admin_.empty(); }
  size_t size() const { return check_.size() + admin_.size(); }

 private:
  std::vector<std::string> check_;
  std::vector<std::string> admin_;
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
