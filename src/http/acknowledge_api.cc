// "Send anyway" through POST /v1/check (routes_public.cc): who may
// acknowledge in whose name (VouchProblem), what the record says of it
// (AcknowledgerOf), and the acknowledgements made (Acknowledge).
#include <algorithm>
#include <optional>

#include "base/ascii.h"
#include "base/log.h"
#include "nearmiss/address.h"
#include "http/server_impl.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::ordered_json;

// An acknowledgement recipient as the check names it: the canonical
// address, lower case (the store keeps acknowledgements so), or the text
// as given when it does not parse.
std::string AckKey(std::string_view text) {
  Result<Address> a = ParseAddress(text);
  return AsciiLower(a.ok() ? a->ToString() : std::string(text));
}

// Whether check recipient `r` is the one `wanted` names (its address, or
// its input exactly as the client sent it).
bool Names(const Json& r, const std::string& wanted, const std::string& wanted_key) {
  if (r.value("input", "") == wanted) return true;
  const Json* address = r.contains("address") ? &r["address"] : nullptr;
  return address != nullptr && address->is_string() &&
         AsciiLower(address->get<std::string>()) == wanted_key;
}

}  // namespace

std::optional<Problem> ApiServerImpl::UnmatchedAcknowledgement(
    const CheckRequest& request, const nlohmann::ordered_json& recipients) {
  const auto& wanted = request.acknowledge.recipients;
  std::vector<FieldError> errors;
  for (size_t i = 0; i < wanted.size(); ++i) {
    const std::string key = AckKey(wanted[i]);
    bool found = std::any_of(recipients.begin(), recipients.end(),
                             [&](const Json& r) { return Names(r, wanted[i], key); });
    if (!found) {
      errors.push_back({"/acknowledge/recipients/" + std::to_string(i),
                        "'" + log::Untrusted(wanted[i], 200) +
                            "' is not a recipient of this check (to, cc, bcc)"});
    }
  }
  if (errors.empty()) return std::nullopt;
  Problem p = MakeProblem(422, "acknowledgement-unmatched",
                          errors.front().detail + " (" + errors.front().pointer + ")" +
                              (errors.size() > 1 ? ", and " + std::to_string(errors.size() - 1) +
                                                       " more (errors)"
                                                 : std::string()) +
                              "; nothing was acknowledged");
  p.errors = std::move(errors);
  return p;
}

namespace {

// Whether a recipient of the check's answer is flagged for its address,
// which a domain's acknowledgement does not settle.
bool AboutAddress(const Json& recipient) {
  for (const Json& reason : recipient.value("reasons", Json::array())) {
    const std::string code = reason.value("code", "");
    if (code == "address-typo" || code == "new-address") return true;
  }
  return false;
}

}  // namespace

std::string ApiServerImpl::AcknowledgerOf(const std::string& sender) {
  const Identity& token = Caller();
  std::string who = sender;
  who += " (";
  if (token.role == Role::kAdmin) {
    who += "by admin '";
  } else if (!token.sender.empty()) {
    who += "own token '";
  } else {
    who += "claimed; shared token '";
  }
  who += token.name;
  who += "'";
  if (!CallerAddress().empty()) {
    who += "; from ";
    who += CallerAddress();
  }
  who += ")";
  return who;
}

std::optional<Problem> ApiServerImpl::VouchProblem(const Engine& engine,
                                                   const std::string& sender) const {
  const Identity& token = Caller();
  if (token.role == Role::kAdmin) return std::nullopt;
  if (token.role == Role::kCheck && !token.sender.empty()) {
    // As the store keeps a sender: by mailbox, lower case.
    if (AsciiLower(engine.Mailbox(sender)) == AsciiLower(engine.Mailbox(token.sender))) {
      return std::nullopt;
    }
    std::string detail = "this check token is ";
    detail += log::Untrusted(token.name, 100);
    detail += "'s own, bound to ";
    detail += token.sender;
    detail += " (";
    detail += token.where;
    detail += "): it acknowledges that sender's warnings only, not ";
    detail += log::Untrusted(sender, 200);
    detail += "'s; nothing was acknowledged";
    return MakeProblem(403, "acknowledge-other-sender", std::move(detail));
  }
  if (token.role == Role::kCheck && !engine.policy().api.acknowledge_with_shared_token) {
    std::string detail = "the policy's [api] acknowledge_with_shared_token is false: a check token "
                         "many share ('";
    detail += log::Untrusted(token.name, 100);
    detail += "', ";
    detail += token.where;
    detail += ") cannot vouch that ";
    detail += log::Untrusted(sender, 200);
    detail += " sent this; give each sender a token of their own ('check TOKEN NAME "
              "<address>' in the token file); nothing was acknowledged";
    return MakeProblem(403, "acknowledge-needs-own-token", std::move(detail));
  }
  if (token.role == Role::kCheck) return std::nullopt;
  // No token, or a viewer's (checks open): nothing vouches for the claim.
  std::string detail =
      "an acknowledgement is recorded in the sender's name, so a token must vouch for the "
      "request: send the add-in's check token (Authorization: Bearer TOKEN)";
  detail += token.role == Role::kViewer
                ? "; a viewer token only reads"
                : "; serve has no check token configured, so checks are open but "
                  "acknowledgements are not: add a 'check TOKEN NAME' line to the token file";
  detail += "; nothing was acknowledged";
  return MakeProblem(403, "acknowledge-needs-token", std::move(detail));
}

Status ApiServerImpl::Acknowledge(const Engine& engine, const CheckRequest& request,
                                  const nlohmann::ordered_json& recipients,
                                  const std::string& sender, nlohmann::ordered_json* made,
                                  nlohmann::ordered_json* not_made) {
  // The check as it stands: which recipients are flagged and may be
  // acknowledged (Engine::Decide's acknowledgeable, not yet settled).
  const int64_t days = engine.policy().confirm.acknowledgement_days;
  const auto& wanted = request.acknowledge.recipients;
  std::vector<std::string> wanted_keys;
  for (const std::string& w : wanted) wanted_keys.push_back(AckKey(w));
  // A message blocked for another recipient (reject, remove-recipient) is
  // not sent, so "Send anyway" did not happen: nothing is recorded for an
  // act that did not happen (docs/api.md; issue 14, round 34, item 6).
  std::string blocked_by;
  for (const Json& r : recipients) {
    if (r.value("client_action", "") == "block") {
      blocked_by = r.value("address", r.value("input", ""));
      break;
    }
  }
  for (const Json& r : recipients) {
    const std::string action = r.value("action", "");
    const std::string input = r.value("input", "");
    const std::string address =
        r.contains("address") && r["address"].is_string() ? r["address"].get<std::string>() : "";
    bool listed = false;
    for (size_t i = 0; i < wanted.size() && !listed; ++i) listed = Names(r, wanted[i], wanted_keys[i]);
    // Without a list, every flagged recipient is asked for; with one, those listed.
    if (wanted.empty() ? action == "accept" && !r.contains("acknowledged_by") : !listed) continue;
    // Why this one gets no acknowledgement, said rather than left out.
    std::string why;
    if (!blocked_by.empty() && action != "accept" && !r.contains("acknowledged_by") &&
        r.value("client_action", "") != "block") {
      why = "the message is blocked (" + blocked_by +
            "): it is not sent, so nothing is acknowledged; fix the blocked recipient and "
            "send again";
    } else if (r.contains("acknowledged_by")) {
      why = "already acknowledged (acknowledgement " + r["acknowledged_by"].dump() + ")";
    } else if (action == "accept") {
      why = "not flagged: the policy accepts it";
    } else if (!r.value("acknowledgeable", false) || (action != "warn" && action != "confirm")) {
      why = "rule '" + r.value("rule", "") + "' (" + action + ") may not be acknowledged";
    } else if (address.empty()) {
      why = "not an address";
    } else if (request.acknowledge.domain_scope && r.value("verdict", "") == "lookalike") {
      // A look-alike domain (gmial.com) is anyone's to register: the
      // sender knows the one person she means there, not every address
      // its owner may make (issue 14, round 34, item 1; docs/api.md).
      why = "a look-alike domain is acknowledged by address only, never as a whole: "
            "acknowledge it with scope 'address'";
    } else if (request.acknowledge.domain_scope && AboutAddress(r)) {
      // The engine would not apply it either (message_check.cc): one
      // click must not switch off the wrong-person check at a whole domain.
      why = "flagged for its address (address-typo, new-address), not its domain: acknowledge "
            "it with scope 'address'";
    }
    if (!why.empty()) {
      Json one = {{"recipient", address.empty() ? input : address}, {"reason", why}};
      // Already settled: its id, as a racing second "Send anyway" below
      // gets it (the issue-14 tester, round 44, finding 7e: one situation,
      // two JSON shapes).
      if (r.contains("acknowledged_by")) one["id"] = r["acknowledged_by"];
      not_made->push_back(std::move(one));
      continue;
    }
    Acknowledgement a;
    // Kept by mailbox: alice+list@'s word holds for alice@ (message_check.cc).
    a.sender = engine.Mailbox(sender);
    if (request.acknowledge.domain_scope) {
      const std::string domain = r.value("domain", "");
      if (domain.empty() || std::any_of(made->begin(), made->end(), [&](const Json& m) {
            return m.value("domain", "") == domain;
          })) {
        continue;  // one acknowledgement a domain: the one made covers it
      }
      a.domain = domain;
    } else {
      a.recipient = address;
    }
    // The warning acknowledged, so it settles that one only
    // (acknowledgement.h): the check's codes but "trusted", and its
    // suggestion.
    for (const Json& reason : r.value("reasons", Json::array())) {
      const std::string code = reason.value("code", "");
      if (code == "trusted") continue;
      a.reasons += (a.reasons.empty() ? "" : " ") + code;
    }
    a.suggestion = r.value("suggestion", "");
    // And its address-typo kind: one letter differs is another question
    // than a display name that names the suggestion (acknowledgement.h).
    if (const auto typo = r.find("address_typo"); typo != r.end() && typo->is_object()) {
      a.typo_kind = typo->value("kind", "");
    }
    // Lower case, as the sender column is kept (the issue-14 tester,
    // round 43, finding 17f: `ALICE@trust.example (via ...)`).
    a.who = AcknowledgerOf(AsciiLower(a.sender));
    a.why = request.acknowledge.justification;
    a.path = "api";
    a.created_at = request.now;
    a.expires_at = request.now + days * 86400;
    // One live acknowledgement a warning (schema 9): a second "Send anyway"
    // (a double click, two add-ins, another node) gets the first's id.
    bool existed = false;
    NM_ASSIGN_OR_RETURN(int64_t id, store_->AddAcknowledgement(a, &existed));
    if (existed) {
      not_made->push_back({{"recipient", address},
                           {"reason", "already acknowledged (acknowledgement " +
                                          std::to_string(id) + ")"},
                           {"id", id}});
      continue;
    }
    RecordEvent(a.who, "sender", "acknowledge", "ack:" + std::to_string(id),
                AsciiLower(a.sender) + " -> " + (a.domain.empty() ? address : "@" + a.domain) + " (api" +
                    (a.why.empty() ? ")" : "): " + a.why));
    Json one = {{"id", id}, {"recipient", address}};
    if (!a.domain.empty()) one["domain"] = a.domain;
    one["expires_at"] = a.expires_at;
    made->push_back(std::move(one));
  }
  return Status::Ok();
}

}  // namespace nearmiss::http
