(function () {
  "use strict";
  // Draws one published figure: its Vega-Lite spec (inline JSON), fitted to the width of its
  // column, in the page's light or dark theme, drawn again when either changes. Vega, Vega-Lite
  // and vega-embed come from the site's vendored copies, loaded once per page; Vega may load
  // nothing from outside the page's origin; tooltips escape every HTML character; expressions
  // are interpreted from their syntax tree (no 'unsafe-eval').
  var fig = document.getElementById(FIGURE_ID);
  if (!fig) { return; }
  var view = fig.querySelector(".hubobs-chart-view");
  var spec = JSON.parse(fig.querySelector("script.hubobs-chart-spec").textContent);
  function siteRoot() {
    var meta = document.querySelector('meta[name="quarto:offset"]');
    var off = meta && meta.getAttribute("content");
    return off ? off.replace(/\/?$/, "/") : null;
  }
  function vendorBase() {
    var root = siteRoot();
    return root !== null ? root + VENDOR_DIR : fig.getAttribute("data-vendor");
  }
  (function fixDataLinks() {
    var root = siteRoot();
    var csv = fig.getAttribute("data-csv");
    if (root === null || !csv) { return; }
    var stem = csv.replace(/\.csv$/, "");
    fig.querySelectorAll(".hubobs-chart-download a[data-ext]").forEach(function (a) {
      a.setAttribute("href", root + stem + a.getAttribute("data-ext"));
    });
  })();
  function load() {
    if (window.__hubobsVega) { return window.__hubobsVega; }
    var base = vendorBase();
    var files = VENDOR_FILES;
    window.__hubobsVega = new Promise(function (resolve, reject) {
      // the UMD builds would register as anonymous AMD modules where require.js is present
      var savedDefine = window.define;
      window.define = undefined;
      function done(err) {
        window.define = savedDefine;
        if (err) { reject(err); } else { resolve(window.vegaEmbed); }
      }
      function next(i) {
        if (i === files.length) { done(null); return; }
        var s = document.createElement("script");
        s.src = base + files[i];
        s.async = false;
        s.onload = function () { next(i + 1); };
        s.onerror = function () { done(new Error("could not load " + s.src)); };
        document.head.appendChild(s);
      }
      next(0);
    });
    return window.__hubobsVega;
  }
  function escapeHtml(value) {
    return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }
  function sameOriginLoader(vega) {
    var loader = vega.loader();
    var sanitize = loader.sanitize;
    loader.sanitize = function (uri, options) {
      return sanitize.call(loader, uri, options).then(function (result) {
        var url = new URL(result.href, document.baseURI);
        if (url.protocol !== "data:" && url.origin !== window.location.origin) {
          throw new Error("blocked a request leaving the site: " + url.href);
        }
        return result;
      });
    };
    return loader;
  }
  function isDark() {
    return document.body.classList.contains("quarto-dark");
  }
  // The spec, sized for a column ``width`` pixels wide: single views take the width whole
  // (axes and legend included); panels of facets and concatenations share what their labels
  // leave; legends go below the chart, in as many columns as fit; long labels are cut to fit.
  function fitted(width) {
    var s = JSON.parse(JSON.stringify(spec));
    var labels = Math.max(60, Math.min(200, Math.floor(width * 0.3)));
    var inner = Math.max(120, width - labels - 40);
    var config = s.config = s.config || {};
    config.axis = Object.assign({}, config.axis, { labelLimit: labels });
    config.legend = Object.assign({}, config.legend, {
      orient: "bottom", direction: "horizontal", titleOrient: "top",
      columns: Math.max(1, Math.floor(width / 190)), labelLimit: 160, titleLimit: width - 20
    });
    if (s.facet || s.spec) {
      if (s.spec && typeof s.spec.width === "number") { s.spec.width = inner; }
      s.autosize = { type: "pad" };
    } else if (s.hconcat) {
      s.hconcat.forEach(function (c) {
        if (typeof c.width === "number") { c.width = Math.floor(inner / s.hconcat.length); }
      });
      s.autosize = { type: "pad" };
    } else if (s.vconcat) {
      s.vconcat.forEach(function (c) { if (typeof c.width === "number") { c.width = inner; } });
      s.autosize = { type: "pad" };
    } else {
      s.width = Math.max(160, width - 10);
      s.autosize = { type: "fit-x", contains: "padding" };
    }
    return s;
  }
  var drawn = null;
  function draw() {
    var width = Math.floor(view.getBoundingClientRect().width) || 600;
    var dark = isDark();
    var key = width + (dark ? "d" : "l");
    if (key === drawn) { return; }
    drawn = key;
    load().then(function (vegaEmbed) {
      var options = {
        mode: "vega-lite",
        renderer: "svg",
        ast: true,
        actions: false,
        loader: sameOriginLoader(window.vega),
        tooltip: { sanitize: escapeHtml, theme: dark ? "dark" : "light" }
      };
      if (dark) { options.theme = "dark"; }
      var s = fitted(width);
      if (dark) { s.background = null; }
      return vegaEmbed(view, s, options);
    }).catch(function (err) {
      view.textContent = "The chart could not be drawn (" + err.message + "). Its data is in the files linked below.";
      if (window.console) { console.error(err); }
    });
  }
  draw();
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(draw, 200);
  });
  new MutationObserver(draw).observe(document.body, { attributes: true, attributeFilter: ["class"] });
})();
