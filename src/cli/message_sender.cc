#include "cli/message_sender.h"

#include "base/log.h"
#include "nearmiss/address.h"

namespace nearmiss::cli {

const char* SenderSourceName(SenderSource source) {
  switch (source) {
    case SenderSource::kOption: return "--sender";
    case SenderSource::kReturnPath: return "Return-Path";
    case SenderSource::kSender: return "Sender";
    case SenderSource::kFirstAuthor: return "From's first mailbox";
    case SenderSource::kFrom: return "From";
  }
  return "From";
}

SenderSource MessageSender(const content::ScannedMessage& m, std::string* sender,
                           std::string* note) {
  note->clear();
  std::string_view path = m.return_path;
  if (path.size() >= 2 && path.front() == '<' && path.back() == '>') {
    path = path.substr(1, path.size() - 2);
    if (path.empty()) {
      sender->clear();
      return SenderSource::kReturnPath;
    }
  }
  if (!path.empty()) {
    if (Result<Address> a = ParseAddress(path); a.ok()) {
      *sender = a->ToString();
      return SenderSource::kReturnPath;
    }
    *note = "the Return-Path '" + log::Untrusted(m.return_path, 100) +
            "' is no address; judged by the author instead";
  }
  std::vector<std::string> authors = SplitAddressList(m.from);
  if (authors.size() <= 1) {
    *sender = m.from;
    return SenderSource::kFrom;
  }
  if (!m.sender_header.empty()) {
    if (Result<Address> a = ParseAddress(m.sender_header); a.ok()) {
      *sender = a->ToString();
      return SenderSource::kSender;
    }
  }
  *sender = authors.front();
  if (!note->empty()) *note += "; ";
  *note += "From: names " + std::to_string(authors.size()) + " mailboxes and " +
           (m.sender_header.empty() ? std::string("no Sender:")
                                    : "a Sender: '" + log::Untrusted(m.sender_header, 100) +
                                          "' that is no address") +
           " (RFC 5322 section 3.6.2); judged by the first, " + log::Untrusted(*sender, 100);
  return SenderSource::kFirstAuthor;
}

void AddMessageRecipients(const content::ScannedMessage& m, Envelope* envelope) {
  auto add = [&](const std::vector<std::string>& headers, RecipientField field) {
    for (const std::string& h : headers) envelope->recipients.push_back({h, field, true});
  };
  add(m.to, RecipientField::kTo);
  add(m.cc, RecipientField::kCc);
  add(m.bcc, RecipientField::kBcc);
}

}  // namespace nearmiss::cli
