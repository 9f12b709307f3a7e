// Family trees (explorers/family-trees): one family at a time as an ARIA tree (role=tree and
// treeitem), children drawn only when their parent is opened, a page of them at a time. A merge
// is shown under each of its parents (marked); a member already on the path from the root (a
// cycle) is shown as a leaf pointing back, never opened again; a model naming itself is marked.
// Keys: up and down move, right opens (or goes to the first child), left closes (or goes to the
// parent), Home and End, Enter or Space opens and closes.
var PAGE = 100;
var RELATIONS = DATA.relations;
var WORDS = {finetune: "fine-tune", quantized: "quantization", adapter: "adapter",
  merge: "merge", unknown: "relation not stated"};
var families = DATA.families;
if (!families.length) {
  view.appendChild(el("p", {className: "hubobs-explorer-empty"},
    "No family with a derivative in this week: there is no tree to draw."));
  return;
}
var fam = null;
var controls = el("div", {className: "ft-controls"});
var pickId = nextId("family");
var select = el("select", {id: pickId});
families.forEach(function (f, i) {
  select.appendChild(el("option", {value: String(i)},
    f.rank + ". " + f.name + " (" + fmtNumber(f.ids.length) + " members)"));
});
controls.appendChild(el("div", {className: "ft-field"}, null,
  [el("label", {htmlFor: pickId}, "Family"), select]));
var findId = nextId("find");
var find = el("input", {id: findId, type: "search", autocomplete: "off", spellcheck: false,
  placeholder: "part of a model id"});
controls.appendChild(el("div", {className: "ft-field"}, null,
  [el("label", {htmlFor: findId}, "Find a member"), find]));
var depthId = nextId("depth");
var depthPick = el("select", {id: depthId});
controls.appendChild(el("div", {className: "ft-field"}, null,
  [el("label", {htmlFor: depthId}, "Open down to generation"), depthPick]));
var collapse = el("button", {type: "button", className: "ft-button"}, "Close every branch");
controls.appendChild(collapse);
view.appendChild(controls);
var found = el("ul", {className: "ft-found", "aria-label": "Members matching the search"});
view.appendChild(found);
var legend = el("ul", {className: "ft-legend", "aria-label": "Relation colours"});
RELATIONS.forEach(function (r) {
  legend.appendChild(el("li", {}, null, [
    el("span", {className: "ft-chip ft-rel-" + r, "aria-hidden": "true"}),
    el("span", {}, WORDS[r] || r)]));
});
view.appendChild(legend);
var status = el("p", {className: "ft-status", role: "status", "aria-live": "polite"});
view.appendChild(status);
var tree = el("ul", {className: "ft-tree", role: "tree"});
view.appendChild(tree);

function prepare(f) {
  if (f.children) { return; }
  var n = f.ids.length;
  f.children = [];
  f.via = [];
  f.selfSet = {};
  f.cycleSet = {};
  f.self.forEach(function (i) { f.selfSet[i] = true; });
  f.cycle.forEach(function (i) { f.cycleSet[i] = true; });
  for (var i = 0; i < n; i++) { f.children.push([]); }
  for (var c = 0; c < n; c++) {
    var best = -1;
    f.parents[c].forEach(function (p) {
      f.children[p].push(c);
      if (best < 0 || f.depth[p] < f.depth[best]) { best = p; }
    });
    f.via.push(best);
  }
  var dl = function (i) { return f.downloads[i] === null ? -1 : f.downloads[i]; };
  f.children.forEach(function (list) {
    list.sort(function (a, b) { return dl(b) - dl(a) || (f.ids[a] < f.ids[b] ? -1 : 1); });
  });
  f.lower = f.ids.map(function (s) { return s.toLowerCase(); });
  f.maxDepth = f.depth.reduce(function (m, d) { return Math.max(m, d); }, 0);
}

function relName(i) {
  var r = fam.relation[i];
  return r >= 0 ? RELATIONS[r] : "unknown";
}

// path: the node indices from the root down to this item (this node last)
function item(i, path, level, pos, size) {
  var onPath = path.slice(0, -1).indexOf(i) >= 0;
  var kids = onPath ? [] : fam.children[i];
  var li = el("li", {role: "treeitem", tabIndex: -1, className: "ft-item",
    "aria-level": String(level), "aria-posinset": String(pos), "aria-setsize": String(size)});
  li.dataset.node = String(i);
  li._path = path;
  var isRoot = level === 1;
  var rel = isRoot && !fam.parents[i].length ? "root" : relName(i);
  var row = el("span", {className: "ft-row"}, null, [
    el("span", {className: "ft-twisty", "aria-hidden": "true"}, kids.length ? "▸" : "·"),
    el("span", {className: "ft-chip ft-rel-" + rel, "aria-hidden": "true"}),
    el("span", {className: "ft-id"}, fam.ids[i]),
    el("span", {className: "ft-meta"}, (isRoot ? "root" : (WORDS[rel] || rel)) +
      ", generation " + fam.depth[i] + ", " +
      (fam.downloads[i] === null ? "no downloads count" : fmtNumber(fam.downloads[i]) + " downloads"))
  ]);
  var notes = [];
  if (fam.parents[i].length > 1) { notes.push("merge of " + fam.parents[i].length + " parents: shown under each"); }
  if (fam.selfSet[i]) { notes.push("names itself as its base (ignored)"); }
  if (onPath) { notes.push("cycle: its base models lead back here, shown above"); }
  else if (fam.cycleSet[i]) { notes.push("on a cycle of base models"); }
  if (!fam.onHub[i]) { notes.push("not on the Hub this week"); }
  if (kids.length) { notes.push(fmtNumber(kids.length) + (kids.length === 1 ? " derivative" : " derivatives")); }
  notes.forEach(function (t) { row.appendChild(el("span", {className: "ft-badge"}, t)); });
  li.appendChild(row);
  if (kids.length) { li.setAttribute("aria-expanded", "false"); }
  return li;
}

function group(li) {
  return li.querySelector(":scope > ul[role=group]");
}

function addPage(li, g) {
  var i = Number(li.dataset.node);
  var kids = fam.children[i];
  var more = g.querySelector(":scope > li.ft-more");
  if (more) { g.removeChild(more); }
  var shown = g.querySelectorAll(":scope > li.ft-item").length;
  var level = Number(li.getAttribute("aria-level")) + 1;
  var end = Math.min(kids.length, shown + PAGE);
  for (var k = shown; k < end; k++) {
    g.appendChild(item(kids[k], li._path.concat([kids[k]]), level, k + 1, kids.length));
  }
  if (end < kids.length) {
    var rest = el("li", {role: "treeitem", tabIndex: -1, className: "ft-more",
      "aria-level": String(level)}, "Show " + fmtNumber(Math.min(PAGE, kids.length - end)) +
      " more of " + fmtNumber(kids.length - end) + " left");
    rest._owner = li;
    g.appendChild(rest);
  }
}

function setOpen(li, open) {
  if (!li.hasAttribute("aria-expanded")) { return; }
  var g = group(li);
  if (open && !g) {
    g = el("ul", {role: "group"});
    li.appendChild(g);
    addPage(li, g);
  }
  if (g) { g.hidden = !open; }
  li.setAttribute("aria-expanded", open ? "true" : "false");
  li.querySelector(":scope > .ft-row > .ft-twisty").textContent = open ? "▾" : "▸";
}

// The members shown, top to bottom: a walk that skips closed branches.
function visible() {
  var out = [];
  (function walk(ul) {
    for (var li = ul.firstElementChild; li; li = li.nextElementSibling) {
      out.push(li);
      var g = li.lastElementChild;
      if (g && g.tagName === "UL" && !g.hidden) { walk(g); }
    }
  })(tree);
  return out;
}

function focusItem(li) {
  tree.querySelectorAll("li[tabindex='0']").forEach(function (n) { n.tabIndex = -1; });
  li.tabIndex = 0;
  li.focus();
}

function activate(li) {
  if (li.classList.contains("ft-more")) {
    var owner = li._owner;
    var prev = li.previousElementSibling;
    addPage(owner, group(owner));
    var next = prev ? prev.nextElementSibling : null;
    if (next) { focusItem(next); }
    return;
  }
  setOpen(li, li.getAttribute("aria-expanded") === "false");
  focusItem(li);
}

// Open every branch down to generation `depth` (breadth first, a page of children each), until
// OPEN_LIMIT members are shown: then stop and say so.
var OPEN_LIMIT = 5000;
function openTo(depth) {
  var queue = [tree.querySelector(":scope > li")];
  var shown = 1;
  while (queue.length) {
    var li = queue.shift();
    if (Number(li.getAttribute("aria-level")) > depth || !li.hasAttribute("aria-expanded")) { continue; }
    setOpen(li, true);
    var kids = group(li).querySelectorAll(":scope > li.ft-item");
    shown += kids.length;
    if (shown > OPEN_LIMIT) {
      status.textContent = "Stopped opening at " + fmtNumber(OPEN_LIMIT) +
        " members shown: open the rest branch by branch.";
      return;
    }
    Array.prototype.forEach.call(kids, function (k) { queue.push(k); });
  }
  status.textContent = fam.name + ": branches open down to generation " + depth + ".";
}

function fillDepths() {
  depthPick.textContent = "";
  depthPick.appendChild(el("option", {value: ""}, "choose"));
  for (var d = 1; d <= Math.max(1, fam.maxDepth); d++) {
    depthPick.appendChild(el("option", {value: String(d)}, String(d)));
  }
}

function draw(index) {
  fam = families[index];
  prepare(fam);
  tree.textContent = "";
  found.textContent = "";
  tree.setAttribute("aria-label", "Family tree of " + fam.name);
  var top = item(0, [0], 1, 1, 1);
  tree.appendChild(top);
  setOpen(top, true);
  top.tabIndex = 0;
  fillDepths();
  status.textContent = fam.name + ": " + fmtNumber(fam.ids.length) + " members shown, " +
    "generations 0 to " + fam.maxDepth + ".";
}

tree.addEventListener("click", function (ev) {
  var li = ev.target.closest("li[role=treeitem]");
  if (li && tree.contains(li)) { activate(li); }
});
tree.addEventListener("keydown", function (ev) {
  var li = ev.target.closest("li[role=treeitem]");
  if (!li) { return; }
  var items = visible();
  var at = items.indexOf(li);
  var open = li.getAttribute("aria-expanded");
  var target = null;
  switch (ev.key) {
    case "ArrowDown": target = items[at + 1]; break;
    case "ArrowUp": target = items[at - 1]; break;
    case "Home": target = items[0]; break;
    case "End": target = items[items.length - 1]; break;
    case "ArrowRight":
      if (open === "false") { setOpen(li, true); target = li; }
      else if (open === "true") { target = group(li).querySelector("li[role=treeitem]"); }
      break;
    case "ArrowLeft":
      if (open === "true") { setOpen(li, false); target = li; }
      else { target = li.parentElement.closest("li[role=treeitem]"); }
      break;
    case "Enter": case " ": activate(li); ev.preventDefault(); return;
    default: return;
  }
  ev.preventDefault();
  if (target) { focusItem(target); }
});

// Open the branches from the root down to member i (along a shortest path) and focus it.
function reveal(i) {
  var path = [i];
  var seen = {};
  seen[i] = true;
  for (var n = i; fam.via[n] >= 0 && n !== 0;) {
    n = fam.via[n];
    if (seen[n]) { break; }
    seen[n] = true;
    path.unshift(n);
  }
  var li = tree.querySelector(":scope > li");
  for (var k = 1; k < path.length; k++) {
    setOpen(li, true);
    var g = group(li);
    var next = null;
    while (!next) {
      next = g.querySelector(":scope > li[data-node='" + path[k] + "']");
      if (!next && g.querySelector(":scope > li.ft-more")) { addPage(li, g); }
      else if (!next) { break; }
    }
    if (!next) { break; }
    li = next;
  }
  tree.querySelectorAll(".ft-hit").forEach(function (x) { x.classList.remove("ft-hit"); });
  li.classList.add("ft-hit");
  focusItem(li);
}

function search() {
  var q = find.value.trim().toLowerCase();
  found.textContent = "";
  if (!q) { return; }
  var hits = [];
  for (var i = 0; i < fam.lower.length && hits.length < 20; i++) {
    if (fam.lower[i].indexOf(q) >= 0) { hits.push(i); }
  }
  var total = hits.length < 20 ? hits.length :
    fam.lower.filter(function (s) { return s.indexOf(q) >= 0; }).length;
  status.textContent = total ? fmtNumber(total) + (total === 1 ? " member matches" : " members match") +
    (total > hits.length ? " (the first " + hits.length + " listed)" : "") + "." :
    "No member of " + fam.name + " matches.";
  hits.forEach(function (h) {
    var b = el("button", {type: "button", className: "ft-button ft-hit-button"}, fam.ids[h]);
    b.addEventListener("click", function () { reveal(h); });
    found.appendChild(el("li", {}, null, [b]));
  });
}
var timer = null;
find.addEventListener("input", function () {
  clearTimeout(timer);
  timer = setTimeout(search, 120);
});
find.addEventListener("keydown", function (ev) {
  if (ev.key === "Enter") {
    ev.preventDefault();
    clearTimeout(timer);
    search();
    var first = found.querySelector("button");
    if (first) { first.click(); }
  }
});
select.addEventListener("change", function () { draw(Number(select.value)); find.value = ""; });
collapse.addEventListener("click", function () { draw(Number(select.value)); });
depthPick.addEventListener("change", function () {
  if (depthPick.value) { openTo(Number(depthPick.value)); }
});
draw(0);
