#include "history/learn.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <functional>

#include "maillog/postfix_log.h"
#include "maillog/read_log.h"
#include "maillog/timestamp.h"
#include "nearmiss/address.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::history {
namespace {

constexpr size_t kBatch = 100000;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Canonical(std::string_view entry) {
  Result<Address> a = ParseAddress(entry);
  return a.ok() ? a->ToString() : "";
}

class SentSink final : public maillog::DeliverySink {
 public:
  explicit SentSink(std::vector<Delivery>* out) : out_(out) {}
  void OnAttempt(const maillog::Attempt& a) override {
    if (a.status != "sent" || a.recipient.find('@') == std::string_view::npos) return;
    out_->push_back({Lower(a.sender), Lower(a.recipient), a.time});
    if (on_batch) on_batch();
  }
  std::function<void()> on_batch;  // after each delivery found

 private:
  std::vector<Delivery>* out_;
};

// Splits one CSV record (quotes, doubled quotes; no embedded newlines).
std::vector<std::string> CsvFields(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

int64_t CsvTime(const std::string& v) {
  if (!v.empty() && std::all_of(v.begin(), v.end(), ::isdigit)) return std::stoll(v);
  int64_t day = maillog::ParseDate(v.substr(0, 10));
  if (day < 0) return -1;
  if (v.size() >= 19) {
    return day + std::stoi(v.substr(11, 2)) * 3600 + std::stoi(v.substr(14, 2)) * 60 +
           std::stoi(v.substr(17, 2));
  }
  return day;
}

}  // namespace

Status Learner::Add(Delivery d) {
  pending_.push_back(std::move(d));
  ++total_;
  if (pending_.size() >= kBatch) return Flush();
  return Status::Ok();
}

Status Learner::Flush() {
  if (pending_.empty()) return Status::Ok();
  Status s = store_->RecordDeliveries(pending_);
  pending_.clear();
  return s;
}

Status Learner::AddPostfixLog(const std::string& path, const maillog::ReadLogOptions& options,
                              maillog::LineCounts* counts) {
  std::vector<Delivery> found;
  SentSink sink(&found);
  maillog::PostfixLog log(maillog::PostfixLogOptions{}, &sink);
  // Learning from a file that is not a mail log would be learning from
  // noise: deliveries wait until the lines so far pass the check, and are
  // then written in batches so memory stays bounded. A file that fails only
  // at its end (a long log followed by mostly foreign lines) keeps the
  // batches written before.
  Status status = Status::Ok();
  sink.on_batch = [&] {
    if (found.size() < kBatch || !status.ok() ||
        !maillog::CheckRecognised(log.counts(), options.min_recognised_percent).ok()) {
      return;
    }
    for (Delivery& d : found) {
      if (status.ok()) status = Add(std::move(d));
    }
    found.clear();
  };
  NM_RETURN_IF_ERROR(maillog::ReadLog(path, log, options, counts));
  NM_RETURN_IF_ERROR(status);
  log.Finish();
  for (Delivery& d : found) NM_RETURN_IF_ERROR(Add(std::move(d)));
  return Status::Ok();
}

Status Learner::AddCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open");
  std::string line;
  if (!std::getline(in, line)) return Status::ParseError(path + ":1: empty file");
  int sender = -1, rcpt = -1, time = -1;
  std::vector<std::string> head = CsvFields(line);
  for (size_t i = 0; i < head.size(); ++i) {
    std::string h = Lower(head[i]);
    if (h == "sender" || h == "from") sender = static_cast<int>(i);
    if (h == "recipient" || h == "to" || h == "rcpt") rcpt = static_cast<int>(i);
    if (h == "date" || h == "time" || h == "timestamp") time = static_cast<int>(i);
  }
  if (rcpt < 0) {
    return Status::ParseError(path + ":1: no recipient column (recipient, to or rcpt)");
  }
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  for (int n = 2; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    std::vector<std::string> f = CsvFields(line);
    if (static_cast<int>(f.size()) <= rcpt) {
      return Status::ParseError(path + ":" + std::to_string(n) + ": too few fields");
    }
    int64_t t = time >= 0 && static_cast<int>(f.size()) > time ? CsvTime(f[time]) : now;
    if (t < 0) {
      return Status::ParseError(path + ":" + std::to_string(n) + ": bad time '" + f[time] + "'");
    }
    std::string to = Canonical(f[rcpt]);
    if (to.empty()) continue;
    std::string from = sender >= 0 && static_cast<int>(f.size()) > sender ? Canonical(f[sender]) : "";
    NM_RETURN_IF_ERROR(Add({from, to, t}));
  }
  return Status::Ok();
}

Status Learner::AddMailboxes(const std::vector<std::string>& paths,
                             std::shared_ptr<const content::Scanner> scanner) {
  NM_ASSIGN_OR_RETURN(std::unique_ptr<content::MessageReader> reader,
                      content::MessageReader::Open(paths, std::move(scanner)));
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  content::ScannedMessage m;
  while (reader->Next(&m)) {
    std::string from = Canonical(m.from);
    for (const auto* list : {&m.to, &m.cc, &m.bcc}) {
      for (const std::string& header : *list) {
        for (const std::string& entry : SplitAddressList(header)) {
          std::string to = Canonical(entry);
          if (!to.empty()) NM_RETURN_IF_ERROR(Add({from, to, now}));
        }
      }
    }
    m = content::ScannedMessage();
  }
  return Status::Ok();
}

}  // namespace nearmiss::history
