// The official's page (auditor or admin): every sheet, the journal as a timeline whose slider shows the standings as
// of any event, the verification of the journal, and the exports. Read-only.
import { h, render, $, fmt } from './dom.js';
import { L, lang, onLanguage, languageSwitch, applyStatic } from './i18n.js';
import { client, download, ApiError } from './api.js';
import { signIn, signOutButton, signedOut, describe } from './session.js';
import { standingsTable, describeEvent, namesOf, withdrawnLabel } from './standings-table.js';
import { drawCard } from './draw-check.js';
import { judgeReportCard } from './judge-report.js';
import { signOffCard } from './sign-off.js';

const main = $('#main');
$('#bar').append(languageSwitch());
applyStatic();

// A supervisor (监督) reads what an auditor reads, here, and answers the sign-offs.
const session = await signIn('review', main, { roles: ['auditor', 'supervisor'], allowAdmin: true });
$('#bar').append(h('span', { class: 'who' }, session.finalId), signOutButton('review'));
const api = client(session);

let definition, sheets, journal, verify, names, withdrawn, report, signOff;
let at = null; // the journal event the slider shows; null = now
let standings = null;

async function load() {
  try {
    [definition, sheets, journal, verify, report] = await Promise.all([
      api.final('').then((f) => { withdrawn = Object.fromEntries((f.withdrawn ?? []).map((w) => [w.contestant, w.kind])); signOff = f.signOff; return f.definition; }),
      api.final('/sheets'), api.final('/journal'), api.final('/verify'), api.final('/report/judges')]);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { signedOut('review', e); return; }
    render(main, h('p', { class: 'error' }, describe(e)));
    return;
  }
  names = namesOf(definition);
  at = journal.length ? journal[journal.length - 1].seq : null;
  standings = await api.final('/standings' + (at === null ? '' : `?at=${at}`));
  draw();
}

function draw() {
  const idx = Math.max(0, journal.findIndex((e) => e.seq === at));
  const slider = h('input', { type: 'range', id: 'timeline', min: 0, max: Math.max(0, journal.length - 1), step: 1, value: idx,
    'aria-label': L('时间轴', 'Timeline') });
  slider.addEventListener('input', () => moveTo(journal[Number(slider.value)].seq));
  const event = journal[idx];
  render(main,
    signOffCard(signOff, definition, api, session.role === 'supervisor', load),
    h('section', { class: 'card', id: 'verify' }, h('h2', {}, L('日志校验', 'Journal verification')),
      verify.ok ? h('span', { class: 'pill ok' }, L(`通过：${verify.events} 个事件，哈希链完整，结果可复算`, `OK: ${verify.events} events, hash chains intact, results recomputed`))
        : [h('span', { class: 'pill bad' }, L('校验失败', 'Verification FAILED')), h('ul', {}, verify.problems.map((p) => h('li', {}, p)))],
      // The digests an auditor copies onto a printed result and checks later: now, and as recorded at publication.
      h('p', { class: 'muted digest', id: 'digest' }, L('日志摘要 ', 'Journal digest '), h('code', {}, verify.digest ?? ''),
        verify.publishedDigest && [h('br'), L('发布时摘要 ', 'Digest at publication '), h('code', { id: 'published-digest' }, verify.publishedDigest)]),
      h('div', { class: 'row spaced' },
        h('button', { type: 'button', onclick: () => download(session, `${api.base}/export.csv`, `${session.finalId}-results.csv`) }, L('导出 CSV', 'Export CSV')),
        h('button', { type: 'button', onclick: () => download(session, `${api.base}/export.xlsx`, `${session.finalId}-results.xlsx`) }, L('导出 Excel', 'Export Excel')),
        // The signed record for checking offline: `dotnet run --project silo -- verify FILE` (README: the bundle).
        h('button', { type: 'button', id: 'bundle', title: L('离线核验：Arena.Silo verify 文件名', 'Check offline: Arena.Silo verify FILE'),
          onclick: () => download(session, `${api.base}/bundle`, `${session.finalId}-bundle.json`) }, L('下载核验包', 'Download the bundle')),
        // The 公示 sheet and every judge's sheets to sign, as A4 PDFs in the page's language, footed with the digest above.
        h('button', { type: 'button', id: 'result-sheet', onclick: () => download(session, `${api.base}/result-sheet.pdf${pdfLang()}`, `${session.finalId}-result-sheet.pdf`) },
          L('成绩公示表 PDF', 'Result sheet PDF')),
        h('button', { type: 'button', id: 'judge-sheets', onclick: () => download(session, `${api.base}/judge-sheets.pdf${pdfLang()}`, `${session.finalId}-judge-sheets.pdf`) },
          L('评委签字表 PDF', "Judges' sheets PDF")),
        h('button', { type: 'button', onclick: () => window.print() }, L('打印结果', 'Print results')))),
    h('section', { class: 'card', id: 'replay' }, h('h2', {}, L('回放', 'Replay')),
      h('div', { class: 'row' }, slider, h('span', { id: 'at', class: 'pill info' },
        event ? L(`第 ${event.seq} / ${journal.at(-1).seq} 个事件`, `event ${event.seq} of ${journal.at(-1).seq}`) : '—')),
      event && h('p', { class: 'muted', id: 'at-event' }, `${new Date(event.at).toLocaleString()} · ${event.actor} · ${describeEvent(event, names)}`),
      standingsTable(definition, standings)),
    h('section', { class: 'card', id: 'journal' }, h('h2', {}, L('日志', 'Journal')),
      h('ol', { class: 'timeline' }, journal.map((e) => h('li', { class: e.seq === at ? 'current' : e.seq > at ? 'future' : '', dataset: { seq: e.seq } },
        h('button', { type: 'button', class: 'seq', onclick: () => moveTo(e.seq) }, `#${e.seq}`),
        h('time', {}, new Date(e.at).toLocaleTimeString()), h('span', { class: 'actor' }, e.actor), h('span', {}, describeEvent(e, names)))))),
    drawCard(journal, names),
    judgeReportCard(report),
    h('section', { class: 'card', id: 'sheets' }, h('h2', {}, L('全部评分表', 'Every sheet')), sheetsTable()));
}

const pdfLang = () => (lang === 'en' ? '?lang=en' : '');

async function moveTo(seq) {
  at = seq;
  const asked = seq;
  const s = await api.final(`/standings?at=${seq}`);
  if (asked !== at) return; // the slider moved on meanwhile: show only the latest position
  standings = s;
  draw();
  $('#timeline')?.focus();
}

function sheetsTable() {

  const criteria = (s) => s.criteria ? Object.entries(s.criteria).map(([k, v]) => `${k} ${v}`).join(' · ') : '';
  const state = (s) => ({ submitted: L('已提交', 'submitted'), reopened: L('已退回', 'reopened'), pending: L('未提交', 'pending') }[s.state] ?? s.state);
  return h('div', { class: 'grid-scroll' }, h('table', {},
    h('tr', {}, h('th', {}, L('选手', 'Contestant')), h('th', {}, L('轮次', 'Round')), h('th', {}, L('评委', 'Judge')), h('th', {}, L('状态', 'State')),
      h('th', { class: 'num' }, L('分数', 'Total')), h('th', {}, L('各项', 'Criteria')), h('th', {}, L('计入', 'Counted'))),
    sheets.map((s) => h('tr', { class: s.counted === false ? 'dropped' : '' },
      h('td', {}, names[s.contestant] ?? s.contestant), h('td', {}, s.round), h('td', {}, names[s.judge] ?? s.judge), h('td', {}, state(s), s.reopenReason ? ` (${s.reopenReason})` : ''),
      h('td', { class: 'num' }, fmt(s.total)), h('td', { class: 'muted' }, criteria(s)),
      h('td', {}, s.counted === true ? '✓' : withdrawn[s.contestant] ? L(`不计（${withdrawnLabel(withdrawn[s.contestant])}）`, `not counted (${withdrawnLabel(withdrawn[s.contestant])})`)
        : s.counted === false ? L('去掉', 'dropped') : '')))));

}

onLanguage(() => { if (definition) draw(); });
load();
