// Backup Desk: live updates on the agents' pages (README "Live updates across instances").
//
// One EventSource per page on /live/events; each message is {topic, payload}. The payloads carry
// ids, kinds and who acted, never content: what a page shows it fetches itself, through the same
// routes and checks as a reload. Every message is also re-dispatched on the document as a
// CustomEvent "live:<topic>" (detail = payload), for other scripts (incidents' banner, ...).
//
// - A ticket page (/tickets/42, /tickets/42/diagnosis) views "ticket:42": it shows who else views
//   it, and a banner when someone else changes the ticket or its diagnosis, with a Refresh button.
// - The queue refreshes its counts and rows in place when any ticket changes.
// - A payload with notice {key, text, href, level} shows or replaces that site-wide banner line;
//   one with clearNotice: key removes it.
// Everything here is an enhancement: without JavaScript the pages work as before.
(function () {
  'use strict';

  var box = document.getElementById('live');
  if (!box || !window.EventSource || !window.fetch) return;

  var root = document.documentElement;
  var me = box.dataset.me;
  var match = location.pathname.match(/^\/tickets\/(\d+)(\/diagnosis)?\/?$/);
  var postedMatch = location.pathname.match(/^\/tickets\/(\d+)(\/|$)/);
  var ticketId = postedMatch ? postedMatch[1] : null;
  var subject = ticketId ? 'ticket:' + ticketId : '';
  var reloadable = !!match; // a GET page that can be fetched again to compare versions
  var queue = !!document.querySelector('.status-tabs') && location.pathname === '/';

  var WHAT = {
    CREATED: 'opened this ticket',
    ASSIGNED: 'changed the assignee',
    PRIORITY_CHANGED: 'changed the priority',
    STATUS_CHANGED: 'changed the status',
    NOTE: 'added a note',
    DIAGNOSIS_STARTED: 'started a diagnosis',
    STEP_RECORDED: 'recorded a step',
    VERIFIED: 'recorded a test backup',
    RESOLVED: 'resolved the diagnosis',
    ESCALATED: 'escalated the diagnosis',
    WAITING_ON_APPLE: 'set it waiting on Apple',
    ABANDONED: 'recorded that the customer left',
    RESUMED: 'resumed the diagnosis',
    REOPENED: 'reopened the ticket',
    CLOSED: 'closed the ticket',
    MOVED_ON: 'moved on to the next step',
    ORDER_CHANGED: 'changed the order of the steps',
    CORRECTED: 'corrected a recorded step',
    DIAGNOSIS_REOPENED: 'reopened the diagnosis'
  };

  // ---- The parts of the live area, made on first use.
  function part(id, tag, className, role) {
    var el = document.getElementById(id);
    if (el) return el;
    el = document.createElement(tag);
    el.id = id;
    el.className = className;
    if (role) el.setAttribute('role', role);
    el.hidden = true;
    box.appendChild(el);
    return el;
  }

  function timeNow() {
    return new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  // ---- "Jordan Lee changed the priority" with a Refresh button.
  var changes = []; // [name, what] in arrival order, each pair once

  function showChanged(text) {
    var banner = part('live-changed', 'div', 'live-changed', 'alert');
    banner.textContent = '';
    var p = document.createElement('p');
    p.textContent = text;
    var refresh = document.createElement('button');
    refresh.type = 'button';
    refresh.id = 'live-refresh';
    refresh.textContent = 'Refresh';
    refresh.addEventListener('click', function () {
      if (reloadable) location.reload();
      else location.assign('/tickets/' + ticketId);
    });
    p.appendChild(document.createTextNode(' '));
    p.appendChild(refresh);
    banner.appendChild(p);
    banner.hidden = false;
  }

  function ticketChanged(payload) {
    var name = payload.byName || payload.by || 'Someone';
    var what = WHAT[payload.kind] || 'changed this ticket';
    var seen = changes.some(function (c) { return c[0] === name && c[1] === what; });
    if (!seen) changes.push([name, what]);
    var byName = {};
    var order = [];
    changes.forEach(function (c) {
      if (!byName[c[0]]) { byName[c[0]] = []; order.push(c[0]); }
      byName[c[0]].push(c[1]);
    });
    var sentences = order.map(function (n) { return n + ' ' + list(byName[n]); });
    showChanged(sentences.join('; ') + ' (' + timeNow() + ').');
  }

  function list(items) {
    if (items.length < 2) return items.join('');
    return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
  }

  // ---- "Jordan Lee is viewing this ticket".
  function refreshViewers() {
    fetch('/live/viewers?subject=' + encodeURIComponent(subject), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body) return;
        var line = part('live-viewers', 'p', 'live-viewers', 'status');
        var names = body.viewers.map(function (v) { return v.name; });
        if (!names.length) {
          line.hidden = true;
          line.textContent = '';
          return;
        }
        var shown = names.length > 3 ? names.slice(0, 2).concat([(names.length - 2) + ' others']) : names;
        line.textContent = list(shown) + (names.length === 1 ? ' is' : ' are') + ' viewing this ticket';
        line.hidden = false;
      })
      .catch(function () { /* the next presence event tries again */ });
  }

  // ---- The queue, refreshed in place: counts, rows and pager from a fresh copy of the page.
  var queueTimer = null;
  var queueBusy = false;

  function refreshQueueSoon() {
    clearTimeout(queueTimer);
    queueTimer = setTimeout(refreshQueue, 300);
  }

  function results(doc) {
    var table = doc.querySelector('table[data-queue]');
    return table ? (table.closest('.overflow-auto') || table) : doc.querySelector('main p.empty');
  }

  function refreshQueue() {
    if (queueBusy) { refreshQueueSoon(); return; }
    queueBusy = true;
    fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var focused = document.activeElement && document.activeElement.closest('table[data-queue]')
          ? document.activeElement.getAttribute('href') : null;
        // A supervisor's ticks for the incident form survive the refresh of the rows.
        var ticked = Array.prototype.map.call(
          document.querySelectorAll('table[data-queue] input[name="ticketId"]:checked'),
          function (box) { return box.value; });
        var active = document.activeElement;
        var onBox = active && active.name === 'ticketId' && active.closest('table[data-queue]')
          ? active.value : null;
        swap(document.querySelector('.status-tabs'), fresh.querySelector('.status-tabs'));
        swap(results(document), results(fresh));
        document.querySelectorAll('table[data-queue] input[name="ticketId"]').forEach(function (box) {
          box.checked = ticked.indexOf(box.value) >= 0;
          if (box.value === onBox) box.focus();
        });
        swap(document.querySelector('main nav.pager'), fresh.querySelector('main nav.pager'));
        if (focused) {
          var again = document.querySelector('table[data-queue] a[href="' + CSS.escape(focused) + '"]');
          if (again) again.focus();
        }
        root.dataset.liveQueueRefreshed = String(Number(root.dataset.liveQueueRefreshed || 0) + 1);
      })
      .catch(function () { /* the next change tries again */ })
      .then(function () { queueBusy = false; });
  }

  function swap(old, fresh) {
    if (old && fresh) old.replaceWith(document.importNode(fresh, true));
  }

  // ---- Site-wide notices (an incident's banner, ...).
  function notice(payload) {
    var area = document.getElementById('live-notices');
    if (!area) return;
    var key = payload.clearNotice || (payload.notice && payload.notice.key);
    if (!key) return;
    var old = area.querySelector('[data-notice="' + CSS.escape(String(key)) + '"]');
    if (payload.clearNotice) {
      if (old) old.remove();
      return;
    }
    var n = payload.notice;
    var p = document.createElement('p');
    p.className = 'live-notice live-' + (n.level === 'warning' ? 'warning' : 'info');
    p.dataset.notice = String(key);
    p.textContent = String(n.text || '');
    if (n.href && /^\/(?!\/)/.test(n.href)) {
      var a = document.createElement('a');
      a.href = n.href;
      a.textContent = 'Open';
      p.appendChild(document.createTextNode(' '));
      p.appendChild(a);
    }
    if (old) old.replaceWith(p);
    else area.appendChild(p);
  }

  // ---- After a gap (reconnection), compare the page's versions with a fresh copy.
  function checkForMissedChanges() {
    if (queue) { refreshQueueSoon(); return; }
    if (!ticketId || !reloadable) return;
    var versions = function (doc) {
      return Array.prototype.map.call(doc.querySelectorAll('input[name="version"]'),
        function (i) { return i.value; }).join(',');
    };
    var mine = versions(document);
    if (!mine) return;
    fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = versions(new DOMParser().parseFromString(html, 'text/html'));
        if (fresh && fresh !== mine) {
          showChanged('This ticket changed while live updates were interrupted.');
        }
      })
      .catch(function () {});
  }

  // ---- The stream.
  var connectedBefore = false;

  function onMessage(e) {
    var message;
    try { message = JSON.parse(e.data); } catch (err) { return; }
    var topic = message.topic;
    var payload = message.payload || {};
    if (topic === 'hello') {
      root.dataset.live = 'on';
      if (subject) refreshViewers();
      if (connectedBefore) checkForMissedChanges();
      connectedBefore = true;
    } else if (topic === 'resync') {
      checkForMissedChanges();
    } else if (topic === 'ticket') {
      if (queue) refreshQueueSoon();
      if (ticketId && String(payload.ticket) === ticketId && payload.by !== me) {
        ticketChanged(payload);
      }
    } else if (topic === 'presence') {
      if (subject && payload.subject === subject) refreshViewers();
    }
    if (payload.notice || payload.clearNotice) notice(payload);
    document.dispatchEvent(new CustomEvent('live:' + topic, { detail: payload }));
  }

  var source = null;

  function connect() {
    source = new EventSource('/live/events' + (subject ? '?viewing=' + encodeURIComponent(subject) : ''));
    source.onmessage = onMessage;
    source.onerror = function () { root.dataset.live = 'off'; };
  }

  connect();
  // Leaving the page closes the stream at once, so "is viewing" ends with it; a page restored
  // from the back-forward cache opens a new one and looks for what it missed.
  window.addEventListener('pagehide', function () { source.close(); });
  window.addEventListener('pageshow', function (e) {
    if (e.persisted) connect();
  });
})();
