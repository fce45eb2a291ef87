// Learner::AddMailboxes: Sent folders (mbox, Maildir), each message dated
// as audit dates it, joined to this run's log rows without a Message-ID
// (learn.h).
#include <chrono>
#include <cstdint>
#include <cstdio>

#include "content/header_encode.h"
#include "base/log.h"
#include "content/gmail_labels.h"
#include "content/invisible_code_point.h"
#include "content/mailbox_date.h"
#include "content/mbox_from_line.h"
#include "address/display_name.h"
#include "history/draft_marker.h"
#include "history/history_keys.h"
#include "history/learn.h"
#include "history/sent_sink.h"
#include "maillog/timestamp.h"
#include "nearmiss/address.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::history {

std::string Learner::JoinedLogKey(const std::string& sender, const std::string& recipient,
                                  int64_t time) {
  auto it = unkeyed_.find(sender + " " + recipient);
  if (it == unkeyed_.end()) return {};
  auto& rows = it->second;
  auto gap = [time](int64_t t) { return t > time ? t - time : time - t; };
  auto best = rows.end();
  for (auto r = rows.begin(); r != rows.end(); ++r) {
    if (gap(r->first) <= kLogJoinSeconds && (best == rows.end() || gap(r->first) < gap(best->first))) {
      best = r;
    }
  }
  if (best == rows.end()) return {};
  std::string key = std::move(best->second);
  rows.erase(best);  // one log row is one message: it joins once
  return key;
}

namespace {

// A stable name for a message's bytes (64-bit FNV-1a, hex): the same on
// every run and every machine, unlike std::hash. Only names a message that
// has neither a Message-ID nor a usable date, beside its author and
// subject, so a collision would merge two such messages, never lose a
// relationship.
std::string BytesKey(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

// A message's Date: field as written: the line it starts on within the
// message's bytes (0-based) and its value unfolded; `found` false when
// the header holds none.
struct DateField {
  bool found = false;
  uint64_t line = 0;
  std::string value;
};

DateField FindDateField(std::string_view bytes) {
  DateField d;
  uint64_t line = 0;
  for (size_t pos = 0; pos < bytes.size(); ++line) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view l = bytes.substr(pos, end - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (d.found && (l.empty() || (l.front() != ' ' && l.front() != '\t'))) break;
    if (d.found) {
      d.value += ' ';
      d.value += l.substr(l.find_first_not_of(" \t"));
    } else if (l.empty()) {
      break;  // the end of the header
    } else if (l.size() >= 5 && (l[0] | 0x20) == 'd' && (l[1] | 0x20) == 'a' &&
               (l[2] | 0x20) == 't' && (l[3] | 0x20) == 'e' && l[4] == ':') {
      d.found = true;
      d.line = line;
      d.value = std::string(l.substr(5));
    }
    pos = end + 1;
  }
  const size_t first = d.value.find_first_not_of(" \t");
  d.value.erase(0, first == std::string::npos ? d.value.size() : first);
  return d;
}

// Whether a Date: value's numeric zone is one a clock can be in: RFC
// 5322's zone is four digits, but minutes past 59 or hours past 23 are no
// offset (GMime reads "+9999" and drops it, dating the message hours off).
bool PlausibleZone(std::string_view value) {
  value = value.substr(0, value.find('('));  // "... +0100 (BST)"
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  const size_t blank = value.find_last_of(" \t");
  const std::string_view zone = blank == std::string_view::npos ? value : value.substr(blank + 1);
  if (zone.size() != 5 || (zone[0] != '+' && zone[0] != '-')) return true;
  for (char c : zone.substr(1)) {
    if (c < '0' || c > '9') return true;
  }
  return (zone[1] - '0') * 10 + (zone[2] - '0') < 24 && zone[3] < '6';
}

// Where a message is, for a person to find it: FILE:LINE of an mbox
// message's From_ line (its source is "FILE:N", the N-th message, which
// read as a line number named the wrong line: the issue-14 tester, round
// 43, finding 8), else its source (a Maildir file, an .eml).
std::string MboxPlace(const content::ScannedMessage& m) {
  if (m.mbox_line == 0) return m.source;
  std::string place = m.source.substr(0, m.source.rfind(':'));
  place += ':';
  place += std::to_string(m.mbox_line);
  return place;
}

// FILE:LINE of the header line `line` (0-based within the message's bytes)
// in an mbox (its source is "FILE:N", the N-th message) or in a file of its
// own (a Maildir's, an .eml).
std::string FieldPlace(const content::ScannedMessage& m, uint64_t line) {
  if (m.mbox_line > 0) {
    return m.source.substr(0, m.source.rfind(':')) + ":" + std::to_string(m.mbox_line + 1 + line);
  }
  return m.source + ":" + std::to_string(line + 1);
}

// Where a message's Date: is, for a person to find it: FieldPlace, then
// the field as written.
std::string DatePlace(const content::ScannedMessage& m, const DateField& d) {
  if (!d.found) return MboxPlace(m);
  std::string place = FieldPlace(m, d.line);
  place += ": Date: ";
  place += log::Untrusted(d.value, 100);
  return place;
}

}  // namespace

Status Learner::AddMailboxes(const std::vector<std::string>& paths,
                             std::shared_ptr<const content::Scanner> scanner,
                             std::function<void(const content::ReadStep&)> on_step) {
  NM_ASSIGN_OR_RETURN(std::unique_ptr<content::MessageReader> reader,
                      content::MessageReader::Open(paths, std::move(scanner)));
  if (on_step) reader->set_on_step(std::move(on_step));
  // The bytes name a message with neither a Message-ID nor a date again
  // on the next run (MessageKey).
  reader->set_keep_bytes(true);
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  // A message with no usable date takes the time of the dated message read
  // before it, or of the next one (its deliveries wait for it), now only
  // when none is dated: dated now, it stretched a burst's span to today and
  // made a slip repeated three times in 20 minutes "known" (round 47's
  // tester 14, finding 3).
  int64_t last_dated = 0;
  std::vector<Delivery> undated;
  content::ScannedMessage m;
  while (reader->Next(&m)) {
    if (m.unread) {
      // No message (content/maildir_entry.h): said, never learned from.
      if (mailbox_counts_.not_read++ == 0) {
        std::string why = m.errors.empty() ? std::string("not read") : m.errors.front();
        mailbox_counts_.first_not_read = why.starts_with(m.source) ? why : m.source + ": " + why;
      }
      m = content::ScannedMessage();
      continue;
    }
    // A draft (or template, or message queued to send later) a mail
    // client marked as such was never delivered, whatever folder holds
    // it: learned, an unsent draft to a slip made the slip "known" and
    // was offered for the next slip (round 52's tester 14, finding 1).
    if (const DraftMarker draft = FindDraftMarker(m.bytes); !draft.field.empty()) {
      if (mailbox_counts_.drafts++ == 0) {
        mailbox_counts_.first_draft =
            FieldPlace(m, draft.line) + ": " + log::Untrusted(draft.field, 80);
      }
      m = content::ScannedMessage();
      continue;
    }
    // A Google Takeout mbox is the whole mailbox, received mail too: only
    // a message Gmail labelled Sent was sent from it (Gmail Help, "Download
    // your Gmail data": each message's labels in X-Gmail-Labels). Learned
    // from, the rest would trust every domain that ever wrote in.
    if (m.gmail_labels && !content::HasSentLabel(*m.gmail_labels)) {
      if (mailbox_counts_.not_sent_label++ == 0) {
        mailbox_counts_.first_not_sent_label = MboxPlace(m);
      }
      m = content::ScannedMessage();
      continue;
    }
    // A Sent folder holds what the organisation sent: a message whose
    // author (From:) is outside [domains] organisation is mail it received
    // (dragged into Sent, or an all-mail export named Sent). Learned from,
    // it made its sender's domain a regular correspondent (round 45's
    // tester 14, N3); skipped and counted, as a trace's rows of received
    // mail are (learn.h SetDomainChecks). No organisation named, no test.
    if (own_domain_) {
      // Without invisible characters, as the sender is learned (below).
      const std::string visible = content::WithoutInvisibleCodePoints(m.from);
      const std::string author = Canonical(visible.empty() ? std::string_view(m.from) : visible);
      const size_t at = author.rfind('@');
      if (at != std::string::npos && !own_domain_(std::string_view(author).substr(at + 1))) {
        if (mailbox_counts_.not_from_organisation++ == 0) {
          mailbox_counts_.first_not_from_organisation = MboxPlace(m);
          mailbox_counts_.first_not_from_organisation += ": From: ";
          mailbox_counts_.first_not_from_organisation += author;
        }
        m = content::ScannedMessage();
        continue;
      }
    }
    // When it was sent, by audit's rule (content/mailbox_date.h): the
    // author's Date:, else when it was delivered (the mbox "From " line,
    // the Maildir file name, a lone file's mtime), else now, counted.
    // A Date: after the delivery (or now), before 1990 or more than a
    // year before the delivery is not believed: one such message would
    // stretch a correspondent's span (mailbox_date.h).
    // A Date: present that could not be read (or whose zone is no
    // offset) is counted and named by its line, as one set aside is (the
    // issue-14 tester, round 41, item 11).
    const DateField field = FindDateField(m.bytes);
    if (field.found && (m.date == 0 || !PlausibleZone(field.value))) {
      m.date = 0;
      if (mailbox_counts_.date_unreadable++ == 0) {
        mailbox_counts_.first_date_unreadable = DatePlace(m, field);
      }
    }
    const content::MailboxDate date = content::MessageDate(m, now);
    int64_t time = date.seconds > 0 ? date.seconds : last_dated;
    if (date.seconds > 0) {
      last_dated = time;
      for (Delivery& d : undated) {
        d.time = time;
        NM_RETURN_IF_ERROR(Add(std::move(d)));
      }
      undated.clear();
    }
    if (date.set_aside > 0 && mailbox_counts_.date_set_aside++ == 0) {
      mailbox_counts_.first_date_set_aside =
          field.found ? DatePlace(m, field)
                      : MboxPlace(m) + ": Date: " + maillog::FormatTime(date.set_aside);
    }
    // A Date: set aside was read: counted there, not as unreadable.
    if (date.seconds <= 0) {
      if (mailbox_counts_.dated_now++ == 0) mailbox_counts_.first_dated_now = MboxPlace(m);
    } else if (date.source != "date-header" && date.source != "resent-date-header" &&
               date.set_aside == 0) {
      ++mailbox_counts_.dated_by_delivery;
    }
    if (!m.mbox_from_line.empty() && m.delivered == 0 &&
        content::MboxFromLineTime(m.mbox_from_line) > 0) {
      // The reader found its From_ time on other entries too: a tool's
      // stamp, not when it was sent (content/mbox_stamps.h).
      if (mailbox_counts_.stamped++ == 0) {
        mailbox_counts_.first_stamped = MboxPlace(m) + ": " + m.mbox_from_line;
      }
    }
    ++mailbox_counts_.messages;
    mailbox_counts_.unspaced.Add(m);
    if (m.message_id.empty()) ++mailbox_counts_.without_message_id;
    std::string from = VisibleSender(m.from, MboxPlace(m));
    // What names this message again when the folder is read twice: its
    // Message-ID (RFC 5322 section 3.6.4), else its author, date and
    // subject; with no date it could use, its bytes, never the time of
    // this run, which changes with every run (issue 14, round 34, item 5).
    std::string id;
    if (m.message_id.empty()) {
      id = "nomsgid:" + from + " " +
           (date.seconds > 0 ? std::to_string(time) : "nodate:" + BytesKey(m.bytes)) + " " +
           m.subject;
    }
    for (const auto* list : {&m.to, &m.cc, &m.bcc}) {
      for (const std::string& header : *list) {
        // Read as check and the API read a list (nearmiss/address.h): an
        // unquoted "Okafor, Chidi <c4711@nhs.example>", as scripts, CRMs
        // and pasted lists write it, is one recipient named "Okafor,
        // Chidi", not "Okafor" and a contact learned as "Chidi" (round
        // 52's tester 14, finding 2); a well-formed list reads as before.
        for (const std::string& entry : SplitPastedAddressList(header)) {
          std::string to = VisibleRecipient(entry, MboxPlace(m));
          if (to.empty()) {
            NotAnAddress(MboxPlace(m) + ": '" + log::Untrusted(entry, 100) + "'");
            continue;
          }
          if (!Judgeable(to, MboxPlace(m))) continue;
          std::string key = id.empty() ? DeliveryKey(m.message_id, to) : id + " " + to;
          if (sink_ && id.empty() && sink_->Failed(key)) {
            // The log or trace read says the receiving server refused it.
            if (mailbox_counts_.not_delivered++ == 0) {
              mailbox_counts_.first_not_delivered = MboxPlace(m) + ": " + to;
            }
            continue;
          }
          // The same delivery read from a log row without its Message-ID
          // (learn.h): its key, so it counts once.
          if (std::string joined = date.seconds > 0 ? JoinedLogKey(from, to, time) : "";
              !joined.empty()) {
            key = std::move(joined);
            ++mailbox_counts_.joined_to_log;
          }
          // The name the sender wrote the recipient under ("John Smith"
          // <john.smith@...>): the person the address is, for the wrong
          // person at the right domain across domains (engine/address_typo.h
          // FindDisplayNameElsewhere).
          // Kept decoded (RFC 2047): what `learn --show` and the console
          // print, as a reader sees it.
          Delivery d{from, std::move(to), time, std::move(key), {},
                     content::DecodedPhrase(address::DisplayNameOf(entry))};
          if (time == 0) {
            undated.push_back(std::move(d));
          } else {
            NM_RETURN_IF_ERROR(Add(std::move(d)));
          }
        }
      }
    }
    m = content::ScannedMessage();
  }
  for (Delivery& d : undated) {
    d.time = now;
    NM_RETURN_IF_ERROR(Add(std::move(d)));
  }
  return Status::Ok();
}

}  // namespace nearmiss::history
