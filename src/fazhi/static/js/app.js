/* fazhi review workspace: small progressive enhancements; every page works without this file. */
(function () {
  "use strict";

  // ---- generic: print, back, confirm ---------------------------------------------------------
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-action]");
    if (!el) return;
    if (el.dataset.action === "print") { e.preventDefault(); window.print(); }
    if (el.dataset.action === "back" && window.history.length > 1) { e.preventDefault(); window.history.back(); }
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) e.preventDefault();
  });

  // ---- reports being analysed: poll their status, update the badge, reload a page that waits for it ----
  var pending = Array.prototype.slice.call(document.querySelectorAll("[data-status-id]"));
  if (pending.length) {
    var POLL_MS = 2000;
    var poll = function () {
      var ids = pending.map(function (el) { return el.dataset.statusId; });
      fetch("/api/reports/status?ids=" + ids.join(","), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) return;
          var reload = false;
          pending = pending.filter(function (el) {
            var st = data.statuses[el.dataset.statusId];
            if (!st || st.status === "queued" || st.status === "analysing") return true;
            var badge = el.querySelector("[data-status-text]");
            if (badge) { badge.textContent = st.status_zh; badge.className = "badge badge-status-" + st.status; }
            var reason = document.querySelector("[data-status-reason-for='" + el.dataset.statusId + "']");
            if (reason) reason.textContent = st.reason;
            if (el.dataset.reload) reload = true;
            return false;
          });
          if (reload) window.location.reload();
          else if (pending.length) window.setTimeout(poll, POLL_MS);
        })
        .catch(function () { window.setTimeout(poll, POLL_MS * 2); });
    };
    window.setTimeout(poll, POLL_MS);
  }

  // ---- upload: list the chosen files, refuse an oversize batch before sending it ---------------
  var upload = document.getElementById("upload-form");
  if (upload) {
    var input = upload.querySelector("input[type=file]");
    var list = document.getElementById("file-list");
    var err = document.getElementById("upload-error");
    var submit = document.getElementById("upload-submit");
    var zone = upload.querySelector(".dropzone");
    var limit = parseInt(upload.dataset.limit, 10) || 0;
    var mb = function (n) {
      return n < 1048576 ? Math.max(1, Math.round(n / 1024)) + " KB" : (n / 1048576).toFixed(1) + " MB";
    };
    var total = 0;
    var refresh = function () {
      list.textContent = "";
      total = 0;
      Array.prototype.forEach.call(input.files, function (f) {
        total += f.size;
        var li = document.createElement("li");
        li.textContent = f.name;
        var s = document.createElement("span");
        s.className = "size";
        s.textContent = mb(f.size);
        li.appendChild(s);
        list.appendChild(li);
      });
      list.hidden = input.files.length === 0;
      var over = limit && total > limit;
      err.hidden = !over;
      err.textContent = over ? "所选文件共 " + mb(total) + "，超过单次上传上限 " + mb(limit) + "，请分批上传。" : "";
      submit.disabled = !!over;
    };
    input.addEventListener("change", refresh);
    ["dragenter", "dragover"].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      zone.addEventListener(t, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; refresh(); }
    });
    upload.addEventListener("submit", function (e) {
      if (limit && total > limit) { e.preventDefault(); return; }
      window.setTimeout(function () { submit.disabled = true; submit.textContent = "正在上传并分析…"; }, 0);
    });
  }

  // ---- report page: filter the findings list -----------------------------------------------------
  var filter = document.getElementById("finding-filter");
  var findings = document.getElementById("findings");
  if (filter && findings) {
    var apply = function (key) {
      Array.prototype.forEach.call(filter.querySelectorAll(".chip"), function (c) {
        c.classList.toggle("active", c.dataset.filter === key);
      });
      Array.prototype.forEach.call(findings.children, function (li) {
        var show = key === "all" || li.dataset.state === key || (key === "error" && li.dataset.sev === "error");
        li.hidden = !show;
      });
      try { window.sessionStorage.setItem("fazhi-finding-filter", key); } catch (e) { /* private mode */ }
    };
    filter.addEventListener("click", function (e) {
      var chip = e.target.closest(".chip");
      if (chip) apply(chip.dataset.filter);
    });
    var saved = null;
    try { saved = window.sessionStorage.getItem("fazhi-finding-filter"); } catch (e) { /* ignore */ }
    if (saved && filter.querySelector('[data-filter="' + saved + '"]')) apply(saved);

    // back from a decision (#fk-N): keep the page where it was, scroll only the list to the finding
    var reviewed = /^#fk-(\d+)$/.exec(window.location.hash);
    if (reviewed) {
      var li = document.getElementById("fk-" + reviewed[1]);
      var settle = function () {
        if (!li || li.hidden) return;
        window.scrollTo(0, 0);
        var side = document.getElementById("sidebar");
        if (side) side.scrollTop = 0;
        findings.scrollTop = Math.max(0, li.offsetTop - 8);
        li.classList.add("just-reviewed");
      };
      window.addEventListener("load", function () { window.setTimeout(settle, 0); });
    }
  }

  // ---- report page: #pos-START-END marks that span of the text (offsets in code points) ----------
  var text = document.getElementById("report-text");
  if (!text) return;

  var isHigh = function (c) { return c >= 0xd800 && c <= 0xdbff; };
  var cpLength = function (s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) { if (isHigh(s.charCodeAt(i)) && i + 1 < s.length) i++; n++; }
    return n;
  };
  var cpToUnit = function (s, cp) {
    var i = 0, n = 0;
    while (i < s.length && n < cp) { i += isHigh(s.charCodeAt(i)) && i + 1 < s.length ? 2 : 1; n++; }
    return i;
  };
  var textNodes = function () {
    var out = [];
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {  // the 【part】 labels are not part of the report's text
        return node.parentElement && node.parentElement.closest(".part") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    while (walker.nextNode()) out.push(walker.currentNode);
    return out;
  };
  var clearMarks = function () {
    Array.prototype.forEach.call(text.querySelectorAll("mark.hit, span.pos-anchor"), function (el) {
      var parent = el.parentNode;
      while (el.firstChild) parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
    });
    text.normalize();
  };
  var markSpan = function (start, end) {
    var pieces = [], pos = 0, nodes = textNodes();
    for (var k = 0; k < nodes.length; k++) {
      var node = nodes[k], len = cpLength(node.data), a = pos, b = pos + len;
      pos = b;
      if (end > start) {
        if (b <= start || a >= end) continue;
        pieces.push([node, Math.max(start, a) - a, Math.min(end, b) - a]);
      } else if (start >= a && start < b) {
        pieces.push([node, start - a, start - a]);
        break;
      }
    }
    var first = null;
    pieces.forEach(function (p) {
      var node = p[0], range = document.createRange();
      range.setStart(node, cpToUnit(node.data, p[1]));
      range.setEnd(node, cpToUnit(node.data, p[2]));
      var el = document.createElement(p[2] > p[1] ? "mark" : "span");
      el.className = p[2] > p[1] ? "hit" : "pos-anchor";
      range.surroundContents(el);
      if (!first) { first = el; el.id = "hit"; }
    });
    if (first) first.scrollIntoView({ block: "center" });
  };
  var onHash = function () {
    var m = /^#pos-(\d+)-(\d+)$/.exec(window.location.hash);
    if (!m) return;
    clearMarks();
    markSpan(parseInt(m[1], 10), parseInt(m[2], 10));
  };
  window.addEventListener("hashchange", onHash);
  onHash();
})();
