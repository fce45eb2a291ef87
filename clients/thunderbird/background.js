// nearmiss for Thunderbird: asks `nearmiss serve` before every send and, on
// warn or block, shows the sender what is wrong in a small window with
// "Fix address" and, when the policy allows it, "Send anyway".
"use strict";

const DEFAULTS = { serverUrl: "http://127.0.0.1:8025", token: "", sendBody: false, failOpen: true };
const pending = new Map();  // prompt window id -> resolve

async function settings() {
  return { ...DEFAULTS, ...(await messenger.storage.local.get(Object.keys(DEFAULTS))) };
}

function ask(result) {
  return new Promise(async (resolve) => {
    const url = "dialog.html#" + encodeURIComponent(JSON.stringify({
      summary: result.answer.summary,
      action: result.answer.action,
      recipients: result.answer.recipients.filter((r) => r.client_action !== "allow"),
      canFix: result.fixes.length > 0,
      sendAnyway: result.sendAnyway,
    }));
    const win = await messenger.windows.create({ url, type: "popup", width: 520, height: 420 });
    pending.set(win.id, resolve);
  });
}

messenger.runtime.onMessage.addListener((message, sender) => {
  if (!message || message.type !== "nearmiss-choice") return;
  const id = sender.tab && sender.tab.windowId;
  const resolve = pending.get(id);
  if (resolve) {
    pending.delete(id);
    resolve(message.choice);
    messenger.windows.remove(id);
  }
});

messenger.windows.onRemoved.addListener((id) => {
  const resolve = pending.get(id);
  if (resolve) {
    pending.delete(id);
    resolve("cancel");
  }
});

messenger.compose.onBeforeSend.addListener(async (tab, details) => {
  const result = await nearmiss.checkBeforeSend(details, await settings(), fetch);
  if (result.action === "send") return { cancel: false };
  if (result.action === "stop") {
    await messenger.notifications?.create({ type: "basic", title: "nearmiss", message: result.error });
    return { cancel: true };
  }
  const choice = await ask(result);
  if (choice === "fix") {
    // Fix the addresses and stop this send so the sender sees the change.
    await messenger.compose.setComposeDetails(tab.id, nearmiss.applyFixes(details, result.fixes));
    return { cancel: true };
  }
  return { cancel: !(choice === "send" && result.sendAnyway) };
});
