// The search box: matches names and article wording in window.DUIKOU_INDEX, all offline.
"use strict";
(function () {
  function query() {
    var m = /[?#&]q=([^&#]*)/.exec(window.location.search + window.location.hash);
    if (!m) return "";
    try {
      return decodeURIComponent(m[1].replace(/\+/g, " ")).trim();
    } catch (e) {
      return "";
    }
  }
  function render() {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!list || !status) return;
    var q = query();
    var input = document.querySelector("form.search input");
    if (input) input.value = q;
    if (!q) return;
    var words = q.toLowerCase().split(/\s+/);
    var hits = (window.DUIKOU_INDEX || []).filter(function (e) {
      var hay = (e[1] + " " + e[2]).toLowerCase();
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
    list.textContent = "";
    hits.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e[3];
      a.textContent = e[1];
      var kind = document.createElement("span");
      kind.className = "tag";
      kind.textContent = e[0];
      li.appendChild(kind);
      li.appendChild(a);
      if (e[2]) {
        var p = document.createElement("p");
        p.textContent = e[2];
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    status.textContent = "“" + q + "”：" + hits.length + " 条结果";
    status.setAttribute("data-count", String(hits.length));
  }
  document.addEventListener("DOMContentLoaded", render);
  window.addEventListener("hashchange", render);
})();
