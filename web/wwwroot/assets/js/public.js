// The public live view, /live/{id}: anyone, no sign-in, phone first. It follows the public feed (Server-Sent Events of
// GET /api/finals/{id}/feed without a token: each line is the whole big-screen state, so a missed one costs nothing)
// and shows the stage, the last reveal and the ranking of complete rounds, whatever the hall's screen shows now.
import { h, render, $, fmt } from './dom.js';
import { L, onLanguage, applyStatic, languageSwitch } from './i18n.js';
import { names, ranked } from './names.js';

const main = $('#main');
$('#bar').append(languageSwitch());
applyStatic();
const finalId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const base = `/api/finals/${encodeURIComponent(finalId)}`;

let definition = null;
let definitionAt = -1;
let state = null;
let up = false;
let closed = false;
let reading = null;

render(main, h('p', { class: 'closed', id: 'connecting' }, L('正在连接…', 'Connecting…')));

/** The names and titles, and the state now; a final that is not public (any more) says so. */
function readDefinition() {
  reading ??= fetch(base + '/public').then(async (r) => {
    reading = null;
    if (r.status === 404) { closed = true; draw(); return; }
    if (!r.ok) throw new Error(String(r.status));
    const body = await r.json();
    definition = body.definition;
    definitionAt = body.state.definitionVersion;
    if (!state || body.state.version > state.version) state = body.state;
    draw();
  }).catch(() => { reading = null; setTimeout(readDefinition, 2000); });
}

readDefinition();
const feed = new EventSource(base + '/feed');
feed.addEventListener('open', () => { up = true; draw(); });
feed.addEventListener('screen', (e) => {
  const next = JSON.parse(e.data).data;
  if (!next.public) { closed = true; feed.close(); draw(); return; }
  if (!state || next.version >= state.version) state = next;
  if (definition && state.definitionVersion > definitionAt) readDefinition();
  draw();
});
// The browser reconnects by itself; when the server refuses (the view was closed) it gives up and so do we.
feed.addEventListener('error', () => {
  up = false;
  if (feed.readyState === EventSource.CLOSED) readDefinition();
  draw();
});

const decimals = () => names(definition).decimals();
const judgeName = (id) => names(definition).judge(id);
const contestant = (id) => names(definition).contestant(id);
const roundTitle = (id) => names(definition).round(id);

function draw() {
  if (closed) {
    render(main, h('p', { class: 'closed', id: 'not-public' }, L('此决赛没有公开直播（或已关闭）。', 'This final has no public live view (or it was closed).')));
    return;
  }
  if (!definition || !state) return;
  $('#title').textContent = state.title;
  document.title = `${state.title} · ${L('直播', 'Live')}`;
  render(main,
    h('div', { class: 'live-status' },
      h('span', { class: state.published ? 'pill published' : 'pill provisional', id: 'status' }, state.published ? L('最终结果', 'Final results') : L('暂定成绩', 'Provisional')),
      !up && h('span', { class: 'pill offline', id: 'offline' }, L('连接中断，正在重新连接', 'Reconnecting'))),
    h('div', { class: 'live-grid' }, stageCard(), revealCard(), rankingCard()));
}

function stageCard() {
  const s = state.stage;
  if (!s) return h('section', { class: 'card', id: 'stage' }, h('h2', {}, L('台上', 'On stage')), h('p', { class: 'muted-line' }, L('比赛即将开始', 'The final is about to begin')));
  const c = contestant(s.contestant);
  const done = state.submitted.length;
  const total = state.expected.length || 1;
  return h('section', { class: 'card', id: 'stage' }, h('h2', {}, L('台上', 'On stage')),
    h('div', { class: 'muted-line' }, L(`${c.order ?? ''} 号选手`, `Contestant ${c.order ?? ''}`), ' · ', roundTitle(s.round)),
    h('div', { class: 'on-stage-name', id: 'on-stage-name' }, c.name), c.unit && h('div', { class: 'muted-line' }, c.unit),
    h('div', { class: 'progress-bar' }, bar(done / total)),
    h('div', { class: 'muted-line', id: 'progress' }, L(`已评 ${done} / ${state.expected.length}`, `${done} of ${state.expected.length} judges have scored`)));
}

// Its width through the CSSOM: the page's policy allows no style attribute.
function bar(share) {
  const span = h('span', {});
  span.style.width = `${Math.round(Math.min(1, share) * 100)}%`;
  return span;
}

function revealCard() {
  const r = state.reveal;
  if (!r) return h('section', { class: 'card', id: 'reveal', hidden: true });
  const c = contestant(r.contestant);
  return h('section', { class: 'card', id: 'reveal' }, h('h2', {}, L('评委打分', "Judges' scores"), ' · ', c.name, ' · ', roundTitle(r.round)),
    h('div', { class: 'reveal-sheets' }, r.sheets.map((s) => h('div', { class: s.counted ? 'sheet' : 'sheet dropped', dataset: { judge: s.judge } },
      h('div', { class: 'score' }, fmt(s.total)), h('div', { class: 'judge-name' }, judgeName(s.judge))))),
    h('div', { class: 'round-score', id: 'round-score' }, L('本轮得分 ', 'Round score '), h('b', {}, fmt(r.score, decimals()))),
    r.sheets.some((s) => !s.counted) && h('p', { class: 'muted-line' }, L('划线的分数按规则去掉，不计入。', 'Struck-through scores are dropped by the rules and do not count.')));
}

function rankingCard() {
  const rows = state.standings.rows.filter(ranked);
  const out = state.standings.rows.filter((r) => r.withdrawn);
  const several = definition.rounds.length > 1;
  return h('section', { class: 'card ranking-card', id: 'ranking-card' },
    h('h2', {}, state.published ? L('最终排名', 'Final ranking') : L('实时排名（仅含已完成轮次）', 'Live ranking (complete rounds only)')),
    !rows.length ? h('p', { class: 'muted-line', id: 'no-results' }, L('第一位选手评分完成后显示排名', 'The ranking appears once the first contestant is scored')) :
      h('table', { class: 'live-ranking', id: 'ranking' },
        h('thead', {}, h('tr', {}, h('th', {}, L('名次', 'Rank')), h('th', {}, L('选手', 'Contestant')),
          several && definition.rounds.map((rd) => h('th', { class: 'num' }, rd.title)),
          h('th', { class: 'num' }, L('总分', 'Total')), state.published && h('th', {}, L('奖项', 'Award')))),
        h('tbody', {}, rows.map((row) => h('tr', { dataset: { contestant: row.contestant } },
          h('td', { class: 'rank' }, row.rank), h('td', {}, row.name, h('small', {}, contestant(row.contestant).unit ?? '')),
          several && definition.rounds.map((rd) => h('td', { class: 'num' }, fmt(row.rounds?.[rd.id], decimals()))),
          h('td', { class: 'num total' }, fmt(row.total, decimals())), state.published && h('td', {}, row.award ?? ''))),
        out.map((row) => h('tr', { class: 'withdrawn', dataset: { contestant: row.contestant } }, h('td', {}, '—'), h('td', {}, row.name),
          several && definition.rounds.map(() => h('td', {}, '')),
          h('td', { class: 'num' }, row.withdrawn === 'absent' ? L('缺席', 'Absent') : L('弃权', 'Withdrawn')), state.published && h('td', {}, ''))))));
}

onLanguage(draw);
