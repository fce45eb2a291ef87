// `nearmiss learn`: the Sent folder line and the summary (learn_summary.h).
#include "cli/learn_summary.h"

#include <cstdio>
#include <string>

#include "base/log.h"
#include "base/text_format.h"
#include "cli/commands.h"
#include "maillog/unknown_cause.h"

namespace nearmiss::cli {

void PrintSentFolderCounts(const history::Learner::MailboxCounts& m) {
  auto n = [](uint64_t v) { return Thousands(static_cast<int64_t>(v)); };
  std::printf("read %s messages from Sent folders", n(m.messages).c_str());
  if (m.dated_by_delivery > 0) {
    std::printf("; %s without a readable Date: dated by delivery",
                n(m.dated_by_delivery).c_str());
  }
  if (m.date_unreadable > 0) {
    std::printf("; %s with a Date: that cannot be read (first: %s)",
                n(m.date_unreadable).c_str(), m.first_date_unreadable.c_str());
  }
  if (m.stamped > 0) {
    // Said, so a Date: set aside or believed is never a surprise.
    std::printf("; %s with a From_ line time other messages of its mbox share (a tool's "
                "stamp, not when it was sent): dated by its Date: (first: %s)",
                n(m.stamped).c_str(), m.first_stamped.c_str());
  }
  if (m.dated_now > 0) {
    // "No date at all" was wrong for a Date: present but unreadable (ISO
    // form) or set aside (1985): what is true is that none could be used.
    std::printf("; %s with no usable date (no Date: that could be read and believed, no "
                "delivery time) dated as the dated message before it in its mailbox (else the next; now "
                "when none is), known again by their content (first: %s)",
                n(m.dated_now).c_str(), m.first_dated_now.c_str());
  }
  if (m.date_set_aside > 0) {
    // A sender whose clock is wrong is worth a look: the first is named.
    std::printf("; %s with a Date: after their delivery or in the future, before 1990, "
                "or more than a year before their delivery, dated by delivery instead "
                "(first: %s)",
                n(m.date_set_aside).c_str(),
                m.first_date_set_aside.c_str());
  }
  if (m.joined_to_log > 0) {
    std::printf("; %s recipients joined to log rows without a Message-ID (same sender and "
                "recipient within %lld s)",
                n(m.joined_to_log).c_str(),
                static_cast<long long>(history::Learner::kLogJoinSeconds));
  }
  if (m.not_delivered > 0) {
    std::printf("; %s recipients not learned: a log or trace read says the message was "
                "not delivered to them (bounced, expired, discarded or deleted; first: %s)",
                n(m.not_delivered).c_str(), m.first_not_delivered.c_str());
  }
  if (m.without_message_id > 0) {
    std::printf("; %s without a Message-ID (known again by sender, date and subject)",
                n(m.without_message_id).c_str());
  }
  if (std::string note = m.unspaced.Note(); !note.empty()) std::printf("; %s", note.c_str());
  if (m.not_sent_label > 0) {
    std::printf("; skipped %s of a Google Takeout mbox not labelled Sent in X-Gmail-Labels "
                "(mail received, or drafts: not learned; first: %s)",
                Counted(static_cast<int64_t>(m.not_sent_label), "message").c_str(),
                m.first_not_sent_label.c_str());
  }
  if (m.drafts > 0) {
    std::printf("; skipped %s a mail client marked as drafts (X-Unsent: 1, "
                "X-Mozilla-Draft-Info or com.apple.mail-draft: never sent, not learned; "
                "first: %s)",
                Counted(static_cast<int64_t>(m.drafts), "message").c_str(),
                m.first_draft.c_str());
  }
  if (m.not_from_organisation > 0) {
    std::printf("; skipped %s not sent by the organisation (From: outside [domains] "
                "organisation: mail received, not learned; first: %s)",
                Counted(static_cast<int64_t>(m.not_from_organisation), "message").c_str(),
                m.first_not_from_organisation.c_str());
  }
  if (m.not_read > 0) {
    // A file that is no message is not learned from, and said so.
    std::printf("; %s not read (first: %s)",
                Counted(static_cast<int64_t>(m.not_read), "file").c_str(),
                m.first_not_read.c_str());
  }
  std::printf("\n");
}

void PrintLearnSummary(const history::Learner& learner, uint64_t log_lines, size_t logs,
                       const LogSkips& skips) {
  const history::Learner::DeliveryCounts c = learner.delivery_counts();
  // Counts a person reads, grouped: "900,000 log lines".
  auto n = [](uint64_t v) { return Thousands(static_cast<int64_t>(v)); };
  // A CSV row may name several recipients, or none that can be learned:
  // rows, recipients and rows not used are three figures (the issue-14
  // tester, round 41, item 13: recipients were called rows, and a row not
  // used was in no count of rows).
  std::string csv = Counted(c.csv_rows, "CSV row");
  if (c.csv_rows > 0) {
    csv += " (";
    csv += Counted(c.csv_recipients, "recipient");
    if (c.csv_rows_unused > 0) {
      csv += "; ";
      csv += Counted(c.csv_rows_unused, "row");
      csv += " not used, first at ";
      for (size_t i = 0; i < c.first_csv_rows_unused.size(); ++i) {
        if (i > 0) csv += ", ";
        csv += c.first_csv_rows_unused[i];
      }
    }
    csv += ")";
  }
  std::printf("read: %s in %s, %s, %s\n", Counted(log_lines, "log line").c_str(),
              Counted(logs, "file").c_str(),
              Counted(learner.mailbox_counts().messages, "Sent folder message").c_str(),
              csv.c_str());
  std::printf("deliveries: %s found = %s new + %s repeated in the sources + %s already "
              "in the store\n",
              n(c.found).c_str(), n(c.counted).c_str(), n(c.repeated).c_str(),
              n(c.known).c_str());
  std::printf("new relationships: %s sender -> recipient pairs the store did not have\n",
              n(c.new_relationships).c_str());
  // Messages crossing a rotation, learned one file a run (the issue-14
  // tester, round 43, finding 2): what came in, what this run's lines
  // continued, what goes on to the next.
  if (const history::Learner::CarryCounts& k = learner.carry_counts();
      k.carried_in != 0 || k.carried_out != 0) {
    std::printf("messages open across learns: %s carried over from the last learn's logs, %s "
                "joined by this run's lines; %s open at the end of these logs, kept in the "
                "store for the next learn\n",
                n(k.carried_in).c_str(), n(k.joined).c_str(), n(k.carried_out).c_str());
  }
  if (c.not_addresses > 0) {
    std::printf("left out %s (first: %s)\n",
                Counted(c.not_addresses, "recipient that is not an address",
                        "recipients that are not addresses")
                    .c_str(),
                c.first_not_address.c_str());
  }
  if (c.invisible_dropped > 0) {
    // Learned as they read: the form with a zero width space in it is no
    // one's address, and kept it made the real one its "typo".
    std::printf("%s held invisible characters (a zero width space, a byte order mark, a bidi "
                "mark, ...), read without them; first at %s\n",
                Counted(c.invisible_dropped, "recipient").c_str(),
                c.first_invisible_dropped.c_str());
  }
  if (c.invisible_senders > 0) {
    // One mailbox is one sender: kept, the form with a U+2060 in it split
    // the sender's history (round 58c's tester 16, finding 2).
    std::printf("%s held invisible characters in the sender (a zero width space, a byte order "
                "mark, a bidi mark, ...), read without them; first at %s\n",
                Counted(c.invisible_senders, "delivery", "deliveries").c_str(),
                c.first_invisible_sender.c_str());
  }
  if (uint64_t all = skips.domains + c.skipped_domains; all > 0) {
    std::printf("skipped %s whose domain cannot be learned (an address literal such as [192.0.2.7], "
                "a bad xn-- label, a leading or trailing hyphen, a public suffix itself): not "
                "learned; first at %s\n",
                Counted(all, "recipient").c_str(),
                (skips.domains > 0 ? skips.first_domain : c.first_skipped_domain).c_str());
  }
  if (c.skipped_senders > 0) {
    std::printf("skipped %s of senders [history] learn_skip_senders names (a helpdesk, a "
                "notification system: what they write to teaches nothing of who people here "
                "write to); first from %s\n",
                Counted(c.skipped_senders, "delivery", "deliveries").c_str(),
                c.first_skipped_sender.c_str());
  }
  if (skips.inbound > 0) {
    std::printf("skipped %s of mail the organisation received (learning is about who it writes "
                "to); first at %s\n",
                Counted(skips.inbound, "trace row").c_str(), skips.first_inbound.c_str());
  }
  if (skips.bounces > 0) {
    std::printf("skipped %s of bounces (the null sender <>, RFC 5321 4.5.5, or the mail "
                "system's own address such as Exchange's MicrosoftExchange329e71ec...@: a "
                "notice the mail system wrote, not correspondence a sender chose): not "
                "learned; first at %s\n",
                Counted(skips.bounces, "delivery line").c_str(), skips.first_bounce.c_str());
  }
  if (skips.forwards > 0) {
    std::printf("skipped %s of copies a mailbox sent on (an Exchange inbox rule's forward or "
                "redirect, a mailbox's forwarding address: the sender chose the mailbox, not "
                "the address it forwards to): not learned; first at %s\n",
                Counted(skips.forwards, "delivery line").c_str(), skips.first_forward.c_str());
  }
  if (skips.direction_unknown > 0) {
    std::printf("skipped %s whose direction cannot be told (no direction column, and the policy "
                "names no organisation domains: [domains] organisation); first at %s\n",
                Counted(skips.direction_unknown, "trace row").c_str(),
                skips.first_direction_unknown.c_str());
  }
  if (c.sender_unknown > 0) {
    std::printf("left out %s whose sender the log does not show (no qmgr from= line: a "
                "filtered log, or one that starts after the message was queued): not "
                "learned as anyone's sent mail; first at %s\n",
                Counted(c.sender_unknown, "delivery", "deliveries").c_str(),
                c.first_sender_unknown.c_str());
  }
  if (c.log_not_delivered > 0) {
    std::printf("left out %s the log or trace says %s not made (bounced, expired, discarded "
                "or deleted; a trace's Failed): not learned; first at %s\n",
                Counted(c.log_not_delivered, "delivery", "deliveries").c_str(),
                c.log_not_delivered == 1 ? "was" : "were", c.first_log_not_delivered.c_str());
  }
  if (c.still_deferred > 0) {
    std::printf("left out %s still deferred or held when the logs end (no outcome yet: a "
                "deferral, Postfix's hold queue, a trace's Quarantined): not learned; first at "
                "%s\n",
                Counted(c.still_deferred, "delivery", "deliveries").c_str(),
                c.first_still_deferred.c_str());
  }
  if (c.local_forwards > 0) {
    std::printf("skipped %s of copies Postfix's local(8) forwarded (a .forward or an alias: the "
                "sender chose the local address, not the one it forwards to): not learned; "
                "first at %s\n",
                Counted(c.local_forwards, "delivery line").c_str(), c.first_local_forward.c_str());
  }
  if (c.lookalike_hops > 0) {
    std::printf("skipped %s handed to a next hop under a look-alike or blocked domain (a "
                "relayhost or smart-host typo: its operator received the message; audit "
                "reports it): not learned; first at %s\n",
                Counted(c.lookalike_hops, "delivery line").c_str(), c.first_lookalike_hop.c_str());
  }
  // Each cause in audit's words for it (maillog/unknown_cause.h).
  for (size_t i = 0; i < c.outcome_unknown.size(); ++i) {
    if (c.outcome_unknown[i] == 0) continue;
    std::printf("left out %s whose outcome is unknown (%s): not learned; first at %s\n",
                Counted(c.outcome_unknown[i], "delivery", "deliveries").c_str(),
                std::string(maillog::UnknownCauseWords(static_cast<maillog::UnknownCause>(i)))
                    .c_str(),
                c.first_outcome_unknown[i].c_str());
  }
}

std::string NothingLearned(const history::Learner& learner, const LogSkips& skips,
                           bool* chosen) {
  const history::Learner::DeliveryCounts c = learner.delivery_counts();
  *chosen = false;
  if (c.found > 0) return {};
  const history::Learner::MailboxCounts& m = learner.mailbox_counts();
  std::string why;
  auto add = [&why](uint64_t n, std::string_view noun, std::string_view tail,
                    const std::string& first) {
    if (n == 0) return;
    why.append(why.empty() ? "" : "; ").append(Counted(n, noun)).append(tail);
    if (!first.empty()) why.append(" (first at ").append(first).append(")");
  };
  add(skips.inbound, "trace row", " of mail the organisation received", skips.first_inbound);
  add(skips.direction_unknown, "trace row",
      " whose direction cannot be told (no direction column, and the policy names no "
      "[domains] organisation)",
      skips.first_direction_unknown);
  add(skips.bounces, "bounce", " (null sender <> or the mail system's own address)", skips.first_bounce);
  add(skips.forwards, "delivery", " of a copy a mailbox sent on (a rule's forward, a redirect)",
      skips.first_forward);
  add(skips.domains + c.skipped_domains, "recipient", " whose domain is invalid",
      skips.domains > 0 ? skips.first_domain : c.first_skipped_domain);
  add(c.not_addresses, "recipient", " left out as no address", c.first_not_address);
  add(c.skipped_senders, "delivery", " of a sender [history] learn_skip_senders names",
      c.first_skipped_sender);
  add(c.local_forwards, "delivery", " of a copy local(8) forwarded (a .forward, an alias)",
      c.first_local_forward);
  add(c.lookalike_hops, "delivery", " handed to a next hop under a look-alike or blocked domain",
      c.first_lookalike_hop);
  for (size_t i = 0; i < c.outcome_unknown.size(); ++i) {
    add(c.outcome_unknown[i], "delivery",
        " whose outcome is unknown (" +
            std::string(maillog::UnknownCauseWords(static_cast<maillog::UnknownCause>(i))) + ")",
        c.first_outcome_unknown[i]);
  }
  add(c.sender_unknown, "recipient", " whose sender the log does not show (no qmgr from= line)",
      c.first_sender_unknown);
  add(m.not_delivered, "recipient", " not delivered (bounced, expired or discarded)",
      m.first_not_delivered);
  add(m.not_from_organisation, "message",
      " not sent by the organisation (From: outside [domains] organisation)",
      m.first_not_from_organisation);
  add(m.not_sent_label, "message", " of a Google Takeout mbox not labelled Sent",
      m.first_not_sent_label);
  add(m.drafts, "message", " a mail client marked as drafts (never sent)", m.first_draft);
  add(c.log_not_delivered, "delivery", " a log or trace says was not made (bounced, expired, "
      "discarded or deleted)", c.first_log_not_delivered);
  add(c.still_deferred, "delivery", " still deferred or held when the logs end (no outcome yet)",
      c.first_still_deferred);
  if (why.empty()) return {};
  *chosen = c.skipped_senders > 0 && why.find("; ") == std::string::npos;
  if (*chosen) return "learn: nothing learned: every delivery given was skipped: " + why;
  return "learn: nothing learned: the sources given hold no delivery to learn; skipped " + why;
}

int Stopped(const Status& s, const history::Learner& learner) {
  log::Error(s.message());
  const history::Learner::DeliveryCounts c = learner.delivery_counts();
  if (c.counted == 0) {
    log::Error("learn: stopped; nothing this run read was written to the store");
  } else {
    log::Error("learn: stopped before the end; the store keeps the " +
               Counted(c.counted, "delivery", "deliveries") + " this run had written (" +
               Counted(c.new_relationships, "new relationship") +
               "), the rest was not learned; every delivery is keyed, so the same learn run "
               "again once the input is fixed counts none of them twice");
  }
  return kExitError;
}

void PrintNamesOfOthers(const history::Learner& learner) {
  const std::vector<history::Learner::NameOfAnother> others = learner.NamesOfOthers();
  constexpr size_t kShown = 5;
  for (size_t i = 0; i < others.size() && i < kShown; ++i) {
    const history::Learner::NameOfAnother& o = others[i];
    std::printf("written under another contact's name: %s -> %s as \"%s\" (%s), the name %s is "
                "written to under; learned, not as %s's name (check flags such a message)\n",
                o.sender.c_str(), o.recipient.c_str(), log::Untrusted(o.name, 100).c_str(),
                Counted(o.messages, "message").c_str(), o.owner.c_str(), o.recipient.c_str());
  }
  if (others.size() > kShown) {
    std::printf("written under another contact's name: %s more\n",
                Thousands(static_cast<int64_t>(others.size() - kShown)).c_str());
  }
}

}  // namespace nearmiss::cli
