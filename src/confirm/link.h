// Signed confirm links: what a sender's release or delete link carries, and
// the HMAC-SHA256 (RFC 2104, OpenSSL) that makes it unforgeable.
//
// A token is hex(payload) "." hex(HMAC-SHA256(key, payload)); the payload
// is "v1", the action, the Postfix queue id, the sender, the recipients to
// acknowledge, the expiry and a random nonce, one per line. Verify checks
// the MAC in constant time, then the expiry; single use is the store's job
// (Store::UseLink on the nonce), so every node sharing the store agrees.
//
// Thread safety: a LinkSigner is immutable; Sign and Verify may run
// concurrently.
#ifndef NEARMISS_CONFIRM_LINK_H_
#define NEARMISS_CONFIRM_LINK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::confirm {

struct ConfirmLink {
  std::string action;    // "release" or "delete"
  std::string queue_id;  // the held message (Postfix queue id)
  std::string sender;    // who may use it; acknowledgements are theirs
  // The flagged recipients a release acknowledges (canonical addresses).
  std::vector<std::string> recipients;
  int64_t expires_at = 0;  // unix seconds
  std::string nonce;       // 16 random bytes, hex; Sign fills it when empty
};

class LinkSigner {
 public:
  // The key file is read whole; it must hold at least 32 bytes. Errors
  // name the file and never show the key.
  static Result<LinkSigner> FromKeyFile(const std::string& path);
  explicit LinkSigner(std::string key) : key_(std::move(key)) {}

  std::string Sign(ConfirmLink link) const;
  // The link a genuine token carries; kInvalidArgument ("the link is not
  // valid") for a malformed or forged one. The caller refuses it when
  // expires_at has passed (Expired).
  Result<ConfirmLink> Verify(std::string_view token) const;

 private:
  std::string Mac(std::string_view payload) const;
  std::string key_;
};

inline bool Expired(const ConfirmLink& link, int64_t now) { return now >= link.expires_at; }

// Hex of `n` random bytes from the OS.
std::string RandomHex(size_t n);

}  // namespace nearmiss::confirm

#endif  // NEARMISS_CONFIRM_LINK_H_
