// Bearer tokens in three roles. `check` may call POST /v1/check; `viewer`
// may read what an admin reads (GET of the held messages, the audit log,
// the policy, acknowledgements and events) and nothing else; `admin` may
// call everything (also release, delete, revoke and reload).
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

enum class Role { kNone, kCheck, kViewer, kAdmin };

// "check", "viewer", "admin"; "none".
const char* RoleName(Role role);

// Who a token belongs to: its role and the person's name, which every
// release, delete and revoke is recorded under (one token per person).
struct Identity {
  Role role = Role::kNone;
  std::string name;  // "Ann Admin"; a token without a name: `where`
  // Where the token is defined, "FILE:LINE" (a token file's line, or the
  // policy's `admin_tokens`/`check_tokens` line); "" for one made for the
  // run. Admin events record it beside the name.
  std::string where;
  // A check token bound to one sender (its line's NAME ends in
  // `<address>`: one person's own token): that sender's mailbox, lower
  // case; "" for a token many share (the add-ins' one), whose "Send
  // anyway" names a sender it cannot vouch for.
  std::string sender;
};

class TokenSet {
 public:
  // `name` "" records the token's acts under `where` ("FILE:LINE"), else
  // under "admin token N" / "check token N".
  void Add(Role role, std::string token, std::string name = {}, std::string where = {},
           std::string sender = {});
  // Lines "ROLE TOKEN [NAME]" (ROLE check, viewer or admin, in any case;
  // NAME the person, the rest of the line; a check line's NAME may end in
  // `<alice@example.org>`, binding the token to that sender); '#'
  // comments and blank lines; a UTF-8 byte order mark before the first
  // line is skipped (Notepad's "UTF-8 with BOM"). A token without a name
  // is known by "FILE:LINE", and an admin or viewer one is warned about
  // (their acts should name a person). Names are kept and compared as
  // token_name.h says: two that read the same ("Ann Admin", "ann  admin",
  // "Ann<U+00A0>Admin") are one person's, refused naming both lines; a
  // name mixing scripts, or holding a control or invisible character, is
  // refused naming the code point. Errors name FILE:LINE and never echo a
  // token.
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
  bool has_admin_tokens() const { return admins_ > 0; }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    Role role;
    std::string token;
    std::string name;
    std::string where;
    std::string sender;
  };
  std::vector<Entry> entries_;
  size_t checks_ = 0;
  size_t admins_ = 0;
};

// The token of an "Authorization: Bearer TOKEN" header value; "" when the
// header is absent or another scheme.
std::string_view BearerToken(std::string_view authorization);

// Whether `have` may do what needs `need`. With no check tokens configured,
// checks are open (need kCheck, have kNone passes). kViewer is needed by
// the admin API's reading routes: a viewer or an admin token has it; a
// viewer has nothing else (not kCheck, not kAdmin).
bool Allowed(const TokenSet& tokens, Role need, Role have);

// A random token (24 bytes from the OS, hex) for a run with no admin token.
std::string RandomToken();

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_AUTH_H_
