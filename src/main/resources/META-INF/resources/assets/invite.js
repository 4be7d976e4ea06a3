// The magic-link page (/invite#token=…). The token is in the URL's fragment, which the browser never sends to the
// server: this script reads it, keeps it in sessionStorage so that it survives signing in at the identity provider
// (the provider sends the browser back to /invite without the fragment), takes it out of the address bar, and asks
// the server who sent the invite with a POST whose body carries the token (never a URL, so never in a log or a
// Referer). The accept form is a plain form post; once it is sent, or once the server says the link cannot be used,
// the token is forgotten.
(function () {
  'use strict';

  var KEY = 'inviteToken';

  function stored() {
    try {
      return sessionStorage.getItem(KEY);
    } catch (e) {
      return null;
    }
  }

  function keep(token) {
    try {
      sessionStorage.setItem(KEY, token);
    } catch (e) {
      // Storage off (private mode in some browsers): the preview still works, signing in will ask to paste.
    }
  }

  function forget() {
    try {
      sessionStorage.removeItem(KEY);
    } catch (e) {
      // nothing kept
    }
  }

  function fromFragment() {
    var match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function start() {
    var token = fromFragment();
    if (token) {
      keep(token);
      // The token leaves the address bar and the history entry: a shared screen or a copied URL no longer shows it.
      history.replaceState(null, '', location.pathname);
    } else {
      token = stored();
    }
    var result = document.getElementById('invite-result');
    if (!token || !result || result.querySelector('form, h2')) {
      return; // nothing to read, or the server already answered (a pasted link)
    }
    var paste = document.getElementById('invite-paste');
    if (paste) {
      paste.hidden = true;
    }
    var reading = document.getElementById('invite-reading');
    if (reading) {
      reading.hidden = false;
    }
    htmx.ajax('POST', '/invite/preview', {target: '#invite-result', swap: 'outerHTML', values: {token: token}});
  }

  document.addEventListener('htmx:afterSwap', function () {
    var result = document.getElementById('invite-result');
    if (!result) {
      return;
    }
    var dead = result.getAttribute('data-invite-dead');
    if (dead) {
      forget();
      var paste = document.getElementById('invite-paste');
      if (paste && (dead === 'INVALID' || dead === 'MISSING')) {
        paste.hidden = false;
      }
    }
    var heading = result.querySelector('h2');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  });

  document.addEventListener('submit', function (event) {
    if (event.target.closest && event.target.closest('.invite__accept')) {
      forget();
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
