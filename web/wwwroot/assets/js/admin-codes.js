// Access for one final: codes for judges, screens, operators and auditors, and the printable QR sheet of the
// judges' tablets (QR images drawn by the server from the codes already issued).
import { h, render } from './dom.js';
import { L, onLanguage } from './i18n.js';
import { client } from './api.js';
import { describe } from './session.js';

const ROLES = [['screen', '大屏', 'Screen'], ['operator', '主持/操作', 'Operator'], ['auditor', '监督/审核', 'Auditor']];

export async function codesPanel(section, session, finalId) {
  const api = client({ ...session, finalId });
  const message = h('p', { class: 'error', role: 'alert' });
  let definition;
  let codes = [];
  let lastIssued = null;
  const latest = (role, subject) => codes.filter((c) => c.role === role && c.subject === subject).sort((a, b) => (a.issued < b.issued ? 1 : -1))[0];
  const url = (c) => `${location.origin}/${c.role}?final=${encodeURIComponent(finalId)}&code=${c.code}`;

  async function reload() {
    definition = (await api.final('')).definition;
    codes = await api.final('/access');
  }
  async function issue(role, subject) {
    try { lastIssued = await api.act('/access', { role, subject }); await reload(); draw(); }
    catch (e) { message.textContent = describe(e); }
  }
  function draw() {
    const label = h('input', { id: 'code-label', placeholder: L('名称，如 大屏1', 'label, e.g. screen-1') });
    render(section,
      h('h2', {}, L(`访问码：${definition.title}`, `Access codes: ${definition.title}`)),
      h('div', { class: 'row no-print' },
        h('a', { class: 'button', href: `/operator?final=${encodeURIComponent(finalId)}`, target: '_blank' }, L('打开操作页', 'Open operator page')),
        h('a', { class: 'button', href: `/screen?final=${encodeURIComponent(finalId)}`, target: '_blank' }, L('打开大屏', 'Open screen')),
        h('a', { class: 'button', href: `/review?final=${encodeURIComponent(finalId)}`, target: '_blank' }, L('打开审核页', 'Open review page'))),
      h('h3', {}, L('评委', 'Judges')),
      h('table', { id: 'judge-codes' }, h('tr', {}, h('th', {}, L('评委', 'Judge')), h('th', {}, L('访问码', 'Code')), h('th', {}, L('登录链接', 'Sign-in link')), h('th', {})),
        definition.judges.map((j) => {
          const c = latest('judge', j.id);
          return h('tr', { dataset: { judge: j.id } }, h('td', {}, `${j.name} (${j.id})`, j.chief ? ' ★' + L('主裁判', 'chief') : ''),
            h('td', { class: 'code' }, c?.code ?? '—'),
            h('td', {}, c ? h('a', { href: url(c), target: '_blank', class: 'judge-link' }, url(c)) : '',
              // The chief judge signs in to the chief's page with the same code.
              c && j.chief ? [h('br'), h('a', { href: url(c).replace('/judge?', '/chief?'), target: '_blank', class: 'chief-link' }, L('主裁判页', 'Chief judge page'))] : ''),
            h('td', {}, h('button', { type: 'button', class: 'issue', onclick: () => issue('judge', j.id) }, c ? L('重新发放', 'Replace') : L('发放', 'Issue'))));
        })),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'issue-all', onclick: async () => { for (const j of definition.judges) if (!latest('judge', j.id)) await issue('judge', j.id); } },
          L('为所有未发码的评委发码', 'Issue codes to every judge without one')),
        h('button', { type: 'button', id: 'print-qr', onclick: () => qrSheet(api, definition, codes, latest, url) }, L('打印评委二维码', 'Print the judges\' QR sheet'))),
      h('h3', {}, L('其他角色', 'Other roles')),
      h('div', { class: 'row' }, label, ROLES.map(([role, zh, en]) =>
        h('button', { type: 'button', dataset: { role }, onclick: () => issue(role, label.value.trim() || role) }, L(`新${zh}码`, `New ${en.toLowerCase()} code`)))),
      lastIssued && lastIssued.role !== 'judge' && h('p', { class: 'pill info', id: 'last-code' },
        `${lastIssued.role} · ${lastIssued.subject}: ${lastIssued.code} — `, h('a', { href: lastIssued.url, target: '_blank' }, lastIssued.url)),
      h('table', { id: 'other-codes' }, codes.filter((c) => c.role !== 'judge').map((c) =>
        h('tr', {}, h('td', {}, c.role), h('td', {}, c.subject), h('td', { class: 'code' }, c.code), h('td', {}, h('a', { href: url(c), target: '_blank' }, url(c)))))),
      message,
      h('div', { id: 'qr-sheet' }));
  }
  try { await reload(); draw(); } catch (e) { render(section, h('p', { class: 'error' }, describe(e))); }
  onLanguage(() => { if (definition) draw(); });
}

/** The printable sheet: one card per judge with the QR of their sign-in link and the code to type by hand. */
async function qrSheet(api, definition, codes, latest, url) {
  const sheet = document.getElementById('qr-sheet');
  const missing = definition.judges.filter((j) => !latest('judge', j.id));
  if (missing.length) {
    render(sheet, h('p', { class: 'error' }, L(`请先为这些评委发码：${missing.map((j) => j.name).join('、')}`,
      `Issue codes to these judges first: ${missing.map((j) => j.name).join(', ')}`)));
    return;
  }
  const cards = await Promise.all(definition.judges.map(async (j) => {
    const response = await api.get(`${api.base}/qr?role=judge&subject=${encodeURIComponent(j.id)}`);
    const svg = await response.text();
    const c = latest('judge', j.id);
    return h('div', { class: 'qr-card' },
      h('img', { src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg), alt: `QR ${j.name}` }),
      h('div', { class: 'qr-name' }, `${j.name}`), h('div', { class: 'qr-code' }, `${L('访问码', 'Code')} ${c.code}`),
      h('div', { class: 'qr-url' }, url(c)));
  }));
  render(sheet, h('div', { class: 'row no-print' }, h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, L('打印', 'Print'))),
    h('h2', { class: 'qr-title' }, definition.title), h('div', { class: 'qr-grid' }, cards));
}
