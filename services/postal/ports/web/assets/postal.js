// The postal worker's pages: the signature pad, the camera scan and the offline queue.
// Each is an addition: without this script the pages still show, and the plain forms
// still post (a delivery needs the signature pad, so it needs the script).
(function () {
  'use strict';

  // What waits on the phone, in localStorage, kept apart per worker (the account's
  // username): QUEUE holds the confirmations not yet answered, each with its form's
  // fields and the event id made when the worker confirmed, so a delivery's proof (the
  // recipient's name, the last 4 digits of the ID checked, the signature image) stays on
  // the phone while the connection is down. That is needed: the delivery happened and
  // its proof cannot be taken again. A confirmation leaves the phone as soon as the
  // server answers it for good (recorded, recorded before, or refused); it is sent only
  // with the session of the worker who made it, never with another account's on a
  // shared phone; signing out asks first while some still wait (they stay until that
  // worker signs in again). PROBLEMS holds the refusals to read: a tracking number, the
  // step and the server's words, no personal data; they leave when read or on sign-out.
  var QUEUE = 'motcua.postal.queue';
  var PROBLEMS = 'motcua.postal.problems';
  var LOCK = 'motcua.postal.flush';
  var user = document.body.getAttribute('data-user') || '';
  var box = document.getElementById('queue');
  var flushing = false;
  var note = ''; // why the waiting confirmations did not go on the last try

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

  // store reports whether the list was written; a full storage (quota) says false.
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
  // worker must read), later (busy, the token must be renewed, or an answer that is not
  // the server's), signin (the session ended) or offline (the request did not get
  // through). Only ok and refused are final; anything else keeps the confirmation.
  function send(item) {
    var params = new URLSearchParams(item.fields);
    params.set('csrf_token', csrfToken());
    return fetch(item.url, {
      method: 'POST', body: params, credentials: 'same-origin', redirect: 'manual',
      headers: { 'Accept': 'application/json' }
    }).then(function (res) {
      if (res.type === 'opaqueredirect') { return { kind: 'signin' }; }
      var type = res.headers.get('Content-Type') || '';
      if (type.indexOf('application/json') < 0) {
        return { kind: 'later', answer: { message: words('strange', { status: res.status }) } };
      }
      return res.json().then(function (a) {
        if (res.ok && a.ok) { return { kind: 'ok', answer: a }; }
        if (a.retry || res.status >= 500) { return { kind: 'later', answer: a }; }
        return { kind: 'refused', answer: a };
      }, function () { return { kind: 'later' }; });
    }, function () { return { kind: 'offline' }; });
  }

  function show(el, text) {
    el.textContent = text;
    el.hidden = !text;
  }

  // render shows whether the phone is offline, which confirmations wait (and how many
  // of other accounts), why they did not go, and the ones the server refused.
  function render(sent) {
    if (!box) { return; }
    var all = load(QUEUE);
    var waiting = all.filter(mine);
    var others = all.length - waiting.length;
    var problems = load(PROBLEMS).filter(mine);
    var offline = $('queue-offline'), done = $('queue-sent');
    show(offline, navigator.onLine ? '' : words('offline'));
    show($('queue-count'), waiting.length ? words('count', { n: waiting.length }) : '');
    var items = $('queue-items');
    items.textContent = '';
    waiting.forEach(function (x) {
      var li = document.createElement('li');
      li.textContent = words('item', { tn: x.tracking, step: x.label || x.type });
      items.appendChild(li);
    });
    items.hidden = waiting.length === 0;
    show($('queue-note'), waiting.length ? note : '');
    show($('queue-others'), others ? words('others', { n: others }) : '');
    if (sent) {
      done.hidden = false;
      done.textContent = words('sent', { n: sent }) + ' ';
      var a = document.createElement('a');
      a.href = location.pathname + location.search.replace(/([?&])done=[^&]*&?/, '$1');
      a.id = 'queue-reload';
      a.textContent = words('reload');
      done.appendChild(a);
    }
    var list = $('queue-problems');
    list.textContent = '';
    problems.forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = words('refused', { tn: p.tracking, step: p.step || '', msg: p.message });
      list.appendChild(li);
    });
    $('queue-dismiss').hidden = problems.length === 0;
    box.hidden = offline.hidden && waiting.length === 0 && others === 0 && done.hidden && problems.length === 0;
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

  // flushNow sends the signed-in worker's waiting confirmations, oldest first, one at a
  // time, and stops at the first that gets no final answer, so that the steps of a
  // shipment arrive in the order they were confirmed. It reads the queue again before
  // each, so one added meanwhile goes too, and one another tab has sent is not sent
  // again. A confirmation leaves the queue only once answered for good; a crash between
  // the answer and the removal sends it again, which the event id makes harmless.
  function flushNow() {
    flushing = true;
    var sent = 0, tried = {};
    var next = function () {
      var item = load(QUEUE).filter(mine)[0];
      if (!item || tried[item.id]) { return Promise.resolve(); }
      tried[item.id] = true;
      return send(item).then(function (r) {
        if (r.kind === 'ok' || r.kind === 'refused') {
          note = '';
          remove(item.id);
          if (r.kind === 'ok') {
            sent++;
          } else {
            var problems = load(PROBLEMS);
            problems.push({ user: user, tracking: item.tracking, step: item.label || item.type,
              message: r.answer.message || '' });
            store(PROBLEMS, problems);
          }
          return next();
        }
        note = r.kind === 'signin' ? words('signin') : (r.answer && r.answer.message) || '';
      });
    };
    var end = function () { flushing = false; render(sent); return sent; };
    return next().then(end, end);
  }

  // flush runs flushNow when the phone is online, in one tab at a time where the
  // browser has Web Locks; where two tabs still send the same confirmation at once, the
  // server records it once and answers both as recorded.
  function flush() {
    if (flushing || !navigator.onLine || !user) { return Promise.resolve(0); }
    if (navigator.locks && navigator.locks.request) {
      return navigator.locks.request(LOCK, { ifAvailable: true }, function (lock) {
        return lock ? flushNow() : 0;
      }).then(null, function () { return 0; });
    }
    return flushNow();
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
    show($(form.getAttribute('data-type') + '-status'), text);
  }

  // enqueue keeps the confirmation on the phone and reports whether it could: when the
  // phone's storage is full it is not kept, the worker is told so and may try again.
  function enqueue(form, item) {
    var list = load(QUEUE);
    list.push(item);
    var button = form.querySelector('button[type="submit"]');
    if (!store(QUEUE, list)) {
      formStatus(form, '');
      showProblem(form, '', words('full'));
      button.disabled = false;
      return false;
    }
    formStatus(form, words('saved'));
    button.disabled = true;
    render(0);
    return true;
  }

  // A confirmation goes at once when it can, and waits on the phone when it cannot, or
  // when others of the worker wait already: it goes after them, in order.
  document.querySelectorAll('form.confirm').forEach(function (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearProblems(form);
      var fields = {};
      new FormData(form).forEach(function (v, k) { if (k !== 'csrf_token') { fields[k] = String(v); } });
      fields.event_id = uuid();
      fields.occurred_at = new Date().toISOString();
      var title = form.querySelector('h3');
      var item = { id: fields.event_id, user: user, url: form.action, tracking: form.getAttribute('data-tracking'),
        type: fields.type, label: title ? title.textContent : fields.type, fields: fields };
      if (!navigator.onLine || load(QUEUE).some(mine)) {
        if (enqueue(form, item)) { flush(); }
        return;
      }
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
        if (r.kind !== 'offline') { note = r.kind === 'signin' ? words('signin') : (r.answer && r.answer.message) || ''; }
        if (enqueue(form, item) && r.kind === 'signin') { formStatus(form, words('saved') + ' ' + words('signin')); }
      });
    });
  });

  // A step already waiting on the phone is not offered again after a reload: the
  // worker would make it a second time, with another event id.
  (function () {
    var waiting = load(QUEUE).filter(mine);
    document.querySelectorAll('form.confirm').forEach(function (form) {
      var queued = waiting.some(function (x) {
        return x.tracking === form.getAttribute('data-tracking') && x.type === form.getAttribute('data-type');
      });
      if (queued) {
        formStatus(form, words('saved'));
        form.querySelector('button[type="submit"]').disabled = true;
      }
    });
  }());

  // Signing out: the waiting confirmations are sent first when they can be; those that
  // still wait stay on the phone until the worker signs in again, so the worker is
  // asked first. The refusals, read or not, leave with the worker.
  var signout = $('signout');
  if (signout && user) {
    signout.addEventListener('submit', function (ev) {
      ev.preventDefault();
      flush().then(function () {
        var n = load(QUEUE).filter(mine).length;
        if (n > 0 && !window.confirm(words('signout', { n: n }))) { return; }
        store(PROBLEMS, load(PROBLEMS).filter(function (p) { return !mine(p); }));
        signout.submit();
      });
    });
  }

  // A receipt's lookup link (read by the camera or pasted) holds the dossier's code and
  // the citizen's PIN: only the code is sent, so the PIN stays out of the address, the
  // history and the sign-in link.
  function lookupCode(s) {
    if (s.indexOf('code=') < 0) { return s; }
    try { return new URL(s).searchParams.get('code') || s; } catch (e) { return s; }
  }
  if ($('find-form')) {
    $('find-form').addEventListener('submit', function () { $('q').value = lookupCode($('q').value); });
  }

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

  // The numbers of a hand-over record, typed or scanned in one box: how many there are
  // is said as they come, in the words of the box's count (data-words), read as the
  // server reads the box (one a line, or separated by commas, semicolons or spaces; a
  // number typed with spaces in it is one).
  var numbers = $('tracking_numbers'), counted = $('tracking_numbers-count');
  function countNumbers() {
    var n = 0;
    numbers.value.split(/[\r\n,;]+/).forEach(function (piece) {
      piece = piece.trim();
      if (!piece) { return; }
      n += /^[a-z]{2}\d{9}[a-z]{2}$/i.test(piece.replace(/[\s-]+/g, '')) ? 1 : piece.split(/\s+/).length;
    });
    show(counted, n ? counted.getAttribute('data-words').split('{n}').join(n) : '');
  }
  if (numbers && counted) {
    numbers.addEventListener('input', countNumbers);
    countNumbers();
  }

  // The camera scan, where the browser can read codes (BarcodeDetector); elsewhere the
  // button stays hidden and the worker types the number. The find form takes one code
  // and goes; a box of many (data-append) takes each new code on a line of its own and
  // goes on scanning until the worker stops it.
  var scan = $('scan');
  if (scan && 'BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    var video = $('scan-video'), scanner = $('scanner'), q = $(scan.getAttribute('data-target') || 'q');
    var many = scan.hasAttribute('data-append');
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
        if (codes.length > 0 && codes[0].rawValue && many) {
          var read = codes[0].rawValue.trim();
          if (q.value.split(/[\s,;]+/).indexOf(read) < 0) {
            q.value = q.value.replace(/\s+$/, '') + (q.value.trim() ? '\n' : '') + read;
            q.dispatchEvent(new Event('input'));
          }
          setTimeout(tick, 600);
          return;
        }
        if (codes.length > 0 && codes[0].rawValue) {
          q.value = lookupCode(codes[0].rawValue);
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
        $(scan.getAttribute('data-hint') || 'q-hint').textContent = scan.getAttribute('data-failed');
      });
    });
  }

  window.addEventListener('online', function () { render(0); flush(); });
  window.addEventListener('offline', function () { render(0); });
  setInterval(flush, 30000);
  render(0);
  flush();
}());
