// nearmiss Smart Alerts handler for Outlook (OnMessageSend). One file, as
// Outlook's event runtime loads it: gathers the recipients and subject,
// asks `nearmiss serve` (POST /v1/check) and maps the answer:
//   allow -> allowEvent: true
//   warn  -> allowEvent: false, errorMessage, and when the policy lets the
//            sender override, sendModeOverride: PromptUser ("Send Anyway";
//            Mailbox 1.14); the manifest's SendMode is Block, so nothing
//            else can be overridden
//   block -> allowEvent: false, errorMessage with "did you mean ...?"
// Unlike Thunderbird's, this add-in records no acknowledgement: Outlook
// sends after "Send Anyway" without telling the add-in (Smart Alerts has no
// event or callback for that choice; cancelLabel/commandId customise "Don't
// Send" only), and acknowledging before the sender chose would record
// confirmations for mail never sent. A `confirm` recipient sent that way is
// held by the milter, whose notice's release link records it.
// No answer within timeoutMs (or an error status): failOpen false (the
// default, DESIGN.md "Fail closed") -> allowEvent: false with the reason;
// failOpen true -> allowEvent: true, and the milter still checks the mail.
// scripts/build-addins writes serverUrl, token, failOpen and timeoutMs.
"use strict";

const NEARMISS = {
  serverUrl: "https://nearmiss.example.org",  // set at deployment
  token: "",                                   // a check token
  failOpen: false,
  timeoutMs: 5000,
};

function getAsync(obj, ...args) {
  return new Promise((resolve, reject) => {
    obj.getAsync(...args, (r) => (r.status === "succeeded" ? resolve(r.value) : reject(r.error)));
  });
}

// Outlook gives {displayName, emailAddress}; the API takes mailbox strings.
function mailbox(r) {
  const name = (r.displayName || "").replace(/["\\]/g, "");
  return name && name !== r.emailAddress ? `"${name}" <${r.emailAddress}>` : r.emailAddress;
}

async function buildRequest(item) {
  const [to, cc, bcc, subject] = await Promise.all([
    getAsync(item.to), getAsync(item.cc), getAsync(item.bcc), getAsync(item.subject),
  ]);
  const body = { to: to.map(mailbox), cc: cc.map(mailbox), bcc: bcc.map(mailbox) };
  if (item.from) {
    try { body.from = mailbox(await getAsync(item.from)); } catch (e) { /* not in every mode */ }
  }
  if (subject) body.subject = subject;
  return body;
}

function mapResponse(answer, sendModes) {
  if (answer.action === "allow") return { allowEvent: true };
  const lines = [answer.summary];
  for (const r of answer.recipients) {
    if (r.client_action === "allow") continue;
    // Two targets about as likely (also_suggestion): both offered.
    const meant = r.also_suggestion ? `${r.suggestion} or ${r.also_suggestion}` : r.suggestion;
    if (r.suggestion) lines.push(`${r.address || r.input}: did you mean ${meant}?`);
  }
  // Smart Alerts shows at most a few hundred characters.
  const errorMessage = [...new Set(lines)].join("\n").slice(0, 500);
  const out = { allowEvent: false, errorMessage };
  if (answer.action === "warn" && answer.send_anyway) out.sendModeOverride = sendModes.PromptUser;
  return out;
}

async function check(request, config, fetchFn) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const res = await fetchFn(config.serverUrl.replace(/\/$/, "") + "/v1/check", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(config.token ? { Authorization: `Bearer ${config.token}` } : {}) },
      body: JSON.stringify(request),
      signal: controller.signal,
    });
    const answer = await res.json();
    if (!res.ok) throw new Error(answer.detail || `HTTP ${res.status}`);
    return answer;
  } catch (err) {
    if (controller.signal.aborted) {
      throw new Error(`no answer from ${config.serverUrl} within ${config.timeoutMs / 1000} s`);
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function onMessageSendHandler(event, env) {
  const office = (env && env.Office) || globalThis.Office;
  const fetchFn = (env && env.fetch) || globalThis.fetch;
  const config = (env && env.config) || NEARMISS;
  const sendModes = (office.MailboxEnums && office.MailboxEnums.SendModeOverride) || { PromptUser: "promptUser" };
  try {
    const request = await buildRequest(office.context.mailbox.item);
    if (!request.to.length && !request.cc.length && !request.bcc.length) {
      event.completed({ allowEvent: true });
      return;
    }
    event.completed(mapResponse(await check(request, config, fetchFn), sendModes));
  } catch (err) {
    if (config.failOpen) {
      event.completed({ allowEvent: true });
    } else {
      event.completed({ allowEvent: false,
                        errorMessage: `nearmiss could not check the recipients (${err.message || err}); the message was not sent` });
    }
  }
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
}
if (typeof module !== "undefined" && module.exports) {
  module.exports = { onMessageSendHandler, mapResponse, buildRequest, mailbox, NEARMISS };
}
