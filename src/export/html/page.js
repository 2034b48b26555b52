"use strict";
// agon's exported page: outline search and tour slides. It reads the map
// from the DOM and only ever sets attributes, classes and form values, so
// nothing in the data can become markup or code.
(function () {
  var doc = document;
  doc.documentElement.classList.add("js");

  // ---- Search: show the nodes whose own line and body hold every word,
  // with the path down to them opened.
  var q = doc.getElementById("q");
  var count = doc.getElementById("count");
  var items = Array.prototype.slice.call(
    doc.querySelectorAll("#outline li.node, #outline li.again"));
  var texts = null;
  var timer = 0;

  function ownText(li) {
    var parts = [];
    for (var c = li.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName === "DETAILS") {
        for (var d = c.firstElementChild; d; d = d.nextElementSibling) {
          if (d.tagName !== "UL") parts.push(d.textContent);
        }
      } else {
        parts.push(c.textContent);
      }
    }
    return parts.join(" ").toLowerCase();
  }

  function reveal(li) {
    for (var p = li.parentElement; p && p.id !== "outline"; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
      if (p.tagName === "LI") {
        if (!p.hidden) return;
        p.hidden = false;
      }
    }
  }

  // Shows a node linked to (`#n12`) however its branch was folded or filtered.
  function openPath(el) {
    el.hidden = false;
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
      if (p.tagName === "LI") p.hidden = false;
    }
    el.scrollIntoView();
  }

  function search() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var i;
    for (i = 0; i < items.length; i++) items[i].classList.remove("hit");
    if (!words.length) {
      for (i = 0; i < items.length; i++) items[i].hidden = false;
      count.value = "";
      return;
    }
    if (!texts) texts = items.map(ownText);
    for (i = 0; i < items.length; i++) items[i].hidden = true;
    var shown = 0;
    for (i = 0; i < items.length; i++) {
      var t = texts[i];
      if (!words.every(function (w) { return t.indexOf(w) >= 0; })) continue;
      items[i].hidden = false;
      items[i].classList.add("hit");
      reveal(items[i]);
      shown++;
    }
    count.value = shown === 1 ? "1 match" : shown + " matches";
  }

  q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, items.length > 5000 ? 150 : 0);
  });

  // ---- Tours: #tour-ID/N shows step N of tour ID as a slide.
  var tours = Array.prototype.slice.call(doc.querySelectorAll("section.tour"));
  var current = null;

  function decode(hash) {
    try {
      return decodeURIComponent(hash.replace(/^#/, ""));
    } catch (e) {
      return "";
    }
  }

  function slideHash(id, n) {
    return "#tour-" + encodeURIComponent(id) + "/" + n;
  }

  function findTour(id) {
    for (var i = 0; i < tours.length; i++) {
      if (tours[i].getAttribute("data-tour") === id) return tours[i];
    }
    return null;
  }

  function clearSlides() {
    var on = doc.querySelectorAll(".tour.current, .slide.current");
    for (var i = 0; i < on.length; i++) on[i].classList.remove("current");
    doc.body.classList.remove("presenting");
    current = null;
  }

  function route() {
    var h = decode(location.hash);
    clearSlides();
    if (h.indexOf("search=") === 0) {
      q.value = h.slice(7);
      search();
      return;
    }
    if (/^n\d+$/.test(h)) {
      var node = doc.getElementById(h);
      if (node) openPath(node);
      return;
    }
    var m = /^tour-([\s\S]*)\/(\d+)$/.exec(h);
    var tour = m && findTour(m[1]);
    if (!tour) return;
    var slides = tour.querySelectorAll("li.slide");
    if (!slides.length) return;
    var n = Math.min(Math.max(parseInt(m[2], 10), 1), slides.length);
    if (String(n) !== m[2]) {
      location.replace(slideHash(m[1], n));
      return;
    }
    tour.classList.add("current");
    slides[n - 1].classList.add("current");
    doc.body.classList.add("presenting");
    current = { id: m[1], n: n, count: slides.length };
    window.scrollTo(0, 0);
  }

  doc.addEventListener("keydown", function (e) {
    if (!current || e.target === q || e.altKey || e.ctrlKey || e.metaKey) return;
    var n = current.n;
    switch (e.key) {
      case "ArrowRight": case "PageDown": case " ": n++; break;
      case "ArrowLeft": case "PageUp": n--; break;
      case "Home": n = 1; break;
      case "End": n = current.count; break;
      case "Escape": location.hash = "#outline"; e.preventDefault(); return;
      default: return;
    }
    e.preventDefault();
    if (n >= 1 && n <= current.count) location.hash = slideHash(current.id, n);
  });

  window.addEventListener("hashchange", route);
  route();
})();
