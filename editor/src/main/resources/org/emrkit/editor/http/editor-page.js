/* The demo editor page: the form mounted with the EMRKit editor API (emrkit.js), wired to this
   server's endpoints with the session's CSRF token. A host page does the same with its own. */
(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('emr-page').textContent);
  var csrf = document.querySelector('meta[name="emrkit-csrf"]').content;
  var msg = document.getElementById('message');
  var head = page.head, title = document.title;
  function $(id) { return document.getElementById(id); }
  // the ward's phrase library (常用语, F2 in a text field); a host would ask its own service
  var PHRASES = [
    {title: '家族史', text: '否认家族遗传病史。'},
    {title: '一般情况', text: '发育正常，营养良好，神志清楚，精神可。'},
    {title: '心脏', text: '心律齐，各瓣膜听诊区未闻及病理性杂音。'},
    {title: '护理', text: '患者安静入睡，无特殊不适。'},
    {title: '宣教', text: '予入院宣教，介绍病区环境。'}
  ];
  var editor = EmrKit.mount($('record'), Object.assign({}, page.options, {
    reveal: page.reveal,
    hooks: {
      // the form's search boxes ask this server, which searches the loaded code lists
      search: function (q) {
        return fetch(page.base + '/search?path=' + encodeURIComponent(q.path) + '&q='
            + encodeURIComponent(q.query) + '&limit=' + q.limit, {credentials: 'same-origin'})
          .then(function (r) { return r.ok ? r.json() : {matches: []}; })
          .then(function (r) { return r.matches; });
      },
      phrases: function () { return PHRASES; },
      print: function () { preview(true); }
    }
  }));
  function say(ok, text, detail) {
    msg.className = ok ? 'ok' : '';
    msg.textContent = text;
    msg.title = detail || '';
  }
  function refused(r) {
    say(false, r.zh + (r.problems ? '：' + r.problems.join('；') : ''), r.code + ' · ' + r.en);
  }
  function post(action, body, values) {
    body.head = head;
    var reason = $('reason');
    if (reason && reason.value.trim()) body.reason = reason.value.trim();
    var text = JSON.stringify(body);
    if (values) text = text.slice(0, -1) + ',"values":' + values + '}';
    return fetch(page.base + '/' + action, {method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf}, body: text})
      .then(function (r) { return r.json(); });
  }
  function done(r) {
    if (!r.applied) { refused(r); return; }
    editor.markSaved();
    say(true, '已保存 saved');
    location.reload();
  }
  function save() {
    if (editor.amending() && !$('reason').value.trim()) {
      $('reason-box').hidden = false;
      say(false, '修改已签名的内容，须注明修改理由 / a change to signed content needs a reason');
      $('reason').focus();
      return;
    }
    post('save', {rows: editor.rows()}, editor.json()).then(done);
  }
  function sign(scope) {
    var p = $('sign-password');
    if (!p) return;
    if (!p.value) { say(false, '签名请输入本人密码 / signing needs your password'); p.focus(); return; }
    var body = {scope: scope, password: p.value};
    p.value = '';
    post('sign', body).then(done);
  }
  function preview(on) {
    $('preview').hidden = !on;
    if (on) { $('preview-frame').src = page.base + '/preview'; $('preview').scrollIntoView(); }
  }
  editor.on('save', save);
  editor.on('sign', function (d) { sign(d.scope); });
  editor.on('dirty', function (d) {
    document.title = (d.dirty ? '● ' : '') + title;
    if ($('save')) $('save').classList.toggle('dirty', d.dirty);
  });
  editor.on('change', function () {
    if (!$('undo')) return;
    $('undo').disabled = !editor.canUndo();
    $('redo').disabled = !editor.canRedo();
    if (editor.amending()) $('reason-box').hidden = false;
  });
  if ($('save')) {
    $('save').onclick = function () { editor.requestSave(); };
    $('undo').onclick = function () { editor.undo(); };
    $('redo').onclick = function () { editor.redo(); };
  }
  if ($('sign')) $('sign').onclick = function () { sign(''); };
  if ($('archive')) $('archive').onclick = function () { post('archive', {}).then(done); };
  $('preview-open').onclick = function () { editor.requestPrint(); };
  $('preview-close').onclick = function () { preview(false); };
  $('print-continue').onclick = function () {
    fetch(page.base + '/print', {method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
        body: JSON.stringify({head: head, mode: 'continue'})})
      .then(function (r) { return r.json(); })
      .then(function (r) {
        if (!r.applied) { refused(r); return; }
        head = r.head; // only a logged print moves the head the form was drawn from
        var bytes = atob(r.pdf), buf = new Uint8Array(bytes.length);
        for (var i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
        var a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([buf], {type: 'application/pdf'}));
        a.download = page.base.split('/').pop() + '-continue.pdf';
        document.body.appendChild(a); a.click(); a.remove();
        say(true, '已续打并记录 printed and logged' + (r.notice ? '：' + r.notice.zh + ' / ' + r.notice.en : ''));
      });
  };
  document.querySelectorAll('a.finding').forEach(function (a) {
    a.addEventListener('click', function (ev) {
      ev.preventDefault();
      editor.focus(a.getAttribute('data-path'));
    });
  });
})();
