// Marking scan throughput over plain text (issue 3 target: >= 1 GB/s per
// core), beside baselines measured in the same run over the same data:
// a single-literal search (memmem for "SECRET", what `grep -c -F SECRET` does)
// and a naive many-literal loop (one std::string_view::find per literal form,
// the cost of not having one Vectorscan database).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "nearmiss/content_scanner.h"

namespace nearmiss::content {
namespace {

// Realistic office prose: common words, digits, some loose marking words
// ("secret", "confidential") and, rarely, a banner line.
std::string MakeCorpus(bool loose_words) {
  std::vector<std::string> words = {
        "the",     "meeting", "budget",   "report",  "please",  "review",
        "attached", "by",     "Thursday", "and",     "send",    "comments",
        "to",      "the",     "team",     "project", "update",  "figures",
        "were",    "revised", "secret",   "of",      "a",       "good",
        "plan",    "keep",    "it",       "confidential", "2024", "Q3",
        "regards", "office",  "official", "notes",   "draft",   "final"};
    if (!loose_words) {
      std::erase_if(words, [](const std::string& w) {
        return w == "secret" || w == "confidential" || w == "official";
      });
    }
    std::mt19937 rng(42);
    std::string out;
    out.reserve(16 << 20);
    int line = 0;
    while (out.size() < (16u << 20)) {
      if (++line % 2000 == 0) out += "OFFICIAL-SENSITIVE\n";
      for (int w = 0; w < 12; ++w) {
        out += words[rng() % words.size()];
        out += ' ';
      }
      out += '\n';
    }
    return out;
}

// Dense: one loose marking word in twelve (stress for weak findings).
// Sparse: ordinary prose with a banner line every 2000 lines.
const std::string& Corpus(bool dense) {
  static const std::string dense_text = MakeCorpus(true);
  static const std::string sparse_text = MakeCorpus(false);
  return dense ? dense_text : sparse_text;
}

void BM_MarkingScan(benchmark::State& state) {
  ScannerOptions options;
  options.detectors = DetectorOptions{};
  if (state.range(0) == 0) {
    options.detectors.payment_cards = options.detectors.uk_nino =
        options.detectors.us_ssn = options.detectors.iban =
            options.detectors.nhs_number = false;
  }
  auto scanner = Scanner::Compile(options);
  if (!scanner.ok()) {
    state.SkipWithError(scanner.status().ToString().c_str());
    return;
  }
  auto scratch = Scratch::Create(**scanner);
  const std::string& text = Corpus(state.range(1) != 0);
  std::size_t findings = 0;
  for (auto _ : state) {
    Sensitivity s;
    Status st = (*scanner)->Scan(TextKind::kBody, "body", text, *scratch, &s);
    benchmark::DoNotOptimize(st);
    findings = s.findings.size();
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.SetLabel(std::string(state.range(0) ? "packs+detectors" : "packs only") +
                 (state.range(1) ? ", dense loose words" : ", prose"));
}
BENCHMARK(BM_MarkingScan)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->Unit(benchmark::kMillisecond);

void BM_BaselineMemmemOneLiteral(benchmark::State& state) {
  const std::string& text = Corpus(false);
  for (auto _ : state) {
    std::size_t count = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while (const void* hit = memmem(p, end - p, "SECRET", 6)) {
      ++count;
      p = static_cast<const char*>(hit) + 6;
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_BaselineMemmemOneLiteral)->Unit(benchmark::kMillisecond);

void BM_BaselineFindPerLiteral(benchmark::State& state) {
  const std::string& text = Corpus(false);
  const std::vector<std::string_view> literals = {
      "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET", "RESTRICTED",
      "CONFIDENTIAL", "PROTECT", "UK EYES ONLY", "NOFORN", "CUI", "FOUO",
      "NATO", "COSMIC", "RESTREINT", "UNCLASSIFIED"};
  std::string_view view(text);
  for (auto _ : state) {
    std::size_t count = 0;
    for (std::string_view lit : literals) {
      for (std::size_t at = view.find(lit); at != std::string_view::npos;
           at = view.find(lit, at + lit.size())) {
        ++count;
      }
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.SetLabel("15 literals, case-sensitive, one pass each");
}
BENCHMARK(BM_BaselineFindPerLiteral)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nearmiss::content

BENCHMARK_MAIN();
