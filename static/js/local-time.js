// The reader's local time beside each time the server wrote in UTC. Every moment on a page is
// a <time datetime="…"> holding the UTC text; this script adds "(your time: …)" after it, in
// the reader's time zone and language, and leaves the UTC text as it is. Inside a <pre> (a
// header exactly as sent) it only sets a tooltip, so the wire text stays exact. Without
// JavaScript, or for a reader whose clock is on UTC, the page simply shows UTC. Times added
// later (the header lab's client renders tokens) are handled as they appear.
(function () {
  "use strict";

  // The words around the time, in the page's language (data attributes of this script's tag).
  const words = (document.currentScript && document.currentScript.dataset) || {};
  const note = (local) => (words.yourTime || "(your time: {time})").replace("{time}", local);
  const title = (local) => (words.yourTimeTitle || "Your time: {time}").replace("{time}", local);

  // Date, time to the second, and the zone's name, in the page's language.
  const format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    year: "numeric", month: "short", day: "numeric",
    hour: "2-digit", minute: "2-digit", second: "2-digit",
    timeZoneName: "short",
  });

  function localise(time) {
    if (time.hasAttribute("data-local-time")) {
      return;
    }
    const at = new Date(time.getAttribute("datetime"));
    if (Number.isNaN(at.getTime()) || at.getTimezoneOffset() === 0) {
      return;
    }
    const local = format.format(at);
    time.setAttribute("data-local-time", local);
    if (time.closest("pre")) {
      time.title = title(local);
      return;
    }
    const span = document.createElement("span");
    span.className = "local-time muted";
    span.textContent = " " + note(local);
    time.after(span);
  }

  function within(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    if (node.matches("time[datetime]")) {
      localise(node);
    }
    node.querySelectorAll("time[datetime]").forEach(localise);
  }

  within(document.body);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(within);
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
