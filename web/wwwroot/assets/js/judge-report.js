// The judge-consistency report (GET …/report/judges), computed on the server: per judge and round how far their
// sheets sit from their panel's median (mean: above 0 = more generous; spread: standard deviation), how often the
// rules dropped them, how their order agrees with the final ranking (Spearman's ρ), the sheets flagged by the chief
// page's rule; per panel and round Kendall's W (1 = the judges order the contestants alike, 0 = no agreement).
import { h } from './dom.js';
import { L } from './i18n.js';

const num = (x, digits = 3) => (x === null || x === undefined ? '—' : Number(x).toFixed(digits));
const signed = (x) => (x === null || x === undefined ? '—' : (x > 0 ? '+' : '') + Number(x).toFixed(3));

export function judgeReportCard(report) {
  const t = report.thresholds;
  return h('section', { class: 'card', id: 'judge-report' }, h('h2', {}, L('评委评分一致性', 'Judge consistency')),
    h('p', { class: 'muted' }, L(
      `偏差 = 该评委的分数 − 同组评委（本选手、本轮、同一评审组）分数的中位数；离散度为偏差的标准差；相关系数为该评委对选手的排序与最终名次的斯皮尔曼等级相关；异常按主裁判页规则（偏离中位数超过 ${t.points} 分，或超过 ${t.sds} 倍标准差）。${report.published ? '' : '成绩尚未发布，以下为暂定。'}`,
      `Deviation = the judge's score minus the median of the same contestant's, round's and panel's sheets; spread is its standard deviation; ρ is Spearman's rank correlation of the judge's order with the final ranking; outliers by the chief page's rule (more than ${t.points} points from the median, or ${t.sds} standard deviations).${report.published ? '' : ' Not yet published: provisional.'}`)),
    h('div', { class: 'grid-scroll' }, h('table', { id: 'judge-figures' },
      h('tr', {}, ...[['评委', 'Judge'], ['轮次', 'Round'], ['评分数', 'Sheets'], ['平均偏差', 'Mean deviation'], ['离散度', 'Spread'],
        ['被去掉', 'Dropped'], ['与名次相关', 'ρ with ranking'], ['异常', 'Outliers']].map(([zh, en], i) => h('th', { class: i >= 2 && i <= 6 ? 'num' : '' }, L(zh, en)))),
      report.judges.map((j) => h('tr', { dataset: { judge: j.judge, round: j.round }, class: j.outliers.length ? 'flagged' : '' },
        h('td', {}, j.name), h('td', {}, j.roundTitle), h('td', { class: 'num' }, j.sheets),
        h('td', { class: 'num mean-deviation' }, signed(j.meanDeviation)), h('td', { class: 'num spread' }, num(j.deviationSd)),
        h('td', { class: 'num dropped' }, `${j.dropped} (${num(j.droppedShare === null ? null : j.droppedShare * 100, 0)}%)`),
        h('td', { class: 'num spearman' }, num(j.spearman)),
        h('td', { class: 'outliers' }, j.outliers.map((c) => c.name).join(L('、', ', ')) || '—'))))),
    h('table', { id: 'panel-concordance' },
      h('tr', {}, h('th', {}, L('轮次', 'Round')), h('th', {}, L('评审组', 'Panel')), h('th', { class: 'num' }, L('评委', 'Judges')),
        h('th', { class: 'num' }, L('选手', 'Contestants')), h('th', { class: 'num' }, L('肯德尔和谐系数 W', "Kendall's W"))),
      report.panels.map((p) => h('tr', { dataset: { round: p.round, panel: p.panel ?? '' } }, h('td', {}, p.roundTitle), h('td', {}, p.panelTitle ?? L('全体评委', 'all judges')),
        h('td', { class: 'num' }, p.judges), h('td', { class: 'num' }, p.contestants), h('td', { class: 'num kendall' }, num(p.kendallW))))));
}
