// Backup Desk: the "Copy message" buttons of the step page's customer message. Without this
// script the message is plain text the agent can select; with it, one click copies a block.
(function () {
  'use strict';

  function status(button, text) {
    var section = button.closest('.customer-message');
    var live = section && section.querySelector('.copy-status');
    if (live) live.textContent = text;
  }

  /** The block's paragraphs, one per line, as a chat or e-mail shows them. */
  function textOf(target) {
    var lines = [];
    target.querySelectorAll('p').forEach(function (p) { lines.push(p.textContent.trim()); });
    return lines.join('\n');
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(button) {
    var target = document.getElementById(button.getAttribute('data-copy'));
    if (!target) return;
    var text = textOf(target);
    var done = function () { status(button, 'Message copied: paste it into the chat or e-mail.'); };
    var failed = function () {
      status(button, fallbackCopy(text) ? 'Message copied: paste it into the chat or e-mail.'
        : 'Copying is blocked here: select the text and copy it by hand.');
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  function init() {
    document.querySelectorAll('button.copy-message[data-copy]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { copy(button); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
