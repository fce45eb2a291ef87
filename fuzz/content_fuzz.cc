// libFuzzer target for the MIME walk and attachment extraction. The first
// byte picks the path: even -> the bytes are a message (GMime, decoding,
// charsets, every extractor reachable from MIME); odd -> the rest is one
// attachment handed straight to the extractors (zip/OOXML/ODF, PDF, HTML),
// which random MIME would rarely reach with a valid container.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>

#include "content/extract.h"
#include "nearmiss/content.h"

using namespace nearmiss::content;

namespace {

std::shared_ptr<const Scanner> scanner;
std::optional<Scratch> scratch;

}  // namespace

// The marking packs are compiled (Vectorscan) before the first input, so
// the compile is not timed as that input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto s = Scanner::Compile(ScannerOptions{});
  if (!s.ok()) __builtin_trap();
  scanner = *s;
  auto r = Scratch::Create(*scanner);
  if (!r.ok()) __builtin_trap();
  scratch.emplace(std::move(*r));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  ContentLimits limits;
  limits.max_message_bytes = 1 << 20;
  limits.max_attachment_bytes = 4 << 20;
  limits.max_total_bytes = 8 << 20;
  limits.max_extraction_time = std::chrono::milliseconds(2000);
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if ((data[0] & 1) == 0) {
    ScannedMessage m = ScanMessage(bytes, "fuzz", *scanner, *scratch, limits);
    (void)m;
    return 0;
  }
  static constexpr DocType kTypes[] = {DocType::kHtml, DocType::kOoxml,
                                       DocType::kOdf, DocType::kPdf,
                                       DocType::kZip, DocType::kArchive};
  ExtractBudget budget{limits.max_attachment_bytes, limits.max_total_bytes,
                       Clock::now() + limits.max_extraction_time};
  Extracted e = ExtractDocument(
      kTypes[(data[0] >> 1) % std::size(kTypes)], "fuzz", bytes, budget);
  Sensitivity s;
  (void)scanner->Scan(TextKind::kBody, "fuzz", e.text, *scratch, &s);
  return 0;
}
