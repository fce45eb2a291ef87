// `nearmiss learn --show`: what the store knows of who writes to whom, the
// ground of new-domain, new-address and address-typo. Times are the
// messages' own (Date:, the log's timestamps), printed as UTC days.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "content/header_encode.h"
#include "address/display_width.h"
#include "base/ascii.h"
#include "base/log.h"
#include "base/text_format.h"
#include "cli/commands.h"
#include "engine/address_typo.h"
#include "engine/mailbox_space.h"
#include "history/history_keys.h"

namespace nearmiss::cli {
namespace {

std::string Day(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

struct Recipient {
  int64_t messages = 0, first = 0, last = 0;
  std::set<std::string> senders;
};

// The pairs with every address taken to its mailbox as the engine counts
// it, and the pairs that then name the same sender -> recipient summed
// (issue 14, round 35's second tester, defect 4): a sub-address is its
// mailbox (Postfix's recipient_delimiter, `delimiters`: john.smith+proj@
// is john.smith@), and the domains of one mailbox space are one with the
// dots of a Gmail local part (engine/mailbox_space.h, MailboxIdentity:
// john.smith@googlemail.com is john.smith@gmail.com). Each mailbox is shown
// as its most frequent form, its extension dropped.
struct ByMailbox {
  std::vector<AddressStats> pairs;  // by count, most first
  // A recipient shown -> the other forms counted in it.
  std::map<std::string, std::set<std::string>> merged;
};

ByMailbox FoldByMailbox(const std::vector<AddressStats>& pairs, const std::string& delimiters) {
  auto without_extension = [&delimiters](const std::string& address) {
    std::string m = engine::WithoutExtension(address, delimiters);
    return m.empty() ? address : m;
  };
  // The store gives the pairs by count: the first form of a mailbox met
  // is its most frequent, the one shown.
  std::map<std::string, std::string> shown;  // MailboxIdentity -> shown form
  auto mailbox = [&](const std::string& address) {
    if (address.empty()) return address;
    const std::string plain = without_extension(address);
    return shown.try_emplace(engine::MailboxIdentity(plain), plain).first->second;
  };
  ByMailbox out;
  std::map<std::pair<std::string, std::string>, size_t> at;
  for (const AddressStats& p : pairs) {
    AddressStats folded = p;
    folded.sender = mailbox(p.sender);
    folded.recipient = mailbox(p.recipient);
    if (folded.recipient != p.recipient) out.merged[folded.recipient].insert(p.recipient);
    auto [it, added] = at.try_emplace({folded.sender, folded.recipient}, out.pairs.size());
    if (added) {
      out.pairs.push_back(std::move(folded));
      continue;
    }
    AddressStats& sum = out.pairs[it->second];
    sum.messages += p.messages;
    sum.first_seen = std::min(sum.first_seen, p.first_seen);
    sum.last_seen = std::max(sum.last_seen, p.last_seen);
    if (sum.display_name.empty()) sum.display_name = p.display_name;
  }
  // A sum may have moved up.
  std::stable_sort(out.pairs.begin(), out.pairs.end(),
                   [](const AddressStats& a, const AddressStats& b) {
                     return a.messages > b.messages;
                   });
  return out;
}

// The identity of `address`'s mailbox as the checks count it (sender or
// recipient): its extension dropped (Postfix's recipient_delimiter,
// `delimiters`), and at Gmail a "+tag" whatever the local delimiter is
// (Gmail Help, answer 7436150: "add a plus sign (+) and any word"); then
// MailboxIdentity (dots dropped at Gmail, googlemail.com as gmail.com).
std::string MailboxKey(const std::string& address, const std::string& delimiters) {
  std::string m = engine::WithoutExtension(address, delimiters);
  if (m.empty()) m = address;
  const size_t at = m.rfind('@');
  if (at != std::string::npos &&
      engine::MailboxSpace(AsciiLower(std::string_view(m).substr(at + 1))) == "gmail.com") {
    if (size_t plus = m.find('+'); plus != std::string::npos && plus < at) m.erase(plus, at - plus);
  }
  return engine::MailboxIdentity(m);
}

// Why `form` is counted as the mailbox `shown`, in the words a reader
// checks it by.
std::string WhyMerged(const std::string& form, const std::string& shown,
                      const std::string& delimiters) {
  std::vector<std::string> why;
  std::string plain = engine::WithoutExtension(form, delimiters);
  if (!plain.empty()) {
    why.push_back("a sub-address (recipient_delimiter '" + delimiters + "')");
  } else {
    plain = form;
  }
  const std::string domain = plain.substr(plain.rfind('@') + 1);
  const std::string shown_domain = shown.substr(shown.rfind('@') + 1);
  if (domain != shown_domain) {
    std::string words = domain;
    words += " and ";
    words += shown_domain;
    words += " are one mailbox domain";
    why.push_back(std::move(words));
  }
  if (plain.substr(0, plain.rfind('@')) != shown.substr(0, shown.rfind('@'))) {
    why.push_back("Gmail ignores dots in the name");
  }
  std::string out;
  for (const std::string& w : why) {
    if (!out.empty()) out += "; ";
    out += w;
  }
  return out;
}

}  // namespace

int ShowRelationships(Store& store, const std::string& sender_as_given, size_t limit,
                      const std::string& delimiters) {
  // Asked as the store keeps senders (history/history_keys.h: lower case,
  // the domain as an A-label): ALICE@MOD.EXAMPLE as Outlook shows her is
  // alice@mod.example (issue 14 breaker, round 5, item 10).
  std::string sender = sender_as_given;
  if (!sender.empty()) {
    Domain scratch;
    history::HistoryAddress(sender_as_given, &scratch, &sender);
  }
  // A sender is her mailbox, every form of it, as the engine judges her
  // acknowledgements and address-typo: a sub-address (alice+x@ is alice@:
  // Postfix's recipient_delimiter, the policy's [history]
  // recipient_delimiter, "+" unless it says otherwise), and at a provider
  // documented to deliver them to one mailbox its other forms
  // (engine/mailbox_space.h: john.smith@gmail.com is johnsmith@gmail.com
  // and John.Smith+x@googlemail.com; issue 14). Elsewhere dots and
  // domains stay apart: j.smith@ and jsmith@mod.example are two people.
  Result<std::vector<AddressStats>> pairs = store.Correspondents("", 0);
  if (!pairs.ok()) {
    log::Error(pairs.error().message());
    return kExitError;
  }
  if (!sender.empty()) {
    const std::string key = MailboxKey(sender, delimiters);
    std::set<std::string> forms;
    std::erase_if(*pairs, [&](const AddressStats& p) {
      if (p.sender.empty() || MailboxKey(p.sender, delimiters) != key) return true;
      forms.insert(p.sender);
      return false;
    });
    // A sub-address with no deliveries of its own is shown as its mailbox.
    if (std::string mailbox = engine::WithoutExtension(sender, delimiters);
        !mailbox.empty() && !forms.contains(sender)) {
      std::printf("%s: no deliveries of its own; shown for its mailbox %s\n", sender.c_str(),
                  mailbox.c_str());
      sender = std::move(mailbox);
    }
    forms.erase(sender);
    if (!forms.empty()) {
      // Said, so the figures can be checked against the store's rows.
      std::printf("%s: counted with the other %s of its mailbox:", sender.c_str(),
                  forms.size() == 1 ? "form" : "forms");
      for (const std::string& f : forms) {
        std::printf(" %s (%s)", f.c_str(), WhyMerged(f, sender, delimiters).c_str());
      }
      std::printf("\n");
    }
  }
  ByMailbox folded = FoldByMailbox(*pairs, delimiters);
  *pairs = std::move(folded.pairs);
  // Organisation-wide: every sender's deliveries to each address.
  std::map<std::string, Recipient> recipients;
  std::set<std::string> senders, domains;
  int64_t total = 0, first = 0, last = 0, unknown_sender = 0;
  for (const AddressStats& p : *pairs) {
    Recipient& r = recipients[p.recipient];
    r.first = r.messages == 0 ? p.first_seen : std::min(r.first, p.first_seen);
    r.last = std::max(r.last, p.last_seen);
    r.messages += p.messages;
    // A delivery whose sender the log never named (stored as "") may come
    // from any number of senders: never counted as one (docs/mail-logs.md).
    if (!p.sender.empty()) r.senders.insert(p.sender);
    first = total == 0 ? p.first_seen : std::min(first, p.first_seen);
    last = std::max(last, p.last_seen);
    total += p.messages;
    if (p.sender.empty()) {
      unknown_sender += p.messages;
    } else {
      senders.insert(p.sender);
    }
    domains.insert(p.recipient.substr(p.recipient.rfind('@') + 1));
  }
  std::printf("%s: %s from %s", sender.empty() ? "organisation" : sender.c_str(),
              Counted(static_cast<uint64_t>(total), "delivery", "deliveries").c_str(),
              Counted(senders.size(), "sender").c_str());
  if (unknown_sender > 0) {
    std::printf(" (and %s whose sender is not in the log, not counted as a sender)",
                Thousands(unknown_sender).c_str());
  }
  std::printf(" to %s at %s", Counted(recipients.size(), "address", "addresses").c_str(),
              Counted(domains.size(), "domain").c_str());
  if (total > 0) std::printf(", %s to %s", Day(first).c_str(), Day(last).c_str());
  std::printf("\n");
  if (total == 0) return kExitClean;

  std::vector<std::pair<std::string, Recipient>> by_count(recipients.begin(), recipients.end());
  std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) {
    return a.second.messages > b.second.messages;
  });
  size_t rows = limit == 0 ? by_count.size() : std::min(limit, by_count.size());
  std::printf("\nrecipient%*s messages senders first seen  last seen\n", 32, "");
  std::vector<std::string> explained;
  for (size_t i = 0; i < rows; ++i) {
    const auto& [address, r] = by_count[i];
    // Padded by the columns a terminal gives the address (a CJK or
    // full-width character takes two), not its bytes.
    std::string cell = address;
    if (folded.merged.contains(address)) cell += " *";
    std::printf("%s %8s %7s %-11s %s\n", ::nearmiss::address::PadToWidth(cell, 41).c_str(),
                Thousands(r.messages).c_str(),
                Thousands(static_cast<int64_t>(r.senders.size())).c_str(), Day(r.first).c_str(),
                Day(r.last).c_str());
    if (folded.merged.contains(address)) explained.push_back(address);
  }
  if (rows < by_count.size()) {
    std::printf("(%s more; --limit 0 shows all)\n",
                Thousands(static_cast<int64_t>(by_count.size() - rows)).c_str());
  }
  if (!explained.empty()) {
    // A merged row is said, so its count can be checked against the
    // store's rows (one mailbox, as the checks count it).
    std::printf("* one mailbox, counted as the checks count it:\n");
    for (const std::string& address : explained) {
      for (const std::string& form : folded.merged.at(address)) {
        std::printf("  %s counts %s: %s\n", address.c_str(), form.c_str(),
                    WhyMerged(form, address, delimiters).c_str());
      }
    }
  }

  rows = limit == 0 ? pairs->size() : std::min(limit, pairs->size());
  // The name the sender last wrote the recipient under (a Sent folder's
  // To/Cc, a CSV cell; learn keeps it since schema 8), which address-typo
  // reads to find the person at another domain: shown, so what it is
  // judged by can be seen (the issue-14 tester, round 41).
  std::printf("\nsender -> recipient%*s messages first seen  last seen   written as\n", 42, "");
  for (size_t i = 0; i < rows; ++i) {
    const AddressStats& p = (*pairs)[i];
    std::string pair = (p.sender.empty() ? "(unknown)" : p.sender) + " -> " + p.recipient;
    std::string name;
    if (!p.display_name.empty()) {
      name = "\"";
      // Decoded (RFC 2047): a store learned before round 47 holds the
      // encoded words.
      name += log::Untrusted(content::DecodedPhrase(p.display_name), 80);
      name += "\"";
    }
    std::printf("%s %8s %-11s %s%s%s\n", ::nearmiss::address::PadToWidth(pair, 61).c_str(),
                Thousands(p.messages).c_str(), Day(p.first_seen).c_str(),
                Day(p.last_seen).c_str(), name.empty() ? "" : "  ", name.c_str());
  }
  if (rows < pairs->size()) {
    std::printf("(%s more; --limit 0 shows all)\n",
                Thousands(static_cast<int64_t>(pairs->size() - rows)).c_str());
  }
  return kExitClean;
}

}  // namespace nearmiss::cli
