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
  fetch("/profile/time-zone", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ timeZone: zone })
  });
})();
