// ModelVerse (explorers/modelverse): organizations by kind and country, with their models,
// datasets, spaces, derivatives of their models and downloads, and each one's share of the Hub.
// Drill down: kinds of organization -> the organizations of one kind (filtered by country) ->
// one organization's largest repositories, linked to the Hub. Buttons and links only, so the
// keyboard reaches everything; after each step the focus moves to the new heading.
var C = {};
DATA.columns.forEach(function (c, i) { C[c] = i; });
function rec(r) { var o = {}; DATA.columns.forEach(function (c, i) { o[c] = r[i]; }); return o; }
var rows = DATA.rows.map(rec);
var hub = rows.filter(function (r) { return r.level === "hub"; })[0];
if (!hub) {
  view.appendChild(el("p", {className: "hubobs-explorer-empty"}, "No week to show."));
  return;
}
var KIND_WORDS = {"non-profit": "non-profit", unmapped: "unmapped (not in the mapping)",
  unknown: "unknown (in the mapping, kind not known)"};
var MEASURES = [["models", "model_share", "models"], ["datasets", "dataset_share", "datasets"],
  ["spaces", "space_share", "spaces"], ["downloads", "download_share", "downloads (models and datasets)"]];
var state = {kind: null, author: null, country: "", measure: 0};

view.appendChild(el("p", {className: "mv-status"},
  "The Hub this week: " + fmtNumber(hub.authors) + " owners, " + fmtNumber(hub.models) +
  " models, " + fmtNumber(hub.datasets) + " datasets, " + fmtNumber(hub.spaces) + " spaces, " +
  fmtNumber(hub.derivatives) + " derivatives (models naming one of the week's models as a base), " +
  fmtNumber(hub.downloads) + " downloads in 30 days."));
var controls = el("div", {className: "mv-controls"});
var mId = nextId("measure");
var measure = el("select", {id: mId});
MEASURES.forEach(function (m, i) { measure.appendChild(el("option", {value: String(i)}, m[2])); });
controls.appendChild(el("span", {}, null, [el("label", {htmlFor: mId}, "Share of the Hub's"), measure]));
var cId = nextId("country");
var country = el("select", {id: cId});
var countryBox = el("span", {}, null, [el("label", {htmlFor: cId}, "Country"), country]);
controls.appendChild(countryBox);
view.appendChild(controls);
var crumbs = el("ol", {className: "mv-crumbs"});
view.appendChild(el("nav", {"aria-label": "ModelVerse: where you are"}, null, [crumbs]));
var body = el("div", {className: "mv-body"});
view.appendChild(body);

function kindWord(k) { return KIND_WORDS[k] || k; }
function share(r) { return r[MEASURES[state.measure][1]]; }

// The share as text, with a bar as long as the share relative to the largest in the table.
function bar(v, largest) {
  var cell = el("td", {}, fmtPercent(v));
  var b = el("span", {className: "mv-bar", "aria-hidden": "true"});
  b.style.width = (largest > 0 ? Math.max(0, Math.min(100, (v || 0) / largest * 100)) : 0) + "%";
  cell.appendChild(b);
  return cell;
}

function largest(items) {
  return items.reduce(function (m, r) { return Math.max(m, share(r) || 0); }, 0);
}

function table(caption, heads, items, cells) {
  var t = el("table", {}, null, [el("caption", {className: "visually-hidden"}, caption)]);
  var tr = el("tr");
  heads.forEach(function (h) { tr.appendChild(el("th", {scope: "col"}, h)); });
  t.appendChild(el("thead", {}, null, [tr]));
  var tb = el("tbody");
  items.forEach(function (r) { tb.appendChild(el("tr", {}, null, cells(r))); });
  t.appendChild(tb);
  // a region of its own, reachable by Tab, so that a narrow screen can scroll it by keyboard
  return el("div", {className: "hubobs-explorer-wide", tabIndex: 0, role: "region",
    "aria-label": caption}, null, [t]);
}

function go(kind, author, focus) {
  state.kind = kind;
  state.author = author;
  draw(focus);
}

function button(text, onClick) {
  var b = el("button", {type: "button"}, text);
  b.addEventListener("click", onClick);
  return b;
}

function heading(text) {
  return el("h3", {className: "mv-heading", tabIndex: -1}, text);
}

var COUNT_HEADS = ["Models", "Datasets", "Spaces", "Derivatives", "Downloads"];
function counts(r) {
  return [r.models, r.datasets, r.spaces, r.derivatives, r.downloads].map(function (v) {
    return el("td", {}, fmtNumber(v));
  });
}

function drawKinds() {
  var kinds = DATA.kinds.map(function (k) {
    return rows.filter(function (r) { return r.level === "kind" && r.org_kind === k; })[0];
  }).filter(Boolean);
  body.appendChild(heading("Kinds of organization"));
  var top = largest(kinds);
  body.appendChild(table("Kinds of organization", ["Kind", "Owners"].concat(COUNT_HEADS, ["Share"]),
    kinds, function (r) {
      return [el("td", {}, null, [button(kindWord(r.org_kind), function () { go(r.org_kind, null, true); })]),
        el("td", {}, fmtNumber(r.authors))].concat(counts(r), [bar(share(r), top)]);
    }));
}

function drawKind() {
  var k = state.kind;
  var byCountry = rows.filter(function (r) { return r.level === "country" && r.org_kind === k; });
  byCountry.sort(function (a, b) { return (share(b) || 0) - (share(a) || 0) || (a.country < b.country ? -1 : 1); });
  body.appendChild(heading("Organizations of kind " + kindWord(k)));
  var orgs = rows.filter(function (r) {
    return r.level === "organization" && r.org_kind === k && (!state.country || r.country === state.country);
  });
  orgs.sort(function (a, b) { return a.rank - b.rank; });
  var topOrg = largest(orgs);
  var topCountry = largest(byCountry);
  var all = rows.filter(function (r) { return r.level === "kind" && r.org_kind === k; })[0];
  body.appendChild(el("p", {className: "mv-status"}, "The owners of this kind holding the most " +
    "repositories" + (state.country ? " in " + state.country : "") + ": " + orgs.length + " of " +
    fmtNumber(all ? all.authors : 0) + " owners of the kind."));
  body.appendChild(table("Organizations", ["Organization", "Country"].concat(COUNT_HEADS, ["Share"]),
    orgs, function (r) {
      return [el("td", {}, null, [button(r.author, function () { go(k, r.author, true); })]),
        el("td", {}, r.country)].concat(counts(r), [bar(share(r), topOrg)]);
    }));
  body.appendChild(el("h3", {className: "mv-heading"}, "By country"));
  body.appendChild(table("Countries", ["Country", "Owners"].concat(COUNT_HEADS, ["Share"]),
    byCountry, function (r) {
      return [el("td", {}, r.country), el("td", {}, fmtNumber(r.authors))].concat(counts(r),
        [bar(share(r), topCountry)]);
    }));
}

function drawOrg() {
  var a = state.author;
  var org = rows.filter(function (r) { return r.level === "organization" && r.author === a; })[0];
  body.appendChild(heading(a));
  var link = el("a", {href: hubUrl(null, a)}, "its page on the Hub");
  body.appendChild(el("p", {className: "mv-status"}, null, [
    document.createTextNode(kindWord(org.org_kind) + ", " + org.country + ": " +
      fmtNumber(org.models) + " models (" + fmtPercent(org.model_share) + " of the Hub's), " +
      fmtNumber(org.datasets) + " datasets (" + fmtPercent(org.dataset_share) + "), " +
      fmtNumber(org.spaces) + " spaces (" + fmtPercent(org.space_share) + "), " +
      fmtNumber(org.derivatives) + " derivatives of its models, " + fmtNumber(org.downloads) +
      " downloads (" + fmtPercent(org.download_share) + "); "), link, document.createTextNode(".")]));
  ["models", "datasets", "spaces"].forEach(function (kind) {
    var repos = rows.filter(function (r) { return r.level === "repository" && r.author === a && r.repo_kind === kind; });
    repos.sort(function (x, y) { return x.rank - y.rank; });
    body.appendChild(el("h3", {className: "mv-heading"}, "Its largest " + kind +
      (kind === "spaces" ? " (by likes)" : " (by downloads)")));
    if (!repos.length) { body.appendChild(el("p", {}, "None in this week's data.")); return; }
    var ul = el("ul", {className: "mv-repos"});
    repos.forEach(function (r) {
      ul.appendChild(el("li", {}, null, [el("a", {href: hubUrl(kind, r.repo_id)}, r.repo_id),
        el("span", {className: "mv-num"}, (kind === "spaces" ? "" : fmtNumber(r.downloads) + " downloads, ") +
          fmtNumber(r.likes) + " likes")]));
    });
    body.appendChild(ul);
  });
}

function drawCrumbs() {
  crumbs.textContent = "";
  var parts = [["All kinds", function () { go(null, null, true); }]];
  if (state.kind) { parts.push([kindWord(state.kind), function () { go(state.kind, null, true); }]); }
  if (state.author) { parts.push([state.author, null]); }
  parts.forEach(function (p, i) {
    var last = i === parts.length - 1;
    var li = el("li", {});
    if (last) { li.appendChild(el("span", {"aria-current": "page"}, p[0])); }
    else { li.appendChild(button(p[0], p[1])); }
    crumbs.appendChild(li);
  });
}

function fillCountries() {
  var list = rows.filter(function (r) { return r.level === "country" && r.org_kind === state.kind; })
    .map(function (r) { return r.country; }).sort();
  country.textContent = "";
  country.appendChild(el("option", {value: ""}, "all"));
  list.forEach(function (c) { country.appendChild(el("option", {value: c}, c)); });
  if (list.indexOf(state.country) < 0) { state.country = ""; }
  country.value = state.country;
  countryBox.hidden = !state.kind || !!state.author;
}

function draw(focus) {
  body.textContent = "";
  fillCountries();
  drawCrumbs();
  if (state.author) { drawOrg(); } else if (state.kind) { drawKind(); } else { drawKinds(); }
  if (focus) { body.querySelector("h3").focus(); }
}
measure.addEventListener("change", function () { state.measure = Number(measure.value); draw(false); });
country.addEventListener("change", function () { state.country = country.value; draw(false); });
draw(false);
