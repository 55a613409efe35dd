// The postal worker's pages: the signature pad, the camera scan and the offline queue.
// Each is an addition: without this script the pages still show, and the plain forms
// still post (a delivery needs the signature pad, so it needs the script).
(function () {
  'use strict';

  var QUEUE = 'motcua.postal.queue';
  var PROBLEMS = 'motcua.postal.problems';
  var user = document.body.getAttribute('data-user') || '';
  var box = document.getElementById('queue');
  var flushing = false;

  function $(id) { return document.getElementById(id); }

  // words are the page's words for the queue (data-* of #queue), with {name} filled.
  function words(name, vars) {
    var s = box ? box.getAttribute('data-' + name) || '' : '';
    Object.keys(vars || {}).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); });
    return s;
  }

  function load(key) {
    try {
      var v = JSON.parse(localStorage.getItem(key) || '[]');
      return Array.isArray(v) ? v : [];
    } catch (e) { return []; }
  }

  function store(key, list) {
    try { localStorage.setItem(key, JSON.stringify(list)); return true; } catch (e) { return false; }
  }

  function mine(item) { return item && item.user === user; }

  // uuid is a random (version 4) UUID: the confirmation's event id, made on the phone.
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function csrfToken() {
    var i = document.querySelector('input[name="csrf_token"]');
    return i ? i.value : '';
  }

  // send posts one confirmation with the page's current form token. It resolves to
  // {kind, answer}: ok (recorded, or recorded before), refused (a final answer the
  // worker must read), later (busy, or the token must be renewed), signin (the
  // session ended) or offline (the request did not get through).
  function send(item) {
    var params = new URLSearchParams(item.fields);
    params.set('csrf_token', csrfToken());
    return fetch(item.url, {
      method: 'POST', body: params, credentials: 'same-origin', redirect: 'manual',
      headers: { 'Accept': 'application/json' }
    }).then(function (res) {
      if (res.type === 'opaqueredirect') { return { kind: 'signin' }; }
      var type = res.headers.get('Content-Type') || '';
      if (type.indexOf('application/json') < 0) { return { kind: 'later' }; }
      return res.json().then(function (a) {
        if (res.ok && a.ok) { return { kind: 'ok', answer: a }; }
        if (a.retry || res.status >= 500) { return { kind: 'later', answer: a }; }
        return { kind: 'refused', answer: a };
      }, function () { return { kind: 'later' }; });
    }, function () { return { kind: 'offline' }; });
  }

  // render shows whether the phone is offline, how many confirmations wait, and the
  // ones the server refused.
  function render(sent) {
    if (!box) { return; }
    var waiting = load(QUEUE).filter(mine).length;
    var problems = load(PROBLEMS).filter(mine);
    var offline = $('queue-offline'), count = $('queue-count'), done = $('queue-sent'), list = $('queue-problems');
    offline.hidden = navigator.onLine;
    offline.textContent = words('offline');
    count.hidden = waiting === 0;
    count.textContent = words('count', { n: waiting });
    if (sent) {
      done.hidden = false;
      done.textContent = words('sent', { n: sent }) + ' ';
      var a = document.createElement('a');
      a.href = location.pathname + location.search.replace(/([?&])done=[^&]*&?/, '$1');
      a.id = 'queue-reload';
      a.textContent = words('reload');
      done.appendChild(a);
    }
    list.textContent = '';
    problems.forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = words('refused', { tn: p.tracking, msg: p.message });
      list.appendChild(li);
    });
    $('queue-dismiss').hidden = problems.length === 0;
    box.hidden = offline.hidden && count.hidden && done.hidden && problems.length === 0;
  }

  // The worker has read the refusals: they leave the phone.
  if ($('queue-dismiss')) {
    $('queue-dismiss').addEventListener('click', function () {
      store(PROBLEMS, load(PROBLEMS).filter(function (p) { return !mine(p); }));
      render(0);
    });
  }

  function remove(id) {
    store(QUEUE, load(QUEUE).filter(function (x) { return x.id !== id; }));
  }

  // flush sends the waiting confirmations of the signed-in worker, oldest first, and
  // stops at the first that does not get through; each leaves the queue only on a final
  // answer. The same event id sent again is recorded once, so a resend is safe.
  function flush() {
    if (flushing || !navigator.onLine || !user) { return Promise.resolve(0); }
    var list = load(QUEUE).filter(mine);
    if (list.length === 0) { render(0); return Promise.resolve(0); }
    flushing = true;
    var sent = 0;
    var next = function (i) {
      if (i >= list.length) { return Promise.resolve(); }
      var item = list[i];
      return send(item).then(function (r) {
        if (r.kind === 'ok') {
          remove(item.id);
          sent++;
          return next(i + 1);
        }
        if (r.kind === 'refused') {
          remove(item.id);
          var problems = load(PROBLEMS);
          problems.push({ user: user, tracking: item.tracking, message: r.answer.message || '' });
          store(PROBLEMS, problems);
          return next(i + 1);
        }
        if (r.kind === 'signin') { $('queue-sent').hidden = false; $('queue-sent').textContent = words('signin'); }
      });
    };
    return next(0).then(function () {
      flushing = false;
      render(sent);
      return sent;
    }, function () { flushing = false; render(sent); return sent; });
  }

  // showProblem puts the server's words beside the field they are about, or on the form.
  function showProblem(form, field, message) {
    var type = form.getAttribute('data-type');
    var el = field ? $(type + '-' + field + '-error') : null;
    if (field === 'signature' && !el) {
      el = document.createElement('p');
      el.className = 'field-error';
      el.id = type + '-signature-error';
      $('signature-clear').insertAdjacentElement('afterend', el);
    }
    if (!el) { el = $(type + '-error'); }
    el.textContent = message;
    el.hidden = false;
    var input = field ? $(type + '-' + field) : null;
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error, .form-error').forEach(function (el) {
      if (el.closest('noscript')) { return; }
      el.hidden = true;
      el.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  }

  function formStatus(form, text) {
    var el = $(form.getAttribute('data-type') + '-status');
    el.textContent = text;
    el.hidden = !text;
  }

  function enqueue(form, item) {
    var list = load(QUEUE);
    list.push(item);
    if (!store(QUEUE, list)) { showProblem(form, '', words('offline')); return; }
    formStatus(form, words('saved'));
    form.querySelector('button[type="submit"]').disabled = true;
    render(0);
  }

  // A confirmation goes at once when it can, and waits on the phone when it cannot.
  document.querySelectorAll('form.confirm').forEach(function (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearProblems(form);
      var fields = {};
      new FormData(form).forEach(function (v, k) { if (k !== 'csrf_token') { fields[k] = String(v); } });
      fields.event_id = uuid();
      fields.occurred_at = new Date().toISOString();
      var item = { id: fields.event_id, user: user, url: form.action, tracking: form.getAttribute('data-tracking'),
        type: fields.type, fields: fields };
      if (!navigator.onLine) { enqueue(form, item); return; }
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      formStatus(form, words('sending'));
      send(item).then(function (r) {
        if (r.kind === 'ok') { location.assign(r.answer.redirect); return; }
        if (r.kind === 'refused') {
          button.disabled = false;
          formStatus(form, '');
          showProblem(form, r.answer.field, r.answer.message || '');
          return;
        }
        enqueue(form, item);
        if (r.kind === 'signin') { formStatus(form, words('saved') + ' ' + words('signin')); }
      });
    });
  });

  // The signature pad: pointer events draw; the drawing goes in the form as a PNG.
  var pad = $('signature-pad');
  if (pad && pad.getContext) {
    var ctx = pad.getContext('2d');
    var out = $('signature_png');
    var clear = $('signature-clear');
    var drawing = false, last = null;
    pad.parentNode.hidden = false;
    clear.hidden = false;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    ctx.fillStyle = '#111';
    var at = function (e) {
      var r = pad.getBoundingClientRect();
      return { x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height };
    };
    pad.addEventListener('pointerdown', function (e) {
      e.preventDefault();
      drawing = true;
      if (pad.setPointerCapture) { try { pad.setPointerCapture(e.pointerId); } catch (x) { /* not captured */ } }
      last = at(e);
      ctx.beginPath();
      ctx.arc(last.x, last.y, 1.5, 0, 2 * Math.PI);
      ctx.fill();
    });
    pad.addEventListener('pointermove', function (e) {
      if (!drawing) { return; }
      var p = at(e);
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      last = p;
    });
    var end = function () {
      if (!drawing) { return; }
      drawing = false;
      out.value = pad.toDataURL('image/png');
    };
    pad.addEventListener('pointerup', end);
    pad.addEventListener('pointercancel', end);
    clear.addEventListener('click', function () {
      ctx.clearRect(0, 0, pad.width, pad.height);
      out.value = '';
    });
  }

  // The camera scan, where the browser can read codes (BarcodeDetector); elsewhere the
  // button stays hidden and the worker types the number.
  var scan = $('scan');
  if (scan && 'BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    var video = $('scan-video'), scanner = $('scanner'), q = $('q');
    var label = scan.textContent, stream = null, detector = null;
    var stop = function () {
      if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
      stream = null;
      scanner.hidden = true;
      scan.textContent = label;
    };
    var tick = function () {
      if (!stream) { return; }
      detector.detect(video).then(function (codes) {
        if (codes.length > 0 && codes[0].rawValue) {
          q.value = codes[0].rawValue;
          stop();
          $('find-form').submit();
          return;
        }
        setTimeout(tick, 250);
      }, function () { setTimeout(tick, 500); });
    };
    scan.hidden = false;
    scan.addEventListener('click', function () {
      if (stream) { stop(); return; }
      window.BarcodeDetector.getSupportedFormats().then(function (have) {
        var want = ['qr_code', 'code_128', 'code_39', 'code_93', 'codabar'].filter(function (f) { return have.indexOf(f) >= 0; });
        detector = new window.BarcodeDetector({ formats: want.length ? want : have });
        return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      }).then(function (s) {
        stream = s;
        video.srcObject = s;
        scanner.hidden = false;
        scan.textContent = scan.getAttribute('data-stop');
        return video.play();
      }).then(tick, function () {
        stop();
        $('q-hint').textContent = scan.getAttribute('data-failed');
      });
    });
  }

  window.addEventListener('online', function () { render(0); flush(); });
  window.addEventListener('offline', function () { render(0); });
  setInterval(flush, 30000);
  render(0);
  flush();
}());
