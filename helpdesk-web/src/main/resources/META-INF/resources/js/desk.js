// Backup Desk: keyboard shortcuts and small helpers for the pages. Everything here is an
// enhancement: every page works without it (forms post, links open, disclosures are <details>).
//
// Shortcuts are declared in the markup: an element with data-key="n" is activated by that key
// (a button is clicked, a <summary> opens its panel), data-focus names a field to focus instead
// of submitting, data-consent names the consent box a fix needs. The queue (table[data-queue])
// gets j/k/Enter and "/" for the search; "?" lists the keys of the page in a dialog.
(function () {
  'use strict';

  var root = document.documentElement;
  var submitting = false;

  function isTextEntry(el) {
    if (!el || el === document.body) return false;
    if (el.isContentEditable) return true;
    var tag = el.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if (tag !== 'INPUT') return false;
    var type = (el.getAttribute('type') || 'text').toLowerCase();
    return ['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file']
      .indexOf(type) < 0;
  }

  function visible(el) {
    return !!el && !el.hidden && el.getClientRects().length > 0;
  }

  function keyed(key) {
    var all = document.querySelectorAll('[data-key="' + key + '"]');
    for (var i = 0; i < all.length; i++) {
      if (!all[i].closest('[hidden]')) return all[i];
    }
    return null;
  }

  /** The label a person sees on a control, without its key hint. */
  function labelOf(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll('kbd').forEach(function (k) { k.remove(); });
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }

  // ---- Scrollable tables: a box that scrolls must be reachable and named for keyboard users.
  function labelScrollBoxes() {
    document.querySelectorAll('.overflow-auto').forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute('tabindex')) {
        var name = '';
        var table = box.querySelector('table');
        if (table && table.caption) name = table.caption.textContent;
        if (!name && table && table.getAttribute('aria-labelledby')) {
          var ref = document.getElementById(table.getAttribute('aria-labelledby'));
          if (ref) name = ref.textContent;
        }
        if (!name) {
          var section = box.closest('section[aria-labelledby]');
          var heading = section && document.getElementById(section.getAttribute('aria-labelledby'));
          name = heading ? heading.textContent : document.title.split('·')[0];
        }
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', name.replace(/\s+/g, ' ').trim() + ' (scrolls sideways)');
        box.dataset.scrollBox = 'on';
      } else if (!scrolls && box.dataset.scrollBox === 'on') {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
        delete box.dataset.scrollBox;
      }
    });
  }

  // ---- Disclosures at the top of the step (escalate, customer left).
  function openPanel(summary) {
    var details = summary.parentElement;
    details.open = true;
    var field = details.querySelector('select, textarea, input:not([type=hidden])');
    (field || summary).focus();
  }

  function closeOpenPanel() {
    var open = document.querySelector('details.quick-action[open]');
    if (!open) return false;
    open.open = false;
    open.querySelector('summary').focus();
    return true;
  }

  // ---- Consent: a key never submits a fix whose required agreement is not ticked.
  function consentMissing(button) {
    var fix = button.dataset.consent;
    if (!fix) return false;
    var box = button.form &&
      button.form.querySelector('input[name="consent"][value="' + CSS.escape(fix) + '"]');
    if (!box || box.checked) return false;
    var card = button.closest('.fix') || button.parentElement;
    var message = card.querySelector('.consent-needed');
    if (!message) {
      message = document.createElement('p');
      message.className = 'consent-needed';
      message.setAttribute('role', 'alert');
      card.insertBefore(message, button);
    }
    message.textContent =
      'Not recorded: this fix needs the customer’s agreement. Tick the box once they have agreed.';
    box.focus();
    return true;
  }

  function activate(el) {
    if (el.tagName === 'SUMMARY') {
      openPanel(el);
      return;
    }
    if (el.dataset.focus) {
      var field = document.getElementById(el.dataset.focus);
      if (field) {
        field.focus();
        return;
      }
    }
    if (consentMissing(el)) return;
    if (el.type === 'submit') {
      if (submitting) return;
      submitting = true;
      // A refused submission (a required field left empty) must not lock the keys.
      setTimeout(function () { submitting = false; }, 3000);
    }
    el.click();
  }

  // ---- The queue: j/k move between the rows' ticket links, Enter opens (the link does it).
  function queueRows() {
    var table = document.querySelector('table[data-queue]');
    return table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  }

  function moveInQueue(step) {
    var rows = queueRows();
    if (!rows.length) return false;
    var at = rows.findIndex(function (row) { return row.contains(document.activeElement); });
    var next = at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step));
    rows.forEach(function (row, i) {
      if (i === next) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    });
    var link = rows[next].querySelector('a');
    if (link) link.focus();
    return true;
  }

  // ---- "?": the page's shortcuts in a modal dialog (focus stays inside; Esc closes it).
  function shortcutList() {
    var items = [];
    var seen = {};
    document.querySelectorAll('[data-key]').forEach(function (el) {
      if (el.closest('[hidden]')) return;
      var key = el.dataset.key.toUpperCase();
      if (seen[key]) return;
      seen[key] = true;
      var what = labelOf(el);
      if (el.dataset.focus) what += ' (type the reason, then Enter)';
      if (el.tagName === 'SUMMARY') what += ' (opens its form)';
      items.push([key, what]);
    });
    var fixes = document.querySelectorAll('.fix button[data-key]');
    if (fixes.length > 1) {
      items.push(['F', 'Go to the fixes (then 1 to ' + fixes.length + ' records one)']);
    }
    if (queueRows().length) {
      items.push(['J', 'Next ticket']);
      items.push(['K', 'Previous ticket']);
      items.push(['Enter', 'Open the chosen ticket']);
    }
    if (document.getElementById('q')) items.push(['/', 'Search the queue']);
    if (items.length) {
      items.push(['Esc', 'Close an open form or this list']);
      items.push(['?', 'Show this list']);
    }
    return items;
  }

  var dialog = null;

  function showShortcuts() {
    var items = shortcutList();
    if (!items.length) return false;
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.className = 'shortcuts';
      dialog.setAttribute('aria-labelledby', 'shortcuts-title');
      var article = document.createElement('article');
      var header = document.createElement('header');
      var title = document.createElement('h2');
      title.id = 'shortcuts-title';
      title.textContent = 'Keyboard shortcuts';
      header.appendChild(title);
      article.appendChild(header);
      var note = document.createElement('p');
      note.className = 'muted';
      note.textContent = 'Keys do nothing while you type in a field.';
      article.appendChild(note);
      var list = document.createElement('dl');
      list.className = 'shortcut-list';
      article.appendChild(list);
      var footer = document.createElement('footer');
      var close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Close';
      close.addEventListener('click', function () { dialog.close(); });
      footer.appendChild(close);
      article.appendChild(footer);
      dialog.appendChild(article);
      dialog.addEventListener('click', function (e) {
        if (e.target === dialog) dialog.close();
      });
      // A modal dialog already makes the page inert; Tab also stays inside instead of leaving
      // for the browser's own controls.
      dialog.addEventListener('keydown', function (e) {
        if (e.key !== 'Tab') return;
        var stops = dialog.querySelectorAll('button, [href], [tabindex]:not([tabindex="-1"])');
        var first = stops[0];
        var last = stops[stops.length - 1];
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      });
      document.body.appendChild(dialog);
    }
    var dl = dialog.querySelector('dl');
    dl.textContent = '';
    items.forEach(function (item) {
      var dt = document.createElement('dt');
      var kbd = document.createElement('kbd');
      kbd.textContent = item[0];
      dt.appendChild(kbd);
      var dd = document.createElement('dd');
      dd.textContent = item[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    dialog.showModal();
    dialog.querySelector('footer button').focus();
    return true;
  }

  function onKey(e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (dialog && dialog.open) return; // the dialog handles Tab and Esc itself
    var key = e.key;
    if (key === 'Escape') {
      if (closeOpenPanel()) e.preventDefault();
      return;
    }
    if (isTextEntry(e.target)) return;
    if (key === '?') {
      if (showShortcuts()) e.preventDefault();
      return;
    }
    if (key === '/') {
      var search = document.getElementById('q');
      if (search) {
        e.preventDefault();
        search.focus();
        search.select();
      }
      return;
    }
    if (key.length !== 1) return;
    var lower = key.toLowerCase();
    if ((lower === 'j' || lower === 'k') && queueRows().length) {
      if (moveInQueue(lower === 'j' ? 1 : -1)) e.preventDefault();
      return;
    }
    var target = keyed(lower);
    if (target && visible(target)) {
      e.preventDefault();
      activate(target);
      return;
    }
    if (lower === 'f') {
      var first = document.querySelector('.fix button[data-key]');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  // ---- The diagnosis' progress list: unfolded beside the step on wide screens, folded into its
  // one-line summary on a phone so that the step comes first.
  function foldProgress() {
    var details = document.querySelector('details.progress-details');
    if (!details) return;
    var phone = window.matchMedia('(max-width: 900px)');
    var apply = function () { details.open = !phone.matches; };
    apply();
    phone.addEventListener('change', apply);
  }

  function start() {
    foldProgress();
    if (document.querySelector('[data-key], table[data-queue]')) root.classList.add('keys-on');
    labelScrollBoxes();
    var pending = null;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(labelScrollBoxes, 150);
    });
    document.addEventListener('keydown', onKey);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
