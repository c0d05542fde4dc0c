// Otklik console behaviour: keyboard review, error toasts for htmx requests. No framework; htmx does the swaps.
(function () {
  'use strict';

  function toast(text) {
    var box = document.getElementById('toast');
    if (!box) { return; }
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { box.hidden = true; }, 6000);
  }
  window.otklikToast = toast;

  // An API error is an RFC 9457 problem: show its Russian detail instead of failing silently.
  document.addEventListener('htmx:responseError', function (e) {
    var text = 'Запрос не выполнен (' + e.detail.xhr.status + ')';
    try { text = JSON.parse(e.detail.xhr.responseText).detail || text; } catch (ignored) { /* not JSON */ }
    toast(text);
  });

  // ---- review queue: j/k to move, c/r to decide, t/a/m to correct, o to open the source ----
  function cards() { return Array.prototype.slice.call(document.querySelectorAll('article.card.pending')); }
  function current() { return document.querySelector('article.card.current'); }

  function focusCard(card) {
    var was = current();
    if (was) { was.classList.remove('current'); }
    if (!card) { return; }
    card.classList.add('current');
    card.focus({preventScroll: true});
    card.scrollIntoView({block: 'nearest', behavior: 'smooth'});
  }

  function move(step) {
    var list = cards();
    if (!list.length) { return; }
    var at = list.indexOf(current());
    var next = at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + step));
    focusCard(list[next]);
  }

  function submit(card, action) {
    var button = card && card.querySelector('button[value="' + action + '"]');
    if (button) { button.click(); }
  }

  function onKey(e) {
    if (document.body.dataset.section !== 'review' || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var field = e.target.closest && e.target.closest('select, input, textarea');
    if (field) {
      if (e.key === 'Escape') { field.blur(); focusCard(field.closest('article')); e.preventDefault(); }
      else if (e.key === 'Enter' && field.tagName === 'SELECT') { submit(field.closest('article'), 'confirm'); e.preventDefault(); }
      return;
    }
    var card = current();
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'c': submit(card, 'confirm'); break;
      case 'r': submit(card, 'reject'); break;
      case 't': case 'a': case 'm':
        var select = card && card.querySelector('select[data-key="' + e.key + '"]');
        if (select) { select.focus(); }
        break;
      case 'o':
        var link = card && card.querySelector('a.source-link');
        if (link) { window.open(link.href, '_blank', 'noopener'); }
        break;
      default: return;
    }
    e.preventDefault();
  }
  document.addEventListener('keydown', onKey);

  // After a verdict replaces a card, go on with the next one waiting.
  document.addEventListener('htmx:afterSwap', function (e) {
    var done = e.detail.target;
    if (!done || !done.classList || !done.classList.contains('card')) { return; }
    var swapped = document.getElementById(done.id) || done;
    var counter = document.getElementById('waiting');
    if (counter && /^\d+$/.test(counter.textContent)) { counter.textContent = Math.max(0, +counter.textContent - 1); }
    var list = cards();
    var after = list.filter(function (c) {
      return swapped.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    focusCard(after[0] || list[list.length - 1]);
  });

  document.addEventListener('DOMContentLoaded', function () {
    if (document.body.dataset.section === 'review') { focusCard(cards()[0]); }
  });
})();
