// nearmiss console: the shell (sign-in, routing, API calls, toasts) and the
// "check an address" view. Views render with h(), which only ever sets text,
// so nothing from a message or an address can become markup.
import { renderDashboard, renderHeld, renderAudit, refreshHeldCount } from '/views.js';
import { renderAcknowledgements } from '/acks.js';

const TOKEN_KEY = 'nearmiss.token';

// The signed-in token's role, from GET /v1/policy's `caller`: a viewer
// only reads, so the views show it no release, delete or revoke button
// (each would answer 403).
let callerRole = '';
export function canAct() { return callerRole === 'admin'; }

export function h(tag, attrs = {}, ...children) {
  const svg = ['svg', 'rect', 'path', 'g', 'line', 'text', 'circle', 'title'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function badge(kind, text) {
  return h('span', { class: `badge b-${String(kind).toLowerCase().replace(/\s+/g, '-')}` }, text ?? kind);
}

export function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 3500);
}

export class ApiError extends Error {
  constructor(problem) { super(problem.detail || problem.title); this.problem = problem; }
}

export async function api(path, options = {}) {
  const headers = { Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) || ''}` };
  if (options.body) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { ...options, headers });
  const type = res.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (res.status === 401) { signIn(); throw new ApiError(body); }
  if (!res.ok) throw new ApiError(typeof body === 'object' ? body : { detail: body });
  return body;
}

export function confirmAction(title, text, okLabel, danger) {
  const d = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  const ok = document.getElementById('confirm-ok');
  ok.textContent = okLabel;
  ok.className = danger ? 'primary danger' : 'primary';
  d.returnValue = '';
  d.showModal();
  return new Promise((resolve) => d.addEventListener('close', () => resolve(d.returnValue === 'ok'), { once: true }));
}

function signIn() {
  const d = document.getElementById('login');
  if (!d.open) d.showModal();
  document.getElementById('token').focus();
}

async function onSignIn(event) {
  event.preventDefault();
  const token = document.getElementById('token').value.trim();
  const err = document.getElementById('login-error');
  const res = await fetch('/v1/policy', { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) {
    err.textContent = res.status === 403 ? 'That token may only check; an admin or viewer token is needed.' : 'That token is not valid.';
    err.hidden = false;
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  err.hidden = true;
  document.getElementById('login').close();
  showPolicy(await res.json());
  route();
}

function showPolicy(policy) {
  callerRole = (policy.caller && policy.caller.role) || '';
  const who = policy.caller && policy.caller.role === 'viewer' ? ' · read only (viewer)' : '';
  document.getElementById('policy-name').textContent = `Policy: ${policy.source}${who}`;
}

function addressSuggestion(r) {
  if (!r.suggestion) return null;
  return h('div', { class: 'suggest' }, 'Did you mean ', h('b', {}, r.suggestion), '?');
}

export function recipientResult(r) {
  const why = r.reasons && r.reasons.length ? r.reasons.map((x) => x.message).join('; ')
    : r.verdict === 'external' ? `${r.domain_unicode || r.domain} is outside the organisation and resembles no trusted domain`
    : r.verdict === 'trusted' ? 'A trusted domain' : '';
  return h('div', { class: `card result v-${r.verdict}` },
    h('div', { class: 'grow' },
      h('div', { class: 'row' }, h('span', { class: 'addr' }, r.address || r.input), badge(r.verdict)),
      h('div', { class: 'why' }, why),
      addressSuggestion(r)));
}

function renderCheck(main) {
  const input = h('input', { id: 'check-input', type: 'text', placeholder: 'bob@army.ml, Carol <carol@mod.gov.uk>', 'aria-label': 'Addresses to check', autocomplete: 'off' });
  const results = h('div', { class: 'results', id: 'check-results' });
  const form = h('form', { class: 'check-box', onsubmit: async (e) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    results.replaceChildren(h('div', { class: 'muted' }, 'Checking…'));
    try {
      const answer = await api('/v1/check', { method: 'POST', body: JSON.stringify({ to: [input.value] }) });
      results.replaceChildren(
        h('div', { class: 'summary' }, badge(answer.action), ' ', answer.summary),
        ...answer.recipients.map(recipientResult));
    } catch (err) {
      results.replaceChildren(h('div', { class: 'card error' }, err.message));
    }
  } }, input, h('button', { class: 'primary', type: 'submit' }, 'Check'));
  main.replaceChildren(
    h('div', { class: 'head' }, h('div', {}, h('h1', {}, 'Check an address'),
      h('div', { class: 'muted' }, 'What a sender would see from the Outlook or Thunderbird add-in, against the running policy.'))),
    h('div', { class: 'card' }, form, results));
  input.focus();
}

const VIEWS = { dashboard: renderDashboard, held: renderHeld, audit: renderAudit, acks: renderAcknowledgements, check: renderCheck };

function route() {
  const name = (location.hash.match(/^#\/(\w+)/) || [])[1] || 'dashboard';
  const view = VIEWS[name] || renderDashboard;
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.dataset.view === name));
  const main = document.getElementById('main');
  if (!sessionStorage.getItem(TOKEN_KEY)) { main.replaceChildren(); signIn(); return; }
  // Each route draws into a slot of its own: a view still loading from an earlier
  // route (sign-in draws the dashboard; a quick tab click draws another) then
  // fills a slot no longer on the page instead of covering the view asked for.
  const slot = h('div', { class: 'view' });
  main.replaceChildren(slot);
  Promise.resolve(view(slot)).catch((err) => {
    if (err instanceof ApiError && err.problem && err.problem.status === 401) return;
    slot.replaceChildren(h('div', { class: 'card error' }, `Could not load this page: ${err.message}`));
  });
  refreshHeldCount().catch(() => {});
}

document.getElementById('login-form').addEventListener('submit', onSignIn);
document.getElementById('login').addEventListener('cancel', (e) => e.preventDefault());
document.getElementById('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  callerRole = '';
  location.hash = '#/dashboard';
  route();
});
window.addEventListener('hashchange', route);
// The role first, so a view never draws a button its token may not use.
if (sessionStorage.getItem(TOKEN_KEY)) api('/v1/policy').then(showPolicy).catch(() => {}).finally(route);
else route();
