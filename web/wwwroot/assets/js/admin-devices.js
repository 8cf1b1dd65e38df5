// Every access code of a final as a device: its id, role, label, when issued and redeemed, and its state, with the
// admin's two actions. Revoke (a lost or photographed device): its token stops at once and its live connections close.
// Release (the same person moves to a spare tablet): the next device to sign in with the code is let in.
import { h } from './dom.js';
import { L } from './i18n.js';
import { describe } from './session.js';

const STATES = { issued: ['未登录', 'Not signed in'], redeemed: ['已登录', 'Signed in'], revoked: ['已撤销', 'Revoked'] };
const ROLES = { judge: ['评委', 'Judge'], screen: ['大屏', 'Screen'], operator: ['主持/操作', 'Operator'], auditor: ['审核', 'Auditor'], supervisor: ['监督', 'Supervisor'] };

const when = (t) => (t ? new Date(t).toLocaleString() : '—');
const named = (table, key) => (table[key] ? L(...table[key]) : key);

/**
 * The devices table; `failures` is the count of wrong codes tried for this final on this node (someone guessing codes
 * shows here long before the per-client limit stops them); `changed()` reloads the panel after an action.
 */
export function devicesTable(api, codes, label, failures, changed) {
  const reason = h('input', { id: 'device-reason', placeholder: L('原因（撤销或释放时必填）', 'Reason (required to revoke or release)') });
  const message = h('p', { class: 'error', role: 'alert', id: 'device-message' });
  async function act(code, action) {
    const why = reason.value.trim();
    if (!why) { message.textContent = L('请先填写原因，它会记入日志。', 'Give a reason first; it goes into the journal.'); reason.focus(); return; }
    try {
      const path = `/access/${encodeURIComponent(code.id)}`;
      if (action === 'revoke') await api.remove(path + `?reason=${encodeURIComponent(why)}`);
      else await api.act(path + '/release', { reason: why });
      await changed();
    } catch (e) { message.textContent = describe(e); }
  }
  return [
    h('h3', {}, L('设备管理', 'Devices')),
    failures?.failures > 0 && h('p', { class: 'notice warn', id: 'sign-in-failures' },
      L(`⚠ 本节点启动以来，有 ${failures.failures} 次用错误的访问码登录本决赛（最近一次：${when(failures.last)}）。如非评委输错，请留意有人在猜测访问码。`,
        `⚠ ${failures.failures} sign-in(s) to this final with a wrong code since this node started (last: ${when(failures.last)}). Unless a judge mistyped, someone may be guessing codes.`)),
    h('p', { class: 'muted no-print' }, L('设备丢失或登录码外泄：撤销（该设备立即失效，可再为评委重新发码）。评委换用备用平板：释放（下一台设备可用同一码登录）。',
      'A device lost or its code exposed: revoke it (it stops at once; issue the judge a new code). A judge moves to a spare tablet: release (the next device may sign in with the same code).')),
    h('div', { class: 'row no-print' }, h('label', { for: 'device-reason' }, L('原因', 'Reason')), reason),
    message,
    h('table', { id: 'devices' },
      h('tr', {}, ...[['编号', 'Id'], ['角色', 'Role'], ['对象', 'Subject'], ['发放时间', 'Issued'], ['登录时间', 'Signed in'], ['状态', 'State']].map((t) => h('th', {}, L(...t))), h('th', {})),
      codes.map((c) => h('tr', { dataset: { code: c.id, state: c.state } },
        h('td', { class: 'code-id' }, c.id), h('td', {}, named(ROLES, c.role)), h('td', {}, label(c)),
        h('td', {}, when(c.issuedAt)), h('td', {}, when(c.redeemedAt)),
        h('td', { class: `state ${c.state}` }, named(STATES, c.state), c.reason ? h('small', { class: 'muted' }, ` (${c.reason})`) : ''),
        h('td', { class: 'row-actions' },
          c.state !== 'revoked' && h('button', { type: 'button', class: 'revoke danger', onclick: () => act(c, 'revoke') }, L('撤销', 'Revoke')),
          c.state === 'redeemed' && h('button', { type: 'button', class: 'release', onclick: () => act(c, 'release') }, L('释放', 'Release')))))),
  ];
}
