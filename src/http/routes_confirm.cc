// The sender's confirm links (milter/confirm_notifier.h): GET /confirm shows
// what the link will do and a button; only POST /confirm acts, so a mail
// scanner that fetches every link in a message releases nothing.
//
// A link acts once (Store::UseLink, shared by every node; the notice's two
// links share one nonce, so either spends both), only before it expires,
// only on the message it was made for (held_link.h: the hold id or
// Message-ID it carries, since Postfix reuses queue ids), still in the hold
// queue, and only when the link's sender sent it. Both GET and POST look at
// the hold queue first, so the page never describes another message. A
// release acknowledges the flagged recipients for [confirm]
// acknowledgement_days; every act is an admin event under the sender's
// name, naming the message as read just before acting.
#include <cctype>
#include <optional>

#include "base/log.h"
#include "base/ascii.h"
#include "base/text_format.h"
#include "base/unix_time.h"
#include "http/check_service.h"
#include "http/held_link.h"
#include "http/server_impl.h"

namespace nearmiss::http {
namespace {

void SendPage(httplib::Response& res, int status, std::string_view title, std::string body) {
  res.status = status;
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'");
  res.set_header("Referrer-Policy", "no-referrer");
  // Cache-Control: no-store is every answer's (server.cc, post routing):
  // set here too, the page carried it twice (issue-14 tester, round 42).
  res.set_content("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width\"><title>" +
                      HtmlEscape(title) +
                      "</title><style>body{font:16px system-ui,sans-serif;max-width:40em;"
                      "margin:3em auto;padding:0 1em}button{font-size:1em;padding:.5em 1em}"
                      "</style></head><body><h1>" +
                      HtmlEscape(title) + "</h1>" + body + "</body></html>",
                  "text/html; charset=utf-8");
}

std::string JoinRecipients(const std::vector<confirm::ConfirmLink::Recipient>& v) {
  std::string out;
  for (const confirm::ConfirmLink::Recipient& r : v) out += (out.empty() ? "" : ", ") + r.address;
  return out;
}

// The page for a link that does not fit the message held under its queue
// id (LinkFitOf); false when it fits.
bool RefuseMisfit(httplib::Response& res, const confirm::ConfirmLink& link,
                  const HeldMessage& held) {
  const std::string id = HtmlEscape(link.queue_id);
  switch (LinkFitOf(link, held)) {
    case LinkFit::kSame:
      return false;
    case LinkFit::kOtherMessage:
      SendPage(res, 409, "This message is no longer held",
               "<p>The message this link was made for is no longer held; a different message "
               "now has its queue id <code>" + id + "</code>. Nothing was done. A held message "
               "of yours has its own notice with its own links.</p>");
      return true;
    case LinkFit::kOtherSender:
      SendPage(res, 403, "This link is not for this message",
               "<p>Message <code>" + id + "</code> is held, but " + HtmlEscape(link.sender) +
                   " did not send it, so this link cannot release or delete it. Nothing was "
                   "done.</p>");
      return true;
    case LinkFit::kUnbound:
      break;
  }
  SendPage(res, 409, "This link cannot be used",
           "<p>It was made by an earlier version of nearmiss, which did not record which message "
           "it was for, and Postfix gives a queue id to a new message once the old one has left: "
           "it could act on another message. Nothing was done. If your message is still held, "
           "ask an administrator to release or delete it.</p>");
  return true;
}

// No acknowledgement applies: a recipient is judged as the policy would
// judge it afresh (whether "Send anyway" could settle it).
class NoAcknowledgements : public AcknowledgementSource {
 public:
  Result<std::vector<Acknowledgement>> Live(std::string_view, int64_t) const override {
    return std::vector<Acknowledgement>{};
  }
};

// Why a recipient a link lists may not be acknowledged under the running
// policy, "" when it may: the link was signed under the policy of its
// notice, and an admin may since have made the rule final (`acknowledge =
// false`): the page promised "will not ask again" for army.ml and stored
// an acknowledgement the engine ignores (the issue-14 tester, round 43,
// finding 13).
std::string NotAcknowledgeableNow(const Engine& engine, const std::string& sender,
                                  const std::string& recipient, int64_t now) {
  static const NoAcknowledgements kNone;
  CheckRequest request;
  request.from = sender;
  request.recipients.push_back({recipient, RecipientField::kTo});
  request.acknowledgements = &kNone;
  request.now = now;
  const CheckAnswer answer = CheckMessageOrFail(engine, request);
  if (answer.unchecked || !answer.body["recipients"].is_array() ||
      answer.body["recipients"].empty()) {
    return "it could not be judged under the running policy";
  }
  // Accepted now (serve's history may be newer or older than the
  // milter's): the sender's word is kept, as the notice promised.
  const auto& r = answer.body["recipients"][0];
  if (r.value("action", "") == "accept") return "";
  if (!r.value("acknowledgeable", false)) {
    std::string why = "the running policy asks about it every time (rule '";
    why += r.value("rule", "");
    why += "')";
    return why;
  }
  return "";
}

}  // namespace

void ApiServerImpl::AddConfirmRoutes() {
  // Checks the token; on failure answers the page and returns nullopt.
  auto verify = [this](const std::string& token,
                       httplib::Response& res) -> std::optional<confirm::ConfirmLink> {
    std::shared_ptr<const ConfirmState> state = confirm_.load();
    if (state->signer == nullptr) {
      SendPage(res, 404, "Confirm links are off",
               "<p>This server has no <code>[confirm] key_file</code>. Ask an administrator.</p>");
      return std::nullopt;
    }
    if (token.empty()) {
      // A POST without its form body (or a GET without its query) has no
      // link at all: say what is missing rather than call it invalid.
      SendPage(res, 400, "No link in the request",
               "<p>The request carries no <code>t</code> parameter: the token of the notice's "
               "link, in the query (<code>/confirm?t=...</code>) or, for the button, in the "
               "form body (<code>application/x-www-form-urlencoded</code>). Open the whole "
               "link from the notice and press the button.</p>");
      return std::nullopt;
    }
    Result<confirm::ConfirmLink> link = state->signer->Verify(token);
    if (!link.ok()) {
      SendPage(res, 400, "This link is not valid",
               "<p>Copy the whole link from the notice, or ask an administrator.</p>");
      return std::nullopt;
    }
    if (confirm::Expired(*link, UnixSeconds())) {
      SendPage(res, 410, "This link has expired",
               "<p>The message is still held; ask an administrator to release or delete it.</p>");
      return std::nullopt;
    }
    return *link;
  };
  // The message held under the link's queue id now, when it is the link's
  // (RefuseMisfit); on failure answers the page and returns nullopt.
  auto held_for = [this](const confirm::ConfirmLink& link,
                         httplib::Response& res) -> std::optional<HeldMessage> {
    Result<HeldMessage> held = postfix_.GetHeld(link.queue_id);
    if (!held.ok() && held.error().code() != StatusCode::kNotFound) {
      SendPage(res, 502, "Try again in a moment", "<p>Postfix's hold queue could not be read.</p>");
      return std::nullopt;
    }
    if (!held.ok()) {
      SendPage(res, 404, "The message is no longer held",
               "<p>No message is held under <code>" + HtmlEscape(link.queue_id) +
                   "</code>: it was released or deleted already.</p>");
      return std::nullopt;
    }
    if (RefuseMisfit(res, link, *held)) return std::nullopt;
    return std::move(*held);
  };

  server_->Get("/confirm", [this, verify, held_for](const httplib::Request& req,
                                                    httplib::Response& res) {
    const std::string token = req.get_param_value("t");
    std::optional<confirm::ConfirmLink> link = verify(token, res);
    if (!link) return;
    std::optional<HeldMessage> held = held_for(*link, res);
    if (!held) return;
    bool release = link->action == "release";
    // The link lists the recipients a release acknowledges: those whose
    // rule may be (milter/confirm_notifier.cc), as the running policy
    // still judges them (Acknowledgeable). None: the policy asks about
    // them every time, and the page promises nothing.
    std::string final_ones;
    const std::vector<confirm::ConfirmLink::Recipient> settled =
        Acknowledgeable(*link, UnixSeconds(), &final_ones);
    const bool quiet = !link->recipients.empty();
    std::string body = "<p>Message <code>" + HtmlEscape(link->queue_id) + "</code> from " +
                       HtmlEscape(link->sender) + " is held" +
                       (quiet ? " because of " + HtmlEscape(JoinRecipients(link->recipients))
                              : std::string(" for you to confirm its recipients")) +
                       ".</p>";
    if (!held->subject.empty()) body += "<p>Subject: " + HtmlEscape(held->subject) + "</p>";
    if (!release) {
      body += "<p>Delete it. It will not be sent.</p>";
    } else if (!settled.empty()) {
      body += "<p>Send it as it is. nearmiss will not ask again about " +
              HtmlEscape(JoinRecipients(settled)) + " for this reason for " +
              std::to_string(confirm_.load()->policy.acknowledgement_days) + " days.</p>" +
              final_ones;
    } else if (quiet) {
      body += "<p>Send it as it is.</p>";
      body += final_ones;
    } else {
      body += "<p>Send it as it is. The policy asks about these recipients every time.</p>";
    }
    body += "<form method=\"post\" action=\"/confirm\"><input type=\"hidden\" name=\"t\" value=\"" +
            HtmlEscape(token) + "\"><p><label>Why (optional): <input name=\"why\" maxlength=\"500\">"
            "</label></p><button type=\"submit\" id=\"confirm\">" +
            std::string(release ? "Send it" : "Delete it") + "</button></form>";
    SendPage(res, 200, release ? "Send the held message?" : "Delete the held message?", body);
  });

  server_->Post("/confirm", [this, verify, held_for](const httplib::Request& req,
                                                     httplib::Response& res) {
    try {
      std::optional<confirm::ConfirmLink> link = verify(req.get_param_value("t"), res);
      if (!link) return;
      if (store_ == nullptr) {
        SendPage(res, 503, "Not available",
                 "<p>This server has no store, so a link cannot be used once only. Ask an "
                 "administrator.</p>");
        return;
      }
      std::optional<HeldMessage> held = held_for(*link, res);
      if (!held) return;
      // The same rule as the API's justification (issue 14, round 34, item
      // 9): refused, not kept with its line breaks turned into '?', and
      // before the link is spent, so the sender can send it again.
      if (std::string bad = JustificationProblem(req.get_param_value("why")); !bad.empty()) {
        SendPage(res, 400, "The reason was not accepted",
                 "<p>" + HtmlEscape(bad) + ".</p><p>Go back, write it on one line, and send "
                 "again: the link still works.</p>");
        return;
      }
      const int64_t now = UnixSeconds();
      Result<bool> first = store_->UseLink(link->nonce, link->expires_at, now);
      if (!first.ok()) {
        log::Warn("confirm link for " + log::Untrusted(link->queue_id) + ": " +
                  first.error().message());
        SendPage(res, 503, "Try again in a moment", "<p>The store could not be reached.</p>");
        return;
      }
      if (!*first) {
        SendPage(res, 409, "This link was used already",
                 "<p>A notice's links work once: its release or its delete, not both.</p>");
        return;
      }
      // A form's text may hold line breaks; the record keeps one line
      // (audit --events, the console), so no sender can forge another entry.
      std::string why = log::Untrusted(req.get_param_value("why"), 500);
      // Under the message's claim (ActOnHeld): an admin's delete and this
      // release, or the notice's two links, never both act; the loser is told
      // the message is no longer held, and nothing is acknowledged for it.
      const bool release = link->action != "delete";
      Result<bool> done = ActOnHeld(link->queue_id, release);
      if (done.ok() && !*done) {
        SendPage(res, 409, "The message is no longer held",
                 "<p>It was released or deleted by another request at the same moment.</p>");
        return;
      }
      if (!done.ok()) {
        GiveLinkBack(link->nonce);
        if (done.error().code() == StatusCode::kNotFound) {
          SendPage(res, 404, "The message is no longer held",
                   "<p>It was released or deleted already.</p>");
          return;
        }
        SendPage(res, 502, release ? "Not released" : "Not deleted",
                 "<p>" + HtmlEscape(done.error().message()) +
                     "</p><p>The link still works: try it again in a moment.</p>");
        return;
      }
      // The link is a bearer credential in a mail that may be forwarded:
      // whoever used it is recorded as the link's sender, by the link,
      // from the address it came from (the issue-14 tester, round 44,
      // finding 6), as the API records a shared token's claim.
      std::string by = link->sender;
      by += " (confirm link; from ";
      by += ClientOf(req, trusted_proxies_);
      by += ")";
      // And the program that used it: a mail scanner's fetch is told from
      // a person's browser.
      std::string agent;
      if (const std::string ua = req.get_header_value("User-Agent"); !ua.empty()) {
        agent = "; user agent '";
        agent += log::Untrusted(ua, 120);
        agent += "'";
      }
      if (!release) {
        RecordEvent(by, "sender", "delete", link->queue_id,
                    HeldEventDetail("deleted from the confirm notice", *held) + agent);
        SendPage(res, 200, "Deleted", "<p>The message was deleted and will not be sent.</p>");
        return;
      }
      RecordEvent(by, "sender", "release", link->queue_id,
                  HeldEventDetail("released from the confirm notice", *held) +
                      (link->recipients.empty() ? std::string()
                                                : "; flagged: " + JoinRecipients(link->recipients)) +
                      agent);
      std::string final_ones;
      const std::vector<confirm::ConfirmLink::Recipient> acknowledged =
          Acknowledgeable(*link, now, &final_ones);
      for (const confirm::ConfirmLink::Recipient& flagged : acknowledged) {
        const std::string& r = flagged.address;
        Acknowledgement a;
        a.sender = engines_->Get()->Mailbox(link->sender);  // by mailbox, as compared
        a.recipient = r;
        a.reasons = flagged.reasons;
        a.suggestion = flagged.suggestion;
        a.typo_kind = flagged.typo_kind;
        a.who = by;
        a.why = why;
        a.path = "confirm-link";
        a.created_at = now;
        a.expires_at = now + confirm_.load()->policy.acknowledgement_days * 86400;
        bool existed = false;  // the sender acknowledged it already (schema 9)
        Result<int64_t> id = store_->AddAcknowledgement(a, &existed);
        if (!id.ok()) {
          log::Warn("acknowledgement of " + log::Untrusted(r) + " not stored: " +
                    id.error().message());
          continue;
        }
        if (existed) continue;
        RecordEvent(by, "sender", "acknowledge", "ack:" + std::to_string(*id),
                    link->sender + " -> " + r + " (confirm-link" +
                        (why.empty() ? std::string(")") : "): " + why));
      }
      std::string page = "<p>The message was released and is on its way.";
      if (!acknowledged.empty()) {
        page += " nearmiss will not ask again about ";
        page += HtmlEscape(JoinRecipients(acknowledged));
        page += " for this reason.";
      }
      page += "</p>";
      page += final_ones;
      SendPage(res, 200, "Sent", page);
    } catch (const std::exception& e) {
      log::Warn("POST /confirm: " + log::Untrusted(e.what(), 200));
      SendPage(res, 500, "Something failed", "<p>See the server's log.</p>");
    }
  });
}

std::vector<confirm::ConfirmLink::Recipient> ApiServerImpl::Acknowledgeable(
    const confirm::ConfirmLink& link, int64_t now, std::string* not_settled) const {
  std::shared_ptr<const Engine> engine = engines_->Get();
  std::vector<confirm::ConfirmLink::Recipient> out;
  for (const confirm::ConfirmLink::Recipient& r : link.recipients) {
    const std::string why = NotAcknowledgeableNow(*engine, link.sender, r.address, now);
    if (why.empty()) {
      out.push_back(r);
      continue;
    }
    *not_settled += "<p>Not remembered for ";
    *not_settled += HtmlEscape(r.address);
    *not_settled += ": ";
    *not_settled += HtmlEscape(why);
    *not_settled += ", so you will be asked again.</p>";
  }
  return out;
}

void ApiServerImpl::GiveLinkBack(const std::string& nonce) {
  if (Status s = store_->ReturnLink(nonce); !s.ok()) {
    log::Warn("confirm link not given back after a failed action: " + s.message());
  }
}

}  // namespace nearmiss::http
