#include "confirm/link.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sys/random.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>

namespace nearmiss::confirm {
namespace {

constexpr std::string_view kVersion = "v1";
constexpr size_t kMaxTokenBytes = 8192;

std::string Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::optional<std::string> Unhex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi << 4 | lo);
  }
  return out;
}

std::vector<std::string> Lines(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Status Invalid() { return Status::InvalidArgument("the link is not valid"); }

}  // namespace

std::string RandomHex(size_t n) {
  std::string bytes(n, '\0');
  size_t got = 0;
  while (got < n) {
    ssize_t r = getrandom(bytes.data() + got, n - got, 0);
    if (r > 0) got += static_cast<size_t>(r);
  }
  return Hex(bytes);
}

Result<LinkSigner> LinkSigner::FromKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the confirm key file");
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (key.size() < 32) {
    return Status::InvalidArgument(path + ": the confirm key needs 32 bytes or more (" +
                                   std::to_string(key.size()) +
                                   " read); make one with: head -c 32 /dev/urandom > " + path);
  }
  return LinkSigner(std::move(key));
}

std::string LinkSigner::Mac(std::string_view payload) const {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
       reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), mac, &len);
  return std::string(reinterpret_cast<char*>(mac), len);
}

std::string LinkSigner::Sign(ConfirmLink link) const {
  if (link.nonce.empty()) link.nonce = RandomHex(16);
  std::string recipients;
  for (const std::string& r : link.recipients) recipients += (recipients.empty() ? "" : " ") + r;
  std::string payload = std::string(kVersion) + "\n" + link.action + "\n" + link.queue_id +
                        "\n" + link.sender + "\n" + recipients + "\n" +
                        std::to_string(link.expires_at) + "\n" + link.nonce;
  return Hex(payload) + "." + Hex(Mac(payload));
}

Result<ConfirmLink> LinkSigner::Verify(std::string_view token) const {
  if (token.size() > kMaxTokenBytes) return Invalid();
  size_t dot = token.find('.');
  if (dot == std::string_view::npos) return Invalid();
  std::optional<std::string> payload = Unhex(token.substr(0, dot));
  std::optional<std::string> mac = Unhex(token.substr(dot + 1));
  if (!payload || !mac) return Invalid();
  std::string want = Mac(*payload);
  if (mac->size() != want.size() || CRYPTO_memcmp(mac->data(), want.data(), want.size()) != 0) {
    return Invalid();
  }
  std::vector<std::string> f = Lines(*payload);
  if (f.size() != 7 || f[0] != kVersion || (f[1] != "release" && f[1] != "delete")) {
    return Invalid();
  }
  ConfirmLink link;
  link.action = f[1];
  link.queue_id = f[2];
  link.sender = f[3];
  for (std::string& r : Lines(f[4])) {
    size_t start = 0;
    while (start < r.size()) {
      size_t end = r.find(' ', start);
      if (end == std::string::npos) end = r.size();
      if (end > start) link.recipients.push_back(r.substr(start, end - start));
      start = end + 1;
    }
  }
  char* end = nullptr;
  link.expires_at = std::strtoll(f[5].c_str(), &end, 10);
  if (f[5].empty() || *end != '\0') return Invalid();
  link.nonce = f[6];
  return link;
}

}  // namespace nearmiss::confirm
