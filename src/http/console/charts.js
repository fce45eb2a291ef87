// Small SVG charts for the dashboard: a stacked bar chart over time and
// horizontal bars. No library: the console ships nothing it does not use.
import { h } from '/app.js';

export const ACTION_COLOURS = {
  accept: '#10b981', tag: '#94a3b8', warn: '#f59e0b', confirm: '#fb923c', hold: '#f97316',
  'remove-recipient': '#ef4444', reject: '#dc2626',
};
export const CLASS_COLOURS = {
  trusted: '#10b981', external: '#94a3b8', lookalike: '#ef4444', blocked: '#991b1b', invalid: '#f59e0b',
};

// buckets: [{label, values: {key: n}}]; keys in stacking order.
export function stackedBars(buckets, keys, colours) {
  const W = 720, H = 220, left = 34, bottom = 22, top = 8;
  const max = Math.max(1, ...buckets.map((b) => keys.reduce((s, k) => s + (b.values[k] || 0), 0)));
  const step = (W - left - 18) / Math.max(1, buckets.length);
  const bw = Math.max(2, step * 0.7);
  const y = (v) => top + (H - top - bottom) * (1 - v / max);
  const svg = h('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Decisions over time', preserveAspectRatio: 'none' });
  for (const frac of [0, 0.5, 1]) {
    const v = Math.round(max * frac);
    svg.append(h('line', { x1: left, x2: W, y1: y(v), y2: y(v), stroke: '#e5e7eb' }),
      h('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#6b7280' }, v));
  }
  buckets.forEach((b, i) => {
    let acc = 0;
    const x = left + i * step + (step - bw) / 2;
    for (const k of keys) {
      const n = b.values[k] || 0;
      if (!n) continue;
      const rect = h('rect', { x, width: bw, y: y(acc + n), height: Math.max(1, y(acc) - y(acc + n)), fill: colours[k], rx: 2 },
        h('title', {}, `${b.label}: ${n} ${k}`));
      svg.append(rect);
      acc += n;
    }
    const every = Math.ceil(buckets.length / 8);
    if (i % every === 0) {
      svg.append(h('text', { x: x + bw / 2, y: H - 6, 'text-anchor': 'middle', 'font-size': 11, fill: '#6b7280' }, b.label));
    }
  });
  return svg;
}

export function legend(keys, colours) {
  return h('div', { class: 'legend' }, keys.map((k) => {
    const dot = h('i');
    dot.style.background = colours[k];
    return h('span', {}, dot, k);
  }));
}

// rows: [[label, n]]
export function hbars(rows, colours) {
  const max = Math.max(1, ...rows.map((r) => r[1]));
  return h('div', { class: 'bars' }, rows.map(([label, n]) => {
    const fill = h('div', { class: 'bar-fill' });
    fill.style.width = `${(100 * n) / max}%`;
    fill.style.background = colours[label] || '#6366f1';
    return h('div', { class: 'bar-row' }, h('span', {}, label), h('div', { class: 'bar-track' }, fill), h('span', { class: 'n' }, n));
  }));
}
