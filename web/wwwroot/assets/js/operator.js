// The operator's (emcee's) page: call contestants to the stage in their order, choose what the big screen shows,
// run the speaking timer. It follows the same live state as the screens, so it shows what the hall sees.
import { h, render, $ } from './dom.js';
import { L, onLanguage, languageSwitch, applyStatic } from './i18n.js';
import { client } from './api.js';
import { signIn, signOutButton, isRevoked, signedOut, describe } from './session.js';
import { followScreen } from './live.js';
import { timerText } from './timer.js';

const main = $('#main');
const live = h('span', { class: 'pill', id: 'live' });
$('#bar').append(live, languageSwitch());
applyStatic();
const session = await signIn('operator', main, { roles: ['operator'], allowAdmin: true });
$('#bar').append(signOutButton('operator'));
const api = client(session);
// Read again when the state says it changed (an amendment, or a draw: its order is the contestants' `order` from then on).
let info = await api.final('/info');
let definition = info.definition;
let order = sortedOf(definition);
function sortedOf(d) { return [...d.contestants].sort((a, b) => a.order - b.order); }
const name = (id) => definition.contestants.find((c) => c.id === id)?.name ?? id;
const roundName = (id) => definition.rounds.find((r) => r.id === id)?.title ?? id;

let state = null;
let receivedAt = 0;
let round = definition.rounds[0].id;
let error = '';
let votes = null; // the live count of the open vote: {window, ballots}
const seconds = h('input', { id: 'timer-seconds', type: 'number', min: 0, max: 86400, step: 30, value: 300, inputmode: 'numeric' });

followScreen(session.token, session.finalId, async (s) => {
  if (s.definitionVersion > info.version) {
    info = await api.final('/info');
    definition = info.definition;
    order = sortedOf(definition);
    if (!definition.rounds.some((r) => r.id === round)) round = definition.rounds[0].id;
  }
  if (!state && s.stage) round = s.stage.round;
  state = s; receivedAt = Date.now();
  draw();
}, (up) => {
  live.className = up ? 'pill ok' : 'pill bad';
  live.textContent = up ? L('已连接', 'Live') : L('连接中断', 'Disconnected');
}, (e) => { if (isRevoked(e)) signedOut('operator', e); }, (tally) => { votes = tally; paintVotes(); });

async function act(path, body) {
  error = '';
  try { await api.act(path, body); } catch (e) { error = describe(e); }
  draw();
}

const withdrawal = (id) => (state?.withdrawn ?? []).find((w) => w.contestant === id);
const outLabel = (kind) => (kind === 'absent' ? L('缺席', 'Absent') : L('弃权', 'Withdrawn'));

/**
 * Who comes next: the contestant after the one on stage, in order, for the chosen round (the first when nobody is on
 * stage); after the last one of a round, the first of the next round. Withdrawn and absent contestants are skipped.
 */
function next() {
  const on = state?.stage?.round === round ? order.findIndex((c) => c.id === state.stage.contestant) : -1;
  const after = order.slice(on + 1).find((c) => !withdrawal(c.id));
  if (after) return { contestant: after, round };
  const following = definition.rounds[definition.rounds.findIndex((r) => r.id === round) + 1];
  const first = order.find((c) => !withdrawal(c.id));
  return following && first && state?.stage?.round === round ? { contestant: first, round: following.id } : null;
}

async function call(contestant, to = round) {
  round = to;
  await act('/stage', { contestant, round });
  // A new contestant on stage: the screen goes back to showing who is on stage and who has scored.
  if (!error && state?.mode !== 'stage') await act('/screen', { mode: 'stage' });
}

/** Who has scored the contestant on stage: the operator waits for these before revealing. */
function judges() {
  const done = new Set(state.submitted);
  const judgeName = (id) => definition.judges.find((j) => j.id === id)?.name ?? id;
  return h('ul', { class: 'scored', id: 'scored' }, state.expected.map((j) =>
    h('li', { class: done.has(j) ? 'done' : 'waiting', dataset: { judge: j } }, done.has(j) ? '✓ ' : '… ', judgeName(j))));
}

function draw() {
  if (!state) { render(main, h('p', { class: 'muted' }, L('正在连接…', 'Connecting…'))); return; }
  const n = next();
  const modes = [['stage', '上台选手', 'On stage'], ['reveal', '亮分', 'Reveal scores'], ['ranking', '排名', 'Ranking'], ['podium', '颁奖', 'Podium'], ['draw', '抽签', 'Draw']];
  render(main,
    error && h('p', { class: 'error', role: 'alert' }, error),
    h('section', { class: 'card' }, h('h2', {}, L('台上', 'On stage')),
      state.stage ? h('p', { id: 'on-stage', class: 'big-line' }, name(state.stage.contestant), ' · ', definition.rounds.find((r) => r.id === state.stage.round)?.title ?? state.stage.round,
        ' · ', L(`已评 ${state.submitted.length}/${state.expected.length}`, `${state.submitted.length}/${state.expected.length} scored`),
        state.reveal && state.reveal.contestant === state.stage.contestant && state.reveal.round === state.stage.round ? h('span', { class: 'pill ok' }, L('评分完成', 'complete')) : '')
        : h('p', { class: 'muted', id: 'on-stage' }, L('暂无选手上台', 'Nobody on stage yet')),
      state.stage && judges(),
      voteControls(),
      h('button', { type: 'button', class: 'primary wide', id: 'call-next', disabled: !n, onclick: () => call(n.contestant.id, n.round) },
        !n ? L('全部选手已上台', 'Every contestant has been called')
          : n.round !== round ? L(`进入下一轮（${roundName(n.round)}）：${n.contestant.order} 号 ${n.contestant.name}`, `Next round (${roundName(n.round)}): No. ${n.contestant.order} ${n.contestant.name}`)
            : L(`叫下一位：${n.contestant.order} 号 ${n.contestant.name}`, `Call next: No. ${n.contestant.order} ${n.contestant.name}`))),
    h('section', { class: 'card' }, h('h2', {}, L('大屏显示', 'Big screen shows')),
      h('div', { class: 'row', id: 'modes' }, modes.map(([mode, zh, en]) => h('button', { type: 'button', class: state.mode === mode ? 'active primary' : '', dataset: { mode },
        'aria-pressed': String(state.mode === mode), onclick: () => act('/screen', { mode }) }, L(zh, en))))),
    ceremonyCard(),
    h('section', { class: 'card' }, h('h2', {}, L('计时', 'Timer')),
      h('div', { class: 'row' }, h('span', { id: 'op-timer', class: 'timer-op' }), h('label', { for: 'timer-seconds' }, L('限时（秒）', 'Limit (s)')), seconds,
        h('button', { type: 'button', id: 'timer-start', onclick: () => act('/timer', { action: 'start', seconds: Number(seconds.value) || 0 }) }, L('开始', 'Start')),
        h('button', { type: 'button', id: 'timer-stop', onclick: () => act('/timer', { action: 'stop' }) }, L('暂停', 'Stop')),
        h('button', { type: 'button', id: 'timer-reset', onclick: () => act('/timer', { action: 'reset', seconds: Number(seconds.value) || 0 }) }, L('归零', 'Reset')))),
    drawCard(),
    h('section', { class: 'card' }, h('h2', {}, L('出场顺序', 'Running order')),
      definition.rounds.length > 1 && h('div', { class: 'row' }, definition.rounds.map((r) =>
        h('button', { type: 'button', class: r.id === round ? 'active' : '', onclick: () => { round = r.id; draw(); } }, r.title || r.id))),
      h('table', { id: 'order' }, order.map((c) => {
        const on = state.stage?.contestant === c.id && state.stage?.round === round;
        const out = withdrawal(c.id);
        return h('tr', { class: on ? 'selected' : out ? 'withdrawn' : '', dataset: { contestant: c.id } }, h('td', { class: 'num' }, c.order), h('td', {}, c.name), h('td', { class: 'muted' }, c.unit ?? ''),
          h('td', {}, out ? h('span', { class: 'pill bad', title: out.reason }, outLabel(out.kind))
            : on ? h('span', { class: 'pill info' }, L('台上', 'on stage')) : h('button', { type: 'button', onclick: () => call(c.id) }, L('上台', 'Call'))));
      }))));
  paint();
}

const audiencePanel = (roundId) => definition.rounds.find((r) => r.id === roundId)?.panels?.find((p) => p.kind === 'audience');

/**
 * The audience vote for the contestant on stage, when the round has an audience panel: open it (the big screen shows
 * the vote's QR code and the live count), close it (the exact count goes into the journal and scores the panel).
 */
function voteControls() {
  const v = state.vote;
  const stage = state.stage;
  if (!(v?.open || (stage && audiencePanel(stage.round)))) return null;
  const here = v && stage && v.contestant === stage.contestant && v.round === stage.round;
  return h('div', { class: 'row', id: 'vote-controls' },
    h('strong', {}, L('大众评审投票', 'Audience vote')),
    v?.open
      ? [h('span', { class: 'pill info', id: 'vote-state' }, L(`投票中：${name(v.contestant)}`, `Voting: ${name(v.contestant)}`)),
        h('span', { id: 'vote-count' }, ''),
        h('button', { type: 'button', class: 'primary', id: 'vote-close', onclick: () => act('/vote/close') }, L('结束投票', 'Close the vote'))]
      : here && v.ballots != null
        ? h('span', { class: 'pill ok', id: 'vote-state' }, L(`已结束：${v.ballots} 票`, `Closed: ${v.ballots} ballots`))
        : h('button', { type: 'button', class: 'primary', id: 'vote-open', onclick: () => act('/vote/open', {}) }, L('开始投票', 'Open the vote')));
}

function paintVotes() {
  const el = $('#vote-count');
  if (el && votes && state?.vote?.open && votes.window === state.vote.window) el.textContent = L(`已收 ${votes.ballots} 票`, `${votes.ballots} ballots`);
}

/** The draw: commit (the screen shows the commitment), then reveal (the seed and the order). Before the first call. */
function drawCard() {
  const d = state.draw;
  const started = Boolean(state.stage);
  return h('section', { class: 'card', id: 'draw' }, h('h2', {}, L('抽签', 'The draw')),
    d && h('p', { class: 'muted' }, L('承诺值 ', 'Commitment '), h('code', { id: 'op-commitment' }, d.commitment)),
    d?.state === 'revealed' && h('p', { class: 'muted' }, L('种子 ', 'Seed '), h('code', { id: 'op-seed' }, d.seed)),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'draw-commit', disabled: started || d?.state === 'committed', onclick: () => act('/draw/commit') },
        d ? L('重新抽签（新的承诺值）', 'Draw again (new commitment)') : L('准备抽签（公布承诺值）', 'Prepare the draw (show the commitment)')),
      h('button', { type: 'button', class: 'primary', id: 'draw-reveal', disabled: d?.state !== 'committed', onclick: () => act('/draw/reveal') },
        L('抽签（公布种子和顺序）', 'Draw (reveal the seed and the order)'))),
    started && h('p', { class: 'muted' }, L('已有选手上台，出场顺序不能再抽。', 'A contestant has been called: the running order can no longer be drawn.')));
}

/** The ceremony: award tiers one at a time from the lowest; the screens' ranking held while the emcee speaks. */
function ceremonyCard() {
  const c = state.ceremony;
  if (!c || (!definition.awards?.length && !c.held)) return null;
  return h('section', { class: 'card', id: 'ceremony' }, h('h2', {}, L('颁奖', 'Ceremony')),
    c.revealedTiers.length > 0 && h('p', { class: 'muted', id: 'revealed-tiers' }, L('已揭晓：', 'Revealed: '), c.revealedTiers.join(L('、', ', '))),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary', id: 'reveal-tier', disabled: !c.nextTier, onclick: () => act('/ceremony/reveal') },
        c.nextTier ? L(`揭晓${c.nextTier}`, `Reveal ${c.nextTier}`) : L('奖项已全部揭晓', 'Every tier revealed')),
      c.held ? h('button', { type: 'button', id: 'release-ranking', onclick: () => act('/ceremony/release') }, L(`恢复实时排名（定格于第 ${c.heldAt} 个事件）`, `Release the ranking (held at event ${c.heldAt})`))
        : h('button', { type: 'button', id: 'hold-ranking', onclick: () => act('/ceremony/hold') }, L('定格大屏排名', 'Hold the screen ranking'))));
}

function paint() {
  paintVotes();
  const el = $('#op-timer');
  if (el && state) { const t = timerText(state.timer, receivedAt); el.textContent = t.text; el.classList.toggle('over', t.over); }
}
setInterval(paint, 250);
onLanguage(draw);
draw();
