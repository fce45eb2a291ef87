// The console's data views: dashboard, held-message queue, audit search.
import { h, api, badge, toast, confirmAction, canAct } from '/app.js';
import { stackedBars, legend, hbars, ACTION_COLOURS, CLASS_COLOURS } from '/charts.js';

const ACTIONS = ['accept', 'tag', 'warn', 'confirm', 'hold', 'remove-recipient', 'reject'];
const CLASSES = ['trusted', 'external', 'lookalike', 'blocked', 'invalid'];
const RANGES = { '1h': [3600e3, 60e3 * 5], '24h': [86400e3, 3600e3], '7d': [7 * 86400e3, 86400e3] };
let range = '24h';

function fmtTime(ms, withDate) {
  const d = new Date(ms);
  const t = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return withDate ? `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${t}` : t;
}

function ago(seconds) {
  const s = Math.max(0, Date.now() / 1000 - seconds);
  if (s < 90) return 'just now';
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 129600) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}

function stat(label, value, sub, kind) {
  return h('div', { class: `card stat ${kind || ''}` }, h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, value), h('div', { class: 'sub' }, sub));
}

function empty(text) {
  return h('div', { class: 'empty' },
    h('svg', { viewBox: '0 0 24 24' }, h('path', { d: 'M20 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zm0 4-8 5-8-5V6l8 5 8-5z' })),
    text);
}

export async function refreshHeldCount() {
  const el = document.getElementById('held-count');
  const { messages } = await api('/v1/held');
  el.textContent = messages.length;
  el.hidden = messages.length === 0;
  return messages;
}

export async function renderDashboard(main) {
  const [span, bucket] = RANGES[range];
  const now = Date.now();
  const since = now - span;
  const page = await api(`/v1/audit?since=${since}&limit=5000`);
  let held = null;
  try { held = (await api('/v1/held')).messages.length; } catch { /* Postfix unreachable */ }
  const c = page.counts;
  const count = (k) => c.by_action[k] || 0;
  const lookalikes = c.by_verdict.lookalike || 0;

  const n = Math.ceil(span / bucket);
  const start = Math.floor(since / bucket) * bucket;
  const buckets = Array.from({ length: n + 1 }, (_, i) => ({ label: fmtTime(start + i * bucket, range === '7d'), values: {} }));
  const top = new Map();
  for (const r of page.records) {
    const i = Math.floor((r.time_ms - start) / bucket);
    if (buckets[i]) buckets[i].values[r.action] = (buckets[i].values[r.action] || 0) + 1;
    for (const x of r.recipients) {
      if (x.verdict !== 'lookalike' || !x.address.includes('@')) continue;
      const domain = x.address.split('@').pop();
      const e = top.get(domain) || { domain, target: x.target || '', n: 0 };
      e.n += 1;
      top.set(domain, e);
    }
  }
  const topRows = [...top.values()].sort((a, b) => b.n - a.n).slice(0, 8);
  const seg = h('div', { class: 'seg', role: 'group', 'aria-label': 'Time range' }, Object.keys(RANGES).map((k) =>
    h('button', { type: 'button', class: k === range ? 'on' : '', onclick: () => { range = k; renderDashboard(main); } }, k)));

  main.replaceChildren(
    h('div', { class: 'head' }, h('div', {}, h('h1', {}, 'Dashboard'),
      h('div', { class: 'muted' }, `${c.total} decisions in the last ${range} · source: ${page.source}`)), seg),
    h('div', { class: 'grid stats' },
      stat('Messages checked', c.total, `${count('accept') + count('tag')} sent as they were`, ''),
      stat('Stopped', count('reject') + count('remove-recipient'), 'rejected or recipient removed', 'bad'),
      stat('Look-alikes caught', lookalikes, `${topRows.length} distinct domains`, lookalikes ? 'bad' : 'ok'),
      stat('Held for review', held ?? '–', held === null ? 'Postfix not reachable' : 'in the hold queue now', held ? 'warn' : '')),
    h('div', { class: 'grid two' },
      h('div', { class: 'card chart' }, h('h2', {}, 'Decisions over time'),
        stackedBars(buckets, ACTIONS, ACTION_COLOURS), legend(ACTIONS, ACTION_COLOURS)),
      h('div', { class: 'card' }, h('h2', {}, 'Recipients by class'),
        hbars(CLASSES.map((k) => [k, c.by_verdict[k] || 0]), CLASS_COLOURS))),
    h('div', { class: 'card' }, h('h2', {}, 'Top look-alike domains'),
      topRows.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Typed'), h('th', {}, 'Looks like'), h('th', {}, 'Times'))),
        h('tbody', {}, topRows.map((r) => h('tr', {},
          h('td', { class: 'mono' }, r.domain), h('td', { class: 'mono' }, r.target), h('td', {}, r.n))))))
        : empty('No look-alike domains in this period.')));
}

function heldCard(m, main) {
  const preview = h('div', { class: 'preview', hidden: true });
  const act = (label, kind, run) => h('button', { type: 'button', class: kind, onclick: run }, label);
  const release = async () => {
    if (!await confirmAction('Release this message?', `“${m.subject || '(no subject)'}” from ${m.sender} will be delivered to ${m.recipients.join(', ')}.`, 'Release', false)) return;
    try { await api(`/v1/held/${encodeURIComponent(m.id)}/release`, { method: 'POST' }); toast(`Released ${m.id}`); } catch (e) { toast(e.message); }
    renderHeld(main);
  };
  const remove = async () => {
    if (!await confirmAction('Delete this message?', `“${m.subject || '(no subject)'}” will be removed from the queue and never delivered. This cannot be undone.`, 'Delete', true)) return;
    try { await api(`/v1/held/${encodeURIComponent(m.id)}`, { method: 'DELETE' }); toast(`Deleted ${m.id}`); } catch (e) { toast(e.message); }
    renderHeld(main);
  };
  // The text as a mail client shows it (the first text/plain part, else
  // the HTML's text) and the attachments' names; the MIME source on asking.
  const fill = async (raw) => {
    try {
      const d = await api(`/v1/held/${encodeURIComponent(m.id)}${raw ? '?body=raw' : ''}`);
      const empty = d.body_from === 'none' ? '(no text part)' : '(empty body)';
      const names = d.attachments || [];
      preview.replaceChildren(
        h('pre', {}, (d.body_preview || empty) + (d.body_truncated ? '\n[…]' : '')),
        names.length > 0 && h('div', { class: 'meta attachments' },
          `Attachments: ${names.join(', ')}${d.attachments_incomplete ? ', and any past the part read' : ''}`),
        h('button', { type: 'button', class: 'link', onclick: () => fill(!raw) },
          raw ? 'Show the text' : 'Show the MIME source'));
      preview.hidden = false;
    } catch (e) { toast(e.message); }
  };
  const show = async () => {
    if (!preview.hidden) { preview.hidden = true; return; }
    await fill(false);
  };
  return h('div', { class: 'card held', 'data-id': m.id },
    h('div', {},
      h('div', { class: 'row' }, h('span', { class: 'subject' }, m.subject || '(no subject)'), m.level && badge('level', m.level)),
      h('div', { class: 'meta' }, m.sender || '<>', h('span', { class: 'arrow' }, '→'), m.recipients.join(', ')),
      h('div', { class: 'meta' }, `Queue id ${m.id} · ${ago(m.arrival_time)} · ${(m.size / 1024).toFixed(1)} KB`, m.rule ? ` · rule ${m.rule}` : ''),
      m.reason && h('div', { class: 'reason' }, m.reason),
      preview),
    h('div', { class: 'actions' }, act('Preview', '', show),
      canAct() && act('Release', 'primary', release), canAct() && act('Delete', 'danger', remove)));
}

export async function renderHeld(main) {
  const messages = await refreshHeldCount();
  main.replaceChildren(
    h('div', { class: 'head' }, h('div', {}, h('h1', {}, 'Held messages'),
      h('div', { class: 'muted' }, 'Mail the policy put in the Postfix hold queue. ',
        canAct() ? 'Release delivers it; delete discards it.' : 'Read only: an admin releases or deletes it.')),
      h('button', { type: 'button', onclick: () => renderHeld(main) }, 'Refresh')),
    messages.length ? h('div', { class: 'held-list' }, messages.map((m) => heldCard(m, main)))
      : h('div', { class: 'card' }, empty('Nothing is held. Messages the policy holds appear here for review.')));
}

function auditRow(r) {
  return h('tr', {},
    h('td', { class: 'mono hide-sm' }, fmtTime(r.time_ms, true)),
    h('td', {}, h('div', { class: r.sender ? '' : 'muted' }, r.sender || 'no sender given'), h('div', { class: 'muted mono' }, r.source, r.queue_id ? ` · ${r.queue_id}` : '')),
    h('td', {}, r.recipients.map((x) => h('div', {}, x.address, ' ', badge(x.verdict),
      x.suggestion ? h('span', { class: 'muted' }, ` → ${x.suggestion}`) : null,
      x.acknowledgement ? h('div', { class: 'muted', 'data-acknowledged': x.acknowledged_by },
        `acknowledged by ${x.acknowledgement.who} (${x.acknowledgement.path}, ${x.acknowledgement.scope}, `,
        `acknowledgement ${x.acknowledged_by}); settled ${x.settled_rule}, action ${x.rule_action}`) : null))),
    h('td', {}, badge(r.action), r.level && r.level !== 'none' ? h('div', {}, badge('level', r.level)) : null));
}

export async function renderAudit(main) {
  const q = h('input', { type: 'search', name: 'q', placeholder: 'Search sender, recipient, queue id', 'aria-label': 'Search' });
  const select = (name, label, values) => h('select', { name, 'aria-label': label },
    h('option', { value: '' }, `Any ${label.toLowerCase()}`), values.map((v) => h('option', { value: v }, v)));
  const cls = select('verdict', 'Class', CLASSES);
  const action = select('action', 'Action', ACTIONS);
  const source = select('source', 'Source', ['api', 'milter', 'scan']);
  const body = h('tbody');
  const status = h('div', { class: 'muted' });
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  let before = 0;
  const search = async (append) => {
    const p = new URLSearchParams({ limit: '50' });
    for (const el of [q, cls, action, source]) if (el.value) p.set(el.name, el.value);
    if (append && before) p.set('before_id', before);
    const page = await api(`/v1/audit?${p}`);
    if (!append) body.replaceChildren();
    body.append(...page.records.map(auditRow));
    before = page.next_before_id || 0;
    more.hidden = !before;
    status.textContent = `${page.counts.total} matching decisions · source: ${page.source}`;
  };
  more.addEventListener('click', () => search(true));
  const form = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); search(false); } },
    q, cls, action, source, h('button', { class: 'primary', type: 'submit' }, 'Search'));
  main.replaceChildren(
    h('div', { class: 'head' }, h('div', {}, h('h1', {}, 'Audit'), status)),
    form,
    h('div', { class: 'card table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { class: 'hide-sm' }, 'Time'), h('th', {}, 'Sender'), h('th', {}, 'Recipients'), h('th', {}, 'Action'))),
      body)),
    h('div', { class: 'row end' }, more));
  await search(false);
}
