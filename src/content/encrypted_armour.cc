// FindEncryptedArmour (encrypted_armour.h).
#include "content/encrypted_armour.h"

namespace nearmiss::content {
namespace {

enum class Opens { kLine, kLineStart, kInLine };  // the opener is the line, starts it, is in it
enum class Data { kRadix64, kHex };

struct Armour {
  std::string_view begin;
  Opens opens;
  std::string_view end;  // empty: the block ends at its first line that is not data
  Data data;
  std::string_view name;
  // Non-empty: the block is encrypted only with this armour header before
  // its data (a legacy PEM key's "Proc-Type: 4,ENCRYPTED"); without it the
  // block is not this armour at all (an unencrypted key) and is not counted.
  std::string_view header = {};
};

// The armours of encrypted_armour.h, each with its source there.
constexpr Armour kArmours[] = {
    {"-----BEGIN PGP MESSAGE-----", Opens::kLine, "-----END PGP MESSAGE-----", Data::kRadix64,
     "an OpenPGP encrypted message"},
    {"-----BEGIN AGE ENCRYPTED FILE-----", Opens::kLine, "-----END AGE ENCRYPTED FILE-----",
     Data::kRadix64, "an age encrypted file"},
    {"-----BEGIN ENCRYPTED PRIVATE KEY-----", Opens::kLine, "-----END ENCRYPTED PRIVATE KEY-----",
     Data::kRadix64, "a passphrase-encrypted private key"},
    {"$ANSIBLE_VAULT;", Opens::kLineStart, "", Data::kHex, "an Ansible Vault encrypted file"},
    // Its own first line of data: base64 of "Salted__" and the salt.
    {"U2FsdGVkX1", Opens::kLineStart, "", Data::kRadix64,
     "OpenSSL encrypted data (openssl enc -a)"},
    {"ENC[AES256_GCM,data:", Opens::kInLine, "", Data::kRadix64, "a sops encrypted value"},
    {"-----BEGIN RSA PRIVATE KEY-----", Opens::kLine, "-----END RSA PRIVATE KEY-----",
     Data::kRadix64, "a passphrase-encrypted private key", "Proc-Type: 4,ENCRYPTED"},
    {"-----BEGIN EC PRIVATE KEY-----", Opens::kLine, "-----END EC PRIVATE KEY-----",
     Data::kRadix64, "a passphrase-encrypted private key", "Proc-Type: 4,ENCRYPTED"},
    {"-----BEGIN DSA PRIVATE KEY-----", Opens::kLine, "-----END DSA PRIVATE KEY-----",
     Data::kRadix64, "a passphrase-encrypted private key", "Proc-Type: 4,ENCRYPTED"},
    // RFC 1421's Privacy-Enhanced Mail: encrypted only where its first
    // header says so (4.6.1.1; "MIC-ONLY" and "MIC-CLEAR" are signed text).
    {"-----BEGIN PRIVACY-ENHANCED MESSAGE-----", Opens::kLine,
     "-----END PRIVACY-ENHANCED MESSAGE-----", Data::kRadix64,
     "a Privacy-Enhanced Mail encrypted message (RFC 1421)", "Proc-Type: 4,ENCRYPTED"},
};

// `line` less its line end and any reply quote prefix ("> ", ">> ", "> > ")
// or indent.
std::string_view Unquoted(std::string_view line, bool* quoted) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  std::size_t i = 0;
  while (i < line.size() && (line[i] == '>' || line[i] == ' ' || line[i] == '\t')) {
    if (line[i] == '>') *quoted = true;
    ++i;
  }
  return line.substr(i);
}

bool IsDataChar(Data data, char c) {
  const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  if (data == Data::kHex) return hex;
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

// How many characters of data open `line`.
std::size_t DataRun(Data data, std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && IsDataChar(data, line[i])) ++i;
  return i;
}

// A line of data: four characters or more of radix-64 (eight of hex), and
// nothing after but an ellipsis where a quote or a note cut it ("hQEMA...").
bool IsDataLine(Data data, std::string_view line) {
  const std::size_t i = DataRun(data, line);
  if (i < (data == Data::kHex ? 8u : 4u)) return false;
  std::string_view rest = line.substr(i);
  while (rest.starts_with(".")) rest.remove_prefix(1);
  while (rest.starts_with("\u2026")) rest.remove_prefix(std::string_view("\u2026").size());
  return rest.empty();
}

// An armour header "Key: value" (RFC 4880 6.2), or "Key:value": OpenSSL
// reads a PEM header's blanks after the colon as optional
// (PEM_read_bio_ex), so "Proc-Type:4,ENCRYPTED" is the same header.
bool IsArmourHeader(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (char c : line.substr(0, colon)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  return true;
}

// The armour `line` opens, or nullptr; `*after`: what follows an in-line opener.
const Armour* Opener(std::string_view line, std::string_view* after) {
  for (const Armour& a : kArmours) {
    if (a.opens == Opens::kLine && line == a.begin) return &a;
    if (a.opens == Opens::kLineStart && line.starts_with(a.begin)) return &a;
    if (const std::size_t at = line.find(a.begin);
        a.opens == Opens::kInLine && at != std::string_view::npos) {
      *after = line.substr(at + a.begin.size());
      return &a;
    }
  }
  return nullptr;
}

// `line` is the armour header `header` ("Proc-Type: 4,ENCRYPTED"), with or
// without blanks after the colon and around the comma.
bool IsHeader(std::string_view line, std::string_view header) {
  const std::size_t colon = header.find(':');
  if (!line.starts_with(header.substr(0, colon + 1))) return false;
  std::string_view want = header.substr(colon + 1), got = line.substr(colon + 1);
  auto next = [](std::string_view* s) {
    while (!s->empty() && (s->front() == ' ' || s->front() == '\t')) s->remove_prefix(1);
  };
  for (next(&want), next(&got); !want.empty(); next(&want), next(&got)) {
    if (got.empty() || got.front() != want.front()) return false;
    want.remove_prefix(1);
    got.remove_prefix(1);
  }
  return true;
}

}  // namespace

EncryptedArmour FindEncryptedArmour(std::string_view text) {
  EncryptedArmour out;
  enum class State { kOutside, kHeaders, kData } state = State::kOutside;
  const Armour* armour = nullptr;
  bool quoted = false, data = false, header_seen = false;
  auto close = [&] {
    if (state != State::kOutside && data && (armour->header.empty() || header_seen)) {
      out.ciphertext = true;
      if (quoted) out.quoted_ciphertext = true;
      if (out.what.empty()) {
        out.what = std::string(armour->name) + (quoted ? " quoted in the text (> " : " (") +
                   std::string(armour->begin) + (armour->opens == Opens::kLine ? ")" : "...)");
      }
    }
    state = State::kOutside;
  };
  for (std::size_t at = 0; at < text.size();) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    bool line_quoted = false;
    const std::string_view line = Unquoted(text.substr(at, nl - at), &line_quoted);
    at = nl + 1;
    std::string_view after;
    if (const Armour* opened = Opener(line, &after); opened != nullptr) {
      close();
      if (opened->header.empty()) ++out.blocks;
      header_seen = false;
      armour = opened;
      state = State::kHeaders;
      quoted = line_quoted;
      // An in-line value is whole on its line: "ENC[AES256_GCM,data:<base64>,".
      data = opened->opens == Opens::kInLine && DataRun(opened->data, after) >= 4;
      // An opener that is data itself (openssl's) holds some past its
      // 16 bytes of magic and salt (24 characters).
      if (opened->opens == Opens::kLineStart && line.size() > 24 && IsDataLine(opened->data, line)) {
        data = true;
      }
      if (opened->opens == Opens::kInLine) close();
      continue;
    }
    if (state == State::kOutside) continue;
    if (!armour->end.empty() && line == armour->end) {
      close();
      continue;
    }
    if (state == State::kHeaders && IsArmourHeader(line)) {
      if (!armour->header.empty() && IsHeader(line, armour->header) && !header_seen) {
        header_seen = true;
        ++out.blocks;
      }
      continue;
    }
    const bool is_data = IsDataLine(armour->data, line);
    // An armour without an END line ends at its first line of other words.
    if (armour->end.empty() && !is_data && (data || !line.empty())) {
      close();
      continue;
    }
    state = State::kData;  // the blank line after the headers, or data
    if (is_data) data = true;
  }
  // A block cut before its END line (a quote trimmed by the replier) holds
  // what it has.
  close();
  return out;
}

}  // namespace nearmiss::content
