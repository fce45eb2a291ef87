// Feeds arbitrary bytes to the milter Framer in pieces whose sizes come from
// the input, parses every packet in both directions, and checks that what
// parses as a command re-encodes to the same packet (for the string-only
// commands, whose encoding is canonical).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "milter/codec.h"

using namespace nearmiss::milter;

namespace {

void CheckRoundTrip(const Packet& p, const Command& c) {
  std::string again;
  if (const auto* h = std::get_if<Header>(&c)) {
    EncodeStrings(p.code, {h->name, h->value}, &again);
  } else if (const auto* b = std::get_if<Body>(&c)) {
    EncodePacket(p.code, b->chunk, &again);
  } else {
    return;
  }
  Framer f;
  f.Feed(again);
  auto q = f.Next();
  if (!q.ok() || !q->has_value() || (*q)->code != p.code ||
      (*q)->data != p.data) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  // The first byte picks the piece size, so partial input is exercised.
  size_t piece = 1 + data[0] % 64;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  Framer framer(4096);
  while (!rest.empty()) {
    size_t n = std::min(piece, rest.size());
    framer.Feed(rest.substr(0, n));
    rest.remove_prefix(n);
    for (;;) {
      auto p = framer.Next();
      if (!p.ok() || !p->has_value()) break;
      auto c = ParseCommand(**p);
      if (c.ok()) CheckRoundTrip(**p, *c);
      (void)ParseResponse(**p);
      std::string reply;
      EncodeReplyCode("550", "5.7.1", (*p)->data, &reply);
    }
    if (!framer.Next().ok()) break;
  }
  return 0;
}
