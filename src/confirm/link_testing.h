// For tests: a confirm token in the form signed before links carried each
// recipient's warning ("v1": the recipients space separated on one line),
// as a notice sent before an upgrade still holds one.
#ifndef NEARMISS_CONFIRM_LINK_TESTING_H_
#define NEARMISS_CONFIRM_LINK_TESTING_H_

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <string>
#include <string_view>

namespace nearmiss::confirm {

inline std::string SignVersion1(std::string_view key, std::string_view action,
                                std::string_view queue_id, std::string_view sender,
                                std::string_view recipients, std::string_view expires_at,
                                std::string_view nonce) {
  std::string payload = "v1";
  for (std::string_view field : {action, queue_id, sender, recipients, expires_at, nonce}) {
    payload.append("\n").append(field);
  }
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

}  // namespace nearmiss::confirm

#endif  // NEARMISS_CONFIRM_LINK_TESTING_H_
