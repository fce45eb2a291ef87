#include "journal/milter_log_reader.h"

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

namespace nearmiss::journal {

bool ParseMilterLogLine(std::string_view line, DecisionRecord* out, std::string* session) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || j.value("event", "") != "message") return false;
  auto str = [&j](const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  DecisionRecord r;
  r.source = "milter";
  r.time_ms = j.value("time", int64_t{0});
  r.queue_id = str("queue_id");
  r.sender = str("sender");
  r.level = str("level");
  r.action = str("action");
  r.rule = str("rule");
  if (auto rc = j.find("recipients"); rc != j.end() && rc->is_array()) {
    for (const auto& x : *rc) {
      if (!x.is_object()) continue;
      DecisionRecipient a;
      a.address = x.value("address", "");
      // "class" until 2026-11-30: logs written before still load.
      a.verdict = x.contains("verdict") ? x.value("verdict", "") : x.value("class", "");
      a.action = x.value("action", "");
      if (auto rs = x.find("reasons"); rs != x.end() && rs->is_array()) {
        for (const auto& code : *rs) {
          if (code.is_string()) a.reasons.push_back(code.get<std::string>());
        }
      }
      r.recipients.push_back(std::move(a));
    }
  }
  auto s = j.find("session");
  *session = s == j.end() ? "" : s->dump();
  *out = std::move(r);
  return true;
}

bool ParseJournalLine(std::string_view line, JournalStats* out) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || j.value("event", "") != "journal") return false;
  auto count = [&j](const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_number_unsigned() ? it->get<uint64_t>() : uint64_t{0};
  };
  out->written = count("written");
  out->spooled = count("spooled");
  out->flushed = count("flushed");
  out->dropped = count("dropped");
  out->torn = count("torn");
  out->depth = count("spool_depth");
  return true;
}

MilterLogFollower::~MilterLogFollower() {
  {
    std::lock_guard lock(stop_mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MilterLogFollower::Start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(stop_mu_);
    while (!stop_) {
      lock.unlock();
      Poll();
      lock.lock();
      stop_cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stop_; });
    }
  });
}

void MilterLogFollower::Poll() {
  std::lock_guard lock(mu_);
  struct stat st;
  if (stat(path_.c_str(), &st) != 0) return;
  if (st.st_ino != inode_ || static_cast<uint64_t>(st.st_size) < offset_) {
    inode_ = st.st_ino;
    offset_ = 0;
    partial_.clear();
  }
  if (static_cast<uint64_t>(st.st_size) == offset_) return;
  std::ifstream in(path_, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset_));
  // Bounded per poll so a huge backlog cannot stall the thread for long.
  constexpr size_t kMaxRead = 4 << 20;
  std::string chunk(std::min<uint64_t>(kMaxRead, st.st_size - offset_), '\0');
  in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  chunk.resize(static_cast<size_t>(in.gcount()));
  offset_ += chunk.size();
  partial_ += chunk;
  size_t start = 0, nl;
  while ((nl = partial_.find('\n', start)) != std::string::npos) {
    DecisionRecord r;
    std::string session;
    std::string_view line = std::string_view(partial_).substr(start, nl - start);
    JournalStats journal;
    if (line.find("\"event\":\"error\"") != std::string_view::npos) ++errors_;
    if (ParseJournalLine(line, &journal)) {
      std::lock_guard journal_lock(journal_mu_);
      journal_ = journal;
    } else if (ParseMilterLogLine(line, &r, &session)) {
      ++messages_;
      if (line.find("\"complete\":false") != std::string_view::npos) ++incomplete_;
      // Each recipient judged on a DNS lookup that did not answer: its
      // facts' "unknown" member ("catch_all_unknown" is the probe's).
      for (size_t at = line.find("\"unknown\":\""); at != std::string_view::npos;
           at = line.find("\"unknown\":\"", at + 1)) {
        ++dns_unknown_;
      }
      if (seen_sessions_.size() > 100000) seen_sessions_.clear();
      if (seen_sessions_.insert(session).second) ++sessions_;
      if (sink_) sink_->Record(std::move(r));
    }
    start = nl + 1;
  }
  partial_.erase(0, start);
  if (partial_.size() > (1 << 20)) partial_.clear();  // a line that never ends
}

}  // namespace nearmiss::journal
