// The thread page's file attachment (progressive enhancement: without this script the reply form sends text only).
// On submit with a file chosen: ask the page for an upload (POST /attachments/uploads, CSRF field included), PUT the
// bytes straight to S3 with the presigned URL while a progress bar shows how far it is, then send the form with the
// attachmentUrl. The words come from the form's data-* attributes (the page's message bundle).
(function () {
  'use strict';

  var TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'];
  var MAX_BYTES = 10 * 1024 * 1024;

  function setUp(form) {
    var picker = form.querySelector('[data-attach]');
    var note = form.querySelector('[data-no-js-note]');
    var input = form.querySelector('input[type=file]');
    var url = form.querySelector('input[name=attachmentUrl]');
    var bar = form.querySelector('progress');
    var status = form.querySelector('[role=status]');
    var csrfField = form.getAttribute('data-csrf-field');
    var busy = false;
    if (!picker || !input || !url) {
      return;
    }
    picker.hidden = false;
    if (note) {
      note.hidden = true;
    }

    function say(text) {
      status.textContent = text;
    }

    function failed(text) {
      busy = false;
      bar.hidden = true;
      say(text || form.getAttribute('data-upload-failed'));
      input.focus();
    }

    input.addEventListener('change', function () {
      url.value = '';
      say('');
      var file = input.files && input.files[0];
      if (file && TYPES.indexOf(file.type) < 0) {
        say(form.getAttribute('data-wrong-type'));
      } else if (file && file.size > MAX_BYTES) {
        say(form.getAttribute('data-too-large'));
      }
    });

    form.addEventListener('submit', function (event) {
      var file = input.files && input.files[0];
      if (busy) {
        event.preventDefault();
        return;
      }
      if (!file || url.value) {
        return;
      }
      event.preventDefault();
      if (TYPES.indexOf(file.type) < 0) {
        failed(form.getAttribute('data-wrong-type'));
        return;
      }
      if (file.size > MAX_BYTES) {
        failed(form.getAttribute('data-too-large'));
        return;
      }
      busy = true;
      bar.value = 0;
      bar.hidden = false;
      say(form.getAttribute('data-uploading'));

      var body = new URLSearchParams();
      body.append(csrfField, form.querySelector('input[name="' + csrfField + '"]').value);
      body.append('fileName', file.name);
      body.append('contentType', file.type);
      body.append('size', String(file.size));
      fetch('/attachments/uploads', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {'Accept': 'application/json'},
        body: body
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('upload request ' + response.status);
        }
        return response.json();
      }).then(function (ticket) {
        var xhr = new XMLHttpRequest();
        xhr.open(ticket.upload.method || 'PUT', ticket.upload.url);
        Object.keys(ticket.upload.headers || {}).forEach(function (name) {
          xhr.setRequestHeader(name, ticket.upload.headers[name]);
        });
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) {
            var percent = Math.round(e.loaded * 100 / e.total);
            bar.value = percent;
            say(form.getAttribute('data-uploading') + ' ' + percent + '%');
          }
        });
        xhr.addEventListener('load', function () {
          if (xhr.status >= 200 && xhr.status < 300) {
            bar.value = 100;
            say(form.getAttribute('data-uploading') + ' 100%');
            url.value = ticket.attachmentUrl;
            input.disabled = true;
            form.submit();
          } else {
            failed();
          }
        });
        xhr.addEventListener('error', function () { failed(); });
        xhr.send(file);
      }).catch(function () { failed(); });
    });
  }

  document.querySelectorAll('form[data-attach-form]').forEach(setUp);
})();
