// nearmiss for Thunderbird: asks `nearmiss serve` before every send and, on
// warn or block, shows the sender what is wrong in a small window with
// "Fix address" and, when the policy allows it, "Send anyway" (which records
// the sender's confirmation at the server, with an optional reason). When
// the server does not answer within the timeout the send follows the fail
// mode (closed unless configured open) and the sender is told either way.
"use strict";

const pending = new Map();  // prompt window id -> resolve({choice, justification})

// DEFAULTS < config.json (packaged by scripts/build-addins with the
// deployment's server URL) < what the sender saved in the options page.
let packaged = null;
async function settings() {
  if (packaged === null) {
    try {
      packaged = await (await fetch(messenger.runtime.getURL("config.json"))).json();
    } catch (e) {
      packaged = {};  // an unpackaged checkout: the defaults
    }
  }
  const saved = await messenger.storage.local.get(Object.keys(nearmiss.DEFAULTS));
  return { ...nearmiss.DEFAULTS, ...packaged, ...saved };
}

function show(view) {
  return new Promise(async (resolve) => {
    const url = "dialog.html#" + encodeURIComponent(JSON.stringify(view));
    const win = await messenger.windows.create({ url, type: "popup", width: 560, height: 480 });
    pending.set(win.id, resolve);
  });
}

function ask(result) {
  return show({
    summary: result.answer.summary,
    action: result.answer.action,
    recipients: result.answer.recipients.filter((r) => r.client_action !== "allow"),
    canFix: result.fixes.length > 0,
    sendAnyway: result.sendAnyway,
    // Only a confirmation the server can record is worth a reason.
    askWhy: result.sendAnyway && result.acknowledgeable.length > 0,
  });
}

// A notification may be refused (no alert service on the desktop); that
// must not decide whether the message goes.
async function tell(message) {
  // Also in the console, where an administrator (and tests/thunderbird)
  // can read what the sender was told.
  console.info("nearmiss: told the sender: " + message);
  try {
    await messenger.notifications.create({
      type: "basic", title: "nearmiss", message, iconUrl: "icon-64.png",
    });
  } catch (err) {
    console.warn("nearmiss: notification not shown: " + err);
  }
}

messenger.runtime.onMessage.addListener((message, sender) => {
  if (!message || message.type !== "nearmiss-choice") return;
  const id = sender.tab && sender.tab.windowId;
  const resolve = pending.get(id);
  if (resolve) {
    pending.delete(id);
    resolve({ choice: message.choice, justification: String(message.justification || "") });
    messenger.windows.remove(id);
  }
});

messenger.windows.onRemoved.addListener((id) => {
  const resolve = pending.get(id);
  if (resolve) {
    pending.delete(id);
    resolve({ choice: "cancel" });
  }
});

// A listener that throws lets Thunderbird send: every failure of ours
// becomes the fail mode instead (DESIGN.md, fail closed).
messenger.compose.onBeforeSend.addListener(async (tab, details) => {
  try {
    return await beforeSend(tab, details);
  } catch (err) {
    const config = await settings().catch(() => nearmiss.DEFAULTS);
    const why = "nearmiss failed while checking (" + (err.message || err) + ")";
    await tell(why + (config.failOpen ? "; the message was sent unchecked" : "; the message was not sent"));
    return { cancel: !config.failOpen };
  }
});

async function beforeSend(tab, details) {
  const config = await settings();
  const result = await nearmiss.checkBeforeSend(details, config, fetch);
  if (result.action === "send") {
    if (result.error) await tell(result.error);
    return { cancel: false };
  }
  if (result.action === "stop") {
    // The notification may be hidden by the desktop; the window is not.
    await tell(result.error);
    await show({ action: "error", summary: result.error, recipients: [], canFix: false,
                 sendAnyway: false });
    return { cancel: true };
  }
  const { choice, justification } = await ask(result);
  if (choice === "fix") {
    // Fix the addresses and stop this send so the sender sees the change.
    await messenger.compose.setComposeDetails(tab.id, nearmiss.applyFixes(details, result.fixes));
    return { cancel: true };
  }
  const send = choice === "send" && result.sendAnyway;
  if (send) {
    // The policy let the sender decide, so the message goes either way; a
    // confirmation the server refused or could not record is told, and the
    // mail server's own check still applies to what was not recorded.
    const outcome = await nearmiss.acknowledge(details, result, justification, config, fetch);
    const notice = nearmiss.acknowledgementNotice(outcome);
    if (notice) await tell(notice);
  }
  return { cancel: !send };
}
