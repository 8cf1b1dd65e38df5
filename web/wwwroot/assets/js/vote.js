// The audience's ballot, /vote/{id}: no sign-in, a phone. It reads the vote's window (GET /api/finals/{id}/vote) every
// few seconds, so a phone that scanned the QR code before the operator opened the vote starts by itself; a ballot is
// one POST with the window's number, the value and the ticket code (from the ticket's QR code, ?ticket=…, or typed)
// or, when the organiser allows it, this device's id. Sending the same ballot again is harmless: the box answers
// "repeat" and counts it once, so a ballot whose answer was lost to the network is simply sent again.
import { h, render, $ } from './dom.js';
import { L, onLanguage, applyStatic, languageSwitch } from './i18n.js';
import { request, ApiError } from './api.js';

const main = $('#main');
$('#bar').append(languageSwitch());
applyStatic();
const finalId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const base = `/api/finals/${encodeURIComponent(finalId)}`;
const ticketKey = `arena.vote.ticket.${finalId}`;
const votedKey = (window) => `arena.vote.${finalId}.${window}`;

// The ticket in the address wins (a new ticket scanned on the same phone), then the one kept from an earlier scan.
const fromLink = new URLSearchParams(location.search).get('ticket');
if (fromLink) localStorage.setItem(ticketKey, fromLink.trim());
let ticket = localStorage.getItem(ticketKey) ?? '';
if (fromLink) history.replaceState(null, '', location.pathname);

/** A random id kept on this device, for a vote "once per device" (the organiser's choice, not a proof of anything). */
function deviceId() {
  let id = localStorage.getItem('arena.vote.device');
  if (!id) {
    id = crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('arena.vote.device', id);
  }
  return id;
}

let view = null;       // the last answer of GET …/vote
let missing = false;   // no such final
let offline = false;
let sending = false;
let problem = '';      // the last refusal, in words

async function read() {
  try {
    view = await request(null, 'GET', base + '/vote');
    missing = false;
    offline = false;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) missing = true;
    else offline = true;
  }
  draw();
  // 2–4 s, spread so that a hall of phones does not ask in step.
  setTimeout(read, 2000 + Math.random() * 2000);
}

async function cast(value) {
  const vote = view?.vote;
  if (!vote?.open || sending) return;
  const body = { window: vote.window, value };
  if (vote.voters === 'devices') body.device = deviceId();
  else body.ticket = ticket.trim();
  if (!body.device && !body.ticket) { problem = L('请先输入票上的票码', 'Enter the code printed on your ticket first'); draw(); return; }
  sending = true;
  problem = '';
  draw();
  try {
    await request(null, 'POST', base + '/vote', body);
    localStorage.setItem(votedKey(vote.window), String(value));
  } catch (e) {
    if (e instanceof ApiError) {
      if (e.status === 409 && /already/.test(e.message)) localStorage.setItem(votedKey(vote.window), '?');
      else if (e.status === 409) { problem = L('投票已结束', 'The vote has closed'); view.vote = { ...vote, open: false }; }
      else if (e.status === 403) problem = L('票码无效，请核对票上的票码', 'This code is not valid: check the code on your ticket');
      else problem = L('无法投票：', 'Cannot vote: ') + e.message;
    } else {
      problem = L('网络中断，请重试', 'The network dropped: please try again');
    }
  } finally {
    sending = false;
    draw();
  }
}

function choices(vote) {
  const voted = localStorage.getItem(votedKey(vote.window));
  if (voted !== null) {
    return h('div', { class: 'vote-done', id: 'thanks' },
      h('b', {}, L('感谢投票！', 'Thank you for voting!')),
      voted === '?' ? L('此票已投过，每票只计一次。', 'This ticket has voted already; it counts once.')
        : vote.method === 'rating' ? L(`您打了 ${voted} 分。`, `You gave ${voted}.`)
        : voted === '1' ? L('您投了支持票。', 'You voted for.') : L('您投了不支持票。', 'You voted against.'));
  }
  const parts = [];
  if (vote.voters !== 'devices') {
    const input = h('input', { id: 'ticket', type: 'text', value: ticket, autocomplete: 'off', inputmode: 'text', 'aria-label': L('票码', 'Ticket code'),
      placeholder: L('票上的票码', 'Code on your ticket') });
    input.addEventListener('input', () => { ticket = input.value; localStorage.setItem(ticketKey, ticket.trim()); });
    parts.push(h('label', { class: 'vote-ticket' }, h('span', {}, L('票码', 'Ticket')), input));
  }
  const button = (label, value, attrs = {}) => {
    const b = h('button', { type: 'button', 'data-value': String(value), ...attrs }, label);
    if (sending) b.disabled = true;
    b.addEventListener('click', () => cast(value));
    return b;
  };
  parts.push(vote.method === 'rating'
    ? h('div', { class: 'vote-choices rating', role: 'group', 'aria-label': L('打分 1–10', 'Rate 1–10') },
        ...Array.from({ length: 10 }, (_, i) => button(String(i + 1), i + 1)))
    : h('div', { class: 'vote-choices share', role: 'group' },
        button(L('支持', 'For'), 1, { class: 'for', id: 'vote-for' }),
        button(L('不支持', 'Against'), 0, { class: 'against', id: 'vote-against' })));
  if (vote.method === 'rating') parts.unshift(h('p', { class: 'vote-meta' }, L('请打分：1 分最低，10 分最高', 'Your rating: 1 lowest, 10 highest')));
  return h('div', {}, ...parts);
}

function draw() {
  if (missing) { render(main, h('p', { class: 'vote-wait' }, L('没有这场比赛，请重新扫描大屏上的二维码', 'There is no such final: scan the code on the big screen again'))); return; }
  if (!view) { render(main, h('p', { class: 'vote-wait' }, offline ? L('网络中断，正在重试…', 'Offline, retrying…') : L('正在连接…', 'Connecting…'))); return; }
  document.title = `${view.title} · ${L('大众评审投票', 'Audience vote')}`;
  $('#title').textContent = view.title;
  const vote = view.vote;
  const who = vote ? h('div', {},
    h('div', { class: 'vote-who', id: 'who' }, view.contestant ?? vote.contestant),
    h('div', { class: 'vote-meta' }, [view.unit, view.round].filter(Boolean).join(' · '))) : null;
  let body;
  if (!vote) body = h('p', { class: 'vote-wait', id: 'waiting' }, L('投票尚未开始，请稍候', 'Voting has not started yet: please wait'));
  else if (!vote.open) {
    body = h('p', { class: 'vote-wait', id: 'closed' },
      vote.ballots == null ? L('投票已结束', 'The vote has closed') : L(`投票已结束，共 ${vote.ballots} 票`, `The vote has closed: ${vote.ballots} ballots`));
  } else body = choices(vote);
  render(main, who ?? '', body,
    problem ? h('p', { class: 'error', role: 'alert', id: 'problem' }, problem) : '',
    offline ? h('p', { class: 'vote-meta' }, L('网络中断，正在重试…', 'Offline, retrying…')) : '');
}

onLanguage(draw);
draw();
read();
