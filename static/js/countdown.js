// Live countdowns for JWT expiry: every element with data-countdown="<unix seconds>"
// shows the time left, and "expired" once it has passed. Elements added later (by the
// header lab's client) are picked up on the next tick. The words come from the page
// (span#countdown-words, templates/tools/countdown-words.html.tera), so they are translated
// with it; a page without that element gets the English ones below.
(function () {
  "use strict";

  const given = document.getElementById("countdown-words");
  const english = {
    left: "in {time}",
    past: "expired {time} ago",
    minutes: "{n} min",
    seconds: "{n} s",
    invalid: "(no valid exp)",
  };

  function word(name) {
    const own = given ? given.getAttribute("data-" + name) : null;
    return own === null ? english[name] : own;
  }

  function fill(pattern, name, value) {
    return pattern.split("{" + name + "}").join(String(value));
  }

  function format(seconds) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    const parts = [];
    if (m > 0) {
      parts.push(fill(word("minutes"), "n", m));
    }
    parts.push(fill(word("seconds"), "n", s));
    return parts.join(" ");
  }

  function tick() {
    const now = Math.floor(Date.now() / 1000);
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      const exp = Number(el.getAttribute("data-countdown"));
      if (!Number.isFinite(exp)) {
        el.textContent = word("invalid");
        return;
      }
      const left = exp - now;
      if (left > 0) {
        el.textContent = fill(word("left"), "time", format(left));
        el.classList.remove("expired");
      } else {
        el.textContent = fill(word("past"), "time", format(-left));
        el.classList.add("expired");
      }
    });
  }

  tick();
  setInterval(tick, 1000);
})();
