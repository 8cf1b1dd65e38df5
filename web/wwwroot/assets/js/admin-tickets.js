// The audience vote's tickets (大众评审票), on the admin page of a final with an audience panel: how many are issued,
// issue more, and open the printable sheet (/tickets/{id}). A panel that votes "once per device" needs none.
import { h, render } from './dom.js';
import { L } from './i18n.js';
import { describe } from './session.js';

const audiencePanels = (definition) => definition.rounds.flatMap((r) => (r.panels ?? []).filter((p) => p.kind === 'audience').map((p) => ({ round: r, panel: p })));

/** The section, or null when no round of the final has an audience panel. */
export function ticketsPanel(api, definition, finalId) {
  const panels = audiencePanels(definition);
  if (panels.length === 0) return null;
  const section = h('div', { id: 'tickets-panel', class: 'no-print' });
  const byTicket = panels.some(({ panel }) => (panel.voters ?? 'tickets') === 'tickets');
  let issued = null;
  let message = '';
  const count = h('input', { id: 'ticket-count', type: 'number', min: '1', max: '10000', value: '200', 'aria-label': L('张数', 'How many') });

  async function load() {
    try { issued = byTicket ? (await api.final('/tickets?count=0')).issued : 0; } catch (e) { message = describe(e); }
    draw();
  }
  async function issue() {
    message = '';
    const n = Number(count.value);
    if (!Number.isInteger(n) || n < 1 || n > 10000) { message = L('张数须为 1–10000 的整数', 'Enter a whole number from 1 to 10000'); draw(); return; }
    try { await api.act('/tickets', { count: n }); } catch (e) { message = describe(e); }
    await load();
  }
  function draw() {
    const sheet = `/tickets/${encodeURIComponent(finalId)}`;
    render(section,
      h('h3', {}, L('大众评审投票', 'Audience vote')),
      h('p', { class: 'muted' }, panels.map(({ round, panel }) => `${round.title} · ${panel.title ?? panel.id}：${(panel.vote?.method ?? 'share') === 'rating'
        ? L('观众打 1–10 分，取平均', 'voters rate 1–10, the mean counts') : L('观众投支持/不支持，按支持率计分', 'voters vote for or against, the share of "for" counts')}`).join('；')),
      byTicket
        ? [h('p', { id: 'tickets-issued' }, issued === null ? '…' : L(`已发放 ${issued} 张票（每张票每位选手投一次）。`, `${issued} tickets issued (each votes once per contestant).`)),
          h('div', { class: 'row' }, count,
            h('button', { type: 'button', id: 'issue-tickets', onclick: issue }, L('发放票码', 'Issue tickets')),
            issued > 0 && h('a', { class: 'button', id: 'print-tickets', href: sheet, target: '_blank' }, L('打印票码二维码', 'Print the ticket sheet')))]
        : h('p', {}, L('每台手机可投一次，无需票码。', 'One vote per phone; no tickets needed.')),
      h('p', { class: 'muted' }, L('主持/操作页在选手上台后“开始投票”、“结束投票”；大屏显示投票二维码和实时票数。',
        'The operator opens and closes the vote for the contestant on stage; the big screen shows the vote\'s QR code and the live count.')),
      message && h('p', { class: 'error', role: 'alert' }, message));
  }
  draw();
  load();
  return section;
}
