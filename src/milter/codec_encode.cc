// Encoding of milter packets, both directions.
#include <algorithm>
#include <string>
#include <vector>

#include "milter/codec.h"

namespace nearmiss::milter {
namespace {

// Postfix's smtpd caps one reply line near 512 bytes (RFC 5321 4.5.3.1.5);
// leave room for the code and enhanced status.
constexpr size_t kMaxReplyText = 400;

void AppendU32(uint32_t v, std::string* out) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
               static_cast<char>(v >> 8), static_cast<char>(v)};
  out->append(b, 4);
}

void AppendCString(std::string_view s, std::string* out) {
  // An embedded NUL would end the string early on the other side: cut there.
  out->append(s.substr(0, s.find('\0')));
  out->push_back('\0');
}

// Writes the header of a packet whose data is appended afterwards; returns
// the offset of the length so FinishPacket can fill it in.
size_t BeginPacket(char code, std::string* out) {
  size_t at = out->size();
  AppendU32(0, out);
  out->push_back(code);
  return at;
}

void FinishPacket(size_t at, std::string* out) {
  uint32_t length = static_cast<uint32_t>(out->size() - at - 4);
  std::string b;
  AppendU32(length, &b);
  out->replace(at, 4, b);
}

// Controls (CR, LF, TAB, NUL, ...) become spaces. A header value's UTF-8
// passes through; a reply line (`reply`) is printable US-ASCII (RFC 5321
// 4.2), so each non-ASCII character there becomes one '?': the milter's
// callers make the text ASCII first (address::SmtpReplyText), this is the
// last guard that no raw 8-bit byte reaches the SMTP client.
std::string Sanitize(std::string_view text, size_t max_bytes, bool reply) {
  std::string s;
  s.reserve(std::min(text.size(), max_bytes) + 8);
  for (char c : text) {
    if (s.size() >= max_bytes) break;
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      s.push_back(' ');
    } else if (c == '%' && reply) {
      s += "%%";
    } else if (u >= 0x80 && reply) {
      if (u >= 0xC0 || s.empty() || s.back() != '?') s.push_back('?');  // lead or stray byte
    } else {
      s.push_back(c);
    }
  }
  // Never leave a torn UTF-8 sequence at the cut.
  size_t end = s.size();
  size_t i = end;
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0xC0) {
    unsigned char lead = static_cast<unsigned char>(s[i - 1]);
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (end - (i - 1) < need) s.resize(i - 1);
  }
  return s;
}

}  // namespace

std::string SanitizeHeaderValue(std::string_view value, size_t max_bytes) {
  return Sanitize(value, max_bytes, /*reply=*/false);
}

void EncodePacket(char code, std::string_view data, std::string* out) {
  AppendU32(static_cast<uint32_t>(data.size() + 1), out);
  out->push_back(code);
  out->append(data);
}

void EncodeOptionReply(const OptionReply& reply, std::string* out) {
  size_t at = BeginPacket(reply::kOptionNegotiation, out);
  AppendU32(reply.version, out);
  AppendU32(reply.actions, out);
  AppendU32(reply.protocol, out);
  for (const SymbolList& s : reply.symbols) {
    AppendU32(static_cast<uint32_t>(s.stage), out);
    AppendCString(s.macros, out);
  }
  FinishPacket(at, out);
}

void EncodeSimple(char code, std::string* out) { EncodePacket(code, {}, out); }

void EncodeReplyCode(std::string_view code, std::string_view enhanced,
                     std::string_view text, std::string* out) {
  size_t at = BeginPacket(reply::kReplyCode, out);
  out->append(code);
  out->push_back(' ');
  if (!enhanced.empty()) {
    out->append(enhanced);
    out->push_back(' ');
  }
  out->append(Sanitize(text, kMaxReplyText, /*reply=*/true));
  out->push_back('\0');
  FinishPacket(at, out);
}

namespace {

// A line of a multi-line reply holds this much text before the next begins,
// below kMaxReplyText so '%' doubled still fits.
constexpr size_t kWrapWidth = 360;

// `text` in lines of at most `width` bytes, broken at the last space that
// leaves half a line or more, else (a long address) cut, never inside a
// UTF-8 sequence.
std::vector<std::string_view> Wrap(std::string_view text, size_t width) {
  std::vector<std::string_view> lines;
  while (text.size() > width) {
    size_t cut = text.rfind(' ', width);
    if (cut == std::string_view::npos || cut < width / 2) {
      cut = width;
      while (cut > 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    lines.push_back(text.substr(0, cut));
    text.remove_prefix(cut);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  }
  if (!text.empty() || lines.empty()) lines.push_back(text);
  return lines;
}

}  // namespace

void EncodeReplyLines(std::string_view code, std::string_view enhanced,
                      const std::vector<std::string>& parts, std::string* out) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::vector<std::string_view> wrapped = Wrap(parts[i], kWrapWidth);
    const bool last = i + 1 == parts.size();
    // Keep one line to say how many more there were.
    if (lines.size() + wrapped.size() > kMaxReplyLines - (last ? 0 : 1)) {
      lines.push_back("and " + std::to_string(parts.size() - i) + " more, each refused as well");
      break;
    }
    for (std::string_view w : wrapped) lines.push_back(Sanitize(w, kMaxReplyText, /*reply=*/true));
  }
  size_t at = BeginPacket(reply::kReplyCode, out);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out->append("\r\n");
    out->append(code);
    out->push_back(i + 1 < lines.size() ? '-' : ' ');
    if (!enhanced.empty()) {
      out->append(enhanced);
      out->push_back(' ');
    }
    out->append(lines[i]);
  }
  out->push_back('\0');
  FinishPacket(at, out);
}

void EncodeAddRcpt(std::string_view recipient, std::string* out) {
  size_t at = BeginPacket(reply::kAddRcpt, out);
  AppendCString(recipient, out);
  FinishPacket(at, out);
}

void EncodeDelRcpt(std::string_view recipient, std::string* out) {
  size_t at = BeginPacket(reply::kDelRcpt, out);
  AppendCString(recipient, out);
  FinishPacket(at, out);
}

void EncodeAddHeader(std::string_view name, std::string_view value,
                     std::string* out) {
  size_t at = BeginPacket(reply::kAddHeader, out);
  AppendCString(name, out);
  AppendCString(value, out);
  FinishPacket(at, out);
}

void EncodeChangeHeader(uint32_t index, std::string_view name,
                        std::string_view value, std::string* out) {
  size_t at = BeginPacket(reply::kChangeHeader, out);
  AppendU32(index, out);
  AppendCString(name, out);
  AppendCString(value, out);
  FinishPacket(at, out);
}

void EncodeInsertHeader(uint32_t index, std::string_view name,
                        std::string_view value, std::string* out) {
  size_t at = BeginPacket(reply::kInsertHeader, out);
  AppendU32(index, out);
  AppendCString(name, out);
  AppendCString(value, out);
  FinishPacket(at, out);
}

void EncodeQuarantine(std::string_view reason, std::string* out) {
  size_t at = BeginPacket(reply::kQuarantine, out);
  AppendCString(reason, out);
  FinishPacket(at, out);
}

void EncodeOptionNegotiation(const OptionNegotiation& o, std::string* out) {
  size_t at = BeginPacket(cmd::kOptionNegotiation, out);
  AppendU32(o.version, out);
  AppendU32(o.actions, out);
  AppendU32(o.protocol, out);
  FinishPacket(at, out);
}

void EncodeMacros(char for_command,
                  const std::vector<std::pair<std::string, std::string>>& m,
                  std::string* out) {
  size_t at = BeginPacket(cmd::kMacro, out);
  out->push_back(for_command);
  for (const auto& [name, value] : m) {
    AppendCString(name, out);
    AppendCString(value, out);
  }
  FinishPacket(at, out);
}

void EncodeStrings(char code, const std::vector<std::string_view>& strings,
                   std::string* out) {
  size_t at = BeginPacket(code, out);
  for (std::string_view s : strings) AppendCString(s, out);
  FinishPacket(at, out);
}

void EncodeConnect(const Connect& c, std::string* out) {
  size_t at = BeginPacket(cmd::kConnect, out);
  AppendCString(c.hostname, out);
  out->push_back(c.family);
  if (c.family != 'U') {
    out->push_back(static_cast<char>(c.port >> 8));
    out->push_back(static_cast<char>(c.port & 0xff));
    AppendCString(c.address, out);
  }
  FinishPacket(at, out);
}

OptionReply WantedOptionReply(const OptionNegotiation& offer) {
  OptionReply r;
  r.version = std::min<uint32_t>(offer.version, kProtocolVersion);
  r.protocol = kWantedProtocol & offer.protocol;
  r.actions = kWantedActions & offer.actions;
  if (r.actions & action::kSetSymbolList) {
    r.symbols = {
        {MacroStage::kMail, "i {auth_authen} {mail_addr}"},
        {MacroStage::kRcpt, "i {rcpt_addr} {rcpt_mailer}"},
        {MacroStage::kEndOfMessage, "i"},
    };
  }
  return r;
}

}  // namespace nearmiss::milter
