// The milter codec: bytes <-> packets <-> typed events, with no I/O.
//
// Framer cuts a byte stream into packets and is resumable: feed it whatever
// arrived (one byte or many packets) and take packets out until it needs more.
// Every length read from the wire is checked against a bound before use: a
// packet longer than the configured maximum, or of length 0, is a protocol
// error and the stream is dead from then on.
//
// ParseCommand / ParseResponse turn one packet into an event for each
// direction (the daemon parses commands; tests and tools parse responses).
// The Encode* functions append packets to a string.
//
// Lifetime: string_views in a Packet or event point into the Framer's buffer
// and stay valid until the next Feed() on that Framer.
// Thread safety: a Framer belongs to one connection; the free functions are
// re-entrant.
#ifndef NEARMISS_MILTER_CODEC_H_
#define NEARMISS_MILTER_CODEC_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "milter/protocol.h"
#include "nearmiss/status.h"

namespace nearmiss::milter {

struct Packet {
  char code = 0;  // command or response byte
  std::string_view data;
};

class Framer {
 public:
  explicit Framer(size_t max_packet = kDefaultMaxPacket)
      : max_packet_(max_packet) {}

  // Appends received bytes; invalidates views handed out before.
  void Feed(std::string_view bytes);

  // Room for `n` more bytes at the end of the buffer, for a read straight
  // into it (Connection::Read: no copy through a second buffer); Commit(k)
  // then keeps the first k (at most n) of them (0 on a failed read). Until Commit the
  // room is not buffered(), and nothing else may touch the framer.
  // Invalidates views handed out before.
  char* Reserve(size_t n);
  void Commit(size_t k);

  // The next complete packet; nullopt when more bytes are needed. A bad
  // length yields an error, and so does every call after it.
  Result<std::optional<Packet>> Next();

  // Bytes received but not yet returned as packets.
  size_t buffered() const { return size_ - consumed_; }

  // With nothing buffered, gives back a buffer grown past 64 KiB (a large
  // packet, or a peer that sent a long burst): an idle connection should
  // not keep its largest packet's memory. Invalidates views handed out.
  void ReleaseIfEmpty();

 private:
  size_t max_packet_;
  // Not a std::string: growing one zero-fills, and Reserve's room, 16 KiB
  // a read, would be cleared on every read only to be overwritten.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t size_ = 0;  // received bytes in buffer_, consumed ones included
  size_t consumed_ = 0;
  Status error_;
};

// ---- MTA -> milter ----

struct OptionNegotiation {
  uint32_t version = 0;
  uint32_t actions = 0;
  uint32_t protocol = 0;
};
struct Macros {
  char for_command = 0;  // the command these macros precede
  std::vector<std::pair<std::string_view, std::string_view>> values;
};
struct Connect {
  std::string_view hostname;
  char family = 'U';  // '4', '6', 'L' (unix socket) or 'U' (unknown)
  uint16_t port = 0;
  std::string_view address;
};
struct Helo {
  std::string_view name;
};
// MAIL and RCPT: the address as the MTA gives it ("<a@b>" from smtpd, often
// "a@b" from Postfix's non-smtpd path), then ESMTP arguments.
struct Mail {
  std::string_view sender;
  std::vector<std::string_view> args;
};
struct Rcpt {
  std::string_view recipient;
  std::vector<std::string_view> args;
};
struct Data {};
struct Header {
  std::string_view name;
  std::string_view value;
};
struct EndOfHeaders {};
struct Body {
  std::string_view chunk;
};
struct EndOfMessage {
  std::string_view chunk;  // normally empty; libmilter allows a last chunk
};
struct Abort {};
struct Quit {};
struct QuitNewConnection {};
struct Unknown {
  std::string_view command;
};

using Command = std::variant<OptionNegotiation, Macros, Connect, Helo, Mail,
                             Rcpt, Data, Header, EndOfHeaders, Body,
                             EndOfMessage, Abort, Quit, QuitNewConnection,
                             Unknown>;

// A malformed packet or an unknown command byte is a ParseError.
Result<Command> ParseCommand(const Packet& packet);

// ---- milter -> MTA ----

struct SymbolList {
  MacroStage stage;
  std::string macros;  // space-separated names: "i {rcpt_mailer}"
};
struct OptionReply {
  uint32_t version = kProtocolVersion;
  uint32_t actions = 0;
  uint32_t protocol = 0;
  std::vector<SymbolList> symbols;
};
// The option reply nearmiss sends: the wanted steps, actions and macros,
// narrowed to what the MTA offered (asking for more breaks the stream).
OptionReply WantedOptionReply(const OptionNegotiation& offer);

// Responses with no data: accept, continue, discard, reject, tempfail,
// progress, skip.
struct Simple {
  char code = 0;
};
struct ReplyCode {
  std::string_view text;  // as on the wire, "%%" escapes included
};
struct AddRcpt {
  std::string_view recipient;
};
struct DelRcpt {
  std::string_view recipient;
};
struct AddHeader {
  std::string_view name;
  std::string_view value;
};
// SMFIR_CHGHEADER (index: the n-th header of that name, 1-based; an empty
// value deletes) and SMFIR_INSHEADER (index: position among all headers).
struct IndexedHeader {
  char code = 0;
  uint32_t index = 0;
  std::string_view name;
  std::string_view value;
};
struct Quarantine {
  std::string_view reason;
};

using Response = std::variant<OptionReply, Simple, ReplyCode, AddRcpt, DelRcpt,
                              AddHeader, IndexedHeader, Quarantine>;

Result<Response> ParseResponse(const Packet& packet);

// ---- encoding: each appends one whole packet to *out ----

void EncodePacket(char code, std::string_view data, std::string* out);
void EncodeOptionReply(const OptionReply& reply, std::string* out);
void EncodeSimple(char code, std::string* out);
// `code` is "550" or "450", `enhanced` "5.7.1"; `text` may hold anything:
// CR/LF and other controls become spaces, '%' is doubled (libmilter and
// Postfix treat the text as a format), each non-ASCII character becomes '?'
// (a reply line is US-ASCII, RFC 5321 4.2: callers convert names to A-labels
// first, address::SmtpReplyText), and it is cut to a line Postfix takes.
void EncodeReplyCode(std::string_view code, std::string_view enhanced,
                     std::string_view text, std::string* out);
// A reply of several lines ("550-5.7.1 a\r\n550 5.7.1 b", RFC 5321 4.2.1),
// which libmilter's smfi_setmlreply sends and Postfix passes on: each of
// `parts` on lines of its own, a long one wrapped at a space (a line
// Postfix takes whole), each line sanitised as EncodeReplyCode's text. At
// most kMaxReplyLines lines; past them the last line says how many parts
// were left out. One short part gives EncodeReplyCode's reply.
inline constexpr size_t kMaxReplyLines = 32;
void EncodeReplyLines(std::string_view code, std::string_view enhanced,
                      const std::vector<std::string>& parts, std::string* out);
void EncodeAddRcpt(std::string_view recipient, std::string* out);
void EncodeDelRcpt(std::string_view recipient, std::string* out);
void EncodeAddHeader(std::string_view name, std::string_view value,
                     std::string* out);
void EncodeChangeHeader(uint32_t index, std::string_view name,
                        std::string_view value, std::string* out);
void EncodeInsertHeader(uint32_t index, std::string_view name,
                        std::string_view value, std::string* out);
void EncodeQuarantine(std::string_view reason, std::string* out);

// MTA side, for test clients and the fuzzer's round trips.
void EncodeOptionNegotiation(const OptionNegotiation& o, std::string* out);
void EncodeMacros(char for_command,
                  const std::vector<std::pair<std::string, std::string>>& m,
                  std::string* out);
// Any command whose data is NUL-terminated strings (HELO, MAIL, RCPT,
// HEADER, UNKNOWN): each string gets its terminator.
void EncodeStrings(char code, const std::vector<std::string_view>& strings,
                   std::string* out);
void EncodeConnect(const Connect& c, std::string* out);

// Header values are sanitised the same way as reply text, minus the '%'
// doubling: no CR/LF can reach the MTA from a finding.
std::string SanitizeHeaderValue(std::string_view value, size_t max_bytes);

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_CODEC_H_
