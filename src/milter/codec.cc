// Framing and parsing of milter packets. Every read goes through Reader,
// whose accessors check the remaining length first, so a short or hostile
// packet becomes a ParseError and never an out-of-bounds read.
#include "milter/codec.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace nearmiss::milter {
namespace {

uint32_t LoadBigEndian32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) |
         (uint32_t{u[2]} << 8) | uint32_t{u[3]};
}

class Reader {
 public:
  explicit Reader(std::string_view data) : rest_(data) {}

  bool U32(uint32_t* out) {
    if (rest_.size() < 4) return false;
    *out = LoadBigEndian32(rest_.data());
    rest_.remove_prefix(4);
    return true;
  }
  bool U16(uint16_t* out) {
    if (rest_.size() < 2) return false;
    const auto* u = reinterpret_cast<const unsigned char*>(rest_.data());
    *out = static_cast<uint16_t>((u[0] << 8) | u[1]);
    rest_.remove_prefix(2);
    return true;
  }
  bool Char(char* out) {
    if (rest_.empty()) return false;
    *out = rest_.front();
    rest_.remove_prefix(1);
    return true;
  }
  // A NUL-terminated string; false when the terminator is missing.
  bool CString(std::string_view* out) {
    size_t nul = rest_.find('\0');
    if (nul == std::string_view::npos) return false;
    *out = rest_.substr(0, nul);
    rest_.remove_prefix(nul + 1);
    return true;
  }
  bool empty() const { return rest_.empty(); }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

Status Malformed(char code, std::string_view what) {
  std::string printable = (code >= 0x20 && code < 0x7f)
                              ? std::string(1, code)
                              : "0x" + std::to_string(static_cast<unsigned char>(code));
  return Status::ParseError("milter: malformed '" + printable + "' packet: " +
                            std::string(what));
}

// The address and ESMTP arguments of MAIL / RCPT.
bool ParseArgs(Reader& r, std::string_view* first,
               std::vector<std::string_view>* args) {
  if (!r.CString(first)) return false;
  while (!r.empty()) {
    std::string_view arg;
    if (!r.CString(&arg)) return false;
    args->push_back(arg);
  }
  return true;
}

}  // namespace

void Framer::Feed(std::string_view bytes) {
  if (bytes.empty()) return;
  std::memcpy(Reserve(bytes.size()), bytes.data(), bytes.size());
  Commit(bytes.size());
}

char* Framer::Reserve(size_t n) {
  // Compact only when the consumed prefix dominates, so a stream of small
  // packets does not shift the buffer on every read.
  if (consumed_ > 0 && consumed_ * 2 >= size_) {
    std::memmove(buffer_.get(), buffer_.get() + consumed_, size_ - consumed_);
    size_ -= consumed_;
    consumed_ = 0;
  }
  if (size_ + n > capacity_) {
    size_t grown = std::max(size_ + n, capacity_ * 2);
    auto bigger = std::make_unique_for_overwrite<char[]>(grown);
    if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
    buffer_ = std::move(bigger);
    capacity_ = grown;
  }
  return buffer_.get() + size_;
}

void Framer::Commit(size_t k) { size_ += k; }

void Framer::ReleaseIfEmpty() {
  if (buffered() > 0) return;
  size_ = 0;
  consumed_ = 0;
  if (capacity_ > 64 * 1024) {
    buffer_.reset();
    capacity_ = 0;
  }
}

Result<std::optional<Packet>> Framer::Next() {
  if (!error_.ok()) return error_;
  size_t available = size_ - consumed_;
  if (available < 4) return std::optional<Packet>();
  uint32_t length = LoadBigEndian32(buffer_.get() + consumed_);
  if (length == 0) {
    error_ = Status::ParseError("milter: packet of length 0");
    return error_;
  }
  if (length > max_packet_) {
    error_ = Status::ResourceExhausted(
        "milter: packet of " + std::to_string(length) + " bytes exceeds " +
        std::to_string(max_packet_));
    return error_;
  }
  if (available - 4 < length) return std::optional<Packet>();
  const char* start = buffer_.get() + consumed_ + 4;
  consumed_ += 4 + size_t{length};
  return std::optional<Packet>(
      Packet{start[0], std::string_view(start + 1, length - 1)});
}

Result<Command> ParseCommand(const Packet& packet) {
  Reader r(packet.data);
  switch (packet.code) {
    case cmd::kOptionNegotiation: {
      OptionNegotiation o;
      // Sendmail may append more; only the first three words are defined.
      if (!r.U32(&o.version) || !r.U32(&o.actions) || !r.U32(&o.protocol)) {
        return Malformed(packet.code, "short option negotiation");
      }
      return Command(o);
    }
    case cmd::kMacro: {
      Macros m;
      if (!r.Char(&m.for_command)) return Malformed(packet.code, "empty");
      // One allocation for the list, not one per doubling: each message
      // brings three macro packets (MAIL, RCPT, end of message).
      m.values.reserve(static_cast<size_t>(
          std::count(r.rest().begin(), r.rest().end(), '\0') / 2));
      while (!r.empty()) {
        std::string_view name, value;
        if (!r.CString(&name) || !r.CString(&value)) {
          return Malformed(packet.code, "unterminated name or value");
        }
        m.values.emplace_back(name, value);
      }
      return Command(std::move(m));
    }
    case cmd::kConnect: {
      Connect c;
      if (!r.CString(&c.hostname) || !r.Char(&c.family)) {
        return Malformed(packet.code, "no hostname or family");
      }
      if (c.family != 'U') {
        if (!r.U16(&c.port) || !r.CString(&c.address)) {
          return Malformed(packet.code, "no port or address");
        }
      }
      if (!r.empty()) return Malformed(packet.code, "trailing data");
      return Command(c);
    }
    case cmd::kHelo: {
      Helo h;
      if (!r.CString(&h.name) || !r.empty()) {
        return Malformed(packet.code, "not one string");
      }
      return Command(h);
    }
    case cmd::kMail: {
      Mail m;
      if (!ParseArgs(r, &m.sender, &m.args)) {
        return Malformed(packet.code, "unterminated argument");
      }
      return Command(std::move(m));
    }
    case cmd::kRcpt: {
      Rcpt rc;
      if (!ParseArgs(r, &rc.recipient, &rc.args)) {
        return Malformed(packet.code, "unterminated argument");
      }
      return Command(std::move(rc));
    }
    case cmd::kHeader: {
      Header h;
      if (!r.CString(&h.name) || !r.CString(&h.value)) {
        return Malformed(packet.code, "unterminated name or value");
      }
      // Exactly two strings: anything after them is not ours to guess at.
      if (!r.empty()) return Malformed(packet.code, "trailing data");
      return Command(h);
    }
    case cmd::kUnknown: {
      Unknown u;
      // Postfix terminates it; tolerate a missing NUL from other MTAs.
      if (!r.CString(&u.command)) u.command = r.rest();
      return Command(u);
    }
    case cmd::kBody:
      return Command(Body{packet.data});
    case cmd::kEndOfMessage:
      return Command(EndOfMessage{packet.data});
    case cmd::kData:
      return Command(Data{});
    case cmd::kEndOfHeaders:
      return Command(EndOfHeaders{});
    case cmd::kAbort:
      return Command(Abort{});
    case cmd::kQuit:
      return Command(Quit{});
    case cmd::kQuitNewConnection:
      return Command(QuitNewConnection{});
    default:
      return Malformed(packet.code, "unknown command");
  }
}

Result<Response> ParseResponse(const Packet& packet) {
  Reader r(packet.data);
  switch (packet.code) {
    case reply::kOptionNegotiation: {
      OptionReply o;
      if (!r.U32(&o.version) || !r.U32(&o.actions) || !r.U32(&o.protocol)) {
        return Malformed(packet.code, "short option negotiation");
      }
      while (!r.empty()) {
        uint32_t stage;
        std::string_view macros;
        if (!r.U32(&stage) || !r.CString(&macros) ||
            stage > static_cast<uint32_t>(MacroStage::kEndOfHeaders)) {
          return Malformed(packet.code, "bad symbol list");
        }
        o.symbols.push_back({static_cast<MacroStage>(stage), std::string(macros)});
      }
      return Response(std::move(o));
    }
    case reply::kAccept:
    case reply::kContinue:
    case reply::kDiscard:
    case reply::kReject:
    case reply::kTempfail:
    case reply::kProgress:
    case reply::kSkip:
      if (!r.empty()) return Malformed(packet.code, "unexpected data");
      return Response(Simple{packet.code});
    case reply::kReplyCode: {
      ReplyCode y;
      if (!r.CString(&y.text)) return Malformed(packet.code, "unterminated");
      return Response(y);
    }
    case reply::kAddRcpt: {
      AddRcpt a;
      if (!r.CString(&a.recipient)) return Malformed(packet.code, "unterminated");
      return Response(a);
    }
    case reply::kDelRcpt: {
      DelRcpt d;
      if (!r.CString(&d.recipient)) return Malformed(packet.code, "unterminated");
      return Response(d);
    }
    case reply::kAddHeader: {
      AddHeader h;
      if (!r.CString(&h.name) || !r.CString(&h.value)) {
        return Malformed(packet.code, "unterminated name or value");
      }
      return Response(h);
    }
    case reply::kChangeHeader:
    case reply::kInsertHeader: {
      IndexedHeader h;
      h.code = packet.code;
      if (!r.U32(&h.index) || !r.CString(&h.name) || !r.CString(&h.value)) {
        return Malformed(packet.code, "short header change");
      }
      return Response(h);
    }
    case reply::kQuarantine: {
      Quarantine q;
      if (!r.CString(&q.reason)) return Malformed(packet.code, "unterminated");
      return Response(q);
    }
    default:
      return Malformed(packet.code, "unknown response");
  }
}

}  // namespace nearmiss::milter
