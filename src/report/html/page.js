// Filtering and sorting of the report's tables. The page reads without it.
(function () {
  "use strict";
  function rows(table) {
    return Array.prototype.slice.call(table.tBodies[0].rows);
  }
  function refresh(id) {
    var table = document.getElementById(id);
    if (!table) { return; }
    var box = document.querySelector("input.filter[data-table='" + id + "']");
    var pick = document.querySelector("select.severity[data-table='" + id + "']");
    var words = box ? box.value.toLowerCase().trim() : "";
    var severity = pick ? pick.value : "";
    var shown = 0;
    rows(table).forEach(function (tr) {
      var text = tr.textContent.toLowerCase();
      var ok = (words === "" || text.indexOf(words) !== -1) &&
        (severity === "" || tr.className.split(" ").indexOf(severity) !== -1);
      tr.style.display = ok ? "" : "none";
      if (ok) { shown += 1; }
    });
    var count = document.querySelector("span.shown[data-table='" + id + "']");
    if (count) { count.textContent = shown + " of " + rows(table).length + " shown"; }
  }
  function key(tr, column) {
    var td = tr.cells[column];
    if (!td) { return ""; }
    return td.hasAttribute("data-sort") ? td.getAttribute("data-sort") : td.textContent;
  }
  function sortBy(table, th) {
    var column = th.cellIndex;
    var descending = th.getAttribute("aria-sort") === "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var list = rows(table);
    list.sort(function (a, b) {
      var x = key(a, column), y = key(b, column);
      var c = x.localeCompare(y, "zh-Hans-CN", { numeric: true });
      return descending ? -c : c;
    });
    var body = table.tBodies[0];
    list.forEach(function (tr) { body.appendChild(tr); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th) {
      th.addEventListener("click", function () { sortBy(table, th); });
    });
    refresh(table.id);
  });
  document.querySelectorAll("input.filter, select.severity").forEach(function (el) {
    el.addEventListener("input", function () { refresh(el.getAttribute("data-table")); });
    el.addEventListener("change", function () { refresh(el.getAttribute("data-table")); });
  });
}());
