// The printable sheet of audience-vote tickets, /tickets/{id} (admin): one card per ticket with the QR code of the
// vote page carrying its code (/vote/{id}?ticket=…) and the code to type by hand, 4×6 to an A4 page; the print
// dialog opens once the codes are drawn. The admin page's session is used (sign in there first).
import { h, render, $ } from './dom.js';
import { L, onLanguage, applyStatic, languageSwitch } from './i18n.js';
import { client, ApiError } from './api.js';
import { stored, describe } from './session.js';

const main = $('#main');
$('#bar').append(languageSwitch());
applyStatic();
const finalId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const session = stored('admin');
let sheet = null;
let title = '';
let failure = null;

async function load() {
  if (!session) return draw();
  const api = client({ ...session, finalId });
  try {
    title = (await api.final('')).definition.title;
    sheet = await api.final('/tickets?qr=true');
    draw();
    if (sheet.tickets.length > 0) setTimeout(() => window.print(), 300);
  } catch (e) {
    failure = e;
    draw();
  }
}

const svg = (text) => 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);

function draw() {
  if (!session) {
    render(main, h('p', { class: 'error' }, L('请先在管理页登录，再打开此页。', 'Sign in on the admin page first, then open this page again.')),
      h('a', { class: 'button', href: `/admin?final=${encodeURIComponent(finalId)}` }, L('去管理页', 'Go to the admin page')));
    return;
  }
  if (failure) {
    render(main, h('p', { class: 'error', role: 'alert' }, failure instanceof ApiError && failure.status === 401
      ? L('管理员登录已过期，请在管理页重新登录。', 'The admin session expired: sign in again on the admin page.') : describe(failure)));
    return;
  }
  if (!sheet) { render(main, h('p', { class: 'muted' }, L('正在生成…', 'Drawing…'))); return; }
  if (sheet.tickets.length === 0) {
    render(main, h('p', {}, L('还没有发放票码：在管理页“大众评审投票”中发放。', 'No ticket is issued yet: issue them on the admin page, under "Audience vote".')));
    return;
  }
  render(main,
    h('div', { class: 'row no-print' },
      h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, L('打印', 'Print')),
      h('span', { class: 'muted', id: 'ticket-total' }, L(`共 ${sheet.tickets.length} 张，每张一码，每位选手限投一次`, `${sheet.tickets.length} tickets, one code each, one vote per contestant`))),
    h('div', { class: 'ticket-grid', id: 'ticket-grid' }, sheet.tickets.map((t) => h('div', { class: 'ticket-card', dataset: { number: String(t.number) } },
      h('div', { class: 'ticket-title' }, title),
      h('img', { src: svg(t.qr), alt: `QR ${t.number}` }),
      h('div', { class: 'ticket-how' }, L('扫码投票 · 大众评审', 'Scan to vote · audience panel')),
      h('div', { class: 'qr-code ticket-code' }, t.code),
      h('div', { class: 'ticket-no' }, `No. ${t.number}`)))));
}

onLanguage(draw);
draw();
load();
