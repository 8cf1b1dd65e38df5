// A tiny element builder: h('button', {class: 'big', onclick: f}, 'text', child, [more]). Text is always set as
// text (never HTML), so names typed by an organiser cannot inject markup.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function $(selector, root = document) { return root.querySelector(selector); }

/**
 * Replaces the content of an element in one step. Live pages redraw on every push, so a field being typed into keeps
 * its focus and caret when the redraw draws an element of the same id (the page keeps the text itself).
 */
export function render(el, ...children) {
  const active = document.activeElement;
  const id = active?.id && el.contains(active) ? active.id : null;
  const caret = id && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
  el.replaceChildren();
  append(el, children);
  const again = id && document.getElementById(id);
  if (!again || !el.contains(again) || document.activeElement === again) return;
  again.focus(); // also an element drawn again as it was (kept by the page): taken out of the page, it lost focus
  if (caret && typeof again.selectionStart === 'number') again.setSelectionRange(...caret);
}

/** Numbers as scores are shown: fixed decimals when given, otherwise as sent. */
export function fmt(value, decimals) {
  if (value === null || value === undefined) return '—';
  return decimals === undefined ? String(value) : Number(value).toFixed(decimals);
}
