// The constants of Sendmail's milter protocol, version 6 (libmilter's
// include/libmilter/mfdef.h), as Postfix 3.x speaks it.
//
// Wire format, both directions: a 4-byte big-endian length N, then N bytes:
// one command (or response) byte followed by N-1 bytes of data.
#ifndef NEARMISS_MILTER_PROTOCOL_H_
#define NEARMISS_MILTER_PROTOCOL_H_

#include <cstddef>
#include <cstdint>

namespace nearmiss::milter {

constexpr uint32_t kProtocolVersion = 6;

// MTA -> milter (SMFIC_*).
namespace cmd {
constexpr char kAbort = 'A';
constexpr char kBody = 'B';
constexpr char kConnect = 'C';
constexpr char kMacro = 'D';
constexpr char kEndOfMessage = 'E';  // SMFIC_BODYEOB
constexpr char kHelo = 'H';
constexpr char kQuitNewConnection = 'K';  // SMFIC_QUIT_NC: quit, then reuse
constexpr char kHeader = 'L';
constexpr char kMail = 'M';
constexpr char kEndOfHeaders = 'N';
constexpr char kOptionNegotiation = 'O';
constexpr char kQuit = 'Q';
constexpr char kRcpt = 'R';
constexpr char kData = 'T';
constexpr char kUnknown = 'U';
}  // namespace cmd

// milter -> MTA (SMFIR_*).
namespace reply {
constexpr char kAddRcpt = '+';
constexpr char kDelRcpt = '-';
constexpr char kAccept = 'a';
constexpr char kContinue = 'c';
constexpr char kDiscard = 'd';
constexpr char kAddHeader = 'h';
constexpr char kInsertHeader = 'i';
constexpr char kSetSymbolList = 'l';
constexpr char kChangeHeader = 'm';
constexpr char kProgress = 'p';
constexpr char kQuarantine = 'q';
constexpr char kReject = 'r';
constexpr char kSkip = 's';
constexpr char kTempfail = 't';
constexpr char kReplyCode = 'y';
constexpr char kOptionNegotiation = 'O';
}  // namespace reply

// Actions the milter may take at end of message (SMFIF_*).
namespace action {
constexpr uint32_t kAddHeaders = 0x01;
constexpr uint32_t kChangeBody = 0x02;
constexpr uint32_t kAddRcpt = 0x04;
constexpr uint32_t kDelRcpt = 0x08;
constexpr uint32_t kChangeHeaders = 0x10;
constexpr uint32_t kQuarantine = 0x20;
constexpr uint32_t kChangeFrom = 0x40;
constexpr uint32_t kAddRcptWithArgs = 0x80;
constexpr uint32_t kSetSymbolList = 0x100;
}  // namespace action

// Protocol steps the MTA may skip, and replies it need not wait for (SMFIP_*).
namespace proto {
constexpr uint32_t kNoConnect = 0x01;
constexpr uint32_t kNoHelo = 0x02;
constexpr uint32_t kNoMail = 0x04;
constexpr uint32_t kNoRcpt = 0x08;
constexpr uint32_t kNoBody = 0x10;
constexpr uint32_t kNoHeaders = 0x20;
constexpr uint32_t kNoEndOfHeaders = 0x40;
constexpr uint32_t kNoReplyHeader = 0x80;  // SMFIP_NR_HDR
constexpr uint32_t kNoUnknown = 0x100;
constexpr uint32_t kNoData = 0x200;
constexpr uint32_t kSkip = 0x400;  // the MTA understands SMFIR_SKIP
constexpr uint32_t kRcptRejected = 0x800;  // send rejected RCPTs too
constexpr uint32_t kNoReplyConnect = 0x1000;
constexpr uint32_t kNoReplyHelo = 0x2000;
constexpr uint32_t kNoReplyMail = 0x4000;
constexpr uint32_t kNoReplyRcpt = 0x8000;
constexpr uint32_t kNoReplyData = 0x10000;
constexpr uint32_t kNoReplyUnknown = 0x20000;
constexpr uint32_t kNoReplyEndOfHeaders = 0x40000;
constexpr uint32_t kNoReplyBody = 0x80000;
constexpr uint32_t kHeaderLeadingSpace = 0x100000;
}  // namespace proto

// What nearmiss negotiates: skip what it never reads (CONNECT, HELO, DATA,
// unknown commands, end of headers) and stream MAIL, headers and body
// without replies; only RCPT and the end of message carry an answer. The
// benchmark's do-nothing milter (bench/floor_milter.cc) asks for the same.
constexpr uint32_t kWantedProtocol =
    proto::kNoConnect | proto::kNoHelo | proto::kNoData | proto::kNoUnknown |
    proto::kNoEndOfHeaders | proto::kNoReplyMail | proto::kNoReplyHeader |
    proto::kNoReplyBody;

constexpr uint32_t kWantedActions = action::kAddHeaders | action::kChangeHeaders |
                                    action::kDelRcpt | action::kQuarantine |
                                    action::kSetSymbolList;

// Stages for SMFIR_SETSYMLIST in the option-negotiation reply (SMFIM_*).
enum class MacroStage : uint32_t {
  kConnect = 0,
  kHelo = 1,
  kMail = 2,
  kRcpt = 3,
  kData = 4,
  kEndOfMessage = 5,
  kEndOfHeaders = 6,
};

// Postfix sends body chunks of at most 65535 bytes; headers, macros and
// addresses are far smaller. The default bound leaves room for MTAs that
// negotiated SMFIP_MDS_1M.
constexpr size_t kDefaultMaxPacket = (1u << 20) + 1024;

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_PROTOCOL_H_
