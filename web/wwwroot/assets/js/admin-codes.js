// Access for one final: codes for judges, screens, operators and auditors, and the printable QR sheet of the
// judges' tablets (QR images drawn by the server from the codes already issued).
import { h, render } from './dom.js';
import { L, onLanguage } from './i18n.js';
import { client } from './api.js';
import { describe } from './session.js';
import { devicesTable } from './admin-devices.js';
import { ticketsPanel } from './admin-tickets.js';

const ROLES = [['screen', '大屏', 'Screen'], ['operator', '主持/操作', 'Operator'], ['auditor', '审核', 'Auditor']];
// A final with two-person sign-off also needs a supervisor (监督), who confirms the chief judge's adjustments and publication.
const SUPERVISOR = ['supervisor', '监督', 'Supervisor'];

export async function codesPanel(section, session, finalId) {
  const api = client({ ...session, finalId });
  const message = h('p', { class: 'error', role: 'alert' });
  let definition;
  let isPublic = false;
  let all = [];   // every code, revoked ones too (the devices table)
  let codes = []; // the codes in use: links, QR codes
  let lastIssued = null;
  let failures = null; // wrong codes tried for this final on this node: { failures, last }
  const latest = (role, subject) => codes.filter((c) => c.role === role && c.subject === subject).sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0];
  const url = (c) => `${location.origin}/${c.role}?final=${encodeURIComponent(finalId)}&code=${c.code}`;

  async function reload() {
    const view = await api.final('');
    definition = view.definition;
    isPublic = view.public;
    [all, failures] = await Promise.all([api.final('/access'), api.final('/sign-in-failures')]);
    codes = all.filter((c) => c.state !== 'revoked');
  }
  async function issue(role, subject) {
    try { lastIssued = await api.act('/access', { role, subject }); await reload(); draw(); }
    catch (e) { message.textContent = describe(e); }
  }
  /** Everything a show needs, once: a code for every judge without one, and a screen, operator and auditor code. */
  async function issueAll() {
    message.textContent = '';
    try {
      for (const j of definition.judges) if (!latest('judge', j.id)) await api.act('/access', { role: 'judge', subject: j.id });
      for (const [role] of roles()) if (!codes.some((c) => c.role === role)) await api.act('/access', { role, subject: role });
      lastIssued = null;
      await reload();
      draw();
    } catch (e) { message.textContent = describe(e); }
  }
  /** The public live view (/live/{id}): anyone may watch, without a code, once it is open. */
  async function setPublic(open) {
    message.textContent = '';
    try { await api.act('/public', { public: open }); await reload(); draw(); }
    catch (e) { message.textContent = describe(e); }
  }
  const liveUrl = () => `${location.origin}/live/${encodeURIComponent(finalId)}`;
  const publicView = () => h('div', { class: 'row no-print', id: 'public-view' }, isPublic
    ? [h('span', { class: 'pill ok', id: 'public-state' }, L('已公开', 'Public')), h('a', { href: liveUrl(), target: '_blank', id: 'public-link' }, liveUrl()),
      h('button', { type: 'button', id: 'public-close', onclick: () => setPublic(false) }, L('关闭公开直播', 'Close the public view'))]
    : [h('span', { class: 'muted', id: 'public-state' }, L('未公开：只有持访问码的设备能看到这场决赛。', 'Not public: only devices with a code can watch this final.')),
      h('button', { type: 'button', id: 'public-open', onclick: () => setPublic(true) }, L('开启公开直播（观众无需登录，大屏在两位选手之间显示二维码）', 'Open the public view (no sign-in to watch; the big screen shows its QR code between contestants)'))]);
  const roles = () => (definition.signOff ? [...ROLES, SUPERVISOR] : ROLES);
  const roleName = (role) => { const r = [...ROLES, SUPERVISOR].find(([x]) => x === role); return r ? L(r[1], r[2]) : role; };
  const open = (href, cls) => h('a', { class: `button ${cls ?? ''}`, href, target: '_blank' }, L('打开', 'Open'));
  function draw() {
    const label = h('input', { id: 'code-label', placeholder: L('名称，如 大屏2', 'label, e.g. screen-2') });
    const chief = definition.judges.find((j) => j.chief);
    const chiefCode = chief && latest('judge', chief.id);
    // The newest code of each device that is not a judge's tablet (a second screen has its own label).
    const devices = [...new Map(codes.filter((c) => c.role !== 'judge').sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : 1))
      .map((c) => [`${c.role}/${c.subject}`, c])).values()];
    const missing = definition.judges.filter((j) => !latest('judge', j.id)).length + roles().filter(([role]) => !codes.some((c) => c.role === role)).length;
    render(section,
      h('h2', {}, L(`访问码与设备：${definition.title}`, `Codes and devices: ${definition.title}`)),
      h('ol', { class: 'steps muted no-print' },
        h('li', {}, L(definition.signOff ? '一键发放全部访问码（每位评委、大屏、主持/操作、审核、监督各一个）。' : '一键发放全部访问码（每位评委、大屏、主持/操作、审核各一个）。',
          definition.signOff ? 'Issue every code at once (each judge, a screen, an operator, an auditor, a supervisor).' : 'Issue every code at once (each judge, a screen, an operator, an auditor).')),
        h('li', {}, L('打印评委二维码，评委用平板扫码即登录；或在各设备上打开下面的链接。', 'Print the judges\' QR sheet (a tablet scanning its code is signed in), or open the links below on each device.')),
        h('li', {}, L('主持/操作页叫选手上台；评委评分；大屏亮分；主裁判确认并发布。', 'The operator calls contestants; judges score; the screen reveals; the chief judge checks and publishes.'))),
      h('div', { class: 'row no-print' },
        h('button', { type: 'button', class: 'primary', id: 'issue-all', disabled: missing === 0, onclick: issueAll },
          missing ? L(`一键发放全部访问码（还缺 ${missing} 个）`, `Issue every code (${missing} missing)`) : L('全部访问码已发放', 'Every code is issued')),
        h('button', { type: 'button', id: 'print-qr', onclick: () => qrSheet(api, definition, codes, latest, url) }, L('打印评委二维码', 'Print the judges\' QR sheet'))),
      message,
      h('h3', {}, L('设备', 'Devices')),
      h('table', { id: 'other-codes' }, h('tr', {}, h('th', {}, L('角色', 'Role')), h('th', {}, L('名称', 'Label')), h('th', {}, L('访问码', 'Code')), h('th', {}, L('登录链接', 'Sign-in link')), h('th', {})),
        devices.map((c) => h('tr', { dataset: { role: c.role, subject: c.subject } }, h('td', {}, roleName(c.role)), h('td', {}, c.subject), h('td', { class: 'code' }, c.code),
          h('td', { class: 'link' }, h('a', { href: url(c), target: '_blank' }, url(c))), h('td', {}, open(url(c), 'open-device')))),
        chiefCode && h('tr', { dataset: { role: 'chief' } }, h('td', {}, L('主裁判', 'Chief judge')), h('td', {}, chief.name), h('td', { class: 'code' }, chiefCode.code),
          h('td', { class: 'link' }, h('a', { href: chiefUrl(chiefCode), target: '_blank', class: 'chief-link' }, chiefUrl(chiefCode))), h('td', {}, open(chiefUrl(chiefCode))))),
      devices.length === 0 && h('p', { class: 'muted' }, L('还没有设备访问码。', 'No device code yet.')),
      h('div', { class: 'row no-print' }, label, roles().map(([role, zh, en]) =>
        h('button', { type: 'button', dataset: { role }, onclick: () => issue(role, label.value.trim() || role) }, L(`新${zh}码`, `New ${en.toLowerCase()} code`)))),
      lastIssued && lastIssued.role !== 'judge' && h('p', { class: 'pill info', id: 'last-code' },
        `${lastIssued.role} · ${lastIssued.subject}: ${lastIssued.code} — `, h('a', { href: lastIssued.url, target: '_blank' }, lastIssued.url)),
      h('h3', {}, L('评委', 'Judges')),
      h('table', { id: 'judge-codes' }, h('tr', {}, h('th', {}, L('评委', 'Judge')), h('th', {}, L('访问码', 'Code')), h('th', {}, L('登录链接', 'Sign-in link')), h('th', {})),
        definition.judges.map((j) => {
          const c = latest('judge', j.id);
          return h('tr', { dataset: { judge: j.id } }, h('td', {}, `${j.name} (${j.id})`, j.chief ? ' ★' + L('主裁判', 'chief') : '', j.panel ? h('small', { class: 'muted' }, ` ${panelName(j.panel)}`) : ''),
            h('td', { class: 'code' }, c?.code ?? '—'),
            h('td', { class: 'link' }, c ? h('a', { href: url(c), target: '_blank', class: 'judge-link' }, url(c)) : '',
              // The chief judge signs in to the chief's page with the same code.
              c && j.chief ? [h('br'), h('a', { href: chiefUrl(c), target: '_blank', class: 'chief-link' }, L('主裁判页', 'Chief judge page'))] : ''),
            h('td', { class: 'row-actions' }, c && open(url(c), 'open-judge'),
              h('button', { type: 'button', class: 'issue', onclick: () => issue('judge', j.id) }, c ? L('重新发放', 'Replace') : L('发放', 'Issue'))));
        })),
      devicesTable(api, all, deviceLabel, failures, async () => { await reload(); draw(); }),
      h('h3', { class: 'no-print' }, L('公开直播', 'Public live view')), publicView(),
      ticketsPanel(api, definition, finalId),
      h('div', { id: 'qr-sheet' }));
  }
  const deviceLabel = (c) => (c.role === 'judge' ? definition.judges.find((j) => j.id === c.subject)?.name ?? c.subject : c.subject);
  const chiefUrl = (c) => url(c).replace('/judge?', '/chief?');
  const panelName = (id) => definition.rounds.flatMap((r) => r.panels ?? []).find((p) => p.id === id)?.title ?? id;
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
