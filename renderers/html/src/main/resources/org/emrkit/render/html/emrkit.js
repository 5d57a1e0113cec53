/* EMRKit edit form, API version 1.0.0 (emrkit.d.ts declares it; docs/editor.md shows it in use).
   No dependencies, no framework; every style it needs is under .emr-record (emrkit.css).

   var editor = EmrKit.mount(hostElement, {html: formHtmlFromTheServer, hooks: {search, phrases, print},
                                           readOnly, editable: [paths], report: [findings]});
   editor.getValues() / json() / setValue(path, v) / patch(mergePatch) / insertText(text)
   editor.setReadOnly(on) / setEditable(paths) / focus(path) / showReport(findings) / undo() / redo()
   editor.on('change' | 'dirty' | 'save' | 'sign' | 'print', fn)

   Values are the record JSON's "values" (emrkit-record/2); json() keeps numbers exactly as typed
   (36.80 stays 36.80): it is what to post. Forms on the page are mounted when the script loads;
   EmrKit.values(form), EmrKit.json(form) and the "emr-change" event work as they did before 1.0. */
(function () {
  'use strict';
  /** Milliseconds from a to b: date-times, dates, or two times of day (past midnight: next day). */
  function span(a, b) {
    var t = /^\d{2}:\d{2}(:\d{2})?$/;
    if (t.test(String(a)) && t.test(String(b))) {
      var ms = function (x) { var p = String(x).split(':'); return ((+p[0] * 60 + +p[1]) * 60 + (+p[2] || 0)) * 1000; };
      var d = ms(b) - ms(a);
      return d < 0 ? d + 86400000 : d;
    }
    return new Date(b) - new Date(a);
  }
  /* Expressions give what the Java engine gives (the conformance table in core's tests):
     decimals to 15 significant digits, round half away from zero, a missing value in
     arithmetic or an ordering comparison is an error, as is dividing by zero. */
  function num(x) {
    if (x == null || x === '' || typeof x === 'boolean' || isNaN(Number(x))) throw new Error('expected a number');
    return Number(x);
  }
  function clean(x) {
    if (!isFinite(x)) throw new Error('not a finite number');
    return Number(x.toPrecision(15));
  }
  var FUNCS = {
    len: function (x) { return x == null ? 0 : (Array.isArray(x) ? x.length : Array.from(String(x)).length); },
    empty: function (x) { return x == null || x === '' || (Array.isArray(x) && x.length === 0); },
    round: function (x, n) {
      n = num(n);
      if (n < 0 || n > 10 || n !== Math.floor(n)) throw new Error('round: places must be 0 to 10');
      var v = clean(num(x)), a = Math.abs(v);
      var r = Number(Math.round(Number(a + 'e' + n)) + 'e-' + n);
      return v < 0 ? -r : r;
    },
    pow: function (x, y) { return clean(Math.pow(num(x), num(y))); },
    hours: function (a, b) { return clean(span(a, b) / 3600000); },
    days: function (a, b) { return clean(span(a, b) / 86400000); },
    now: function () { return new Date().toISOString(); }
  };
  function arith(o, l, r) {
    if (o === '+' && (typeof l === 'string' || typeof r === 'string') && l != null && r != null) return String(l) + String(r);
    l = num(l); r = num(r);
    if (o === '/' && r === 0) throw new Error('division by zero');
    return clean(o === '+' ? l + r : o === '-' ? l - r : o === '*' ? l * r : l / r);
  }
  function tokenize(s) {
    var t = [], i = 0, m, re = /\s*(?:(\d+(?:\.\d+)?)|'((?:\\.|[^'\\])*)'|([A-Za-z_][A-Za-z0-9_]*(?:\.(?:code|display))?)|(==|!=|<=|>=|[<>+\-*\/(),]))/y;
    while (i < s.length) {
      re.lastIndex = i; m = re.exec(s);
      if (!m) { if (/^\s*$/.test(s.slice(i))) break; throw new Error('bad expression'); }
      i = re.lastIndex;
      if (m[1] !== undefined) t.push({n: Number(m[1])});
      else if (m[2] !== undefined) t.push({s: m[2].replace(/\\(.)/g, '$1')});
      else if (m[3] !== undefined) t.push({id: m[3]});
      else t.push({op: m[4]});
    }
    return t;
  }
  function evaluate(src, lookup) {
    var t = tokenize(src), p = 0;
    function peek(v) { var x = t[p]; return x && (x.op === v || x.id === v); }
    function next() { return t[p++]; }
    function or() { var l = and(); while (peek('or')) { next(); var r = and(); l = l || r; } return l; }
    function and() { var l = not(); while (peek('and')) { next(); var r = not(); l = l && r; } return l; }
    function not() { if (peek('not')) { next(); return !not(); } return cmp(); }
    function cmp() {
      var l = add(), x = t[p];
      if (x && /^(==|!=|<=|>=|<|>)$/.test(x.op || '')) {
        next(); var r = add();
        if (x.op === '==') return l == r;
        if (x.op === '!=') return l != r;
        if (l == null || r == null) throw new Error('a missing value cannot be ordered');
        switch (x.op) { case '<': return l < r; case '<=': return l <= r; case '>': return l > r; default: return l >= r; }
      }
      return l;
    }
    function add() { var l = mul(); while (peek('+') || peek('-')) { var o = next().op, r = mul(); l = arith(o, l, r); } return l; }
    function mul() { var l = unary(); while (peek('*') || peek('/')) { var o = next().op, r = unary(); l = arith(o, l, r); } return l; }
    function unary() { if (peek('-')) { next(); return -num(unary()); } return primary(); }
    function primary() {
      var x = next();
      if (!x) throw new Error('bad expression');
      if (x.n !== undefined) return x.n;
      if (x.s !== undefined) return x.s;
      if (x.op === '(') { var v = or(); next(); return v; }
      if (x.id === 'true') return true;
      if (x.id === 'false') return false;
      if (x.id === 'null') return null;
      if (peek('(')) {
        next(); var args = [];
        if (!peek(')')) { args.push(or()); while (peek(',')) { next(); args.push(or()); } }
        next();
        if (!FUNCS[x.id]) throw new Error('unknown function ' + x.id);
        return FUNCS[x.id].apply(null, args);
      }
      var v = lookup(x.id);
      return v === undefined ? null : v;
    }
    return or();
  }
  // ---- reading and writing a field's control ----
  function offset() {
    var m = -new Date().getTimezoneOffset(), s = m >= 0 ? '+' : '-';
    m = Math.abs(m);
    return s + String(Math.floor(m / 60)).padStart(2, '0') + ':' + String(m % 60).padStart(2, '0');
  }
  function live(el) { return !el.closest('template'); }
  function put(values, path, v) {
    var parts = path.split('/').slice(2), o = values;
    for (var i = 0; i < parts.length - 1; i++) {
      var k = /^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i];
      var nextIsIndex = /^\d+$/.test(parts[i + 1]);
      if (o[k] === undefined) o[k] = nextIsIndex ? [] : {};
      o = o[k];
    }
    o[parts[parts.length - 1]] = v;
  }
  function at(values, path) {
    var parts = path.split('/').slice(2), o = values;
    for (var i = 0; i < parts.length && o != null; i++) o = o[/^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i]];
    return o;
  }
  /** Full-width digits and punctuation typed with a Chinese input method, as ASCII. */
  function ascii(s) {
    return String(s).replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/\u3000/g, ' ').replace(/[。]/g, '.').trim();
  }
  var TWO = function (n) { return String(n).padStart(2, '0'); };
  /** A typed date, time or date-time as ISO text (no offset), or null: 2026-11-20 10:00, 2026/11/20 10:00, 2026年11月20日, 202611201000. */
  function parseWhen(type, text) {
    var s = ascii(text), d = null, t = null, m;
    if (type !== 'time') {
      m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?:[\sT]+|(?=\d{4}$)|$)/.exec(s);
      if (!m) return null;
      var y = +m[1], mo = +(m[2] || m[4]), da = +(m[3] || m[5]);
      var probe = new Date(Date.UTC(y, mo - 1, da));
      if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== da) return null;
      d = y + '-' + TWO(mo) + '-' + TWO(da);
      s = s.slice(m[0].length);
      if (type === 'date') return s === '' ? d : null;
    }
    m = /^(\d{1,2})(?:[:时点](\d{2})(?:[:分](\d{2}))?分?秒?|(\d{2})(\d{2})?)$/.exec(s);
    if (!m) return null;
    var h = +m[1], mi = +(m[2] || m[4] || 0), se = +(m[3] || m[5] || 0);
    if (m[4] === undefined && m[2] === undefined) return null;
    if (h > 23 || mi > 59 || se > 59) return null;
    t = TWO(h) + ':' + TWO(mi) + (se ? ':' + TWO(se) : '');
    return d ? d + 'T' + t : t;
  }
  /** How a stored date, time or date-time is shown in its box: 2026-11-20 10:00. */
  function showWhen(v) {
    var m = /^(\d{4}-\d{2}-\d{2})?T?(\d{2}:\d{2})?(?::(\d{2}))?/.exec(String(v));
    if (!m) return String(v);
    var time = m[2] ? m[2] + (m[3] && m[3] !== '00' ? ':' + m[3] : '') : '';
    return [m[1], time].filter(Boolean).join(' ');
  }
  function offsetOf(v) { var m = /([+-]\d{2}:\d{2}|Z)$/.exec(String(v)); return m ? (m[1] === 'Z' ? '+00:00' : m[1]) : null; }
  var WHEN = {date: 1, time: 1, datetime: 1};

  // ---- rich text: the record's markup (paragraphs, **bold**, *italic*, ^sup^, ~sub~) ----
  // a super- or subscript holds Latin letters, digits, Greek, signs and a point (10^9^, SpO~2~):
  // a range written with a tilde (每日3~5次，持续2~3天) stays text; as core's RichText reads it
  var SCRIPTED = '[0-9A-Za-z\u0370-\u03ff+\\-\u2212.]+?';
  var RUN = new RegExp('\\*\\*([^*\\n]+?)\\*\\*|\\*([^*\\n]+?)\\*|\\^(' + SCRIPTED + ')\\^|~(' + SCRIPTED + ')~', 'g');
  var SCRIPT = new RegExp('\\^(' + SCRIPTED + ')\\^|~(' + SCRIPTED + ')~|([^^~]+|[\\^~])', 'g');
  var SCRIPT_TEXT = new RegExp('^' + SCRIPTED.slice(0, -1) + '$'); // what a script may hold, whole
  function escapeHtml(t) { return t.replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  /** Markup to the HTML the renderer writes (the same allowlist: strong, em, sup, sub, br). */
  function richHtml(value) {
    if (!value || !String(value).trim()) return '';
    return String(value).trim().split(/\n\s*\n/).map(function (para) {
      var out = '', last = 0, m, tags = ['strong', 'em', 'sup', 'sub'];
      RUN.lastIndex = 0;
      var text = function (t) { return escapeHtml(t).replace(/\n/g, '<br>'); };
      // super- and subscripts may stand inside bold or italic (**10^9^/L**)
      var scripts = function (t) {
        return t.replace(SCRIPT, function (all, sup, sub, rest) {
          return sup !== undefined ? '<sup>' + text(sup) + '</sup>' : sub !== undefined ? '<sub>' + text(sub) + '</sub>' : text(rest);
        });
      };
      while ((m = RUN.exec(para))) {
        out += text(para.slice(last, m.index));
        for (var i = 1; i <= 4; i++) if (m[i] !== undefined) out += '<' + tags[i - 1] + '>' + (i <= 2 ? scripts(m[i]) : text(m[i])) + '</' + tags[i - 1] + '>';
        last = RUN.lastIndex;
      }
      return '<span class="emr-rich-p">' + out + text(para.slice(last)) + '</span>';
    }).join('');
  }
  var MARK = {bold: '**', italic: '*', sup: '^', sub: '~'};
  /**
   * An editable rich box's content as markup: bold or italic around runs of text, super- and
   * subscripts within them (a bold 10⁹ is **10^9^**: the superscript is never lost to the bold).
   */
  function richText(root) {
    var paras = [], runs = [];
    function flush() { if (runs.length) paras.push(runs); runs = []; }
    function add(text, emph, script) {
      var last = runs[runs.length - 1];
      if (last && last.emph === emph && last.script === script) last.text += text;
      else runs.push({text: text, emph: emph, script: script});
    }
    function walk(node, emph, script) {
      if (node.nodeType === 3) { add(node.nodeValue.replace(/\u00a0/g, ' '), emph, script); return; }
      if (node.nodeType !== 1) return;
      var tag = node.tagName, block = /^(DIV|P|LI)$/.test(tag) || node.classList.contains('emr-rich-p');
      if (tag === 'BR') { add('\n', null, null); return; }
      var e = emph || (/^(B|STRONG)$/.test(tag) ? 'bold' : /^(I|EM)$/.test(tag) ? 'italic' : null);
      var s = tag === 'SUP' ? 'sup' : tag === 'SUB' ? 'sub' : script;
      if (block) flush();
      for (var c = node.firstChild; c; c = c.nextSibling) walk(c, e, s);
      if (block) flush();
    }
    /** The marker around a text's core (spaces outside it); none for a blank text, or a script of what no script holds. */
    function wrap(t, m, emphasis) {
      var core = t.trim();
      if (!m || !core || (!emphasis && !SCRIPT_TEXT.test(core))) return t;
      var lead = t.slice(0, t.indexOf(core)), tail = t.slice(t.indexOf(core) + core.length);
      return lead + m + core + m + tail;
    }
    for (var c = root.firstChild; c; c = c.nextSibling) walk(c, null, null);
    flush();
    return paras.map(function (rs) {
      var out = '';
      for (var i = 0; i < rs.length;) {
        var emph = rs[i].emph, inner = '';
        for (; i < rs.length && rs[i].emph === emph; i++) inner += wrap(rs[i].text, rs[i].script && MARK[rs[i].script], false);
        out += wrap(inner, emph && MARK[emph], true);
      }
      return out.replace(/^\n+|\n+$/g, '');
    }).filter(function (p) { return p.trim(); }).join('\n\n');
  }

  function read(el, exact) {
    var type = el.getAttribute('data-emr-type');
    if (el.classList.contains('emr-search')) {
      var code = el.getAttribute('data-emr-code');
      if (!code) return undefined;
      if (type !== 'coded') return code;
      var c = {code: code}, display = el.getAttribute('data-emr-display');
      var system = el.getAttribute('data-emr-code-system') || el.getAttribute('data-emr-system');
      var version = el.getAttribute('data-emr-code-version');
      if (display) c.display = display;
      if (system) c.system = system.split('|')[0];
      if (version) c.version = version; else if (system && system.indexOf('|') > 0) c.version = system.split('|')[1];
      return c;
    }
    if (type === 'signature') {
      var j = el.getAttribute('data-emr-signature');
      return j ? JSON.parse(j) : undefined;
    }
    if (type === 'richtext') {
      var r = richText(el), kr = el.getAttribute('data-emr-kept');
      if (kr !== null && printed(JSON.parse(kr)) === r) r = JSON.parse(kr);
      return r === '' ? undefined : r;
    }
    if (type === 'boolean') return el.hasAttribute('data-emr-unset') ? undefined : el.checked;
    var v = el.value, kept = el.getAttribute('data-emr-kept');
    if (kept !== null) {
      kept = JSON.parse(kept);
      if (unbroken(kept) === unbroken(v)) v = kept;
    }
    if (v === '' || v == null || !String(v).trim()) return undefined;
    if (type === 'integer' || type === 'decimal') {
      var a = ascii(v);
      if (!/^-?\d+(\.\d+)?$/.test(a)) return v; // posted as typed: the server says why it is not a number
      // exact: the number as typed (36.80 stays 36.80 in EmrKit.json)
      return exact ? new Exact(a) : Number(a);
    }
    if (WHEN[type]) {
      var iso = parseWhen(type, v);
      if (iso === null) return v; // as typed, refused with why
      if (type !== 'datetime') return iso;
      return (iso.length === 16 ? iso + ':00' : iso) + (el.getAttribute('data-emr-offset') || offset());
    }
    return v;
  }
  /** Whether a control's text cannot be read as its type (what the field's note says, in the clinician's words). */
  function misread(el) {
    var type = el.getAttribute('data-emr-type'), v = el.value, label = el.getAttribute('aria-label') || '';
    if (!v || !String(v).trim() || el.tagName !== 'INPUT') return null;
    if ((type === 'integer' || type === 'decimal') && !/^-?\d+(\.\d+)?$/.test(ascii(v))) {
      return '“' + label + '”应填数字' + (type === 'integer' ? '（整数）' : '');
    }
    if (WHEN[type] && parseWhen(type, v) === null) {
      return '“' + label + '”应写成 ' + {date: '2026-11-20', time: '10:00', datetime: '2026-11-20 10:00'}[type];
    }
    return null;
  }
  function Exact(text) { this.text = text; }
  /** Puts a value (record JSON shape) into a field's control; undefined clears it. */
  function writeControl(el, v) {
    var type = el.getAttribute('data-emr-type');
    if (v instanceof Exact) v = v.text;
    if (el.classList.contains('emr-search')) {
      setPick(el, v == null ? null : typeof v === 'object' ? v : {code: String(v)});
    } else if (type === 'multichoice') {
      el.checked = Array.isArray(v) && v.indexOf(el.value) >= 0;
    } else if (type === 'boolean') {
      el.checked = v === true;
      if (v === undefined || v === null) el.setAttribute('data-emr-unset', ''); else el.removeAttribute('data-emr-unset');
    } else if (type === 'richtext') {
      el.innerHTML = richHtml(v == null ? '' : String(v));
      el.removeAttribute('data-emr-kept');
    } else if (type === 'signature') {
      return; // made by signing only
    } else if (WHEN[type]) {
      el.value = v == null ? '' : showWhen(v);
      if (type === 'datetime' && v != null && offsetOf(v)) el.setAttribute('data-emr-offset', offsetOf(v));
    } else if (el.tagName !== 'OUTPUT' && 'value' in el) {
      el.value = v == null ? '' : String(v);
      keepLines(el, v == null ? null : String(v));
    }
  }
  /**
   * A one-line box drops a text's line breaks (and a page drawn by the server shows a text as
   * it prints, without control characters): the text as it was is kept beside it, and read back
   * while the box shows it unchanged (saving a form must not change what no one edited).
   */
  function keepLines(el, text) {
    if (el.tagName === 'INPUT' && text != null && /[\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(text)) {
      el.setAttribute('data-emr-kept', JSON.stringify(text));
    } else {
      el.removeAttribute('data-emr-kept');
    }
  }
  /** A text as it prints: a vertical tab or form feed a line break, no control characters. */
  function printed(text) {
    return String(text).replace(/[\u000B\u000C]/g, '\n')
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '');
  }
  /** A text without line breaks and control characters: what a one-line box may show of it. */
  function unbroken(text) {
    return printed(text).replace(/[\r\n]/g, '');
  }
  /** JSON text of a values object, numbers as they were typed. */
  function write(v) {
    if (v instanceof Exact) return v.text;
    if (Array.isArray(v)) return '[' + v.map(write).join(',') + ']';
    if (v !== null && typeof v === 'object') {
      return '{' + Object.keys(v).map(function (k) { return JSON.stringify(k) + ':' + write(v[k]); })
          .join(',') + '}';
    }
    return JSON.stringify(v);
  }
  // ---- rows drawn later: a long table's rows past its first come in template.emr-later (the
  // server's), drawn a template at a time once the form is interactive, or all at once as soon as
  // something needs every field (the values, a path's field, the next field, a row added) ----
  /** Draws the next template of rows; false when none is left (the form's calculations run then). */
  function drawLater(form) {
    // once all are drawn no more come (rows added come from the row template): no search per
    // keystroke
    if (form.emrAllDrawn) return false;
    var t = form.querySelector('template.emr-later');
    if (!t) {
      form.emrAllDrawn = true;
      if (form.emrLater) { form.emrLater = false; refresh(form); }
      return false;
    }
    var rows = Array.prototype.slice.call(t.content.children), ed = form.emrEditor;
    t.parentNode.replaceChild(t.content, t);
    var inputs = [];
    rows.forEach(function (row) {
      if (ed && ed._locks) ed._lock(row);
      Array.prototype.push.apply(inputs, row.querySelectorAll('input.emr-control[type=text]'));
    });
    fitEach(inputs);
    return true;
  }
  /**
   * Draws every row still to come, at once: with an editor or without (EmrKit.values of a form
   * nobody mounted reads every row too; what it left out, a save would delete).
   */
  function complete(form) {
    while (form && drawLater(form)) { /* a template at a time */ }
  }
  /** Draws the rows to come a template per task, after the first frame, while the form is its editor's. */
  function drawSoon(form) {
    var ed = form.emrEditor;
    var go = function () {
      if (form.emrLater && form.isConnected && form.emrEditor === ed && drawLater(form)) setTimeout(go, 0);
    };
    if (window.requestAnimationFrame && !document.hidden) requestAnimationFrame(function () { setTimeout(go, 0); });
    else setTimeout(go, 0);
  }
  /** A group's rows, those still to be drawn included. */
  function rowCount(group) {
    var n = rowsOf(group).length;
    Array.prototype.forEach.call(group.children, function (c) {
      if (c.tagName === 'TEMPLATE' && c.classList.contains('emr-later')) n += c.content.children.length;
    });
    return n;
  }
  /** The value-bearing controls: inputs, selects, rich boxes, search holders, signature buttons. */
  function fields(form) {
    complete(form);
    return Array.prototype.filter.call(form.querySelectorAll('[data-emr-path]'), function (el) {
      if (!live(el) || el.hasAttribute('data-emr-group') || el.tagName === 'OUTPUT') return false;
      if (el.tagName === 'SPAN' && !el.classList.contains('emr-search') && !el.classList.contains('emr-rich')) return false;
      return !(el.tagName === 'INPUT' && el.classList.contains('emr-search-box'));
    });
  }
  function values(form, exact) {
    complete(form);
    var out = {};
    // every row, an empty one too ({}): the rows posted are the rows the form shows, one for
    // each of rows() (an empty row left out would shift every row after it)
    form.querySelectorAll('[data-emr-group]').forEach(function (g) {
      if (live(g)) put(out, g.getAttribute('data-emr-path'), rowsOf(g).map(function () { return {}; }));
    });
    fields(form).forEach(function (el) {
      var path = el.getAttribute('data-emr-path');
      if (el.getAttribute('data-emr-type') === 'multichoice') {
        var list = at(out, path) || [];
        if (el.checked) list.push(el.value);
        if (list.length) put(out, path, list);
        return;
      }
      var v = read(el, exact);
      if (v !== undefined) put(out, path, v);
    });
    return out;
  }
  function scopeOf(el, all) {
    var row = el.closest('.emr-row'), rowValues = null;
    if (row) {
      var probe = row.querySelector('[data-emr-path]');
      if (probe) {
        var parts = probe.getAttribute('data-emr-path').split('/').slice(2, -1), o = all;
        parts.forEach(function (k) { o = o && o[/^\d+$/.test(k) ? Number(k) : k]; });
        rowValues = o;
      }
    }
    var form = el.closest('form');
    function raw(name) {
      if (rowValues && rowValues[name] !== undefined) return rowValues[name];
      var v = all[name];
      if (v === undefined && form) {
        // a calculated field reads as the value it shows, a context field (macro) as the value
        // stored (patient.sex 2, patient.age 68), as in the Java engine
        var out = form.querySelector('output.emr-calc[data-emr-path="/values/' + name + '"]');
        if (out && out.value !== '') return isNaN(Number(out.value)) ? out.value : Number(out.value);
        var macro = form.querySelector('.emr-macro[data-emr-name="' + name + '"]');
        if (macro && macro.hasAttribute('data-emr-value')) {
          var m = macro.getAttribute('data-emr-value');
          return /^-?\d{1,15}(\.\d{1,15})?$/.test(m) ? Number(m) : m;
        }
      }
      return v;
    }
    return function (name) {
      var dot = name.indexOf('.'), part = dot > 0 ? name.slice(dot + 1) : null;
      var v = raw(dot > 0 ? name.slice(0, dot) : name);
      if (v && v.code !== undefined) return part === 'display' && v.display ? v.display : v.code;
      if (part === 'display' && form) {
        // what the field shows: a context field's name (女), a choice's option
        var base = name.slice(0, dot);
        var shown = form.querySelector('.emr-macro[data-emr-name="' + base + '"]');
        if (shown) return shown.textContent || null;
      }
      return v;
    };
  }
  function refresh(form) {
    if (!form.querySelector('output.emr-calc, [data-emr-when]')) return;
    var all = values(form);
    // calculations first: a condition may read one
    form.querySelectorAll('output.emr-calc').forEach(function (el) {
      if (!live(el)) return;
      try {
        var v = evaluate(el.getAttribute('data-emr-expr'), scopeOf(el, all)), p = el.getAttribute('data-emr-precision');
        el.value = (typeof v === 'number' && isFinite(v)) ? (p !== null ? FUNCS.round(v, Number(p)).toFixed(Number(p)) : String(v))
          : typeof v === 'string' ? v : ''; // a calc over text: dx.code
      } catch (e) { el.value = ''; }
    });
    form.querySelectorAll('[data-emr-when]').forEach(function (el) {
      if (!live(el)) return;
      try { el.hidden = !evaluate(el.getAttribute('data-emr-when'), scopeOf(el, all)); } catch (e) { el.hidden = false; }
    });
  }
  function renumber(group) {
    complete(group.closest('form'));
    var base = group.getAttribute('data-emr-path');
    rowsOf(group).forEach(function (row, i) {
      // every path under the row: its controls, and a table's of its own - the table, its add
      // button and the template its new rows are made from
      function at(root) {
        root.querySelectorAll('[data-emr-path], [data-emr-for]').forEach(function (el) {
          ['data-emr-path', 'name', 'data-emr-for'].forEach(function (a) {
            var path = el.getAttribute(a);
            if (path && path.indexOf(base + '/') === 0) {
              el.setAttribute(a, base + '/' + path.slice(base.length + 1).replace(/^[^/]*/, String(i)));
            }
          });
        });
        root.querySelectorAll('template').forEach(function (t) { at(t.content); });
      }
      at(row);
    });
  }
  function rowsOf(group) {
    return Array.prototype.filter.call(group.children, function (c) { return c.classList.contains('emr-row'); });
  }
  // ---- where each row came from ----
  // A row the server drew says which entry of the record it shows (data-emr-row); one added in the
  // form says nothing. An editor knows its rows by a key each (undo puts rows back by position, so
  // the keys go with its snapshots) and which record entry each key stands for (_base, made anew
  // at a save).
  var keys = 0;
  function keyOf(row) { return row.emrKey || (row.emrKey = 'k' + (++keys)); }
  /** The record's entry a row was drawn for (data-emr-row), or null for a row added. */
  function drawnFor(row) {
    var a = row.getAttribute('data-emr-row');
    return a === null ? null : Number(a);
  }
  function groupsOf(form) {
    return Array.prototype.filter.call(form.querySelectorAll('[data-emr-group]'), live);
  }
  /** Every group's rows as keys, by the group's path (for a snapshot). */
  function rowKeys(form) {
    var out = {};
    groupsOf(form).forEach(function (g) { out[g.getAttribute('data-emr-path')] = rowsOf(g).map(keyOf); });
    return out;
  }
  /** Gives the rows back the keys a snapshot took (after load() drew them by position). */
  function setRowKeys(form, k) {
    groupsOf(form).forEach(function (g) {
      var list = k[g.getAttribute('data-emr-path')];
      if (list) rowsOf(g).forEach(function (row, i) { if (list[i]) row.emrKey = list[i]; });
    });
  }
  /**
   * Where each posted row came from, by its group's pointer in the values (/nursingRows): the
   * index of the record's entry it shows, or null for a row added. Posted with the values, it
   * lets the server remove, move and add exactly the rows the clinician did.
   */
  function origins(form) {
    complete(form);
    var ed = form.emrEditor, base = ed && ed._base, out = {};
    // values set by position (setValues, patch: rows added or removed at the end to match) say
    // nothing of where rows came from: none are reported, and the server matches by position
    if (ed && ed._positional) return out;
    groupsOf(form).forEach(function (g) {
      out[g.getAttribute('data-emr-path').slice('/values'.length)] = rowsOf(g).map(function (row) {
        if (!base) return drawnFor(row);
        var x = base[keyOf(row)];
        return x === undefined ? null : x;
      });
    });
    return out;
  }
  /**
   * The record's entries after a save of the rows as they stood when posted (keys by group, as
   * rowKeys took them): each posted row is the entry at its index; a row added since is new, one
   * taken out since is an entry the next save removes.
   */
  function rebase(form, posted) {
    var base = {};
    Object.keys(posted).forEach(function (g) { posted[g].forEach(function (k, i) { base[k] = i; }); });
    groupsOf(form).forEach(function (g) {
      rowsOf(g).forEach(function (row) {
        var x = base[keyOf(row)];
        if (x === undefined) row.removeAttribute('data-emr-row'); else row.setAttribute('data-emr-row', String(x));
      });
    });
    return base;
  }
  var ids = 0;
  /** Adds a row to a repeating table or group from its template (false at its max). */
  function addRow(form, group) {
    complete(form);
    var path = group.getAttribute('data-emr-path');
    var add = form.querySelector('.emr-add[data-emr-for="' + path + '"]');
    var tpl = add && add.parentNode.querySelector('template.emr-row-template');
    var max = group.getAttribute('data-emr-max'), rows = rowsOf(group);
    if (!tpl || (max && rows.length >= Number(max))) return false;
    // fresh ids, and every reference to one (a label's for, a search box's list) follows it
    var fresh = {};
    var html = tpl.innerHTML.split('{i}').join(String(rows.length)).replace(/emr-f(\d+)/g, function (m, n) { return fresh[n] || (fresh[n] = 'emr-n' + (++ids)); });
    var holder = document.createElement(group.tagName === 'TBODY' ? 'tbody' : 'div');
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    var before = group.tagName === 'TBODY' ? null : tpl;
    if (before && before.parentNode === group) group.insertBefore(row, before); else group.appendChild(row);
    renumber(group);
    return true;
  }
  /** Gives every repeating table and group as many rows as the values hold. */
  function fitRows(form, vals) {
    for (var pass = 0; pass < 50; pass++) {
      var moved = false;
      form.querySelectorAll('[data-emr-group]').forEach(function (g) {
        if (!live(g) || !g.isConnected) return;
        var list = at(vals, g.getAttribute('data-emr-path')), want = Array.isArray(list) ? list.length : 0;
        var rows = rowsOf(g);
        while (rows.length > want) { rows.pop().remove(); moved = true; }
        while (rows.length < want && addRow(form, g)) { rows.push(null); moved = true; }
        if (moved) renumber(g);
      });
      if (!moved) return;
    }
  }
  /** Sets every field from a values object (record JSON "values"); what it lacks is cleared. */
  function load(form, vals) {
    complete(form);
    fitRows(form, vals);
    fields(form).forEach(function (el) { writeControl(el, at(vals, el.getAttribute('data-emr-path'))); });
    refresh(form);
    fitAll(form);
  }
  /** JSON Merge Patch (RFC 7386): objects merge, null removes, anything else (arrays too) replaces. */
  function merge(target, patch) {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch) || patch instanceof Exact) return patch;
    var out = target !== null && typeof target === 'object' && !Array.isArray(target) ? Object.assign({}, target) : {};
    Object.keys(patch).forEach(function (k) {
      if (patch[k] === null) delete out[k]; else out[k] = merge(out[k], patch[k]);
    });
    return out;
  }
  // ---- a listbox under a control: a coded field's matches, the phrase library (常用语) ----
  function listOptions(list) { return Array.prototype.slice.call(list.querySelectorAll('[role=option]')); }
  function activeOption(list) {
    var opts = listOptions(list);
    for (var i = 0; i < opts.length; i++) if (opts[i].getAttribute('aria-selected') === 'true') return i;
    return -1;
  }
  function activateOption(list, box, i) {
    var opts = listOptions(list);
    opts.forEach(function (o, k) { o.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
    if (opts[i]) { box.setAttribute('aria-activedescendant', opts[i].id); opts[i].scrollIntoView({block: 'nearest'}); }
  }
  /** Puts items in a listbox, each drawn into its option by draw(option, item), the first active; none, a note. */
  function fillList(list, box, items, draw, none) {
    list.innerHTML = '';
    items.forEach(function (it, i) {
      var o = document.createElement('span');
      o.setAttribute('role', 'option');
      o.id = list.id + '-o' + i;
      o.setAttribute('aria-selected', 'false');
      o.emrItem = it;
      draw(o, it);
      list.appendChild(o);
    });
    if (!items.length) {
      var n = document.createElement('span');
      n.className = 'emr-search-none';
      n.textContent = none;
      list.appendChild(n);
    }
    list.hidden = false;
    if (box.getAttribute('role') === 'combobox') box.setAttribute('aria-expanded', 'true');
    if (items.length) activateOption(list, box, 0);
  }
  function closedList(list, box) {
    list.hidden = true;
    if (box.getAttribute('role') === 'combobox') box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
  }
  /**
   * The keys of an open listbox: the arrows move (round), Enter picks the active item (pick(item)),
   * Escape closes (close()). True when the key was the list's; Enter with nothing active is not.
   */
  function listKey(ev, list, box, pick, close) {
    var opts = listOptions(list), i = activeOption(list), n = opts.length;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (n) activateOption(list, box, ev.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n);
    } else if (ev.key === 'Enter' && i >= 0) {
      pick(opts[i].emrItem);
    } else if (ev.key === 'Escape') {
      close();
    } else {
      return false;
    }
    ev.preventDefault();
    return true;
  }
  // ---- the search box of coded fields (and of choices over large value sets) ----
  // The host answers searches: EmrKit.search = function (q) { return Promise of matches }, where
  // q is {field, path, system, valueSet, query, limit} and a match is {code, display, system,
  // version, text, start, end} (text is the code, name or synonym that matched, [start, end) the
  // part to mark). Without a hook, "code name" typed into the box is taken as it is.
  var searchSeq = 0;
  function shownOf(holder) {
    var code = holder.getAttribute('data-emr-code'), display = holder.getAttribute('data-emr-display');
    return !code ? '' : (display && display !== code ? code + ' ' + display : code);
  }
  function setPick(holder, m) {
    ['code', 'display', 'code-system', 'code-version'].forEach(function (k) {
      var v = m && m[k === 'code-system' ? 'system' : k === 'code-version' ? 'version' : k];
      if (v) holder.setAttribute('data-emr-' + k, v); else holder.removeAttribute('data-emr-' + k);
    });
    var box = holder.querySelector('.emr-search-box');
    box.value = shownOf(holder);
    if (box.style.width) fit(box);
  }
  function listOf(holder) { return holder.querySelector('.emr-search-list'); }
  function closeList(holder) {
    var list = listOf(holder);
    list.innerHTML = '';
    closedList(list, holder.querySelector('.emr-search-box'));
  }
  function mark(text, start, end) {
    var span = document.createElement('span');
    span.appendChild(document.createTextNode(text.slice(0, start)));
    var m = document.createElement('mark');
    m.textContent = text.slice(start, end);
    span.appendChild(m);
    span.appendChild(document.createTextNode(text.slice(end)));
    return span;
  }
  /** A match as an option: its code, its name, the synonym that matched; the matched part marked. */
  function drawMatch(li, m) {
    var code = document.createElement('span');
    code.className = 'emr-search-code';
    code.appendChild(m.text === m.code ? mark(m.code, m.start, m.end) : document.createTextNode(m.code));
    li.appendChild(code);
    var name = document.createElement('span');
    name.className = 'emr-search-name';
    name.appendChild(m.text === m.display ? mark(m.display, m.start, m.end) : document.createTextNode(m.display));
    if (m.text !== m.code && m.text !== m.display) {
      var syn = document.createElement('span');
      syn.className = 'emr-search-synonym';
      syn.appendChild(document.createTextNode('（'));
      syn.appendChild(mark(m.text, m.start, m.end));
      syn.appendChild(document.createTextNode('）'));
      name.appendChild(syn);
    }
    li.appendChild(name);
  }
  function showMatches(holder, matches) {
    fillList(listOf(holder), holder.querySelector('.emr-search-box'), matches, drawMatch, '无匹配 no match');
  }
  function pick(form, holder, m) {
    setPick(holder, m);
    closeList(holder);
    changed(form, holder);
  }
  function search(holder) {
    var box = holder.querySelector('.emr-search-box'), q = box.value.trim();
    var hook = hookOf(holder.closest("form"), "search");
    if (!hook || !q || q === shownOf(holder)) { closeList(holder); return; }
    var seq = ++searchSeq;
    Promise.resolve(hook({field: holder.getAttribute('data-emr-field'),
        path: holder.getAttribute('data-emr-path'), system: holder.getAttribute('data-emr-system'),
        valueSet: holder.getAttribute('data-emr-valueset'), query: q, limit: 20}))
      .then(function (matches) { if (seq === searchSeq && document.activeElement === box) showMatches(holder, matches || []); })
      .catch(function () { if (seq === searchSeq) closeList(holder); });
  }
  /** Leaving the box: a typed text that was not picked is taken as "code name" without a hook, else undone. */
  function settle(form, holder) {
    var box = holder.querySelector('.emr-search-box'), text = box.value.trim();
    closeList(holder);
    if (text === shownOf(holder)) return;
    if (!text) { pick(form, holder, null); return; }
    if (!hookOf(form, "search")) {
      var sp = text.search(/\s/);
      pick(form, holder, {code: sp < 0 ? text : text.slice(0, sp), display: sp < 0 ? '' : text.slice(sp).trim()});
      return;
    }
    box.value = shownOf(holder);
  }
  function initSearch(form) {
    var timer = null;
    form.addEventListener('input', function (ev) {
      var holder = ev.target.closest && ev.target.closest('.emr-search');
      if (!holder) return;
      clearTimeout(timer);
      timer = setTimeout(function () { search(holder); }, 120);
    });
    form.addEventListener('keydown', function (ev) {
      var holder = ev.target.closest && ev.target.closest('.emr-search');
      if (!holder || ev.isComposing || ev.keyCode === 229) return; // the input method's keys
      var list = listOf(holder), box = holder.querySelector('.emr-search-box');
      if (!list.hidden && listKey(ev, list, box, function (m) { pick(form, holder, m); },
          function () { closeList(holder); box.value = shownOf(holder); })) return;
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        search(holder);
      } else if (ev.key === 'Enter') {
        ev.preventDefault(); // never submits the form
        settle(form, holder);
      }
    });
    form.addEventListener('mousedown', function (ev) {
      var li = ev.target.closest && ev.target.closest('.emr-search-list [role=option]');
      if (!li) return;
      ev.preventDefault(); // keep focus in the box
      pick(form, li.closest('.emr-search'), li.emrItem);
    });
    form.addEventListener('focusout', function (ev) {
      var holder = ev.target.closest && ev.target.closest('.emr-search');
      if (holder && ev.target.classList.contains('emr-search-box')) settle(form, holder);
    });
  }
  // ---- the editor: one per form (EmrKit.mount) ----
  var EVENTS = {change: 'emr-change', dirty: 'emr-dirty', save: 'emr-save-request',
    sign: 'emr-sign-request', print: 'emr-print-request'};
  var CONTROLS = 'input.emr-control, select.emr-control, .emr-rich, button.emr-sign';
  var NATIVE = {date: 'date', time: 'time', datetime: 'datetime-local'};
  function pathOf(el) {
    var h = el.closest('.emr-search');
    if (!h && el.classList.contains('emr-pick')) h = el.parentNode.querySelector('input.emr-control');
    return (h || el).getAttribute('data-emr-path') || '';
  }
  /** The path of the entry a row's control lies in (/values/rows/3). */
  function rowPath(el) {
    var g = el.closest('[data-emr-group]'), row = el.closest('.emr-row');
    return g.getAttribute('data-emr-path') + '/' + rowsOf(g).indexOf(row);
  }
  function shown(el) { return live(el) && el.getClientRects().length > 0; }
  function hookOf(form, name) {
    var ed = form && form.emrEditor;
    return (ed && ed.hooks[name]) || (name === 'search' ? window.EmrKit.search : null);
  }
  function changed(form, el) {
    refresh(form);
    var ed = form.emrEditor;
    // the form is read once: the editor's snapshot gives the event its values
    var text = ed ? ed._record(el || null) : null;
    form.dispatchEvent(new CustomEvent('emr-change', {bubbles: true,
      detail: {values: text ? JSON.parse(text) : values(form), path: el ? pathOf(el) : null}}));
  }
  /** The field (or group) a finding's path points at, or the nearest one holding it. */
  function targetOf(form, path) {
    complete(form);
    while (path && path !== '/values') {
      var el = form.querySelector('[data-emr-path="' + path.replace(/"/g, '\\"') + '"]');
      if (el && live(el)) return el.classList.contains('emr-search') ? el.querySelector('.emr-search-box') : el;
      path = path.slice(0, path.lastIndexOf('/'));
    }
    return null;
  }
  /**
   * Whether a path lies under one of the paths: itself or what is under it; G/+N stands for the
   * entries of group G from index N on (rows added in the form).
   */
  function under(set, path) {
    for (var p = path; p; p = p.slice(0, p.lastIndexOf('/'))) {
      if (set.paths[p]) return true;
      var k = p.lastIndexOf('/'), from = set.from[p.slice(0, k)];
      if (from !== undefined && /^\d+$/.test(p.slice(k + 1)) && Number(p.slice(k + 1)) >= from) return true;
    }
    return false;
  }
  /** A list of paths made ready for under(): a look-up per level of a path, not a scan. */
  function pathSet(list) {
    var set = {paths: {}, from: {}};
    list.forEach(function (p) {
      var m = /^(.*)\/\+(\d+)$/.exec(p);
      if (m) set.from[m[1]] = Number(m[2]); else set.paths[p] = true;
    });
    return set;
  }
  function Editor(form) {
    this.form = form;
    this.hooks = {};
    this._warn = true;
    this._readOnly = false;
    this._editable = null;
    this._amend = null;
    this._amending = false;
    this._findings = [];
    this._local = {};
    this._touched = {};
    this._reveal = false;
    // the first snapshot (undo's start, what "dirty" compares with) is taken before the first
    // change, not at mount: a 200-row sheet is interactive sooner
    this._history = null;
    this._at = 0;
    this._saved = null;
    this._dirty = false;
    form.emrEditor = this;
    wire(this);
    if (form.querySelector('template.emr-later')) {
      form.emrLater = true; // the calculations run when every row is drawn
      drawSoon(form);
    } else {
      refresh(form);
    }
    fitAll(form);
    // sized again once the page's fonts are in (text measured before is narrower) and when the
    // host's layout changes the form's width
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { if (form.isConnected) fitAll(form); });
    var pending = false;
    this._resize = function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; if (form.isConnected) fitAll(form); });
    };
    window.addEventListener('resize', this._resize);
  }
  Editor.prototype = {
    version: '1.0.0',
    /** Applies mount options: hooks, readOnly, editable, report, reveal, warnOnLeave. */
    configure: function (o) {
      o = o || {};
      if (o.hooks) Object.keys(o.hooks).forEach(function (k) { this.hooks[k] = o.hooks[k]; }, this);
      if (o.warnOnLeave !== undefined) this._warn = !!o.warnOnLeave;
      if (o.amend !== undefined) this._amend = o.amend ? pathSet(o.amend) : null;
      if (o.editable !== undefined) this._editable = o.editable == null ? null : pathSet(o.editable);
      if (o.readOnly !== undefined) this._readOnly = !!o.readOnly;
      if (o.amend !== undefined || o.editable !== undefined || o.readOnly !== undefined) this._lock();
      if (o.report) this.showReport(o.report, {reveal: !!o.reveal});
      return this;
    },
    getValues: function () { return values(this.form); },
    json: function () { return write(values(this.form, true)); },
    getValue: function (path) { return at(values(this.form), path); },
    setValue: function (path, v) {
      this._start();
      var els = fields(this.form).filter(function (el) { return el.getAttribute('data-emr-path') === path; });
      if (!els.length) throw new Error('no field at ' + path);
      if (els[0].getAttribute('data-emr-type') === 'signature') throw new Error('a signature is made by signing, not set: ' + path);
      els.forEach(function (el) { writeControl(el, v === null ? undefined : v); fit(el); });
      changed(this.form, els[0]);
    },
    setValues: function (v) { this._start(); this._load(v || {}); this._lock(); changed(this.form, null); },
    /** Loads values by position; rows added or removed at the end to match leave where rows came from unknown. */
    _load: function (v) {
      var before = JSON.stringify(rowKeys(this.form));
      load(this.form, v);
      if (JSON.stringify(rowKeys(this.form)) !== before) this._positional = true;
    },
    patch: function (p) {
      this._start();
      this._load(merge(values(this.form, true), p || {}));
      this._lock();
      changed(this.form, null);
    },
    insertText: function (text, path) {
      this._start();
      var el = path ? targetOf(this.form, path) : this._caret;
      if (!el || (el.tagName !== 'INPUT' && !el.classList.contains('emr-rich')) || this._locked(el)) return false;
      if (el.classList.contains('emr-rich')) {
        var sel = window.getSelection();
        if (document.activeElement !== el || !sel.rangeCount || !el.contains(sel.anchorNode)) {
          el.focus();
          var r = document.createRange();
          r.selectNodeContents(el.lastElementChild || el);
          r.collapse(false);
          sel.removeAllRanges();
          sel.addRange(r);
        }
        document.execCommand('insertText', false, text);
      } else {
        var s = el.selectionStart == null ? el.value.length : el.selectionStart;
        var e = el.selectionEnd == null ? s : el.selectionEnd;
        el.setRangeText(text, s, e, 'end');
        fit(el);
      }
      changed(this.form, el);
      return true;
    },
    readOnly: function () { return this._readOnly; },
    setReadOnly: function (on) { this._readOnly = !!on; this._lock(); },
    /** Only these paths (and what is under them) may be changed; null: all. */
    setEditable: function (paths) { this._editable = paths == null ? null : pathSet(paths); this._lock(); },
    isEditable: function (path) {
      if (this._readOnly) return false;
      return !this._editable || under(this._editable, path);
    },
    /** Whether a change to signed content was made since the last save: the host asks for a reason. */
    amending: function () { return this._amending; },
    focus: function (path) {
      var el = targetOf(this.form, path);
      if (!el) return false;
      if (el.hasAttribute('data-emr-group')) el = el.querySelector(CONTROLS) || el;
      el.scrollIntoView({block: 'center'});
      if (el.focus) el.focus();
      return document.activeElement === el;
    },
    /**
     * Shows findings at their fields: [{path, severity, code, message}] (message: text or
     * {zh, en}). Each stays quiet until its field has been left once, or until a save
     * ({reveal: true}, requestSave, or reveal()).
     */
    showReport: function (findings, o) {
      this._findings = (findings || []).map(function (f) {
        var m = f.message, text = typeof m === 'string' ? m : (m && m.zh) || f.zh || '';
        return {path: f.path || '', severity: f.severity || 'error', code: f.code || '', text: text};
      });
      if (o && o.reveal) this._reveal = true;
      this._notes();
    },
    reveal: function () { this._reveal = true; this._notes(); },
    /** What the form shows as findings now: the report's and the form's own (a date not read). */
    findings: function () {
      var local = this._local;
      return this._findings.concat(Object.keys(local).map(function (p) {
        return {path: p, severity: 'error', code: 'form/unreadable', text: local[p]};
      }));
    },
    undo: function () { return this._go(-1); },
    redo: function () { return this._go(1); },
    canUndo: function () { return this._at > 0; },
    canRedo: function () { return !!this._history && this._at < this._history.length - 1; },
    isDirty: function () { return this._dirty; },
    /** The host saved: what is in the form now is the record. */
    markSaved: function () {
      this._start();
      // the record's rows are the rows posted: as rows() last reported them, else as they stand
      this._base = rebase(this.form, this._asked || rowKeys(this.form));
      this._asked = null;
      this._positional = false;
      this._saved = this.json();
      this._amending = false;
      this._setDirty(false);
    },
    /** Where each row came from (the record entry it shows, null if added): post it with json(). */
    rows: function () { var o = origins(this.form); this._asked = rowKeys(this.form); return o; },
    /** Takes the first snapshot, once: before anything in the form changes. */
    _start: function () {
      if (this._history) return;
      var v = values(this.form, true), form = this.form, base = {};
      groupsOf(form).forEach(function (g) {
        rowsOf(g).forEach(function (row) {
          var x = drawnFor(row);
          if (x !== null) base[keyOf(row)] = x;
        });
      });
      this._base = base;
      this._history = [{v: v, s: write(v), k: rowKeys(form)}];
      this._saved = this._history[0].s;
    },
    requestSave: function () {
      this.reveal();
      return this._emit('save', {values: this.getValues(), json: this.json(), rows: this.rows()});
    },
    requestPrint: function () {
      var hook = this.hooks.print;
      if (hook) { hook({values: this.getValues()}); return true; }
      var ev = this._emit('print', {});
      if (!ev.defaultPrevented) window.print();
      return true;
    },
    /** Listens to change, dirty, save, sign or print; returns the function that stops it. */
    on: function (name, fn) {
      var type = EVENTS[name];
      if (!type) throw new Error('unknown event ' + name + '; expected one of ' + Object.keys(EVENTS).join(', '));
      var f = function (ev) { fn(ev.detail, ev); };
      this.form.addEventListener(type, f);
      var form = this.form;
      return function () { form.removeEventListener(type, f); };
    },
    destroy: function () {
      window.removeEventListener('beforeunload', this._unload);
      window.removeEventListener('resize', this._resize);
      complete(this.form); // rows still to come are drawn (and locked) while it is an editor's
      delete this.form.emrEditor;
    },
    _emit: function (name, detail) {
      var ev = new CustomEvent(EVENTS[name], {bubbles: true, cancelable: true, detail: detail});
      this.form.dispatchEvent(ev);
      return ev;
    },
    _record: function (el) {
      if (!this._history) { this._start(); }
      var v = values(this.form, true), s = write(v), h = this._history, now = Date.now();
      if (el) {
        this._check(el);
        if (this._amend && under(this._amend, pathOf(el))) this._amending = true;
      }
      if (s !== h[this._at].s) {
        if (el && el === this._lastEl && now - this._lastAt < 1000 && this._at === h.length - 1 && this._at > 0) {
          h[this._at] = {v: v, s: s, k: rowKeys(this.form)};
        } else {
          h.splice(this._at + 1);
          h.push({v: v, s: s, k: rowKeys(this.form)});
          if (h.length > 100) h.shift();
          this._at = h.length - 1;
        }
      }
      this._lastEl = el;
      this._lastAt = now;
      this._setDirty(s !== this._saved);
      return s;
    },
    _go: function (step) {
      this._start();
      var to = this._at + step;
      if (to < 0 || to >= this._history.length) return false;
      this._at = to;
      load(this.form, this._history[to].v);
      setRowKeys(this.form, this._history[to].k);
      this._lock();
      this._lastEl = null;
      this._setDirty(this._history[to].s !== this._saved);
      this.form.dispatchEvent(new CustomEvent('emr-change', {bubbles: true, detail: {values: values(this.form), path: null}}));
      return true;
    },
    _setDirty: function (d) {
      if (d === this._dirty) return;
      this._dirty = d;
      this._emit('dirty', {dirty: d});
    },
    _check: function (el) {
      var p = pathOf(el), m = misread(el);
      if (m) this._local[p] = m; else delete this._local[p];
    },
    _locked: function (el) {
      if (el.emrFixed) return true;
      if (el.classList.contains('emr-add')) {
        // rows may be added where the next one may be written
        var g = this.form.querySelector('[data-emr-group][data-emr-path="' + el.getAttribute('data-emr-for') + '"]');
        return !this.isEditable(el.getAttribute('data-emr-for') + '/' + (g ? rowCount(g) : 0));
      }
      var p = el.classList.contains('emr-remove') ? rowPath(el) : pathOf(el);
      return !this.isEditable(p);
    },
    /** Locks and unlocks the controls (in root, a row just drawn; else the form) as the options say. */
    _lock: function (root) {
      var ed = this;
      this.form.classList.toggle('emr-locked', this._readOnly);
      if (!this._readOnly && !this._editable && !this._amend && !this._locks) return; // nothing to lock yet
      this._locks = true;
      // state is written only where it changes: a 200-row sheet is not restyled for nothing
      (root || this.form).querySelectorAll(CONTROLS + ', input.emr-search-box, button.emr-pick, button.emr-add, button.emr-remove').forEach(function (el) {
        if (el.emrFixed === undefined) {
          // what the template itself makes read-only stays so
          // (the host's locks drawn by the server are marked data-emr-locked: not the template's)
          el.emrFixed = !el.hasAttribute('data-emr-locked') && (el.readOnly || el.disabled
              || el.getAttribute('contenteditable') === 'false');
        }
        var locked = ed._locked(el);
        if (ed._amend && !locked && !el.classList.contains('emr-add') && !el.classList.contains('emr-remove')) {
          var amend = under(ed._amend, pathOf(el));
          if (amend !== el.classList.contains('emr-amend')) {
            el.classList.toggle('emr-amend', amend);
            el.title = amend ? '已签名内容，修改须注明理由 signed: a change needs a reason' : '';
          }
        }
        if (el.classList.contains('emr-rich')) {
          if (el.isContentEditable === locked) {
            el.setAttribute('contenteditable', locked ? 'false' : 'true');
            if (locked) el.setAttribute('aria-readonly', 'true'); else el.removeAttribute('aria-readonly');
          }
        } else if (el.tagName === 'INPUT' && el.type === 'text') {
          if (el.readOnly !== locked) el.readOnly = locked;
        } else if (el.classList.contains('emr-add') || el.classList.contains('emr-remove')) {
          if (el.hidden !== locked) el.hidden = locked;
        } else if (el.disabled !== locked) {
          el.disabled = locked;
        }
      });
    },
    _notes: function () {
      var form = this.form, ed = this, by = {};
      form.querySelectorAll('.emr-note').forEach(function (n) { n.remove(); });
      form.querySelectorAll('.emr-flagged').forEach(function (el) {
        el.classList.remove('emr-flagged', 'emr-flagged-error', 'emr-flagged-warning', 'emr-flagged-info');
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-describedby');
      });
      var touched = Object.keys(this._touched);
      this.findings().forEach(function (f) {
        // a quiet finding is not looked up: a report at mount does not draw rows still to come
        if (!ed._reveal && f.code !== 'form/unreadable' && !touched.some(function (k) {
          return k === f.path || k.indexOf(f.path + '/') === 0 || f.path.indexOf(k + '/') === 0;
        })) return;
        var el = targetOf(form, f.path);
        if (!el) return;
        var key = pathOf(el);
        if (!ed._reveal && !ed._touched[key] && f.code !== 'form/unreadable') return;
        (by[key] = by[key] || {el: el, list: []}).list.push(f);
      });
      Object.keys(by).forEach(function (key, i) {
        var el = by[key].el, list = by[key].list;
        var sev = list.some(function (f) { return f.severity === 'error'; }) ? 'error' : list[0].severity;
        el.classList.add('emr-flagged', 'emr-flagged-' + sev);
        if (sev === 'error') el.setAttribute('aria-invalid', 'true');
        var note = document.createElement('span');
        note.className = 'emr-note emr-note-' + sev;
        note.id = 'emr-note-' + i;
        note.setAttribute('role', 'note');
        note.textContent = list.map(function (f) { return f.text; }).join('；');
        el.setAttribute('aria-describedby', note.id);
        // under the line the field stands in (its unit and the text after it stay beside it)
        var line = el.closest('.emr-p');
        if (line) line.appendChild(note);
        else { var after = el.closest('.emr-dt, .emr-search') || el; after.parentNode.insertBefore(note, after.nextSibling); }
      });
    }
  };

  /** The next (or previous) control a clinician fills, in the order of the page. */
  function step(form, from, back) {
    complete(form);
    var list = Array.prototype.filter.call(form.querySelectorAll(CONTROLS + ', input.emr-search-box'), function (el) {
      return el === from || (shown(el) && !el.disabled && !el.readOnly && el.getAttribute('contenteditable') !== 'false'
        && !(el.tagName === 'INPUT' && el.type === 'text' && el.closest('.emr-search') && !el.classList.contains('emr-search-box')));
    });
    var i = list.indexOf(from), to = list[i + (back ? -1 : 1)];
    if (to) { to.focus(); if (to.select && to.tagName === 'INPUT') to.select(); }
    return !!to;
  }
  function openPicker(form, input) {
    var type = input.getAttribute('data-emr-type'), holder = input.closest('.emr-dt');
    if (input.readOnly || !holder) return;
    var old = holder.querySelector('.emr-native');
    if (old) old.remove();
    var n = document.createElement('input');
    n.type = NATIVE[type];
    n.className = 'emr-native';
    n.tabIndex = -1;
    n.setAttribute('aria-hidden', 'true');
    var iso = input.value ? parseWhen(type, input.value) : null;
    if (iso) n.value = type === 'datetime' ? iso.slice(0, 16) : iso;
    n.addEventListener('change', function () {
      if (!n.value) return;
      input.value = showWhen(n.value);
      changed(form, input);
    });
    holder.appendChild(n);
    try { n.showPicker(); } catch (e) { /* no user gesture: the box still takes typing */ }
  }
  // the phrase library (常用语, F2) and any list the host answers: a listbox under the control
  function popup(form, el, items, choose) {
    closePopup(form);
    var list = document.createElement('span');
    list.className = 'emr-popup';
    list.id = el.id + '-phrases';
    list.setAttribute('role', 'listbox');
    el.emrControls = el.getAttribute('aria-controls'); // a search box's own list, given back on close
    el.setAttribute('aria-controls', list.id);
    var after = el.closest('.emr-dt, .emr-search') || el;
    after.parentNode.insertBefore(list, after.nextSibling);
    fillList(list, el, items, function (o, it) { o.textContent = it.title ? it.title + '：' + it.text : it.text; },
      '无常用语 no phrases');
    form.emrPopup = {list: list, el: el, choose: choose};
  }
  function closePopup(form) {
    var p = form.emrPopup;
    if (!p) return;
    closedList(p.list, p.el);
    p.list.remove();
    if (p.el.emrControls) p.el.setAttribute('aria-controls', p.el.emrControls); else p.el.removeAttribute('aria-controls');
    form.emrPopup = null;
  }
  function popupKey(form, ev) {
    var p = form.emrPopup;
    if (!p) return false;
    if (!listKey(ev, p.list, p.el, function (it) { closePopup(form); p.choose(it); },
        function () { closePopup(form); })) {
      if (ev.key !== 'Enter') return false;
      closePopup(form); // nothing to pick: Enter only closes the list
      ev.preventDefault();
    }
    ev.stopImmediatePropagation(); // the form's own Enter (the next field) is not also done
    return true;
  }
  function phrases(ed, el) {
    var hook = ed.hooks.phrases, form = ed.form;
    // text goes into text: a box typed in or a narrative box, not a code's search box or a choice
    var text = el.classList.contains('emr-rich') || (el.tagName === 'INPUT' && el.type === 'text'
        && el.classList.contains('emr-control') && !el.closest('.emr-search'));
    if (!hook || !text || ed._locked(el)) return;
    var holder = el.closest('[data-emr-path]');
    Promise.resolve(hook({field: (holder && holder.getAttribute('data-emr-path') || '').split('/').pop(),
        path: pathOf(el), label: el.getAttribute('aria-label') || ''}))
      .then(function (items) {
        if (document.activeElement !== el) return;
        popup(form, el, items || [], function (it) { ed.insertText(it.text, null); });
      });
  }
  function richBar(form) {
    var bar = form.querySelector('.emr-richbar');
    if (bar) return bar;
    bar = document.createElement('span');
    bar.className = 'emr-richbar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', '文字格式 text format');
    bar.hidden = true;
    [['bold', '<b>B</b>', '加粗 bold (Ctrl+B)'], ['italic', '<i>I</i>', '斜体 italic (Ctrl+I)'],
     ['superscript', 'x<sup>2</sup>', '上标 superscript (Ctrl+Shift+=)'], ['subscript', 'x<sub>2</sub>', '下标 subscript (Ctrl+=)'],
     ['phrases', '常用语', '常用语 phrase library (F2)']]
      .forEach(function (b) {
        var btn = document.createElement('button');
        btn.type = 'button';
        btn.tabIndex = -1;
        btn.setAttribute('data-emr-command', b[0]);
        btn.setAttribute('aria-label', b[2]);
        btn.title = b[2];
        btn.innerHTML = b[1];
        bar.appendChild(btn);
      });
    form.appendChild(bar);
    return bar;
  }
  function showBar(form, rich) {
    var bar = richBar(form), f = form.getBoundingClientRect(), r = rich.getBoundingClientRect();
    bar.querySelector('[data-emr-command=phrases]').hidden = !(form.emrEditor && form.emrEditor.hooks.phrases);
    bar.hidden = false;
    bar.style.left = (r.right - f.left - bar.offsetWidth) + 'px'; // above the box's right end: the label stays in view
    bar.style.top = (r.top - f.top - bar.offsetHeight) + 'px';
  }
  function wire(ed) {
    var form = ed.form;
    initSearch(form);
    form.addEventListener('input', function (ev) {
      fit(ev.target);
      if (ev.target.classList && ev.target.classList.contains('emr-search-box')) return; // a pick changes it
      changed(form, ev.target.closest('.emr-rich') || ev.target);
    });
    form.addEventListener('change', function (ev) {
      if (ev.target.classList.contains('emr-native')) return;
      if (ev.target.removeAttribute) ev.target.removeAttribute('data-emr-unset');
      changed(form, ev.target);
    });
    form.addEventListener('click', function (ev) {
      var add = ev.target.closest('.emr-add'), remove = ev.target.closest('.emr-remove');
      var pick = ev.target.closest('.emr-pick'), sign = ev.target.closest('.emr-sign');
      if ((add && !add.hidden) || (remove && !remove.hidden)) ed._start(); // rows known before they change
      if (add && !add.hidden) {
        var group = form.querySelector('[data-emr-group][data-emr-path="' + add.getAttribute('data-emr-for') + '"]');
        if (addRow(form, group)) { ed._lock(); changed(form, null); }
      } else if (remove && !remove.hidden) {
        var r = remove.closest('.emr-row'), g = r.parentNode, gp = g.getAttribute('data-emr-path');
        // taking out a signed row, or one before a signed row (which moves), changes signed
        // content: the host asks for the reason, as for a change to a signed field
        if (ed._amend) {
          var list = rowsOf(g);
          for (var i = list.indexOf(r); i < list.length; i++) if (under(ed._amend, gp + '/' + i)) ed._amending = true;
        }
        r.remove();
        renumber(g);
        changed(form, null);
      } else if (pick) {
        openPicker(form, pick.parentNode.querySelector('input.emr-control'));
      } else if (sign) {
        ev.preventDefault();
        var p = sign.getAttribute('data-emr-path'), parts = p.split('/').slice(2, -1);
        ed._emit('sign', {path: p, scope: parts.length ? '/' + parts.join('/') : ''});
      }
    });
    form.addEventListener('mousedown', function (ev) {
      var o = ev.target.closest('.emr-popup [role=option]'), cmd = ev.target.closest('.emr-richbar button');
      if (o && form.emrPopup) { ev.preventDefault(); var p = form.emrPopup; closePopup(form); p.choose(o.emrItem); }
      if (cmd) {
        ev.preventDefault(); // the rich box keeps the focus and the caret
        var command = cmd.getAttribute('data-emr-command');
        if (command === 'phrases') phrases(ed, document.activeElement);
        else document.execCommand(command);
      }
    });
    form.addEventListener('focusin', function (ev) {
      ed._start();
      var el = ev.target;
      if (el.tagName === 'INPUT' && el.type === 'text' && !el.classList.contains('emr-search-box') || el.classList.contains('emr-rich')) ed._caret = el;
      if (el.classList.contains('emr-rich') && el.isContentEditable) showBar(form, el);
    });
    form.addEventListener('focusout', function (ev) {
      var el = ev.target;
      if (!el.matches || !el.matches(CONTROLS + ', input.emr-search-box')) return;
      if (el.classList.contains('emr-rich')) richBar(form).hidden = true;
      closePopup(form);
      ed._touched[pathOf(el)] = true;
      ed._check(el);
      if (el.tagName === 'INPUT' && WHEN[el.getAttribute('data-emr-type')]) {
        var iso = parseWhen(el.getAttribute('data-emr-type'), el.value);
        if (iso) el.value = showWhen(iso);
      }
      ed._notes();
    });
    form.addEventListener('paste', function (ev) {
      var el = ev.target;
      var rich = el.closest && el.closest('.emr-rich');
      var line = el.tagName === 'INPUT' && (el.type === 'text' || el.type === 'search');
      if (!rich && !line && el.tagName !== 'TEXTAREA') return;
      // text only: a paste from Word or the web brings no foreign markup into the record, nor
      // invisible characters: a vertical tab or form feed is a line break (in a one-line box a
      // space, as the box makes of a line break), other control characters are left out (no
      // XML document may hold them), and so are the text-direction controls (the save would
      // be refused, json/character)
      ev.preventDefault();
      var text = (ev.clipboardData || window.clipboardData).getData('text/plain')
        .replace(/[\u000B\u000C]/g, '\n')
        .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u061C\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '');
      if (line) text = text.replace(/\r\n|[\r\n]/g, ' ');
      document.execCommand('insertText', false, text);
    });
    form.addEventListener('keydown', function (ev) {
      // a Chinese input method's Enter commits what is composed: it is not the editor's
      if (ev.isComposing || ev.keyCode === 229) return;
      if (popupKey(form, ev)) return;
      var k = ev.key, ctrl = ev.ctrlKey || ev.metaKey, el = ev.target;
      if (ctrl && (k === 's' || k === 'S')) { ev.preventDefault(); ed.requestSave(); return; }
      if (ctrl && (k === 'p' || k === 'P')) { ev.preventDefault(); ed.requestPrint(); return; }
      if (ctrl && !ev.shiftKey && (k === 'z' || k === 'Z')) { ev.preventDefault(); ed.undo(); return; }
      if (ctrl && (k === 'y' || k === 'Y' || (ev.shiftKey && (k === 'z' || k === 'Z')))) { ev.preventDefault(); ed.redo(); return; }
      if (ctrl && el.classList.contains('emr-rich') && (k === '=' || k === '+')) {
        ev.preventDefault();
        document.execCommand(ev.shiftKey ? 'superscript' : 'subscript');
        return;
      }
      if (k === 'F2') { ev.preventDefault(); phrases(ed, el); return; }
      if (ev.altKey && k === 'ArrowDown' && el.tagName === 'INPUT' && WHEN[el.getAttribute('data-emr-type')]) {
        ev.preventDefault();
        openPicker(form, el);
        return;
      }
      if (k === 'Enter' && !ev.defaultPrevented && !ctrl && !ev.altKey
          && (el.tagName === 'SELECT' || (el.tagName === 'INPUT' && el.type !== 'button'))) {
        ev.preventDefault(); // never submits; the next field instead
        step(form, el, ev.shiftKey);
      }
    });
    ed._unload = function (ev) {
      if (ed._warn && ed._dirty) { ev.preventDefault(); ev.returnValue = ''; return ''; }
    };
    window.addEventListener('beforeunload', ed._unload);
  }
  // inline boxes in flowing text grow with what is typed, as handwriting on the line would
  var ruler = null;
  function fit(el, batch) {
    if (el.tagName !== 'INPUT' || el.type !== 'text' || !live(el)) return;
    var box = el.closest('.emr-dt, .emr-search') || el;
    if (box.parentNode.children.length === 1 && el.closest('td')) { // it fills its cell
      if (box.classList.contains('emr-dt') || el.classList.contains('emr-num')) { if (batch) batch.push(el); else shrink([el]); }
      return;
    }
    var form = el.closest('form');
    if (!form.emrFont) {
      var cs = getComputedStyle(el);
      form.emrFont = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
    }
    ruler = ruler || document.createElement('canvas').getContext('2d');
    ruler.font = form.emrFont;
    el.style.width = Math.ceil(ruler.measureText(el.value || el.placeholder || '').width + 10) + 'px';
  }
  function fitAll(form) { fitEach(form.querySelectorAll('input.emr-control[type=text]')); }
  function fitEach(list) {
    var batch = [];
    Array.prototype.forEach.call(list, function (el) { fit(el, batch); });
    shrink(batch);
  }
  /**
   * Date, time and number boxes that fill a narrow cell (a nursing sheet's 日期时间 or ml column
   * beside a host's side panel) are set smaller until their text shows whole, down to 10 px: the
   * minutes of a row's time were cut off, and an intake of 2000 ml could read 200. Read all, then
   * write all: one layout for a sheet, not one a row.
   */
  function shrink(boxes) {
    var tight = boxes.filter(function (el) { return el.style.fontSize || el.scrollWidth > el.clientWidth; });
    if (!tight.length) return;
    tight.forEach(function (el) { el.style.fontSize = ''; });
    var to = tight.map(function (el) {
      var size = parseFloat(getComputedStyle(el).fontSize), over = el.scrollWidth / Math.max(1, el.clientWidth);
      return over > 1 ? Math.max(10, Math.floor(size / over * 10) / 10) + 'px' : '';
    });
    tight.forEach(function (el, i) { el.style.fontSize = to[i]; });
  }
  function editorOf(form) { return form.emrEditor || new Editor(form); }
  /**
   * Mounts the edit form in a host element: options.html (the form's HTML from the server) is
   * put in the host first; the other options are those of Editor.configure.
   */
  function mount(host, options) {
    options = options || {};
    if (typeof host === 'string') host = document.querySelector(host);
    if (!host) throw new Error('EmrKit.mount: no host element');
    if (options.html != null) host.innerHTML = options.html;
    var form = host.matches && host.matches('form.emr-edit') ? host : host.querySelector('form.emr-edit');
    if (!form) throw new Error('EmrKit.mount: no EMRKit edit form (form.emr-edit) in the host element');
    return editorOf(form).configure(options);
  }
  /** The JSON text of the form's values, numbers exactly as typed: what to post to the server. */
  function json(form) { return write(values(form, true)); }
  window.EmrKit = {version: '1.0.0', mount: mount, values: values, json: json, rows: origins, evaluate: evaluate,
    init: editorOf, search: null};
  document.querySelectorAll('form.emr-edit').forEach(editorOf);
})();
