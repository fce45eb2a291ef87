// PostfixLog, one recipient's delivery line: an attempt ("to=<...>, relay=...,
// status=...") and what it counts (postfix_log.h says what is a delivery;
// the hand-offs it starts are in postfix_hand_off.cc, a milter's or header
// check's action in postfix_action_line.cc).
#include <algorithm>
#include <string>
#include <vector>

#include "maillog/final_relay.h"
#include "maillog/loopback_relay.h"
#include "maillog/loss_notice.h"  // CutReason
#include "maillog/next_hop_reply.h"
#include "maillog/postfix_actions.h"
#include "maillog/postfix_log.h"
#include "maillog/smart_host.h"
#include "maillog/system_sender.h"
#include "maillog/trace_log.h"  // kSmartHostOutside
#include "maillog/unknown_cause.h"  // kLmtpElsewhere

namespace nearmiss::maillog {
namespace {

enum class StatusKind { kAttempt, kProbe, kUnknown };

// The status words log_adhoc() is given: sent(), defer_append(),
// bounce_append() and qmgr's expiry write the first four; bounce_append()
// writes "SOFTBOUNCE" instead of "bounced" under soft_bounce = yes
// (global/bounce.c: the mail stays queued, deferred); verify_append()
// writes the DSN action of a probe.
StatusKind StatusKindOf(std::string_view status) {
  if (status == "sent" || status == "deferred" || status == "bounced" || status == "expired" ||
      status == "SOFTBOUNCE") {
    return StatusKind::kAttempt;
  }
  if (status == "deliverable" || status == "undeliverable" ||
      status == "undeliverable-but-not-cached") {
    return StatusKind::kProbe;
  }
  return StatusKind::kUnknown;
}

// A reply "250 2.7.N Ok, discarded..." (RFC 3463 class 2, subject 7:
// security or policy; amavisd-new's wording).
bool FilterDiscarded(std::string_view text) {
  if (!text.starts_with("250 2.7.")) return false;
  size_t sp = text.find(' ', 8);
  return sp != std::string_view::npos && text.substr(sp + 1).starts_with("Ok, discarded");
}

// A reply "250 2.5.0 Ok, id=..., BOUNCE": amavisd-new's answer when its
// policy bounced the message (D_BOUNCE): it sends the sender a
// non-delivery notice itself and passes nothing on. A success reply to
// Postfix, a bounce for the recipient.
bool FilterBounced(std::string_view text) {
  return text.starts_with("250 2.") && text.ends_with(", BOUNCE") &&
         text.find(" Ok, id=") != std::string_view::npos;
}

// A relay that keeps the message on this host: loopback (RFC 1122 3.2.1.3,
// RFC 4291 2.5.3) or a UNIX-domain socket (LoopbackRelay), "localhost", a
// pipe(8) or local transport ("dfilt", "private/amavis": no "[address]" at
// all), "none" or nothing logged.
bool LocalRelay(std::string_view relay) {
  if (relay.empty() || relay == "none") return true;
  size_t open = relay.find('[');
  if (open == std::string_view::npos) return relay.find('.') == std::string_view::npos;
  return LoopbackRelay(relay) || relay.starts_with("localhost[");
}

// A delivery into a mailbox on this host: local(8) and virtual(8) log
// relay=local and relay=virtual; lmtp(8) to a UNIX-domain socket logs the
// socket's path in the brackets (relay=mail.example[private/dovecot-lmtp],
// relay=localhost[/var/run/dovecot/lmtp]); so does lmtp(8) over TCP to
// this host's own LMTP port, 24 (Dovecot's and Cyrus's inet_listener, the
// port IANA lists for any private mail system) or 2003 (Cyrus's "lmtp"
// service): relay=127.0.0.1[127.0.0.1]:24, relay=localhost[::1]:24. A
// mailbox store reached on a loopback port is local delivery, not a relay.
// Other TCP ports are left out: a content filter may listen there
// (content_filter = lmtp:[127.0.0.1]:10024). So may a socket (amavisd-new's lmtp:unix:/var/lib/amavis/amavisd.sock):
// a reply that names the next hop's id ("250 2.0.0 Ok: queued as X",
// NextHopId) is a filter's hand-off, never a mailbox store's (a store's
// reply names no queue: Dovecot "250 2.0.0 <rcpt> ID Saved"; issue-16
// tester round 36, defect 1).
// pipe(8) into a mailbox delivery program is one too: Dovecot's LDA as
// Dovecot documents it for Postfix (master.cf "dovecot unix - n n - - pipe
// flags=DRhu user=vmail:vmail argv=/usr/lib/dovecot/deliver -f ${sender}
// -d ${recipient}": relay=dovecot, "delivered via dovecot service"), and
// the maildrop and cyrus services of Postfix's stock master.cf; or any
// transport the organisation names with --final-relay NAME (`declared`,
// final_relay.h). Its "sent" is the program's exit 0: stored here, no
// log of another server to ask for (issue-16 tester16, F2).
bool MailboxHere(std::string_view program, std::string_view relay, std::string_view reply,
                 const std::vector<std::string>& declared) {
  // local(8)'s forward (a .forward, an alias): queued again under a new id
  // and followed there as a hand-off (QueuedAs), no mailbox here.
  if ((relay == "local" || program.ends_with("/local")) && reply.starts_with("forwarded as ")) {
    return false;
  }
  if (relay == "local" || relay == "virtual") return true;
  if (program.ends_with("/local") || program.ends_with("/virtual")) return true;
  if (program.ends_with("/pipe") && PipeRelay(relay)) {
    return relay == "dovecot" || relay == "maildrop" || relay == "cyrus" ||
           FinalRelay(relay, declared);
  }
  if (!program.ends_with("/lmtp") || !NextHopId(reply).empty()) return false;
  return SocketRelay(relay) ||
         (LoopbackRelay(relay) && (relay.ends_with("]:24") || relay.ends_with("]:2003")));
}

// The relay's host name as logged: before "[address]" ("smtp-gw2.army.mil
// [198.51.100.20]:587"), or inside the brackets when nothing stands before
// them ("[smtp-gw2.army.mil]:587", relayhost's bracketed form as written).
// An address in the brackets is no name (OrgRelayJudge refuses it).
std::string_view RelayName(std::string_view relay) {
  const size_t open = relay.find('[');
  if (open != 0) return relay.substr(0, open);
  const size_t close = relay.find(']');
  return close == std::string_view::npos ? std::string_view() : relay.substr(1, close - 1);
}

}  // namespace

void PostfixLog::EndUnconfirmedJoins(Queue& q) {
  bool undone = false;
  for (uint64_t seq : q.joined_from) {
    const Held* h = HeldAt(seq);
    if (h == nullptr) continue;
    // A relay on a public address that is not this host: a remote MX, whose
    // "queued as" merely names a queue id of ours; nothing of q showed it
    // to be this message. The receiving server's acceptance stands.
    std::string_view relay = h->Get(Held::kRelay);
    if (!LocalRelay(relay) && !InternalRelay(relay)) undone |= Unjoin(q, seq);
  }
  if (undone) Unjoined(q);
  q.joined_from.clear();
}

void PostfixLog::Delivery(const LogLine& l, Queue& q) {
  DeliveryFields f;
  bool cut = false;  // cut short in its reply text: the rest is read as written
  // A status word no Postfix writes at the very end of the line
  // ("status=se", "status=defer"): the line was cut inside it, and is read
  // as the cut line it is, its recipient kept (round 48's tester 16,
  // finding 4), not as a whole line of an unknown status.
  const bool read = ReadDeliveryFields(l.text, &f);
  const bool cut_in_status = read && StatusKindOf(f.status) == StatusKind::kUnknown &&
                             f.status_text.empty() && l.text.ends_with(f.status);
  if (!read || cut_in_status) {
    // Cut short (a syslog message-size limit): what it states is kept,
    // its recipient never lost without a word (issue-16 tester16, F12).
    const CutAt at = ReadCutDelivery(l.text, &f);
    if (at == CutAt::kNotCut) {
      NotUnderstood(line_);
      return;
    }
    const bool named = at != CutAt::kInRecipient && JudgeableRecipient(f.recipient) &&
                       (!options_.judgeable_domain ||
                        options_.judgeable_domain(AddressDomain(f.recipient)));
    const bool status_read = at == CutAt::kInStatusText &&
                             StatusKindOf(f.status) == StatusKind::kAttempt;
    counts_.CutLine(line_,
                    at == CutAt::kInRecipient ? "its recipient"
                    : status_read             ? "the end of its reply"
                                              : "its status",
                    named && !options_.learning);
    if (!named || options_.learning) return;  // learning learns no half-read line
    if (!status_read) {
      CutBeforeStatus(l, q, f);
      return;
    }
    cut = true;
  }
  switch (StatusKindOf(f.status)) {
    case StatusKind::kProbe:
      ++counts_.probes;
      return;
    case StatusKind::kUnknown:
      NotUnderstood(line_);
      return;
    case StatusKind::kAttempt:
      break;
  }
  if (!Judged(f.recipient)) return;
  if (options_.learning && q.sender_seen && IsSystemNoticeSender(q.sender)) {
    // The null reverse-path (RFC 5321 4.5.5): a bounce or other notice the
    // mail system wrote, not correspondence a sender chose; nothing to
    // learn (tester round 7 item 12). Skipped and counted.
    if (counts_.bounces++ == 0) counts_.first_bounce_line = counts_.lines;
    return;
  }
  if (options_.learning && options_.own_domain && q.sender_seen && !q.sender.empty() &&
      !options_.own_domain(AddressDomain(q.sender))) {
    // Learning is about who the organisation writes to: a delivery of mail
    // from an outside sender (mail received, an lmtp or local delivery to
    // one of its mailboxes; or relayed for someone else) is no relationship.
    // Skipped and counted as a trace's inbound rows are.
    if (counts_.inbound_rows++ == 0) counts_.first_inbound_row_line = counts_.lines;
    return;
  }
  // Stored in a mailbox on this host (a domain it hosts): the mail did not
  // leave it, so no delivery (to a look-alike or any); counted apart.
  const bool mailbox_here =
      f.status == "sent" &&
      MailboxHere(l.program, f.relay, f.status_text, options_.final_relays);
  if (!mailbox_here) ++counts_.delivery_lines;
  if (f.status == "SOFTBOUNCE") ++counts_.soft_bounces;
  // Its own attempt (or hand-off on) for a recipient handed to it: the
  // outcome is known, or followed to the next queue id. The next hop may
  // have rewritten the address (virtual, canonical, aliases): Postfix then
  // logs the one it was given as orig_to= (the hand-off's recipient).
  if (!q.handed.empty()) {
    std::erase(q.handed, f.recipient);
    if (!f.orig_recipient.empty()) std::erase(q.handed, f.orig_recipient);
  }
  // A delivery of its own: shows a join not shown by Message-ID, or undoes it.
  ConfirmOrUndoJoins(q, f.recipient, f.orig_recipient);
  if (mailbox_here) {
    if (counts_.local_deliveries++ == 0) counts_.first_local_delivery_line = counts_.lines;
    ++q.attempts;
    ++q.finals;
    return;
  }
  // Handed on (or delivered, below): no longer deferred here; qmgr's
  // "removed" then says nothing of it (issue-16 tester16, F5).
  auto no_longer_deferred = [&q](std::string_view recipient) {
    auto was = std::find(q.deferred.begin(), q.deferred.end(), recipient);
    if (was == q.deferred.end()) return;
    q.deferred_at.erase(q.deferred_at.begin() + (was - q.deferred.begin()));
    q.deferred.erase(was);
  };
  // The address the sender gave: this line's orig_to=, else the one a
  // hand-off to this queue id named (rewritten before a content filter).
  const std::string_view orig =
      f.orig_recipient.empty() ? HandedOrig(q, f.recipient) : f.orig_recipient;
  std::string_view pending;
  bool undoable = false;
  bool unfollowable = false;  // handed on here, no way to follow it (below)
  std::string joined_to;  // X of an undoable hand-off (HandOff)
  // The smtp client's "sent" to a relay of the organisation (InternalRelay:
  // loopback, RFC 1918, RFC 4193, link-local; no other domain's MX has
  // such an address) only handed the message on, whatever its reply: the
  // next server's log, when given, has the outcome (joined below, by its
  // queue id or Message-ID; else Unfollowed says so). lmtp, local, virtual
  // and pipe deliver into a store; a relay the organisation declared a
  // store (--final-relay) is a delivery (the lead's decision on issue-16
  // tester round 35, defect 1). Learning learns the recipient as sent.
  // So is lmtp's "sent" to a filter on this host or the organisation's
  // whose reply names the next hop's id (MailboxHere): the reply is the
  // filter's queueing (issue-16 tester round 36, defect 1).
  // A relay of the organisation on a public address, known by its name
  // (options_.organisation_relay: smtp-gw2.mail.mil for alice@army.mil),
  // is one too: its 250 is the organisation's gateway queueing the message.
  const bool org_by_name =
      f.status == "sent" && !options_.learning && options_.organisation_relay &&
      l.program.ends_with("/smtp") && !InternalRelay(f.relay) &&
      options_.organisation_relay(RelayName(f.relay),
                                  q.origin_known ? q.origin_sender : q.sender, f.recipient);
  // Accepted by a smart host outside the organisation (smart_host.h): no
  // delivery (below); its "queued as X" is followed only when X's own log
  // is given and X delivers the same recipient (HandOff, undoable).
  // So is the sender's own mail provider's relay (a host under gmail.com
  // for alice@gmail.com, not the recipient's MX): its 250 is the
  // provider queueing the message (options_.provider_relay).
  // Never a relay of the organisation known by its name, whatever its port
  // (relayhost = [smtp-gw2.army.mil]:587 with SASL, Postfix SASL_README):
  // the organisation's own gateway, whose log has the outcome (issue-16
  // tester round 43, findings 1 and 12).
  // lmtp(8) into the recipient's own store (a host under its domain at a
  // public address, LmtpRecipientStore) is a delivery, never a smart host.
  const bool outside_smart_host =
      f.status == "sent" && !options_.learning && !org_by_name &&
      !(l.program.ends_with("/lmtp") && LmtpRecipientStore(f.relay, AddressDomain(f.recipient))) &&
      (PostfixSmartHost(f.relay, AddressDomain(f.recipient), options_.smart_hosts) ||
       (options_.provider_relay && l.program.ends_with("/smtp") && !InternalRelay(f.relay) &&
        options_.provider_relay(f.relay.substr(0, f.relay.find('[')),
                                q.origin_known ? q.origin_sender : q.sender, f.recipient)));
  const bool to_filter = (l.program.ends_with("/smtp") && (InternalRelay(f.relay) || org_by_name)) ||
                         (l.program.ends_with("/lmtp") &&
                          (InternalRelay(f.relay) || SocketRelay(f.relay)) &&
                          !NextHopId(f.status_text).empty());
  const bool org_hand_off = f.status == "sent" && !options_.learning && !outside_smart_host &&
                            to_filter && !FinalRelay(f.relay, options_.final_relays);
  // A content filter's own reply for this recipient that it threw the
  // message away or bounced it (amavisd-new's D_DISCARD, D_BOUNCE): final
  // here, never a hand-off, whatever the other recipients' replies queued
  // (LMTP answers each recipient apart, RFC 2033 4.2; issue-16 tester
  // round 43, finding 4: a3's BANNED discard joined the copy re-injected
  // for a1 and a2 by its Message-ID and showed as "outcome unknown").
  const bool filter_final =
      f.status == "sent" && (FilterDiscarded(f.status_text) || FilterBounced(f.status_text));
  if (f.status == "sent" && !filter_final) {
    // A smart host's "queued as X" too: joined when the smart host's own
    // log is given and X delivers this recipient (the relay's log decides,
    // not its port); else its row stays "outcome unknown" (below).
    std::string_view next = QueuedAs(f.status_text);
    if (!next.empty() && next != BareQueueId(l.queue_id)) {
      std::string kept = ResolveNext(l, next, f.relay, LocalRelay(f.relay));
      if (!kept.empty() && HandOff(l, q, kept, f.relay, f.recipient, &undoable)) {
        q.handed_on.emplace_back(f.recipient);
        if (auto n = queues_.find(q.next_id); n != queues_.end()) {
          Handed(n->second, q.next_id, f.recipient, f.relay, file_, counts_.lines);
          NoteHandedOrig(n->second, q.next_id, f.recipient, orig);
        }
        // Shown by Message-ID (or by X's own attempt): A's attempt is gone.
        // Else it is held dropped, for X's later lines to undo.
        if (!undoable) {
          no_longer_deferred(f.recipient);
          return;
        }
        joined_to = kept;
      }
      // Not (yet) seen here: held as a delivery that X's first line, if it
      // comes within the window, turns into a hand-off.
      if (kept.empty()) pending = next;
    } else if (next.empty() && !q.message_id.empty() && LocalRelay(f.relay) &&
               !l.program.ends_with("/discard") && !l.program.ends_with("/local") &&
               !l.program.ends_with("/virtual")) {
      // Handed to a filter on this host that said no queue id: the copy it
      // re-injects carries the same Message-ID. Joined if it shows up
      // within the window, else, for a pipe(8) filter, its outcome is
      // unknown (HandedHere: it reached only the filter), shown, never
      // dropped; a loopback SMTP/LMTP listener's 250 stays a delivery.
      if (HandOffByMessageId(l, q, f.relay)) {
        q.handed_on.emplace_back(f.recipient);
        if (auto n = queues_.find(q.next_id); n != queues_.end()) {
          Handed(n->second, q.next_id, f.recipient, f.relay, file_, counts_.lines);
          NoteHandedOrig(n->second, q.next_id, f.recipient, orig);
        }
        no_longer_deferred(f.recipient);
        return;
      }
      pending_key_.assign(kByMessageId);
      pending_key_.append(q.message_id);
      pending = pending_key_;
    } else if (next.empty() && PipeRelay(f.relay) && !l.program.ends_with("/discard") &&
               !l.program.ends_with("/local") && !l.program.ends_with("/virtual")) {
      // The same hand-off to a pipe(8) filter, of a message whose
      // Message-ID the log does not hold (it starts after the message's
      // cleanup line): its copy cannot be followed, and the message had not
      // left this host (HandedHere). A loopback SMTP/LMTP listener that
      // answered 250 stays "sent": its reply is a server's acceptance.
      unfollowable = true;
    }
  }
  ++q.attempts;
  if (f.status != "deferred" && f.status != "SOFTBOUNCE") ++q.finals;
  // discard(8) says "sent" for mail it throws away (relay=none): nothing
  // reached the recipient, so it is no delivery. So does Postfix's smtp or
  // lmtp client when a content filter accepted the message only to throw it
  // away: amavisd-new answers "250 2.7.0 Ok, discarded, id=... - INFECTED"
  // (its D_DISCARD, a 2.7.x success that delivers nothing).
  bool discarded = f.status == "sent" && (l.program.ends_with("/discard") ||
                                          FilterDiscarded(f.status_text));
  // And when the filter bounced it (its reply says so): never "sent",
  // which would count a message that reached only the filter as accepted
  // by the receiving server (issue-16 tester, round 8, defect 3).
  const bool filter_bounced = f.status == "sent" && FilterBounced(f.status_text);
  // A delivery whose time has no zone, read in one not stated, that the
  // window leaves out by less than a zone's offset may be inside it, as a
  // trace row's local time may (TraceLog::LocalTime): the report is then
  // incomplete (issue-16 tester round 54, finding 2).
  // After --until, only a message begun after it is left out: the later
  // attempts of one begun in it are followed (investigate/report.h).
  if (q.first_attempt_time == 0) q.first_attempt_time = l.time;
  const bool left_out = counts_.window_to == 0 || l.time < counts_.window_to ||
                        q.first_attempt_time >= counts_.window_to;
  if (left_out && counts_.NearWindowEdge(l.time) && !UtcKnown(l.zone) &&
      counts_.zone_edge_deliveries++ == 0) {
    counts_.first_zone_edge_delivery_line = counts_.lines;
  }
  Attempt a = QueueAttempt(l, q);
  a.recipient = f.recipient;
  a.orig_recipient = orig;
  // A soft bounce stays queued: deferred, as every count says (its status
  // text keeps Postfix's reply; LineCounts::soft_bounces counts it).
  a.status = discarded                 ? std::string_view("discarded")
             : filter_bounced           ? std::string_view("bounced")
             : f.status == "SOFTBOUNCE" ? std::string_view("deferred")
                                        : f.status;
  a.status_text = f.status_text;
  if (cut) {
    cut_text_.assign(f.status_text);
    cut_text_ += "... (the line cut here, at ";
    cut_text_ += std::to_string(line_.size());
    cut_text_ += " bytes)";
    a.status_text = cut_text_;
  }
  a.relay = f.relay;
  a.dsn = f.dsn;
  if (unfollowable && !discarded && !filter_bounced) HandedHere(a, /*by_message_id=*/false);
  std::string smart_host_relay;  // Hold copies it
  if (outside_smart_host && !discarded && !filter_bounced) {
    // Its 250 queued the message there; whether the recipient's domain took
    // it is in the smart host's log (a Microsoft 365 trace, joined by
    // Message-ID when given: investigate/auditor.cc), as for Exchange's
    // "Outbound to Office 365" SEND (issue-16 tester round 34, item 1).
    a.status = "unknown";
    smart_host_relay.assign(f.relay);
    smart_host_relay += " (";
    // lmtp(8) to another host is final delivery into that host's mail
    // store (RFC 2033), no relay: its log has the outcome (issue-16
    // tester16b, F11).
    smart_host_relay += l.program.ends_with("/lmtp") ? kLmtpElsewhere : kSmartHostOutside;
    smart_host_relay += ')';
    a.relay = smart_host_relay;
  }
  uint64_t seq = Hold(a, pending, org_hand_off);
  if (q.first_attempt == 0) q.first_attempt = seq + 1;
  if (!joined_to.empty()) {
    held_.back().dropped = true;
    if (auto n = queues_.find(joined_to); n != queues_.end()) n->second.joined_from.push_back(seq);
  }
  // A soft bounce leaves the message queued, as a deferral does: its
  // expiry later applies to this recipient too.
  if (f.status == "deferred" || f.status == "SOFTBOUNCE") {
    NoteDeferred(q, f.recipient);
  } else {
    no_longer_deferred(f.recipient);
  }
}

void PostfixLog::CutBeforeStatus(const LogLine& l, Queue& q, const DeliveryFields& f) {
  // Its recipient is in the report, its outcome unknown: where the line
  // stops is said as the row's relay (kCutBeforeStatus), so the report
  // asks for no other server's log (issue-16 tester16, F12).
  ++counts_.delivery_lines;
  ++q.attempts;
  ++q.finals;
  Attempt a = QueueAttempt(l, q);
  a.recipient = f.recipient;
  a.orig_recipient = f.orig_recipient.empty() ? HandedOrig(q, f.recipient) : f.orig_recipient;
  a.status = "unknown";
  cut_text_.assign("the line ends at ");
  cut_text_ += std::to_string(line_.size());
  cut_text_ += " bytes, before its status (";
  cut_text_ += CutReason(line_.size());
  cut_text_ += ')';
  a.status_text = cut_text_;
  cut_relay_.assign(f.relay.empty() ? std::string_view("relay not in the line") : f.relay);
  cut_relay_ += " (";
  cut_relay_ += kCutBeforeStatus;
  cut_relay_ += ')';
  a.relay = cut_relay_;
  a.dsn = f.dsn;
  if (!q.handed.empty()) std::erase(q.handed, f.recipient);
  auto was = std::find(q.deferred.begin(), q.deferred.end(), f.recipient);
  if (was != q.deferred.end()) {
    q.deferred_at.erase(q.deferred_at.begin() + (was - q.deferred.begin()));
    q.deferred.erase(was);
  }
  Hold(a, {});
}

void PostfixLog::NoteDeferred(Queue& q, std::string_view recipient) {
  if (q.settled_lines != 0) --q.settled_lines;  // its line settled nothing
  auto was = std::find(q.deferred.begin(), q.deferred.end(), recipient);
  if (was == q.deferred.end()) {
    q.deferred.emplace_back(recipient);
    q.deferred_at.emplace_back(file_, counts_.lines);
  } else {
    q.deferred_at[was - q.deferred.begin()] = {file_, counts_.lines};
  }
}

}  // namespace nearmiss::maillog
