// The draw, recomputed in the official's browser from the journal (SubtleCrypto's SHA-256): the seed must hash to the
// commitment shown before the draw, and the order must be the contestants sorted by SHA-256(seed + ":" + id).
import { h } from './dom.js';
import { L } from './i18n.js';

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (text) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/** { ok, commitmentOk, orderOk, keys } for one DrawRevealed event's data. */
export async function checkDraw({ seed, commitment, order }) {
  const commitmentOk = (await sha256(seed)) === commitment;
  const keys = await Promise.all(order.map(async (id) => ({ id, key: await sha256(`${seed}:${id}`) })));
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.id);
  const orderOk = sorted.every((id, i) => id === order[i]);
  return { ok: commitmentOk && orderOk, commitmentOk, orderOk, keys };
}

/** The review page's card: the rule in words, the last draw of the journal and its recomputation. */
export function drawCard(journal, names) {
  const reveals = journal.filter((e) => e.type === 'DrawRevealed');
  if (!reveals.length) return null;
  const last = reveals.at(-1);
  const d = last.data;
  const result = h('p', { id: 'draw-check', class: 'pill info' }, L('正在复核…', 'Checking…'));
  const keys = h('ol', { class: 'muted', id: 'draw-keys' });
  if (!globalThis.crypto?.subtle) {
    result.className = 'pill warn';
    result.textContent = L('此浏览器仅在 https 或本机地址下提供 SHA-256；请用下方命令复核。', 'This browser offers SHA-256 only over https or on localhost; use the commands below.');
  } else {
    checkDraw(d).then((r) => {
      result.className = r.ok ? 'pill ok' : 'pill bad';
      result.textContent = r.ok ? L('✓ 顺序可复核', '✓ The order checks out')
        : !r.commitmentOk ? L('✗ 种子与承诺值不符', '✗ The seed does not match the commitment') : L('✗ 顺序与种子不符', '✗ The order does not follow from the seed');
      keys.replaceChildren(...r.keys.map((k) => h('li', {}, `${names[k.id] ?? k.id} (${k.id}) `, h('code', {}, k.key))));
    });
  }
  return h('section', { class: 'card', id: 'draw' }, h('h2', {}, L('抽签复核', 'The draw, recomputed')),
    h('p', {}, L('规则：种子为 32 字节随机数的 64 位小写十六进制文本。抽签前公布承诺值 = SHA-256(种子文本)；抽签时公布种子，出场顺序 = 按 SHA-256(种子 + ":" + 选手编号)（小写十六进制）从小到大排列的选手（已弃权/缺席者不参加）。',
      'Rule: the seed is 32 random bytes written as 64 lowercase hex characters. Before the draw the commitment = SHA-256(the seed\'s text) is shown; at the draw the seed is shown, and the running order is the contestants (not withdrawn or absent) sorted by SHA-256(seed + ":" + contestant id), lowercase hex, ascending.')),
    h('p', {}, L('种子 ', 'Seed '), h('code', { id: 'review-seed' }, d.seed), h('br'), L('承诺值 ', 'Commitment '), h('code', {}, d.commitment),
      h('br'), L(`第 ${last.seq} 个事件 · ${reveals.length > 1 ? `共抽签 ${reveals.length} 次，此为最后一次` : '唯一一次抽签'}`,
        `event ${last.seq} · ${reveals.length > 1 ? `the last of ${reveals.length} draws` : 'the only draw'}`)),
    result, keys,
    h('p', { class: 'muted' }, L('用命令行复核：', 'From a shell: '), h('code', {}, `printf %s '${d.seed}' | sha256sum`), ' · ',
      h('code', {}, `printf %s '${d.seed}:${d.order[0] ?? ''}' | sha256sum`)));
}
