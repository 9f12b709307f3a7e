(function () {
  "use strict";
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
  (function fixCsvLink() {
    var root = siteRoot();
    var csv = fig.getAttribute("data-csv");
    var link = fig.querySelector(".hubobs-chart-download a");
    if (root !== null && csv && link) { link.setAttribute("href", root + csv); }
  })();
  function load() {
    if (window.__hubobsVega) { return window.__hubobsVega; }
    var base = vendorBase();
    var files = VENDOR_FILES;
    window.__hubobsVega = new Promise(function (resolve, reject) {
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
  load().then(function (vegaEmbed) {
    return vegaEmbed(view, spec, {
      mode: "vega-lite",
      renderer: "svg",
      ast: true,
      actions: false,
      loader: sameOriginLoader(window.vega),
      tooltip: { sanitize: escapeHtml, theme: "light" }
    });
  }).catch(function (err) {
    view.textContent = "The chart could not be drawn (" + err.message + "). Its data is in the CSV file linked below.";
    if (window.console) { console.error(err); }
  });
})();
