"use strict";
// Shared by the explorers drawn by their own script (analysis/explorers/page.py): finds the
// explorer's section, reads its data (inline JSON), points the data links at the site's copy
// and offers small helpers. Hub text is only ever written with textContent, never as markup.
var root = document.getElementById(EXPLORER_ID);
if (!root) { return; }
var view = root.querySelector(".hubobs-explorer-view");
var DATA = JSON.parse(root.querySelector("script.hubobs-explorer-data").textContent);
(function fixDataLinks() {
  var meta = document.querySelector('meta[name="quarto:offset"]');
  var off = meta && meta.getAttribute("content");
  var csv = root.getAttribute("data-csv");
  if (!off || !csv) { return; }
  var stem = off.replace(/\/?$/, "/") + csv.replace(/\.csv$/, "");
  root.querySelectorAll(".hubobs-chart-download a[data-ext]").forEach(function (a) {
    a.setAttribute("href", stem + a.getAttribute("data-ext"));
  });
})();
var uid = 0;
function nextId(prefix) { uid += 1; return EXPLORER_ID + "-" + prefix + "-" + uid; }
// el("td", {className: "x", "aria-label": "y"}, "text", [children]): an element; attributes
// set as properties (className, id, type, ...) or, when they contain a dash, as attributes.
function el(tag, attrs, text, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k.indexOf("-") >= 0 || k === "role") { node.setAttribute(k, attrs[k]); }
    else { node[k] = attrs[k]; }
  });
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
  return node;
}
var NUMBER = new Intl.NumberFormat("en-US");
function fmtNumber(v) { return v === null || v === undefined ? "–" : NUMBER.format(v); }
function fmtPercent(v) {
  if (v === null || v === undefined || !isFinite(v)) { return "–"; }
  var p = v * 100;
  return (p > 0 && p < 0.1 ? "<0.1" : p.toFixed(1)) + "%";
}
// The Hub page of a repository (kind: models, datasets, spaces) or an owner (kind: null): each
// part of the id URL-encoded, so an id cannot leave huggingface.co or carry a scheme.
function hubUrl(kind, id) {
  var path = String(id).split("/").map(encodeURIComponent).join("/");
  var prefix = kind === "datasets" ? "datasets/" : kind === "spaces" ? "spaces/" : "";
  return "https://huggingface.co/" + prefix + path;
}
view.textContent = "";
