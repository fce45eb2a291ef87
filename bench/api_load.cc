// api_load: an open-loop load generator for POST /v1/check. Each of
// --connections threads sends on a fixed schedule (rate / connections per
// second) over its own keep-alive connection; latency is measured from the
// scheduled send time, so a stalled server cannot hide its queueing
// (no coordinated omission). Prints percentiles as one JSON line.
//
// api_load --url http://127.0.0.1:8025 --rate 1000 --seconds 30
//          --recipients 20 [--connections 8] [--token T]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Flags {
  std::string host = "127.0.0.1";
  int port = 8025;
  double rate = 1000;
  double seconds = 30;
  int recipients = 20;
  int connections = 8;
  std::string token;
};

// 20 recipients of the kinds a real message has: mostly trusted, some
// external, one look-alike, with display names.
std::string Body(int n) {
  static const char* kPool[] = {"\"Carol Jones\" <carol@army.mil>", "dave@example.com",
                                "Erin <erin@navy.mil>",             "frank@mod.gov.uk",
                                "grace@gmail.com",                  "heidi@partner.co.uk",
                                "ivan@af.mil",                      "Bob Smith <bob@army.ml>"};
  std::string to;
  for (int i = 0; i < n; ++i) {
    if (i) to += ",";
    std::string a = kPool[i % 8];
    // Distinct local parts so nothing is served from a cache of one address.
    size_t at = a.find('@');
    a.insert(at, std::to_string(i));
    to += "\"";
    for (char c : a) to += c == '"' ? std::string("\\\"") : std::string(1, c);
    to += "\"";
  }
  return "{\"from\": \"alice@mod.gov.uk\", \"to\": [" + to +
         "], \"subject\": \"OFFICIAL: weekly figures\"}";
}

}  // namespace

int main(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--url") {
      std::string u = v.substr(v.find("//") + 2);
      f.host = u.substr(0, u.rfind(':'));
      f.port = std::atoi(u.substr(u.rfind(':') + 1).c_str());
    } else if (k == "--rate") f.rate = std::atof(v.c_str());
    else if (k == "--seconds") f.seconds = std::atof(v.c_str());
    else if (k == "--recipients") f.recipients = std::atoi(v.c_str());
    else if (k == "--connections") f.connections = std::atoi(v.c_str());
    else if (k == "--token") f.token = v;
  }
  const std::string body = Body(f.recipients);
  const auto interval = std::chrono::duration<double>(f.connections / f.rate);
  const auto start = Clock::now() + std::chrono::milliseconds(200);
  const auto end = start + std::chrono::duration<double>(f.seconds);
  std::vector<std::vector<double>> latencies(f.connections);
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int c = 0; c < f.connections; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client(f.host, f.port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      httplib::Headers h;
      if (!f.token.empty()) h.emplace("Authorization", "Bearer " + f.token);
      // Threads start staggered across one interval so sends interleave.
      auto next = start + std::chrono::duration_cast<Clock::duration>(interval * c / f.connections);
      while (next < end) {
        std::this_thread::sleep_until(next);
        auto r = client.Post("/v1/check", h, body, "application/json");
        auto done = Clock::now();
        if (!r || r->status != 200) ++errors;
        latencies[c].push_back(std::chrono::duration<double, std::milli>(done - next).count());
        next += std::chrono::duration_cast<Clock::duration>(interval);
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<double> all;
  for (auto& v : latencies) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  auto pct = [&all](double p) {
    return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(p * all.size()))];
  };
  double achieved = all.size() / f.seconds;
  std::printf("{\"requests\": %zu, \"errors\": %d, \"target_rps\": %.0f, \"achieved_rps\": %.1f, "
              "\"recipients\": %d, \"connections\": %d, \"p50_ms\": %.3f, \"p90_ms\": %.3f, "
              "\"p99_ms\": %.3f, \"p999_ms\": %.3f, \"max_ms\": %.3f}\n",
              all.size(), errors.load(), f.rate, achieved, f.recipients, f.connections, pct(0.5),
              pct(0.9), pct(0.99), pct(0.999), all.empty() ? 0.0 : all.back());
  return errors.load() == 0 ? 0 : 1;
}
