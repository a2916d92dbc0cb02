// Live countdowns for JWT expiry: every element with data-countdown="<unix seconds>"
// shows the time left, and "expired" once it has passed. Elements added later (by the
// header lab's client) are picked up on the next tick.
(function () {
  "use strict";

  function format(seconds) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return (m > 0 ? m + " min " : "") + s + " s";
  }

  function tick() {
    const now = Math.floor(Date.now() / 1000);
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      const exp = Number(el.getAttribute("data-countdown"));
      if (!Number.isFinite(exp)) {
        el.textContent = "(no valid exp)";
        return;
      }
      const left = exp - now;
      if (left > 0) {
        el.textContent = "in " + format(left);
        el.classList.remove("expired");
      } else {
        el.textContent = "expired " + format(-left) + " ago";
        el.classList.add("expired");
      }
    });
  }

  tick();
  setInterval(tick, 1000);
})();
