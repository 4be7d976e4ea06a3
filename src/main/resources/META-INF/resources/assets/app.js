// The page script (no inline scripts anywhere: the Content-Security-Policy allows only files of this site).
// 1. The reader's time zone in the `tz` cookie, so the server writes times as the reader reads them.
// 2. The CSRF token on every htmx request, in the X-CSRF-TOKEN header (forms carry it in a hidden field).
// 3. An error page answered to an htmx request replaces the page's content (the server retargets it to <body>).
(function () {
  'use strict';

  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      var value = encodeURIComponent(zone);
      var current = document.cookie.split('; ').filter(function (c) { return c.indexOf('tz=') === 0; })[0];
      if (current !== 'tz=' + value) {
        document.cookie = 'tz=' + value + '; path=/; max-age=31536000; SameSite=Lax'
          + (location.protocol === 'https:' ? '; Secure' : '');
      }
    }
  } catch (ignored) {
    // No Intl time zone: the server shows UTC.
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && meta.content) {
      event.detail.headers['X-CSRF-TOKEN'] = meta.content;
    }
  });
})();
