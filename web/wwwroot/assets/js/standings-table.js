// The standings as the working pages show them (chief, review): rank, contestant, each round, total, award, and
// whether the result is provisional. The big screen has its own, larger rendering.
import { h, fmt } from './dom.js';
import { L } from './i18n.js';

/** 弃权 (withdrawn) or 缺席 (absent), in the reader's language. */
export const withdrawnLabel = (kind) => (kind === 'absent' ? L('缺席', 'Absent') : L('弃权', 'Withdrawn'));

// A withdrawn contestant's row (listed after the ranked ones by the server): no rank, no scores, the kind instead.
export function standingsTable(definition, standings, id = 'standings') {
  const decimals = definition.rounding?.decimals ?? 2;
  return h('table', { id, class: 'standings' },
    h('tr', {}, h('th', { class: 'num' }, L('名次', 'Rank')), h('th', {}, L('选手', 'Contestant')),
      definition.rounds.map((r) => h('th', { class: 'num' }, r.title || r.id)),
      h('th', { class: 'num' }, L('总分', 'Total')), h('th', {}, L('奖项', 'Award')), h('th', {}, L('状态', 'Status'))),
    standings.rows.map((row) => row.withdrawn ? h('tr', { class: 'withdrawn', dataset: { contestant: row.contestant, withdrawn: row.withdrawn } },
      h('td', { class: 'num rank' }, '—'), h('td', { class: 'name' }, row.name),
      definition.rounds.map(() => h('td', { class: 'num' }, '')), h('td', { class: 'num total' }, ''), h('td', {}, ''),
      h('td', {}, h('span', { class: 'pill bad' }, withdrawnLabel(row.withdrawn))))
      : h('tr', { dataset: { contestant: row.contestant } },
      // No rank (0) before a complete round: a partial total is no result.
      h('td', { class: 'num rank' }, row.rank || '—'), h('td', { class: 'name' }, row.name),
      definition.rounds.map((r) => h('td', { class: 'num' }, fmt(row.rounds?.[r.id], decimals))),
      h('td', { class: 'num total' }, fmt(row.total, decimals)),
      // An award is given on a complete result only, and stays provisional until publication.
      h('td', {}, row.award ? (standings.published ? row.award : `${row.award}${L('（暂定）', ' (provisional)')}`) : ''),
      h('td', {}, standings.published ? h('span', { class: 'pill ok' }, L('已发布', 'published'))
        : row.complete ? h('span', { class: 'pill info' }, L('已完成', 'complete')) : h('span', { class: 'pill warn' }, L('暂定', 'provisional'))))));
}

/** One line for a journal event, in the reader's language. */
export function describeEvent(e, names) {
  const d = e.data ?? {};
  const who = (id) => names[id] ?? id;
  const contestant = e.stream?.includes(':') ? who(e.stream.split(':').pop()) : '';
  switch (e.type) {
    case 'FinalCreated': return L(`创建决赛“${d.definition?.title ?? ''}”`, `Final "${d.definition?.title ?? ''}" created`);
    case 'ContestantCalled': return L(`${who(d.contestant)} 上台（${d.round}）`, `${who(d.contestant)} called to the stage (${d.round})`);
    case 'SheetSubmitted': return L(`${who(d.judge)} 为 ${contestant} 评分 ${d.total}（${d.round}）`, `${who(d.judge)} scored ${contestant} ${d.total} (${d.round})`);
    case 'SheetReopened': return L(`退回 ${who(d.judge)} 对 ${contestant} 的评分（${d.round}）：${d.reason}`, `${who(d.judge)}'s sheet for ${contestant} reopened (${d.round}): ${d.reason}`);
    case 'AdjustmentApplied': return L(`${contestant} ${d.points > 0 ? '加' : '扣'} ${Math.abs(d.points)} 分${d.round ? `（${d.round}）` : ''}：${d.reason}${d.proposal ? `（监督确认：${d.note ?? ''}）` : ''}`,
      `${contestant} ${d.points > 0 ? '+' : ''}${d.points} points${d.round ? ` (${d.round})` : ''}: ${d.reason}${d.proposal ? ` (confirmed by the supervisor: ${d.note ?? ''})` : ''}`);
    case 'AdjustmentProposed': return L(`申请为 ${contestant} ${d.points > 0 ? '加' : '扣'} ${Math.abs(d.points)} 分${d.round ? `（${d.round}）` : ''}，待监督确认：${d.reason}`,
      `Asked: ${d.points > 0 ? '+' : ''}${d.points} for ${contestant}${d.round ? ` (${d.round})` : ''}, waits for the supervisor: ${d.reason}`);
    case 'AdjustmentRefused': return L(`监督拒绝对 ${contestant} 的调整（${d.proposal}）：${d.reason}`, `Supervisor refused the adjustment of ${contestant} (${d.proposal}): ${d.reason}`);
    case 'PublicationProposed': return L('申请发布最终结果，待监督确认', 'Asked to publish the results; waits for the supervisor');
    case 'PublicationConfirmed': return L(`监督确认发布：${d.reason}`, `Supervisor confirmed the publication: ${d.reason}`);
    case 'PublicationRefused': return L(`监督拒绝发布：${d.reason}`, `Supervisor refused the publication: ${d.reason}`);
    case 'RoundClosed': return L(`结束 ${contestant} 的 ${d.round} 轮：${d.reason}`, `${contestant}'s ${d.round} round closed: ${d.reason}`);
    case 'ResultsPublished': return L(`发布最终结果（摘要 ${d.digest?.slice(0, 16) ?? ''}…）`, `Results published (digest ${d.digest?.slice(0, 16) ?? ''}…)`);
    case 'ScreenModeChanged': return L(`大屏切换为“${modeName(d.mode)}”`, `Screen shows ${d.mode}`);
    case 'TimerChanged': return L(`计时器：${{ start: '开始', stop: '停止', reset: '重置' }[d.action] ?? d.action}（${d.seconds} 秒）`, `Timer ${d.action} (${d.seconds} s)`);
    case 'ContestantWithdrawn': return L(`${contestant} ${d.kind === 'absent' ? '缺席' : '弃权'}：${d.reason}`, `${contestant} ${d.kind}: ${d.reason}`);
    case 'WithdrawalUndone': return L(`撤销 ${contestant} 的弃权/缺席：${d.reason}`, `${contestant}'s withdrawal undone: ${d.reason}`);
    case 'DrawCommitted': return L(`抽签承诺值 ${d.commitment}`, `Draw committed: ${d.commitment}`);
    case 'DrawRevealed': return L(`抽签揭晓，种子 ${d.seed}，顺序：${(d.order ?? []).map(who).join('、')}`, `Draw revealed, seed ${d.seed}, order: ${(d.order ?? []).map(who).join(', ')}`);
    case 'AwardTierRevealed': return L(`颁奖：揭晓${d.title}`, `Ceremony: ${d.title} revealed`);
    case 'RankingHeld': return L(`大屏排名定格于第 ${d.atSeq} 个事件`, `Screen ranking held at event ${d.atSeq}`);
    case 'RankingReleased': return L('大屏排名恢复实时', 'Screen ranking released');
    case 'StreamsSealed': return L(`记录封存：${(d.heads ?? []).length} 位选手的评分记录`, `Sealed: the records of ${(d.heads ?? []).length} contestants`);
    default: return `${e.type} ${JSON.stringify(d)}`;
  }
}

const modeName = (mode) => ({ stage: '当前选手', reveal: '揭晓', ranking: '排名', podium: '领奖台', draw: '抽签' }[mode] ?? mode);

/** Ids to names: judges and contestants of a definition. */
export function namesOf(definition) {
  const names = {};
  for (const j of definition.judges) names[j.id] = j.name;
  for (const c of definition.contestants) names[c.id] = c.name;
  return names;
}
