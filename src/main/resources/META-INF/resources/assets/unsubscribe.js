// The unsubscribe page (/unsubscribe#token=…): the token stays in the fragment, which browsers never send to a
// server; one press of the button POSTs it to /api/notifications/unsubscribe. Opening the page changes nothing.
(function () {
  'use strict';

  function start() {
    var box = document.getElementById('unsubscribe');
    var button = document.getElementById('unsubscribe-button');
    var status = document.getElementById('unsubscribe-status');
    if (!box || !button || !status) {
      return;
    }
    var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (!match) {
      status.textContent = box.getAttribute('data-no-token');
      return;
    }
    var token = decodeURIComponent(match[1]);
    box.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      fetch('/api/notifications/unsubscribe', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ token: token }),
        credentials: 'omit'
      }).then(function (response) {
        if (response.ok) {
          box.hidden = true;
          status.textContent = box.getAttribute('data-done');
        } else {
          button.disabled = false;
          status.textContent = box.getAttribute('data-failed');
        }
      }).catch(function () {
        button.disabled = false;
        status.textContent = box.getAttribute('data-failed');
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
