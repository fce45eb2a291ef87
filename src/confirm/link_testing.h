// For tests: confirm tokens in the forms signed before an upgrade, as a
// notice sent then still holds one: "v1" (the recipients space separated
// on one line, no warning) and, by SignPayload, "v2" (no address-typo kind).
#ifndef NEARMISS_CONFIRM_LINK_TESTING_H_
#define NEARMISS_CONFIRM_LINK_TESTING_H_

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <string>
#include <string_view>

namespace nearmiss::confirm {

// hex(payload) "." hex(HMAC-SHA256(key, payload)), link.h's token form.
inline std::string SignPayload(std::string_view key, const std::string& payload) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), mac, &len);
  auto hex = [](std::string_view bytes) {
    std::string out;
    for (unsigned char b : bytes) {
      out += "0123456789abcdef"[b >> 4];
      out += "0123456789abcdef"[b & 15];
    }
    return out;
  };
  return hex(payload) + "." + hex(std::string_view(reinterpret_cast<char*>(mac), len));
}

inline std::string SignVersion1(std::string_view key, std::string_view action,
                                std::string_view queue_id, std::string_view sender,
                                std::string_view recipients, std::string_view expires_at,
                                std::string_view nonce) {
  std::string payload = "v1";
  for (std::string_view field : {action, queue_id, sender, recipients, expires_at, nonce}) {
    payload.append("\n").append(field);
  }
  return SignPayload(key, payload);
}

}  // namespace nearmiss::confirm

#endif  // NEARMISS_CONFIRM_LINK_TESTING_H_
