// The console's accountability view: live and past acknowledgements (a
// sender's "yes, I mean this recipient"), which an admin may revoke, and the
// administrative events (who released, deleted, acknowledged, revoked).
import { h, api, badge, toast, confirmAction, canAct } from '/app.js';

function when(seconds) {
  return new Date(seconds * 1000).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

// The warning an acknowledgement settles, as audit --events says it:
// "address-typo (did you mean john.smith@partner.example?, edit)".
function warning(a) {
  const extra = [a.suggestion && `did you mean ${a.suggestion}?`, a.typo_kind].filter(Boolean);
  return `${a.reasons || 'a warning'}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

// `others`: the other live acknowledgements the list shows of the same
// sender and recipient (or domain): each settles its own warning, so a
// revoke leaves those settled, and says so rather than "asked again".
function ackRow(a, main, others) {
  const revoke = async () => {
    const target = a.recipient || `anyone at ${a.domain}`;
    const stay = others.length
      ? ` ${others.map((o) => `Acknowledgement ${o.id}, for ${warning(o)}`).join('; ')}, stays live: that warning is not asked again.`
      : '';
    if (!await confirmAction('Revoke this acknowledgement?', `${a.sender} will be asked again before writing to ${target} when ${warning(a)} comes up.${stay}`, 'Revoke', true)) return;
    try {
      const r = await api(`/v1/acknowledgements/${encodeURIComponent(a.id)}`, { method: 'DELETE' });
      const live = r.still_live || [];
      toast(live.length
        ? `Revoked acknowledgement ${r.id}; still live: ${live.map((o) => `${o.id}, for ${warning(o)}`).join('; ')}`
        : `Revoked acknowledgement ${r.id}`);
    } catch (e) { toast(e.message); }
    renderAcknowledgements(main);
  };
  const state = a.revoked_at ? badge('revoked', `revoked by ${a.revoked_by}`)
    : a.live ? badge('live') : badge('expired');
  return h('tr', { 'data-ack': a.id },
    h('td', {}, h('div', {}, a.sender), h('div', { class: 'muted' }, `by ${a.who} via ${a.path}`)),
    h('td', {}, h('div', { class: 'mono' }, a.recipient || `*@${a.domain}`),
      h('div', { class: 'muted warning' }, `for ${warning(a)}`)),
    h('td', {}, a.why || h('span', { class: 'muted' }, 'no reason given')),
    h('td', { class: 'hide-sm' }, when(a.created_at), h('div', { class: 'muted' }, `until ${when(a.expires_at)}`)),
    h('td', {}, state, a.live && canAct() ? h('div', {}, h('button', { type: 'button', class: 'danger', onclick: revoke }, 'Revoke')) : null));
}

function eventRow(e) {
  return h('tr', {},
    h('td', { class: 'hide-sm' }, new Date(e.time_ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' })),
    h('td', {}, badge(e.action)),
    h('td', {}, e.who, ' ', h('span', { class: 'muted' }, `(${e.role})`)),
    h('td', { class: 'mono' }, e.object),
    h('td', {}, e.detail));
}

// `query`: the list's filters and page (GET /v1/acknowledgements' sender,
// recipient, before_id). The API pages by 1000, newest first: an older
// acknowledgement is found by its sender or recipient, or by "Older".
export async function renderAcknowledgements(main, query = {}) {
  const params = new URLSearchParams({ all: '1' });
  for (const key of ['sender', 'recipient', 'before_id']) if (query[key]) params.set(key, query[key]);
  const [{ acknowledgements, next_before_id: next }, { events }] = await Promise.all([
    api(`/v1/acknowledgements?${params}`), api('/v1/events?limit=100')]);
  const table = (head, rows, none) => rows.length
    ? h('div', { class: 'card table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, head.map((t) => h('th', {}, t)))), h('tbody', {}, rows)))
    : h('div', { class: 'card muted' }, none);
  const sender = h('input', { type: 'search', placeholder: 'sender address', value: query.sender || '' });
  const recipient = h('input', { type: 'search', placeholder: 'recipient address or domain', value: query.recipient || '' });
  const find = h('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    renderAcknowledgements(main, { sender: sender.value.trim(), recipient: recipient.value.trim() });
  } }, sender, recipient, h('button', { type: 'submit' }, 'Find'));
  main.replaceChildren(
    h('div', { class: 'head' }, h('div', {}, h('h1', {}, 'Acknowledgements'),
      h('div', { class: 'muted' }, 'Recipients senders confirmed they mean; the same warning is not asked again until one expires or is revoked.')),
      h('button', { type: 'button', onclick: () => renderAcknowledgements(main, query) }, 'Refresh')),
    find,
    table(['Sender', 'Recipient', 'Why', 'When', 'State'], acknowledgements.map((a) => ackRow(a, main, acknowledgements.filter((o) =>
      o.id !== a.id && o.live && o.sender === a.sender && o.recipient === a.recipient && o.domain === a.domain))),
      query.sender || query.recipient ? 'No acknowledgement matches.' : 'No acknowledgements yet.'),
    next ? h('button', { type: 'button', class: 'older',
      onclick: () => renderAcknowledgements(main, { ...query, before_id: String(next) }) },
    'Older acknowledgements') : '',
    h('h2', {}, 'Administrative events'),
    h('div', { id: 'events' }, table(['Time', 'Action', 'Who', 'Object', 'Detail'], events.map(eventRow),
      'No releases, deletes, acknowledgements or revokes yet.')));
}
