// Feeds arbitrary bytes to the address parsers. Besides "no crash, no UB",
// it checks what callers rely on: an accepted address re-parses to the same
// canonical form, and every refusal is kInvalidArgument.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "nearmiss/address.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nearmiss;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  Result<Address> a = ParseAddress(text);
  if (a.ok()) {
    const std::string canonical = a->ToString();
    Result<Address> again = ParseAddress(canonical);
    Check(again.ok() && again->ToString() == canonical);
    Check(again->domain.unicode == a->domain.unicode);
    Check(a->domain.ascii.size() <= 253 && !a->domain.registrable.empty());
  } else {
    Check(a.error().code() == StatusCode::kInvalidArgument);
  }

  Result<Domain> d = ParseDomain(text);
  if (d.ok()) {
    Result<Domain> by_ascii = ParseDomain(d->ascii);
    Check(by_ascii.ok() && by_ascii->ascii == d->ascii);
    Check(PublicSuffix(d->ascii) == d->suffix);
  } else {
    Check(d.error().code() == StatusCode::kInvalidArgument);
  }

  for (const std::string& piece : SplitAddressList(text)) {
    Check(!piece.empty());
    (void)ParseAddress(piece);
  }
  return 0;
}
