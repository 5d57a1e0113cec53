/* EMRKit edit form: no dependencies. EmrKit.values(form) returns the record's "values" object
   (record JSON emrkit-record/2); EmrKit.json(form) its JSON text with numbers exactly as typed
   (what to post: 36.80 stays 36.80); the form dispatches "emr-change" after every change. */
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
    if (type === 'boolean') return el.hasAttribute('data-emr-unset') ? undefined : el.checked;
    var v = el.value;
    if (v === '' || v == null) return undefined;
    if (type === 'integer' || type === 'decimal') {
      var n = Number(v);
      if (isNaN(n)) return undefined;
      // exact: the number as typed (36.80 stays 36.80 in EmrKit.json)
      return exact && /^-?\d+(\.\d+)?$/.test(v.trim()) ? new Exact(v.trim()) : n;
    }
    if (type === 'datetime') {
      return (v.length === 16 ? v + ':00' : v) + (el.getAttribute('data-emr-offset') || offset());
    }
    return v;
  }
  function Exact(text) { this.text = text; }
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
  function values(form, exact) {
    var out = {};
    form.querySelectorAll('[data-emr-group]').forEach(function (g) {
      if (live(g)) put(out, g.getAttribute('data-emr-path'), []);
    });
    form.querySelectorAll('[data-emr-path]').forEach(function (el) {
      if (!live(el) || el.hasAttribute('data-emr-group') || el.tagName === 'OUTPUT') return;
      if (el.tagName === 'SPAN' && !el.classList.contains('emr-search')) return;
      if (el.tagName === 'INPUT' && el.classList.contains('emr-search-box')) return;
      var path = el.getAttribute('data-emr-path');
      if (el.getAttribute('data-emr-type') === 'multichoice') {
        var parts = path.split('/').slice(2), o = out;
        for (var i = 0; i < parts.length - 1; i++) o = o[/^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i]] || {};
        var list = o[parts[parts.length - 1]] || [];
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
    var base = group.getAttribute('data-emr-path');
    Array.prototype.filter.call(group.children, function (c) { return c.classList.contains('emr-row'); })
      .forEach(function (row, i) {
        row.querySelectorAll('[data-emr-path]').forEach(function (el) {
          var path = el.getAttribute('data-emr-path');
          if (path.indexOf(base + '/') === 0) {
            var rest = path.slice(base.length + 1).replace(/^[^/]*/, String(i));
            el.setAttribute('data-emr-path', base + '/' + rest);
            if (el.hasAttribute('name')) el.setAttribute('name', base + '/' + rest);
          }
        });
      });
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
    holder.querySelector('.emr-search-box').value = shownOf(holder);
  }
  function listOf(holder) { return holder.querySelector('.emr-search-list'); }
  function closeList(holder) {
    var list = listOf(holder), box = holder.querySelector('.emr-search-box');
    list.hidden = true;
    list.innerHTML = '';
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
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
  function showMatches(holder, matches) {
    var list = listOf(holder), box = holder.querySelector('.emr-search-box');
    list.innerHTML = '';
    matches.forEach(function (m, i) {
      var li = document.createElement('span');
      li.setAttribute('role', 'option');
      li.id = box.id + '-o' + i;
      li.setAttribute('aria-selected', 'false');
      li.emrMatch = m;
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
      list.appendChild(li);
    });
    if (!matches.length) {
      var none = document.createElement('span');
      none.className = 'emr-search-none';
      none.textContent = '无匹配 no match';
      list.appendChild(none);
    }
    list.hidden = false;
    box.setAttribute('aria-expanded', 'true');
    if (matches.length) activate(holder, 0);
  }
  function options(holder) { return Array.prototype.slice.call(listOf(holder).querySelectorAll('[role=option]')); }
  function activate(holder, i) {
    var opts = options(holder), box = holder.querySelector('.emr-search-box');
    opts.forEach(function (o, k) { o.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
    if (opts[i]) { box.setAttribute('aria-activedescendant', opts[i].id); opts[i].scrollIntoView({block: 'nearest'}); }
  }
  function active(holder) {
    var opts = options(holder);
    for (var i = 0; i < opts.length; i++) if (opts[i].getAttribute('aria-selected') === 'true') return i;
    return -1;
  }
  function pick(form, holder, m) {
    setPick(holder, m);
    closeList(holder);
    changed(form);
  }
  function search(holder) {
    var box = holder.querySelector('.emr-search-box'), q = box.value.trim();
    if (!window.EmrKit.search || !q || q === shownOf(holder)) { closeList(holder); return; }
    var seq = ++searchSeq;
    Promise.resolve(window.EmrKit.search({field: holder.getAttribute('data-emr-field'),
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
    if (!window.EmrKit.search) {
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
      if (!holder) return;
      var n = options(holder).length, i = active(holder), open = !listOf(holder).hidden;
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (!open) { search(holder); return; }
        if (n) activate(holder, ev.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n);
      } else if (ev.key === 'Enter') {
        ev.preventDefault(); // never submits the form
        if (open && i >= 0) pick(form, holder, options(holder)[i].emrMatch); else settle(form, holder);
      } else if (ev.key === 'Escape' && open) {
        ev.preventDefault();
        closeList(holder);
        holder.querySelector('.emr-search-box').value = shownOf(holder);
      }
    });
    form.addEventListener('mousedown', function (ev) {
      var li = ev.target.closest && ev.target.closest('.emr-search-list [role=option]');
      if (!li) return;
      ev.preventDefault(); // keep focus in the box
      pick(form, li.closest('.emr-search'), li.emrMatch);
    });
    form.addEventListener('focusout', function (ev) {
      var holder = ev.target.closest && ev.target.closest('.emr-search');
      if (holder && ev.target.classList.contains('emr-search-box')) settle(form, holder);
    });
  }
  function changed(form) {
    refresh(form);
    form.dispatchEvent(new CustomEvent('emr-change', {bubbles: true, detail: {values: values(form)}}));
  }
  function init(form) {
    var ids = 0;
    initSearch(form);
    form.addEventListener('input', function () { changed(form); });
    form.addEventListener('change', function (ev) {
      if (ev.target.removeAttribute) ev.target.removeAttribute('data-emr-unset');
      changed(form);
    });
    form.addEventListener('click', function (ev) {
      var add = ev.target.closest('.emr-add'), remove = ev.target.closest('.emr-remove');
      if (add) {
        var path = add.getAttribute('data-emr-for');
        var group = form.querySelector('[data-emr-group][data-emr-path="' + path + '"]');
        var tpl = add.parentNode.querySelector('template.emr-row-template');
        var max = group.getAttribute('data-emr-max');
        var rows = Array.prototype.filter.call(group.children, function (c) { return c.classList.contains('emr-row'); });
        if (max && rows.length >= Number(max)) return;
        // fresh ids, and every reference to one (a label's for, a search box's list) follows it
        var fresh = {};
        var html = tpl.innerHTML.split('{i}').join(String(rows.length)).replace(/emr-f(\d+)/g, function (m, n) { return fresh[n] || (fresh[n] = 'emr-n' + (++ids)); });
        var holder = document.createElement(group.tagName === 'TBODY' ? 'tbody' : 'div');
        holder.innerHTML = html;
        var row = holder.firstElementChild;
        var before = group.tagName === 'TBODY' ? null : add.parentNode.querySelector('template.emr-row-template');
        if (before && before.parentNode === group) group.insertBefore(row, before); else group.appendChild(row);
        renumber(group);
        changed(form);
      } else if (remove) {
        var r = remove.closest('.emr-row'), g = r.parentNode;
        r.remove();
        renumber(g);
        changed(form);
      }
    });
    refresh(form);
  }
  /** The JSON text of the form's values, numbers exactly as typed: what to post to the server. */
  function json(form) { return write(values(form, true)); }
  window.EmrKit = {values: values, json: json, evaluate: evaluate, init: init, search: null};
  document.querySelectorAll('form.emr-edit').forEach(init);
})();
