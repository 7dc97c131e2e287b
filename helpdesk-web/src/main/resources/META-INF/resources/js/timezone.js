// Reports the browser's time zone once, when the signed-in agent has none yet (the layout then
// carries <meta name="backupdesk-zone" content="unset">). The next page shows local times; this one
// is not reloaded, so nothing the agent is typing is lost. The server keeps a zone the agent chose
// on the profile page.
(function () {
  "use strict";
  var marker = document.querySelector('meta[name="backupdesk-zone"][content="unset"]');
  if (!marker || !window.fetch || !window.Intl) {
    return;
  }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) {
    return;
  }
  // Page routes take forms with the page's CSRF token (the sign-out form carries one).
  var token = document.querySelector('input[name="csrf-token"]');
  if (!token) {
    return;
  }
  var form = new URLSearchParams();
  form.set("timeZone", zone);
  form.set("csrf-token", token.value);
  fetch("/profile/time-zone", {
    method: "POST",
    credentials: "same-origin",
    body: form
  });
})();
