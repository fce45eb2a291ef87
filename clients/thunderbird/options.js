"use strict";
// The packaged config.json (scripts/build-addins) gives the defaults; what
// is saved here overrides them for this sender.
const keys = ["serverUrl", "token", "sendBody", "failOpen"];
(async () => {
  let packaged = {};
  try { packaged = await (await fetch("config.json")).json(); } catch (e) { /* defaults */ }
  const s = { ...nearmiss.DEFAULTS, ...packaged, ...(await messenger.storage.local.get(keys)) };
  document.getElementById("serverUrl").value = s.serverUrl;
  document.getElementById("token").value = s.token;
  document.getElementById("sendBody").checked = !!s.sendBody;
  document.getElementById("failOpen").checked = s.failOpen === true;
})();
document.getElementById("save").onclick = () => messenger.storage.local.set({
  serverUrl: document.getElementById("serverUrl").value.trim(),
  token: document.getElementById("token").value.trim(),
  sendBody: document.getElementById("sendBody").checked,
  failOpen: document.getElementById("failOpen").checked,
});
