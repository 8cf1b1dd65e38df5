// The hall's big screen (1920×1080 or 4K; sizes are in viewport units so both look the same). It renders one whole
// screen state at a time, only ever a newer one (live.js), so old and new numbers are never mixed; the judges'
// scores of a complete round are revealed one by one, then the dropped ones are struck through and the round
// score shown.
import { h, render, $, fmt } from './dom.js';
import { L, onLanguage, applyStatic, languageSwitch } from './i18n.js';
import { client } from './api.js';
import { signIn, isRevoked, signedOut } from './session.js';
import { followScreen } from './live.js';
import { timerText } from './timer.js';

const main = $('#main');
applyStatic();
// Drawn before the first request, so a screen is never a blank page (the page's load event comes after this line).
const connecting = () => h('div', { class: 'connecting', id: 'connecting' }, L('正在连接…', 'Connecting…'));
render(main, connecting());
const session = await signIn('screen', main, { roles: ['screen'], allowAdmin: true });

const REVEAL_EVERY_MS = 900;
let definition = null;
let definitionAt = -1; // the version of the final when the definition shown was read
let reading = null;
let state = null;
let receivedAt = 0;
let up = false;
let reveal = { key: null, shown: 0 };
let ranks = { version: null, previous: {}, memory: null };
let drawn = { seq: null, shown: 0 };  // the draw's order appears one contestant at a time
const DRAW_EVERY_MS = 700;

const decimals = () => definition.rounding?.decimals ?? 2;
const judgeName = (id) => definition.judges.find((j) => j.id === id)?.name ?? id;
const contestant = (id) => definition.contestants.find((c) => c.id === id) ?? { id, name: id };
const roundTitle = (id) => definition.rounds.find((r) => r.id === id)?.title ?? id;

const stage = h('div', { id: 'screen' });
const offline = h('div', { id: 'offline', hidden: true }, '');
// The language switch of an unattended screen: a faint corner button, set once when the screen is installed.
const tools = h('div', { id: 'screen-tools' }, languageSwitch());
render(main, stage, offline, tools);
draw();

// The definition (names, titles) and the live state are fetched side by side, not one after the other: on a server
// that has just started every first request is slow (nothing compiled or activated yet), and the screen shows
// "connecting" rather than a blank page until both are here.
readDefinition();
followScreen(session.token, session.finalId, (s) => { state = s; receivedAt = Date.now(); track(s); fresh(); draw(); }, (connected) => {
  up = connected;
  offline.hidden = up;
  offline.textContent = L('● 连接中断，正在重新连接', '● Reconnecting');
}, (e) => { if (isRevoked(e)) signedOut('screen', e); }, (tally) => { votes = tally; paintVotes(); });

// An amended final or a revealed draw (new order numbers): the state names the version of its definition; a screen holding an older one reads it again
// (also after a reconnect that missed the push), once at a time.
function readDefinition() {
  reading ??= loadDefinition().then((info) => {
    definition = info.definition;
    definitionAt = info.version;
    reading = null;
    fresh();
    draw();
  });
}
function fresh() { if (definition && state && state.definitionVersion > definitionAt) readDefinition(); }

/** The final's definition, asked again while the server cannot be reached (a screen is unattended). */
async function loadDefinition() {
  for (let attempt = 1; ; attempt++) {
    try { return await client(session).final('/info'); }
    catch (e) {
      if (!(e instanceof TypeError)) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * attempt)));
    }
  }
}


/** Keeps what must survive re-renders: how far the reveal has got, and each contestant's previous rank. */
function track(s) {
  const r = s.reveal;
  const key = r ? `${r.contestant}/${r.round}/${r.sheets.map((x) => `${x.judge}:${x.total}:${x.counted}`).join(',')}` : null;
  if (key !== reveal.key) reveal = { key, shown: 0 };
  const d = s.draw?.state === 'revealed' ? s.draw.seq : null;
  if (d !== drawn.seq) drawn = { seq: d, shown: 0 };
  if (s.standings.version !== ranks.version) {
    const current = Object.fromEntries(s.standings.rows.filter(shown).map((row) => [row.contestant, row.rank]));
    // Movement against each contestant's last rank shown, so a round reopened and completed again (the contestant
    // leaves the ranking for a moment) still shows how they moved.
    const memory = ranks.memory ?? current;
    ranks = { version: s.standings.version, previous: { ...memory }, memory: { ...memory, ...current } };
  }
}

setInterval(() => {
  if (state?.reveal && reveal.shown <= state.reveal.sheets.length) { reveal.shown++; if (state.mode === 'reveal') draw(); }
}, REVEAL_EVERY_MS);
setInterval(() => { const t = $('#timer'); if (t && state) paintTimer(t); }, 250);
setInterval(() => {
  if (state?.draw?.order && drawn.shown <= state.draw.order.length) { drawn.shown++; if (state.mode === 'draw') draw(); }
}, DRAW_EVERY_MS);

const shown = (row) => Object.values(row.rounds ?? {}).some((v) => v !== null && v !== undefined);

function draw() {
  if (!state || !definition) {
    render(stage, connecting());
    return;
  }
  const views = { stage: onStage, reveal: revealView, ranking: ranking, podium: podium, draw: drawView };
  render(stage,
    h('header', { class: 'screen-title' }, h('span', {}, state.title),
      h('span', { class: state.published ? 'status published' : 'status provisional', id: 'status' },
        state.published ? L('最终结果', 'Final results') : L('暂定成绩', 'Provisional'))),
    (views[state.mode] ?? onStage)(),
    h('footer', { class: 'screen-foot' }, h('span', { id: 'timer', class: 'timer' }), voteQr() ?? liveQr()));
  paintTimer($('#timer'));
  paintVotes();
}

// The audience vote while it is open: the vote page's QR code (phones in the hall vote there) and the live count,
// which comes about every second as a `votes` message, outside the states. Once closed, the state carries the count.
let votes = null;
let voteImage = null;
function voteQr() {
  const v = state.vote;
  if (!v?.open) return null;
  voteImage ??= h('img', { src: `/api/finals/${encodeURIComponent(state.finalId)}/vote/qr`, alt: L('投票二维码', 'QR code of the vote') });
  return h('figure', { class: 'live-qr vote-qr', id: 'vote-qr' }, voteImage,
    h('figcaption', {}, L(`扫码为 ${contestant(v.contestant)?.name ?? v.contestant} 投票`, `Scan to vote for ${contestant(v.contestant)?.name ?? v.contestant}`)),
    h('div', { class: 'vote-count', id: 'vote-count' }));
}
function paintVotes() {
  const el = $('#vote-count');
  if (!el || !state?.vote?.open) return;
  const n = votes && votes.window === state.vote.window ? votes.ballots : 0;
  el.textContent = L(`已投 ${n} 票`, `${n} votes`);
}

// A public final's QR code, between contestants (nobody on stage, or the one on stage already revealed): phones in
// the hall open the public live view. One image element, kept across redraws, so it is fetched once.
let qr = null;
function liveQr() {
  if (!state.public || (state.stage && !state.reveal)) return null;
  qr ??= h('figure', { class: 'live-qr', id: 'live-qr' },
    h('img', { src: `/api/finals/${encodeURIComponent(state.finalId)}/public/qr`, alt: L('公开直播二维码', 'QR code of the public live view') }),
    h('figcaption', {}, L('扫码观看直播', 'Scan to watch live')));
  return qr;
}

function header(c, round) {
  return h('div', { class: 'on-stage' },
    h('div', { class: 'order' }, L(`${c.order ?? ''} 号选手`, `Contestant ${c.order ?? ''}`), ' · ', roundTitle(round)),
    h('div', { class: 'name', id: 'on-stage-name' }, c.name), c.unit && h('div', { class: 'unit' }, c.unit));
}

const withdrawal = (id) => (state.withdrawn ?? []).find((w) => w.contestant === id);
const withdrawnLabel = (kind) => (kind === 'absent' ? L('缺席', 'Absent') : L('弃权', 'Withdrawn'));

function onStage() {
  if (!state.stage) return h('div', { class: 'idle' }, L('比赛即将开始', 'The final is about to begin'));
  const out = withdrawal(state.stage.contestant);
  if (out) return h('section', { class: 'mode-stage' }, header(contestant(state.stage.contestant), state.stage.round),
    h('div', { class: 'withdrawn-note', id: 'withdrawn-on-stage' }, withdrawnLabel(out.kind)));
  const done = new Set(state.submitted);
  return h('section', { class: 'mode-stage' }, header(contestant(state.stage.contestant), state.stage.round),
    h('div', { class: 'judges' }, state.expected.map((j) => h('div', { class: done.has(j) ? 'judge done' : 'judge', dataset: { judge: j } },
      h('span', { class: 'mark' }, done.has(j) ? '✓' : '…'), h('span', {}, judgeName(j))))),
    h('div', { class: 'progress' }, L(`已评 ${done.size} / ${state.expected.length}`, `${done.size} of ${state.expected.length} judges have scored`)));
}

function revealView() {
  const r = state.reveal;
  if (!r) return onStage();
  const all = reveal.shown > r.sheets.length;
  return h('section', { class: 'mode-reveal' }, header(contestant(r.contestant), r.round),
    h('div', { class: 'sheets' }, r.sheets.map((s, i) => h('div', {
      class: ['sheet', i < reveal.shown ? 'shown' : 'hidden', all && !s.counted ? 'dropped' : ''].join(' '), dataset: { judge: s.judge } },
    h('div', { class: 'judge-name' }, judgeName(s.judge)), h('div', { class: 'score' }, i < reveal.shown ? fmt(s.total) : '')))),
    h('div', { class: 'round-score', id: 'round-score', hidden: !all },
      L('本轮得分 ', 'Round score '), h('b', {}, fmt(r.score, decimals()))));
}

/** Ranking and podium before any round is complete: say so, rather than show an empty hall screen. */
const nothingYet = () => h('div', { class: 'idle', id: 'no-results' }, L('第一位选手评分完成后显示排名', 'The ranking appears once the first contestant is scored'));

function ranking() {
  const rows = state.standings.rows.filter((r) => !r.withdrawn && shown(r));
  const out = state.standings.rows.filter((r) => r.withdrawn);
  if (!rows.length) return nothingYet();
  return h('section', { class: 'mode-ranking' }, h('h2', {}, state.published ? L('最终排名', 'Final ranking') : L('实时排名（仅含已完成轮次）', 'Live ranking (complete rounds only)'),
    state.ceremony?.held ? h('span', { class: 'held', id: 'held' }, L(' · 排名定格', ' · held')) : ''),
    h('table', { id: 'ranking' },
      h('thead', {}, h('tr', {}, h('th', { class: 'rank' }, L('名次', 'Rank')), h('th', { class: 'move' }, ''),
        h('th', { class: 'name' }, L('选手 · 单位', 'Contestant · unit')),
        definition.rounds.length > 1 && definition.rounds.map((rd) => h('th', { class: 'num round' }, rd.title || rd.id)),
        h('th', { class: 'num total' }, L('总分', 'Total')), h('th', { class: 'award' }, L('奖项', 'Award')))),
      rows.map((row) => {
      const before = ranks.previous[row.contestant];
      const move = before === undefined ? 'new' : before > row.rank ? 'up' : before < row.rank ? 'down' : 'same';
      const arrow = { new: '★', up: '▲', down: '▼', same: '–' }[move];
      const c = contestant(row.contestant);
      return h('tr', { dataset: { contestant: row.contestant, move } }, h('td', { class: 'rank' }, row.rank),
        h('td', { class: `move ${move}`, title: move }, arrow), h('td', { class: 'name' }, row.name, h('small', {}, c.unit ?? '')),
        definition.rounds.length > 1 && definition.rounds.map((rd) => h('td', { class: 'num round' }, fmt(row.rounds?.[rd.id], decimals()))),
        h('td', { class: 'num total' }, fmt(row.total, decimals())),
        h('td', { class: 'award' }, row.award ? (state.published ? row.award : `${row.award}${L('（暂定）', ' (provisional)')}`) : ''));
    }), out.map((row) => h('tr', { class: 'withdrawn', dataset: { contestant: row.contestant, withdrawn: row.withdrawn } },
      h('td', { class: 'rank' }, ''), h('td', { class: 'move' }, ''), h('td', { class: 'name' }, row.name),
      definition.rounds.length > 1 && definition.rounds.map(() => h('td', {}, '')),
      h('td', { class: 'total', colspan: 2 }, withdrawnLabel(row.withdrawn))))));
}

/**
 * Once the ceremony has begun (a tier revealed), the podium shows only the tiers revealed so far, and only the winners
 * of those tiers on the steps; a final without a ceremony shows every tier at once.
 */
function podium() {
  const revealed = state.ceremony?.revealedTiers ?? [];
  const visible = (r) => !revealed.length || revealed.includes(r.award);
  const rows = state.standings.rows.filter((r) => !r.withdrawn && shown(r) && visible(r));
  if (!rows.length && !revealed.length) return nothingYet();
  const tiers = (definition.awards ?? []).filter((a) => !revealed.length || revealed.includes(a.title))
    .map((a) => ({ title: a.title, rows: rows.filter((r) => r.award === a.title) }));
  const top = [2, 1, 3].map((rank) => rows.find((r) => r.rank === rank)).filter(Boolean);
  return h('section', { class: 'mode-podium' },
    h('div', { class: 'podium' }, top.map((r) => h('div', { class: `step step-${r.rank}` }, h('div', { class: 'name' }, r.name),
      h('div', { class: 'total' }, fmt(r.total, decimals())), h('div', { class: 'block' }, r.rank)))),
    h('div', { class: 'tiers', id: 'awards' }, tiers.map((t) => h('div', { class: 'tier' }, h('h3', {}, t.title),
      h('div', {}, t.rows.map((r) => h('span', { class: 'winner' }, r.name)))))));
}

/**
 * The draw: first the commitment (the SHA-256 of a seed nobody in the hall knows yet); at the draw the seed, and the
 * contestants in the order it gives, one at a time.
 */
function drawView() {
  const d = state.draw;
  if (!d) return h('div', { class: 'idle' }, L('抽签即将开始', 'The draw is about to begin'));
  const commitment = h('div', { class: 'draw-line' }, h('span', { class: 'label' }, L('承诺值 SHA-256', 'Commitment SHA-256')),
    h('code', { id: 'draw-commitment' }, d.commitment));
  if (d.state !== 'revealed') return h('section', { class: 'mode-draw' }, h('h2', {}, L('抽签 · 种子已封存', 'The draw · seed sealed')), commitment,
    h('p', { class: 'draw-rule' }, L('抽签时公布种子：任何人都可以验证 SHA-256(种子) 等于上面的承诺值。', 'The seed is shown at the draw: anyone can check that SHA-256(seed) is the commitment above.')));
  const order = d.order ?? [];
  return h('section', { class: 'mode-draw' }, h('h2', {}, L('抽签结果 · 出场顺序', 'The draw · running order')),
    h('ol', { id: 'draw-order', class: 'draw-order' }, order.slice(0, drawn.shown).map((id, i) =>
      h('li', { class: 'drawn', dataset: { contestant: id } }, h('span', { class: 'no' }, i + 1), h('span', { class: 'name' }, contestant(id).name)))),
    commitment,
    h('div', { class: 'draw-line' }, h('span', { class: 'label' }, L('种子', 'Seed')), h('code', { id: 'draw-seed' }, d.seed)),
    h('p', { class: 'draw-rule' }, L('顺序 = 按 SHA-256(种子 + ":" + 选手编号) 从小到大排列', 'Order = contestants sorted by SHA-256(seed + ":" + contestant id), ascending')));
}

function paintTimer(el) {
  const t = state.timer;
  if (!t || (!t.running && !t.elapsedMs && !t.seconds)) { el.textContent = ''; return; }
  const { text, over } = timerText(t, receivedAt);
  el.textContent = text;
  el.classList.toggle('over', over);
}

onLanguage(draw);
