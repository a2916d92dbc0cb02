// The attacker site's script: fires the attacks a form or a link cannot, and writes what
// this page could and could not learn into #outcome. It runs on the attacker's origin, so
// everything it tries is what any other site on the web could try. Its sentences come from
// the page (the data-* attributes of div#attack-words, templates/attacker/attack.html.tera),
// so they are in the page's language.
"use strict";

(function () {
  const stage = document.querySelector(".stage");
  const launch = document.getElementById("launch");
  const outcome = document.getElementById("outcome");
  if (!stage || !launch || !outcome) {
    return;
  }
  const target = stage.dataset.target;
  const labs = document.body.dataset.labs;

  const trace = document.body.dataset.trace;
  const words = document.getElementById("attack-words");

  // The sentence `name` (data-<name> on #attack-words), its {slots} filled from `values` in
  // one pass (a value that holds braces is left as it is).
  function say(name, values) {
    const pattern = words ? words.getAttribute("data-" + name) : null;
    if (pattern === null) {
      return name;
    }
    return pattern.replace(/\{(\w+)\}/g, function (slot, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : slot;
    });
  }
  const launched = say("launched");

  // Keeps the report on this site's server too, for the "read back" list (same origin).
  // `read` is what a page read from document.cookie, for the server to judge.
  function keep(lines, beacon, read) {
    if (!trace) {
      return;
    }
    const url = (stage.dataset.reports || "/reports") + "?trace=" + encodeURIComponent(trace);
    const report = { attack: stage.dataset.attack, lab: stage.dataset.lab, lines: lines };
    if (read !== undefined) {
      report.read = read;
    }
    const body = JSON.stringify(report);
    if (beacon) {
      navigator.sendBeacon(url, new Blob([body], { type: "application/json" }));
    } else {
      fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: body });
    }
  }

  function report(lines, read) {
    outcome.textContent = lines.join("\n");
    if (lines.length > 1 || lines[0] !== launched) {
      keep(lines, false, read);
    }
  }

  const attacks = {
    "img-get": function () {
      const img = new Image();
      img.alt = "";
      img.onload = function () {
        report([say("img-loaded")]);
      };
      img.onerror = function () {
        report([say("sent-get"), say("img-error"), say("look-at-inspector")]);
      };
      img.src = target;
      document.getElementById("probe").replaceChildren(img);
    },

    "fetch-lab": async function () {
      try {
        const response = await fetch(target, { credentials: "include" });
        const text = await response.text();
        report([say("fetch-read", { count: text.length })]);
      } catch (error) {
        report([
          say("fetch-sent"),
          say("fetch-failed", { name: error.name, message: error.message }),
          say("fetch-hidden"),
        ]);
      }
    },

    "fetch-api": async function () {
      const lines = [];
      try {
        const plain = await fetch(target, { method: "POST", credentials: "include" });
        lines.push(say("api-plain-read", { status: plain.status }));
      } catch (error) {
        lines.push(say("api-plain-hidden", { message: error.message }));
      }
      try {
        await fetch(target, {
          method: "POST",
          credentials: "include",
          headers: { Authorization: "Bearer guessed" },
        });
        lines.push(say("api-auth-allowed"));
      } catch (error) {
        lines.push(say("api-auth-blocked", { message: error.message }));
      }
      report(lines);
    },

    "iframe": function () {
      const frame = document.createElement("iframe");
      frame.title = say("frame-title");
      frame.src = target;
      frame.onload = function () {
        let readable = say("no");
        try {
          readable = frame.contentDocument && frame.contentDocument.body ? say("yes") : say("no");
        } catch (error) {
          readable = say("no-because", { name: error.name });
        }
        report([say("frame-asked"), say("frame-readable", { answer: readable }), say("frame-blank")]);
      };
      document.getElementById("frame-slot").replaceChildren(frame);
    },

    "read-token": function () {
      const lines = [];
      const stored = window.localStorage.getItem("auth-labs.jwt-header.token");
      lines.push(say("storage-here", { origin: window.location.origin, value: stored === null ? say("empty") : stored }));
      const opened = window.open(labs + "/labs/jwt-header", "_blank");
      if (!opened) {
        lines.push(say("window-blocked"));
      } else {
        try {
          lines.push(say("window-storage", { value: opened.localStorage.getItem("auth-labs.jwt-header.token") }));
        } catch (error) {
          lines.push(say("window-refused", { name: error.name }));
        }
      }
      report(lines);
    },

    "steal-cookie": function () {
      const read = document.cookie;
      const session = read.split(";").map(function (pair) {
        return pair.trim();
      }).filter(function (pair) {
        return pair.indexOf("sid=") === 0 || pair.indexOf("__Host-sid=") === 0;
      });
      report([
        say("cookie-here", {
          place: window.location.origin + window.location.pathname,
          value: read === "" ? say("empty") : read,
        }),
        session.length > 0 ? say("cookie-found", { session: session.join("; ") }) : say("cookie-none"),
      ], read);
    },
  };

  // A form post or a link takes the browser to the lab: this page cannot see the answer.
  const forged = document.getElementById("forged");
  if (forged) {
    forged.addEventListener("submit", function () {
      keep([say("form-sent"), say("form-unreadable")], true);
    });
  } else if (launch.tagName === "A") {
    launch.addEventListener("click", function () {
      keep([say("link-sent"), say("link-unreadable")], true);
    });
  }

  const fire = attacks[stage.dataset.attack];
  if (fire) {
    launch.addEventListener("click", function () {
      report([launched]);
      fire();
    });
  }
})();
