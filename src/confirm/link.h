// Signed confirm links: what a sender's release or delete link carries, and
// the HMAC-SHA256 (RFC 2104, OpenSSL) that makes it unforgeable.
//
// A token is hex(payload) "." hex(HMAC-SHA256(key, payload)); the payload
// is "v4", the action, the Postfix queue id, the sender, the expiry, a
// random nonce, the hold id and the Message-ID of the held message (below),
// one per line, then one line for each recipient to
// acknowledge: its address, the reason codes, the suggestion and the
// address-typo kind of the warning it gave, tab separated. In every field
// '%', tab and line feed are written %25, %09 and %0A, so no value can pose
// as another. Older tokens still verify, so that /confirm can say why it
// refuses them (they name no held message beyond its queue id, which
// Postfix reuses: http/routes_confirm.cc acts on none of them): "v3" (no
// hold id or Message-ID), "v2" (no address-typo kind: its recipients' typo_kind is
// "", which settles no address-typo, acknowledgement.h) and "v1" (before
// issue 14's warn-once fix: the recipients space separated on one line
// after the sender, no warning). Verify checks
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
  // The flagged recipients a release acknowledges, each with the warning
  // the notice showed for it (Acknowledgement::reasons and ::suggestion).
  struct Recipient {
    std::string address;     // canonical
    std::string reasons;     // codes, space separated (WarningCodes)
    std::string suggestion;  // "" when it had none
    std::string typo_kind{};  // its address-typo kind (WarningTypoKind); "" when none
    bool operator==(const Recipient&) const = default;
  };
  std::vector<Recipient> recipients;
  int64_t expires_at = 0;  // unix seconds
  // 16 random bytes, hex; Sign fills it when empty. The notice's release
  // and delete links share one, so using either spends both.
  std::string nonce;
  // What binds the link to the held message beyond its queue id, which
  // Postfix reuses (issue-14 tester, round 42, item 3). hold_id: the random
  // `hold-id=` the milter wrote into the message's tag header when it held
  // it (HoldIdOf reads it back); "" when it could add no header. message_id:
  // the Message-ID the milter read, without its angle brackets; "" when the
  // message had none. /confirm acts only when the held message now under
  // the queue id carries the same (SameHeldMessage).
  std::string hold_id;
  std::string message_id;
  // What Verify read: 4; 3 for a token signed before the held message
  // was named (no hold_id, no message_id); 2 for one signed before the
  // address-typo kind was carried; or 1 for one signed before the warning
  // was carried. Sign always writes version 4.
  int version = 4;

  // The recipients' addresses, in order.
  std::vector<std::string> Addresses() const {
    std::vector<std::string> out;
    for (const Recipient& r : recipients) out.push_back(r.address);
    return out;
  }
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
