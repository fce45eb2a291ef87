#include "investigate/auditor.h"

#include <cctype>
#include <ctime>

#include "address/normal_domain.h"
#include "content/mailbox_date.h"
#include "engine/malformed_domain.h"
#include "maillog/postfix_fields.h"
#include "maillog/read_log.h"
#include "maillog/timestamp.h"
#include "nearmiss/address.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::investigate {
namespace {

// "Bob@Army.ML." -> "Bob@army.ml": the domain as address::NormalDomain gives
// it (A-label, lower case, no root dot), the local part as logged. A local part is case-sensitive (RFC 5321 §2.4: only
// the receiving host may fold it), so the report shows what was sent.
std::string NormalAddress(std::string_view address, Domain* scratch) {
  std::string_view domain = maillog::AddressDomain(address);
  if (domain.empty()) return std::string(address);
  std::string out(address.substr(0, address.size() - domain.size()));
  std::string d;
  address::NormalDomain(domain, scratch, &d);
  return out + d;
}

}  // namespace

Auditor::Auditor(std::shared_ptr<const Engine> engine, AuditOptions options, Report* report)
    : engine_(std::move(engine)),
      options_(std::move(options)),
      report_(report),
      log_(
          [this] {
            maillog::PostfixLogOptions o;
            o.judgeable_domain = [this](std::string_view d) { return judge_.Judgeable(d); };
            return o;
          }(),
          this) {}

const Auditor::Flag& Auditor::Classify(const std::string& domain) {
  auto it = flags_.find(domain);
  if (it != flags_.end()) return it->second;
  // The class depends on the domain alone; "postmaster" stands in for the
  // local part so one check serves every address there.
  RecipientCheck c = engine_->CheckRecipient("postmaster@" + domain);
  Flag f;
  f.flagged = c.verdict == Verdict::kLookalike || c.verdict == Verdict::kBlocked;
  // Malformed only (engine/malformed_domain.h, the rule learn shares).
  f.invalid = MalformedDomain(c, domain);
  if (f.flagged) {
    f.verdict = std::string(VerdictName(c.verdict));
    f.target = c.target;
    if (c.domain_unicode != c.domain) f.domain_unicode = c.domain_unicode;
    if (!c.reasons.empty()) f.reason = ReasonMessage(c.reasons.front());
    size_t at = c.suggestion.rfind('@');
    if (at != std::string::npos) f.suggestion_domain = c.suggestion.substr(at + 1);
  }
  return flags_.emplace(domain, std::move(f)).first->second;
}

void Auditor::OnAttempt(const maillog::Attempt& a) {
  if (a.time < options_.since) return;
  std::string_view rcpt = a.recipient;
  // The domain after the last '@' outside quotes ("x@y"@army.ml).
  std::string_view domain = maillog::AddressDomain(rcpt);
  Row row;
  if (domain.empty()) {
    if (a.status != "expired") return;  // local delivery: no domain
  } else {
    address::NormalDomain(domain, &parsed_, &domain_);
    const Flag& f = Classify(domain_);
    if (!f.flagged) return;
    row.to = std::string(rcpt.substr(0, rcpt.size() - domain.size())) + domain_;  // NormalAddress
    row.domain = domain_;
    row.verdict = f.verdict;
    row.target = f.target;
    row.domain_unicode = f.domain_unicode;
    row.reason = f.reason;
    if (!f.suggestion_domain.empty()) {
      row.suggestion = row.to.substr(0, row.to.size() - domain_.size()) + f.suggestion_domain;
    }
  }
  row.seconds = a.time;
  row.time = maillog::FormatTime(a.time);
  row.queue_id = std::string(a.queue_id);
  row.from = NormalAddress(a.sender, &parsed_);
  row.from_known = a.sender_known;
  row.status = std::string(a.status);
  row.relay = std::string(a.relay);
  row.hops = std::string(a.hops);
  if (!a.subject.empty() && !row.to.empty()) {
    content::Level level = SubjectLevel(a.subject);
    report_->AddCaveats(last_subject_sensitivity_);
    ++report_->subjects_scanned;
    row.level = std::string(content::LevelName(level));
    if (static_cast<int>(level) > report_->top_level_rank) {
      report_->top_level_rank = static_cast<int>(level);
      report_->top_level = row.level;
      report_->top_level_source = shown_ + " (subject of " + std::string(a.message_id) + ")";
    }
  }
  if (row.status == "unknown" && !row.to.empty()) {
    // Sent on to another of the organisation's servers: its log, if given
    // (before or after this one), has the outcome. Kept until the end.
    sent_on_.push_back(std::move(row));
    if (sent_on_.size() > Report::kMaxOpen) AddSentOn();
    return;
  }
  // A row repeated (overlapping exports) is counted and listed once.
  if (report_->AddAttempt(row) && !row.to.empty() && options_.on_row) options_.on_row(row);
}

content::Level Auditor::SubjectLevel(std::string_view subject) {
  if (subject == last_subject_) return last_subject_sensitivity_.level;
  last_subject_.assign(subject);
  // One header line: a line break in the field would end the header and
  // start a body, so control characters become spaces.
  std::string message = "Subject: ";
  for (char c : subject) message += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  message += "\r\n\r\n";
  content::ScannedMessage m = engine_->ScanMessage(message, shown_);
  last_subject_sensitivity_ = std::move(m.sensitivity);
  return last_subject_sensitivity_.level;
}

void Auditor::OnDone(std::string_view queue_id) { report_->Done(std::string(queue_id)); }

Status Auditor::AddLog(const std::string& path) { return AddLog(path, path); }

void Auditor::AddUnread(const std::string& path, const std::string& error) {
  report_->inputs.push_back(path);
  maillog::LineCounts c;
  c.file = path;
  c.error = error;
  report_->logs.push_back(std::move(c));
}

void Auditor::PlanYears(const std::vector<std::string>& paths) {
  if (options_.year != 0) return;
  uint64_t file = 0;  // the bytes of the file being scanned
  years_ = maillog::PlanYears(
      paths,
      [&](uint64_t bytes) {
        file = bytes;
        if (options_.on_progress) options_.on_progress(bytes_before_ + bytes, log_.lines());
      },
      [&](const std::string&) {
        bytes_before_ += file;
        file = 0;
      });
  bytes_before_ += file;
}

Status Auditor::AddLog(const std::string& path, const std::string& shown) {
  report_->inputs.push_back(shown);
  shown_ = shown;
  maillog::ReadLogOptions o;
  o.year = options_.year;
  o.years = &years_;
  o.date_order = options_.date_order;
  o.min_recognised_percent = options_.min_recognised_percent;
  uint64_t before = bytes_before_;
  uint64_t last = 0;
  o.on_bytes = [&](uint64_t bytes) {
    last = bytes;
    // The reader's own line count: Report::lines is set only once a file
    // is done, so it read 0 for the whole of a single-file run.
    if (options_.on_progress) options_.on_progress(before + bytes, log_.lines());
  };
  maillog::LineCounts counts;
  Status s = maillog::ReadLog(path, log_, o, &counts);
  if (shown != path) {
    counts.file = shown;
    if (!s.ok()) {
      // The message names the spool; the report names what was given.
      std::string m = s.message();
      for (size_t at; (at = m.find(path)) != std::string::npos;) m.replace(at, path.size(), shown);
      s = Status::IoError(m);
    }
  }
  if (!s.ok()) counts.error = s.message();
  if (counts.file.empty()) counts.file = shown;
  bytes_before_ += last;
  report_->lines = log_.lines();
  report_->logs.push_back(std::move(counts));
  return s;
}

Status Auditor::AddMailboxes(const std::vector<std::string>& paths) {
  if (paths.empty()) return Status::Ok();
  Result<std::unique_ptr<content::MessageReader>> opened =
      content::MessageReader::Open(paths, engine_->shared_scanner(), engine_->policy().limits);
  if (!opened.ok()) {
    // Which of the mailboxes failed is in the message; each is named unread.
    for (const std::string& p : paths) AddUnread(p, opened.error().message());
    return opened.error();
  }
  std::unique_ptr<content::MessageReader> reader = std::move(*opened);
  size_t first = report_->mailboxes.size();
  for (const std::string& p : paths) {
    report_->inputs.push_back(p);
    report_->mailboxes.push_back({p, 0, 0, "", {}});
  }
  content::ScannedMessage m;
  uint64_t not_read = 0;
  std::string first_not_read;
  while (reader->Next(&m)) {
    MailboxRead* box = MailboxOf(m.source, first);
    if (m.unread) {
      // No message: named in every report as not read, never counted.
      ++not_read;
      std::string why = m.errors.empty() ? std::string("not read") : m.errors.front();
      if (!why.starts_with(m.source)) why = m.source + ": " + why;
      if (first_not_read.empty()) first_not_read = why;
      if (box != nullptr) {
        if (box->not_read++ == 0) box->first_not_read = why;
        if (box->not_read_files.size() < MailboxRead::kMaxNamed) box->not_read_files.push_back(why);
      }
      m = content::ScannedMessage();
      continue;
    }
    ++report_->messages;
    if (box != nullptr) ++box->messages;
    Result<Address> from = ParseAddress(m.from);
    std::string sender = from.ok() ? from->ToString() : m.from;
    content::Sensitivity s = engine_->FilterSensitivity(m.sensitivity);
    // A Date: after the delivery or now is set aside, as learn does.
    const content::MailboxDate date = content::MessageDate(m, std::time(nullptr));
    const int64_t t = date.seconds;
    std::vector<std::string> recipients;
    for (const auto* list : {&m.to, &m.cc, &m.bcc}) {
      for (const std::string& header : *list) {
        for (std::string& e : SplitAddressList(header)) recipients.push_back(std::move(e));
      }
    }
    for (const std::string& entry : recipients) {
      RecipientCheck c = engine_->CheckRecipient(entry);
      if (c.verdict != Verdict::kLookalike && c.verdict != Verdict::kBlocked) continue;
      if (t != 0 && t < options_.since) continue;
      Row row;
      row.seconds = t;
      row.time = t ? maillog::FormatTime(t) : "";
      row.from = sender;
      row.to = c.address;
      row.domain = c.domain;
      row.verdict = std::string(VerdictName(c.verdict));
      row.target = c.target;
      row.suggestion = c.suggestion;
      if (c.domain_unicode != c.domain) row.domain_unicode = c.domain_unicode;
      if (!c.reasons.empty()) row.reason = ReasonMessage(c.reasons.front());
      row.status = "sent";
      if (static_cast<int>(s.level) > report_->top_level_rank) {
        report_->top_level_rank = static_cast<int>(s.level);
        report_->top_level = std::string(content::LevelName(s.level));
        report_->top_level_source = m.source;
      }
      row.level = std::string(content::LevelName(s.level));
      report_->AddCaveats(s);  // a set: once per message is enough
      row.source = m.source;
      row.date_source = std::string(date.source);
      if (report_->AddAttempt(row) && options_.on_row) options_.on_row(row);
    }
    m = content::ScannedMessage();
  }
  if (not_read != 0) {
    return Status::IoError(std::to_string(not_read) + (not_read == 1 ? " file" : " files") +
                           " in the mailboxes not read (first: " + first_not_read +
                           "); what they hold is not in the report");
  }
  return Status::Ok();
}

MailboxRead* Auditor::MailboxOf(const std::string& source, size_t first) {
  // The mailbox given whose path is the longest prefix of the message's
  // source ("Sent.mbox:12", "Maildir/cur/1700.M1.host:2,S").
  MailboxRead* best = nullptr;
  for (size_t i = first; i < report_->mailboxes.size(); ++i) {
    MailboxRead& b = report_->mailboxes[i];
    std::string_view p = b.path;
    while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    if (!std::string_view(source).starts_with(p)) continue;
    if (source.size() != p.size() && source[p.size()] != '/' && source[p.size()] != ':' &&
        p != "/") {
      continue;
    }
    if (best == nullptr || b.path.size() > best->path.size()) best = &b;
  }
  return best;
}

void Auditor::AddSentOn() {
  for (const Row& row : sent_on_) {
    if (report_->HasOutcome(row.queue_id, row.to)) continue;  // the next server's log said
    if (report_->AddAttempt(row) && options_.on_row) options_.on_row(row);
  }
  sent_on_.clear();
}

void Auditor::Finish() {
  log_.Finish();
  AddSentOn();
  report_->lines = log_.lines();
  report_->Finish();
}

}  // namespace nearmiss::investigate
