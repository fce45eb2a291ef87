// Look-alike check cost as the trusted set grows from 100 to a million.
//
// The trusted domains are generated, deterministically: pronounceable labels
// of realistic length under a realistic suffix mix. Each Classify benchmark
// cycles through one fixed query mix (look-alikes of present entries,
// unknown external domains, trusted domains), so the per-check times of the
// three sizes compare like for like; bench/check-scale prints their ratio.
// BM_Build reports the index bytes and the process's peak RSS: run it alone
// (bench/check-scale does) for a clean peak.
//
// BM_CheckTrusted / BM_CheckTrustedValue: Engine::CheckRecipient on the
// default policy for plain addresses at trusted domains (the common answer
// at RCPT time), in its in-place form (one RecipientCheck reused) and its
// value form, each with calls/s and heap allocations per call (this binary
// counts operator new: base/alloc_counter.h).
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <time.h>

#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_DUMP_STATS_AT(name)
#endif

#include "base/alloc_counter.h"
#include "lookalike/detector.h"
#include "nearmiss/address.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

// splitmix64: the same numbers on every platform, unlike <random>'s
// distributions.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return Next() % n; }

 private:
  uint64_t state_;
};

// Weighted like registrations seen in mail logs: com first, then the big
// country codes, two-level suffixes, and government and military.
struct WeightedSuffix {
  const char* suffix;
  int weight;
};
constexpr WeightedSuffix kSuffixes[] = {
    {"com", 46}, {"net", 6}, {"org", 6}, {"de", 5}, {"co.uk", 5}, {"com.au", 3},
    {"fr", 3},   {"nl", 3},  {"it", 2},  {"ca", 2}, {"io", 2},    {"co", 2},
    {"com.br", 2}, {"co.jp", 1}, {"ru", 2}, {"es", 1}, {"ch", 1}, {"se", 1},
    {"gov", 1},  {"mil", 1}, {"gov.uk", 1}, {"edu", 1}, {"info", 1}, {"us", 1},
};

// Label lengths: most registered names have 6 to 12 letters.
constexpr std::array<int, 16> kLengthWeights = {0, 0, 1, 3, 6, 9, 12, 13, 13, 11, 9, 7, 5, 4, 3, 3};

std::string PronounceableLabel(Rng& rng) {
  static constexpr std::string_view kOnsets[] = {
      "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
      "z", "br", "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "ch", "sh", "th", "sp"};
  static constexpr std::string_view kVowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y"};
  int total = 0;
  for (int w : kLengthWeights) total += w;
  int pick = static_cast<int>(rng.Below(total));
  size_t len = 0;
  while (pick >= kLengthWeights[len]) pick -= kLengthWeights[len++];
  std::string label;
  while (label.size() < len) {
    label += kOnsets[rng.Below(std::size(kOnsets))];
    label += kVowels[rng.Below(std::size(kVowels))];
    if (rng.Below(4) == 0) label += kOnsets[rng.Below(std::size(kOnsets))].substr(0, 1);
  }
  label.resize(len);
  return label;
}

std::string RandomDomain(Rng& rng) {
  int total = 0;
  for (const auto& s : kSuffixes) total += s.weight;
  int pick = static_cast<int>(rng.Below(total));
  const WeightedSuffix* s = kSuffixes;
  while (pick >= s->weight) pick -= (s++)->weight;
  return PronounceableLabel(rng) + "." + s->suffix;
}

std::vector<std::string> TrustedDomains(size_t n) {
  Rng rng(20240611);
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(RandomDomain(rng));
  return out;
}

// One slip in the registrable label: a swap, a drop, a double or a
// neighbour, chosen by the generator.
std::string Typo(const std::string& domain, Rng& rng) {
  size_t dot = domain.find('.');
  std::string label = domain.substr(0, dot);
  if (label.size() < 4) return "x" + domain;
  size_t i = 1 + rng.Below(label.size() - 2);
  switch (rng.Below(4)) {
    case 0: std::swap(label[i], label[i + 1]); break;
    case 1: label.erase(i, 1); break;
    case 2: label.insert(i, 1, label[i]); break;
    default: label[i] = label[i] == 'o' ? '0' : 'o'; break;
  }
  return label + domain.substr(dot);
}

struct Fixture {
  std::unique_ptr<lookalike::DetectorImpl> detector;
  std::vector<Domain> queries;
  double build_seconds = 0;
};

// The query mix is drawn from the first 100 entries, which every size
// shares, so each size answers the same questions.
std::vector<Domain> QueryMix(const std::vector<std::string>& trusted) {
  Rng rng(7);
  std::vector<Domain> out;
  auto add = [&](const std::string& d) {
    if (Result<Domain> parsed = ParseDomain(d); parsed.ok()) out.push_back(*parsed);
  };
  for (size_t i = 0; i < 100; ++i) {
    add(Typo(trusted[i], rng));            // look-alike of a present entry
    add(RandomDomain(rng));                // external (new, random)
    if (i % 2 == 0) add(trusted[i]);       // trusted
    if (i % 4 == 0) add("mail." + trusted[i]);  // trusted subdomain
  }
  return out;
}

Fixture& FixtureFor(size_t n) {
  static std::map<size_t, Fixture> cache;
  Fixture& f = cache[n];
  if (f.detector) return f;
  std::vector<std::string> domains = TrustedDomains(n);
  f.queries = QueryMix(domains);
  std::vector<TrustedEntry> entries;
  entries.reserve(n);
  for (std::string& d : domains) entries.push_back({std::move(d), TrustSource::kOrganisation});
  auto start = std::chrono::steady_clock::now();
  f.detector = std::make_unique<lookalike::DetectorImpl>();
  Status s = f.detector->Init(std::move(entries), {}, {});
  f.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!s.ok()) std::abort();
  return f;
}

// CPU seconds of this process: on a shared machine the wall time of a build
// includes other processes' turns, its CPU time does not.
double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double PeakRssBytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) * 1024;  // Linux reports KiB
}

void BM_Classify(benchmark::State& state) {
  Fixture& f = FixtureFor(static_cast<size_t>(state.range(0)));
  size_t i = 0, flagged = 0;
  for (auto _ : state) {
    LookalikeMatch m = f.detector->Classify(f.queries[i]);
    flagged += m.kind == LookalikeMatch::Kind::kLookalike;
    benchmark::DoNotOptimize(m);
    if (++i == f.queries.size()) i = 0;
  }
  state.counters["queries"] = static_cast<double>(f.queries.size());
  state.counters["lookalike_share"] =
      static_cast<double>(flagged) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Classify)->Arg(100)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);

// A fixed batch of checks, for instruction counts that a loaded machine
// does not blur: under `valgrind --tool=callgrind --instr-atstart=no`
// (bench/check-instructions) only the batch is instrumented, and each size
// writes a dump of its own. Outside valgrind the macros do nothing.
constexpr int kBatchPasses = 20;

void BM_ClassifyBatch(benchmark::State& state) {
  Fixture& f = FixtureFor(static_cast<size_t>(state.range(0)));
  // One pass first: thread-local buffers grow once, as in a long-running
  // process, and are not counted.
  for (const Domain& d : f.queries) benchmark::DoNotOptimize(f.detector->Classify(d));
  size_t checks = 0;
  for (auto _ : state) {
    CALLGRIND_START_INSTRUMENTATION;
    for (int pass = 0; pass < kBatchPasses; ++pass) {
      for (const Domain& d : f.queries) {
        LookalikeMatch m = f.detector->Classify(d);
        benchmark::DoNotOptimize(m);
        ++checks;
      }
    }
    CALLGRIND_STOP_INSTRUMENTATION;
    CALLGRIND_DUMP_STATS_AT(("batch/" + std::to_string(state.range(0))).c_str());
  }
  state.counters["checks"] = static_cast<double>(checks);
}
BENCHMARK(BM_ClassifyBatch)->Arg(100)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_Build(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  double rss_before = PeakRssBytes();
  for (auto _ : state) {
    std::vector<std::string> domains = TrustedDomains(n);
    std::vector<TrustedEntry> entries;
    entries.reserve(n);
    for (std::string& d : domains) entries.push_back({std::move(d), TrustSource::kOrganisation});
    domains = {};
    lookalike::DetectorImpl detector;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = ProcessCpuSeconds();
    Status s = detector.Init(std::move(entries), {}, {});
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!s.ok()) state.SkipWithError("build failed");
    state.counters["build_s"] = seconds;
    state.counters["build_cpu_s"] = ProcessCpuSeconds() - cpu_start;
    state.counters["index_bytes"] = static_cast<double>(detector.MemoryBytes());
  }
  state.counters["peak_rss_bytes"] = PeakRssBytes();
  state.counters["peak_rss_before_bytes"] = rss_before;
}
BENCHMARK(BM_Build)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// Trusted under the default policy: a namespace (.mil, .gov.uk) and a
// provider; longer than a small-string buffer, as most real addresses are.
constexpr std::string_view kTrustedAddresses[] = {
    "quartermaster.general@logistics.army.mil",
    "<j.bloggs-1975@subdomain.of.mod.gov.uk>",
    "someone.with.a.long.name@outlook.com",
};

const Engine& DefaultEngine() {
  static const std::shared_ptr<const Engine> engine = [] {
    auto e = Engine::Compile(*DefaultPolicy());
    if (!e.ok()) std::abort();
    return *e;
  }();
  return *engine;
}

template <typename Check>
void RunTrusted(benchmark::State& state, Check check) {
  const Engine& engine = DefaultEngine();
  size_t i = 0;
  uint64_t allocations = 0;
  for (auto _ : state) {
    const uint64_t before = base::ThreadAllocations();
    check(engine, kTrustedAddresses[i]);
    allocations += base::ThreadAllocations() - before;
    if (++i == std::size(kTrustedAddresses)) i = 0;
  }
  state.counters["calls_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["allocs_per_call"] =
      static_cast<double>(allocations) / static_cast<double>(state.iterations());
}

void BM_CheckTrusted(benchmark::State& state) {
  RecipientCheck out;
  RunTrusted(state, [&](const Engine& engine, std::string_view input) {
    engine.CheckRecipient(input, &out);
    benchmark::DoNotOptimize(out.verdict);
  });
}
BENCHMARK(BM_CheckTrusted)->Unit(benchmark::kNanosecond);

void BM_CheckTrustedValue(benchmark::State& state) {
  RunTrusted(state, [](const Engine& engine, std::string_view input) {
    RecipientCheck c = engine.CheckRecipient(input);
    benchmark::DoNotOptimize(c.verdict);
  });
}
BENCHMARK(BM_CheckTrustedValue)->Unit(benchmark::kNanosecond);

}  // namespace
}  // namespace nearmiss

BENCHMARK_MAIN();
