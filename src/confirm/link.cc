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

constexpr std::string_view kVersion = "v4";
constexpr std::string_view kVersion3 = "v3";
constexpr std::string_view kVersion2 = "v2";
constexpr std::string_view kVersion1 = "v1";
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

// A field of a v2 or v3 payload: '%', tab and line feed escaped.
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\t') {
      out += "%09";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    std::string_view code = s.substr(i + 1, 2);
    if (code == "25") {
      out += '%';
    } else if (code == "09") {
      out += '\t';
    } else if (code == "0A") {
      out += '\n';
    } else {
      return std::nullopt;
    }
    i += 2;
  }
  return out;
}

// The fields of `line` split at tabs.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t tab = line.find('\t'); tab != std::string_view::npos; tab = line.find('\t', start)) {
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

std::optional<int64_t> ParseExpiry(const std::string& text) {
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') return std::nullopt;
  return v;
}

// A token signed before the recipients carried their warning: "v1",
// action, queue id, sender, the recipients space separated, expiry, nonce.
Result<ConfirmLink> ReadVersion1(const std::vector<std::string>& f) {
  if (f.size() != 7) return Invalid();
  ConfirmLink link;
  link.version = 1;
  link.action = f[1];
  link.queue_id = f[2];
  link.sender = f[3];
  size_t start = 0;
  const std::string& r = f[4];
  while (start < r.size()) {
    size_t end = r.find(' ', start);
    if (end == std::string::npos) end = r.size();
    if (end > start) link.recipients.push_back({r.substr(start, end - start), "", "", ""});
    start = end + 1;
  }
  std::optional<int64_t> expires = ParseExpiry(f[5]);
  if (!expires) return Invalid();
  link.expires_at = *expires;
  link.nonce = f[6];
  return link;
}

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
  std::string payload(kVersion);
  for (const std::string* field : {&link.action, &link.queue_id, &link.sender}) {
    payload.append("\n").append(Escape(*field));
  }
  payload.append("\n").append(std::to_string(link.expires_at));
  payload.append("\n").append(Escape(link.nonce));
  payload.append("\n").append(Escape(link.hold_id));
  payload.append("\n").append(Escape(link.message_id));
  for (const ConfirmLink::Recipient& r : link.recipients) {
    payload.append("\n").append(Escape(r.address));
    payload.append("\t").append(Escape(r.reasons));
    payload.append("\t").append(Escape(r.suggestion));
    payload.append("\t").append(Escape(r.typo_kind));
  }
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
  if (f.size() < 6 || (f[1] != "release" && f[1] != "delete")) return Invalid();
  if (f[0] == kVersion1) return ReadVersion1(f);
  if (f[0] != kVersion && f[0] != kVersion3 && f[0] != kVersion2) return Invalid();
  ConfirmLink link;
  link.version = f[0] == kVersion ? 4 : f[0] == kVersion3 ? 3 : 2;
  // A v2 recipient has no address-typo kind: address, reasons, suggestion.
  const size_t fields = link.version >= 3 ? 4 : 3;
  // A v4 token names the held message (hold id, Message-ID) after the nonce.
  size_t first_recipient = 6;
  if (link.version == 4) {
    if (f.size() < 8) return Invalid();
    std::optional<std::string> hold_id = Unescape(f[6]), message_id = Unescape(f[7]);
    if (!hold_id || !message_id) return Invalid();
    link.hold_id = std::move(*hold_id);
    link.message_id = std::move(*message_id);
    first_recipient = 8;
  }
  std::optional<std::string> queue_id = Unescape(f[2]), sender = Unescape(f[3]),
                             nonce = Unescape(f[5]);
  std::optional<int64_t> expires = ParseExpiry(f[4]);
  if (!queue_id || !sender || !nonce || !expires) return Invalid();
  link.action = f[1];
  link.queue_id = std::move(*queue_id);
  link.sender = std::move(*sender);
  link.expires_at = *expires;
  link.nonce = std::move(*nonce);
  for (size_t i = first_recipient; i < f.size(); ++i) {
    std::vector<std::string_view> parts = Fields(f[i]);
    if (parts.size() != fields) return Invalid();
    std::optional<std::string> address = Unescape(parts[0]), reasons = Unescape(parts[1]),
                               suggestion = Unescape(parts[2]),
                               typo_kind = fields == 4 ? Unescape(parts[3]) : std::optional<std::string>(std::string());
    if (!address || !reasons || !suggestion || !typo_kind || address->empty()) return Invalid();
    link.recipients.push_back({std::move(*address), std::move(*reasons), std::move(*suggestion),
                               std::move(*typo_kind)});
  }
  return link;
}

}  // namespace nearmiss::confirm
