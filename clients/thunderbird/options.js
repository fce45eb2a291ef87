"use strict";
const keys = ["serverUrl", "token", "sendBody", "failOpen"];
messenger.storage.local.get(keys).then((s) => {
  document.getElementById("serverUrl").value = s.serverUrl || "http://127.0.0.1:8025";
  document.getElementById("token").value = s.token || "";
  document.getElementById("sendBody").checked = !!s.sendBody;
  document.getElementById("failOpen").checked = s.failOpen !== false;
});
document.getElementById("save").onclick = () => messenger.storage.local.set({
  serverUrl: document.getElementById("serverUrl").value.trim(),
  token: document.getElementById("token").value.trim(),
  sendBody: document.getElementById("sendBody").checked,
  failOpen: document.getElementById("failOpen").checked,
});
