(function () {
  "use strict";
  // Search by capability: loads the page's gzip-compressed JSON index (decompressed by the
  // browser's own DecompressionStream), ranks by the BM25 weights the build wrote
  // (analysis/search/bm25.py: the same tokens, the same integer sums, the same ties), narrows
  // by the facet lists and shows the first results as a list of links to the Hub. Hub text is
  // only ever set as textContent; nothing is requested but the index, from the page's origin.
  var root = document.querySelector(".hubobs-search");
  if (!root) { return; }
  var input = root.querySelector("#hs-q");
  var sortSelect = root.querySelector("#hs-sort");
  var status = root.querySelector("#hs-status");
  var list = root.querySelector("#hs-results");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-facet]"));
  var pageSize = parseInt(root.getAttribute("data-page-size"), 10) || 50;
  var MAX_TOKEN = 40;
  var MAX_OPTIONS = 60;
  var HUB = "https://huggingface.co/";
  var DAY = 86400000;
  var idx = null;
  var decoded = {};
  var number = new Intl.NumberFormat("en-US");

  function indexUrl() {
    var meta = document.querySelector('meta[name="quarto:offset"]');
    var off = meta && meta.getAttribute("content");
    var site = root.getAttribute("data-index-site");
    if (off && site) { return off.replace(/\/?$/, "/") + site; }
    return root.getAttribute("data-index");
  }

  function isGzip(bytes) { return bytes.length > 1 && bytes[0] === 0x1f && bytes[1] === 0x8b; }

  function load() {
    var url = new URL(indexUrl(), document.baseURI);
    if (url.origin !== window.location.origin) {
      return Promise.reject(new Error("the index must come from this site"));
    }
    return fetch(url.href, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.arrayBuffer();
    }).then(function (buf) {
      var bytes = new Uint8Array(buf);
      if (!isGzip(bytes)) { return new Response(bytes).text(); } // served already decompressed
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).text();
    }).then(function (text) { return JSON.parse(text); });
  }

  function tokenize(text) {
    var m = String(text).normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    return m.map(function (t) { return Array.from(t).slice(0, MAX_TOKEN).join(""); });
  }

  function lowerBound(terms, key) {
    var lo = 0, hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (terms[mid] < key) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  function postings(j) {
    if (decoded[j]) { return decoded[j]; }
    var p = idx.postings[j], docs = new Array(p[0].length), at = 0;
    for (var i = 0; i < p[0].length; i++) { at += p[0][i]; docs[i] = at; }
    decoded[j] = [docs, p[1]];
    return decoded[j];
  }

  // Each matching document's score: exact terms for all tokens but the last, the best term
  // the last one begins (the reader may still be typing); null when the query has no token.
  // Scores live in typed arrays reused between queries (a Map per keystroke is too slow for a
  // one-letter prefix over tens of thousands of documents); the result is the list of matching
  // documents and the array of their scores.
  var acc = null, best = null, seen = null, seenBest = null;
  function scores(query) {
    var tokens = tokenize(query).filter(function (t, i, all) { return all.indexOf(t) === i; });
    if (!tokens.length) { return null; }
    var n = idx.docs.id.length;
    if (!acc) {
      acc = new Int32Array(n); best = new Int32Array(n);
      seen = new Uint8Array(n); seenBest = new Uint8Array(n);
    }
    acc.fill(0); best.fill(0); seen.fill(0); seenBest.fill(0);
    var terms = idx.terms, hits = [], i, j, p, d;
    var exact = tokens.slice(0, -1);
    exact.forEach(function (term) {
      var k = lowerBound(terms, term);
      if (k < terms.length && terms[k] === term) {
        var q = postings(k);
        for (var x = 0; x < q[0].length; x++) {
          var e = q[0][x];
          if (!seen[e]) { seen[e] = 1; hits.push(e); }
          acc[e] += q[1][x];
        }
      }
    });
    var last = tokens[tokens.length - 1];
    if (exact.indexOf(last) < 0) {
      var touched = [];
      for (j = lowerBound(terms, last); j < terms.length && terms[j].lastIndexOf(last, 0) === 0; j++) {
        if (exact.indexOf(terms[j]) >= 0) { continue; }
        p = postings(j);
        for (i = 0; i < p[0].length; i++) {
          d = p[0][i];
          if (!seenBest[d]) { seenBest[d] = 1; touched.push(d); best[d] = p[1][i]; }
          else if (p[1][i] > best[d]) { best[d] = p[1][i]; }
        }
      }
      for (i = 0; i < touched.length; i++) {
        d = touched[i];
        if (!seen[d]) { seen[d] = 1; hits.push(d); }
        acc[d] += best[d];
      }
    }
    return { hits: hits, score: acc };
  }

  function chosen() {
    var out = [];
    selects.forEach(function (s) {
      if (s.value !== "") { out.push([s.getAttribute("data-facet"), parseInt(s.value, 10)]); }
    });
    return out;
  }

  function passes(d, filters) {
    var docs = idx.docs;
    for (var k = 0; k < filters.length; k++) {
      var v = docs[filters[k][0]][d];
      if (Array.isArray(v) ? v.indexOf(filters[k][1]) < 0 : v !== filters[k][1]) { return false; }
    }
    return true;
  }

  function comparator(sort, s) {
    var docs = idx.docs;
    function byDownloads(a, b) { return docs.downloads[b] - docs.downloads[a] || a - b; }
    if (sort === "relevance" && s) {
      var score = s.score;
      return function (a, b) { return score[b] - score[a] || byDownloads(a, b); };
    }
    if (sort === "likes") {
      return function (a, b) { return docs.likes[b] - docs.likes[a] || byDownloads(a, b); };
    }
    if (sort === "created") {
      return function (a, b) {
        var x = docs.created[a], y = docs.created[b];
        if (x === y) { return byDownloads(a, b); }
        if (x === null) { return 1; }
        if (y === null) { return -1; }
        return y - x;
      };
    }
    return byDownloads;
  }

  function hubUrl(kind, id) {
    var base = kind === "dataset" ? HUB + "datasets/" : HUB;
    return base + id.split("/").map(encodeURIComponent).join("/");
  }

  function label(facet, d) {
    var v = idx.docs[facet][d];
    return idx.facets[facet].values[v];
  }

  function params(n) {
    if (n === null || n === undefined) { return null; }
    return n >= 1e9 ? (n / 1e9).toFixed(1).replace(/\.0$/, "") + "B parameters"
      : Math.max(1, Math.round(n / 1e6)) + "M parameters";
  }

  function count(n, word) { return number.format(n) + " " + word + (n === 1 ? "" : "s"); }

  function item(d) {
    var docs = idx.docs, kind = label("kind", d);
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = hubUrl(kind, docs.id[d]);
    a.textContent = docs.id[d];
    a.className = "hs-id";
    var h = document.createElement("p");
    h.className = "hs-title";
    h.appendChild(a);
    li.appendChild(h);
    var facts = [kind, label("task", d), label("library", d), label("licence", d),
      params(docs.params[d]), count(docs.downloads[d], "download"), count(docs.likes[d], "like")];
    if (docs.created[d] !== null) {
      facts.push("created " + new Date(docs.created[d] * DAY).toISOString().slice(0, 10));
    }
    var langs = docs.language[d].map(function (v) { return idx.facets.language.values[v]; });
    if (langs.length) { facts.push("languages: " + langs.join(", ")); }
    var meta = document.createElement("p");
    meta.className = "hs-meta";
    meta.textContent = facts.filter(function (f) { return f && f !== "(none)"; }).join(" · ");
    li.appendChild(meta);
    if (docs.summary[d]) {
      var sum = document.createElement("p");
      sum.className = "hs-summary";
      sum.textContent = docs.summary[d];
      li.appendChild(sum);
    }
    return li;
  }

  // Every list's counts follow the results: how many of the query's matches each choice
  // would leave, given the choices made in the other lists.
  function updateCounts(base, filters) {
    selects.forEach(function (sel) {
      var key = sel.getAttribute("data-facet");
      var others = filters.filter(function (f) { return f[0] !== key; });
      var counts = new Int32Array(idx.facets[key].values.length);
      var col = idx.docs[key];
      for (var i = 0; i < base.length; i++) {
        var d = base[i];
        if (!passes(d, others)) { continue; }
        var v = col[d];
        if (Array.isArray(v)) { for (var k = 0; k < v.length; k++) { counts[v[k]]++; } }
        else { counts[v]++; }
      }
      for (var o = 1; o < sel.options.length; o++) {
        var opt = sel.options[o], n = counts[parseInt(opt.value, 10)];
        opt.textContent = idx.facets[key].values[parseInt(opt.value, 10)] + " (" + number.format(n) + ")";
      }
    });
  }

  function run() {
    if (!idx) { return; }
    var s = scores(input.value);
    var filters = chosen();
    var base = [];
    if (s) {
      base = s.hits;
    } else {
      for (var d = 0; d < idx.docs.id.length; d++) { base.push(d); }
    }
    var hits = base.filter(function (x) { return passes(x, filters); });
    hits.sort(comparator(sortSelect.value, s));
    var frag = document.createDocumentFragment();
    hits.slice(0, pageSize).forEach(function (x) { frag.appendChild(item(x)); });
    list.replaceChildren(frag);
    updateCounts(base, filters);
    var n = hits.length;
    status.textContent = n === 0 ? "No results."
      : number.format(n) + (n === 1 ? " result" : " results") +
        (n > pageSize ? ", the first " + pageSize + " shown." : ".");
  }

  function fillFacets() {
    selects.forEach(function (sel) {
      var key = sel.getAttribute("data-facet");
      idx.facets[key].values.slice(0, MAX_OPTIONS).forEach(function (text, i) {
        var o = document.createElement("option");
        o.value = String(i);
        o.textContent = text;
        sel.appendChild(o);
      });
      sel.disabled = false;
    });
  }

  var timer = null;
  function soon() {
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(function () { timer = null; run(); }, 60);
  }

  root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); run(); });
  input.addEventListener("input", soon);
  sortSelect.addEventListener("change", run);
  selects.forEach(function (s) { s.addEventListener("change", run); });

  load().then(function (data) {
    idx = data;
    fillFacets();
    input.disabled = false;
    sortSelect.disabled = false;
    run();
  }, function (err) {
    status.textContent = "The search index could not be loaded (" + err.message + ").";
  });
})();
