// Drives the milter Session state machine (session.h) with arbitrary
// command sequences, over the real Engine with the embedded default policy
// (MakeEngineChecker): option negotiation, macros, CONNECT/HELO, MAIL,
// RCPT (look-alikes refused, the sendmail(1) path), headers, body chunks,
// end of message with its scan and decision, ABORT, QUIT and QUIT_NC, in
// any order and with any payload. The framing is skipped on purpose (the
// codec has its own target): each packet is
//   code (1 byte) | length (2 bytes, big-endian) | data (length bytes)
// so the mutations spend their time on the order and content of commands.
// Checks what the server relies on: after kClose the session has said why
// (error() set) or the MTA quit; every reply the session writes is a well
// formed milter packet; the bytes buffered never pass the shared budget,
// and all of them are given back once the session is gone.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "milter/checker.h"
#include "milter/codec.h"
#include "milter/protocol.h"
#include "milter/session.h"
#include "nearmiss/engine.h"

namespace {

using namespace nearmiss;
using nearmiss::fuzz::Check;
using namespace nearmiss::milter;

// Every reply must frame and parse as an MTA would read it.
void CheckReplies(const std::string& out) {
  Framer f;
  f.Feed(out);
  for (;;) {
    auto p = f.Next();
    Check(p.ok());
    if (!p->has_value()) break;
    (void)ParseResponse(**p);
  }
}

}  // namespace

// The engine is compiled before the first input (fuzz_support.h).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)fuzz::DefaultEngine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const Checker> checker =
      MakeEngineChecker(fuzz::DefaultEngine());
  SessionOptions options;
  options.max_recipients = 8;
  options.default_max_message_bytes = 4096;
  auto budget = std::make_shared<ByteBudget>(8192);
  options.buffer_budget = budget;
  std::string out;
  {
    Session session(
        1, options, [] { return checker; }, [](std::string_view) {});
    std::string_view in(reinterpret_cast<const char*>(data), size);
    bool quit = false;
    while (in.size() >= 3) {
      const char code = in[0];
      const size_t len =
          (static_cast<uint8_t>(in[1]) << 8) | static_cast<uint8_t>(in[2]);
      in.remove_prefix(3);
      const std::string payload(in.substr(0, len));
      in.remove_prefix(std::min(len, in.size()));
      quit = code == cmd::kQuit;
      Session::Step step = session.Handle(Packet{code, payload}, &out);
      if (step == Session::Step::kEndOfMessage) {
        if (session.end_of_message_is_quick() || (payload.size() & 1) == 0) {
          auto job = session.TakeEndOfMessage();
          session.CompleteEndOfMessage(job(), &out);
        } else {
          // The worker pool was full or the scan timed out.
          session.FailEndOfMessage("fuzz: the scan did not finish", &out);
        }
      } else if (step == Session::Step::kClose) {
        Check(quit || !session.error().ok());
        break;
      }
      Check(budget->used() <= budget->limit());
    }
  }
  Check(budget->used() == 0);
  CheckReplies(out);
  return 0;
}
