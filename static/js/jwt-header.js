// The JWT-in-a-header lab's client. It keeps the token (in page memory, or in localStorage
// when the switch is on), sends it as "Authorization: Bearer …", and logs every request and
// response so the learner can watch the header travel. No framework, no build step.
//
// Everything from the server is written with textContent, never innerHTML: a token or a
// message cannot inject markup. The script's own words come from the page (template
// #jwt-header-words, rendered from the message table), so they read in the page's language.
(function () {
  "use strict";

  const root = document.getElementById("client");
  if (!root) {
    return;
  }
  const BASE = root.getAttribute("data-base");
  // Seconds after auth_time when the server stops accepting and renewing a token.
  const ABSOLUTE_TIMEOUT = Number(root.getAttribute("data-absolute-timeout")) || 0;
  const TOKEN_KEY = "auth-labs.jwt-header.token";
  const MODE_KEY = "auth-labs.jwt-header.storage";

  const $ = function (id) {
    return document.getElementById(id);
  };

  // --- The page's words ---------------------------------------------------------------------

  // Each word or sentence by its name; `{name}` in one marks where a value goes.
  const WORDS = {};
  const wordsTemplate = $("jwt-header-words");
  if (wordsTemplate) {
    wordsTemplate.content.querySelectorAll("[data-word]").forEach(function (node) {
      WORDS[node.getAttribute("data-word")] = node;
    });
  }

  // Puts each value (text, or a node such as <strong id="user">) where its `{name}` stands,
  // in every text node under `node`; values are never read as markup.
  function fillIn(node, values) {
    Array.from(node.childNodes).forEach(function (child) {
      if (child.nodeType !== Node.TEXT_NODE) {
        fillIn(child, values);
        return;
      }
      const pieces = child.data.split(/\{([a-z_]+)\}/);
      if (pieces.length === 1) {
        return;
      }
      child.replaceWith.apply(child, pieces.map(function (piece, i) {
        if (i % 2 === 0) {
          return piece;
        }
        return Object.prototype.hasOwnProperty.call(values, piece) ? values[piece] : "{" + piece + "}";
      }));
    });
  }

  // The word `name` with its values, as nodes to append (code spans stay <code>).
  function say(name, values) {
    const fragment = document.createDocumentFragment();
    const source = Object.prototype.hasOwnProperty.call(WORDS, name) ? WORDS[name] : null;
    if (!source) {
      fragment.append(name);
      return fragment;
    }
    const copy = source.cloneNode(true);
    fillIn(copy, values || {});
    fragment.append.apply(fragment, Array.from(copy.childNodes));
    return fragment;
  }

  // The same as plain text (for a status line, an error, a heading).
  function sayText(name, values) {
    return say(name, values).textContent;
  }

  // Why the API refused a call: the page's words for the answer's `reason` where it has them,
  // else the answer's own `message` (the API speaks English), else `fallback`.
  function refusal(json, fallback) {
    const word = "refused_" + json.reason;
    if (typeof json.reason === "string" && Object.prototype.hasOwnProperty.call(WORDS, word)) {
      return sayText(word);
    }
    return json.message || sayText(fallback);
  }

  // --- Where the token lives --------------------------------------------------------------

  let token = null;
  let useLocalStorage = false;
  try {
    useLocalStorage = window.localStorage.getItem(MODE_KEY) === "local";
    if (useLocalStorage) {
      token = window.localStorage.getItem(TOKEN_KEY);
    }
  } catch (e) {
    useLocalStorage = false; // storage blocked: memory only
  }

  function keep(newToken) {
    token = newToken;
    try {
      if (useLocalStorage && token) {
        window.localStorage.setItem(TOKEN_KEY, token);
      } else {
        window.localStorage.removeItem(TOKEN_KEY);
      }
    } catch (e) {
      // storage blocked: the token stays in memory
    }
    render();
  }

  function setMode(local) {
    useLocalStorage = local;
    try {
      if (local) {
        window.localStorage.setItem(MODE_KEY, "local");
      } else {
        window.localStorage.removeItem(MODE_KEY);
      }
    } catch (e) {
      useLocalStorage = false;
    }
    keep(token);
  }

  // --- Reading a token (no key needed: header and payload are only base64url) -------------

  function base64UrlDecode(part) {
    const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const padded = b64 + "===".slice((b64.length + 3) % 4);
    const bytes = Uint8Array.from(atob(padded), function (c) {
      return c.charCodeAt(0);
    });
    return new TextDecoder().decode(bytes);
  }

  function decode(jwt) {
    const parts = jwt.split(".");
    if (parts.length !== 3) {
      return null;
    }
    try {
      return {
        parts: parts,
        header: JSON.parse(base64UrlDecode(parts[0])),
        payload: JSON.parse(base64UrlDecode(parts[1])),
      };
    } catch (e) {
      return null;
    }
  }

  // What a claim means; a claim the page has no words for is one this app does not use.
  function meaning(name) {
    const word = "claim_" + name;
    return sayText(Object.prototype.hasOwnProperty.call(WORDS, word) ? word : "claim_other");
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  // A NumericDate as the server's pages write one: the UTC text inside <time datetime>
  // (local-time.js adds the reader's own time beside it).
  function moment(seconds) {
    const at = new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const time = el("time", at);
    time.setAttribute("datetime", at);
    return time;
  }

  function fromNow(seconds) {
    const delta = seconds - Math.floor(Date.now() / 1000);
    const away = Math.abs(delta);
    const span = away >= 60
      ? sayText("minutes_seconds", { minutes: String(Math.floor(away / 60)), seconds: String(away % 60) })
      : sayText("seconds", { seconds: String(away) });
    return sayText(delta >= 0 ? "in" : "ago", { span: span });
  }

  // --- Rendering ---------------------------------------------------------------------------

  function renderWho(decoded) {
    const who = $("who");
    who.replaceChildren();
    const sub = decoded && typeof decoded.payload.sub === "string" ? decoded.payload.sub : null;
    if (!decoded) {
      who.append(el("span", sayText("no_token_who"), "muted"));
    } else if (sub && sub.indexOf("guest:") !== 0) {
      const strong = el("strong", sub);
      strong.id = "user";
      who.append(say("logged_in", { user: strong }));
    } else {
      const guest = el("span", null, "muted");
      guest.append(say("guest", { sub: String(sub) }));
      who.append(guest);
    }
  }

  function renderToken(decoded) {
    const view = $("token-view");
    view.replaceChildren();
    if (!decoded) {
      view.append(el("p", sayText("no_token"), "muted"));
      return;
    }
    const pre = el("pre", null, "wire jwt-token");
    pre.id = "token";
    pre.append(
      el("span", decoded.parts[0], "jwt-header"), ".",
      el("span", decoded.parts[1], "jwt-payload"), ".",
      el("span", decoded.parts[2], "jwt-signature"));
    const legend = el("p", null, "hint jwt-legend");
    legend.append(el("span", sayText("part_header"), "jwt-header"), " · ",
      el("span", sayText("part_payload"), "jwt-payload"), " · ",
      el("span", sayText("part_signature"), "jwt-signature"), " ",
      say("legend", { length: String(token.length) }));

    const columns = el("div", null, "columns");
    const left = el("div");
    left.append(el("h4", sayText("decoded_header") + " " + sayText("decoded")),
      el("pre", JSON.stringify(decoded.header, null, 2), "wire"));
    const right = el("div");
    right.append(el("h4", sayText("decoded_payload") + " " + sayText("decoded")),
      el("pre", JSON.stringify(decoded.payload, null, 2), "wire"));
    columns.append(left, right);

    const table = el("table", null, "kv claims");
    const tbody = el("tbody");
    Object.keys(decoded.payload).forEach(function (name) {
      const value = decoded.payload[name];
      const tr = el("tr");
      const th = el("th");
      th.append(el("code", name));
      const td = el("td");
      td.append(el("code", JSON.stringify(value)));
      if ((name === "iat" || name === "exp" || name === "auth_time") && typeof value === "number") {
        td.append(el("br"), moment(value), " ", el("span", fromNow(value), "muted"));
      }
      tr.append(th, td, el("td", meaning(name), "muted"));
      tbody.append(tr);
    });
    table.append(tbody);

    const countdown = el("p", sayText("expires") + " ");
    const strong = el("strong", "…", "countdown");
    strong.setAttribute("data-countdown", String(decoded.payload.exp));
    countdown.append(strong);
    view.append(pre, legend, columns, table, countdown);

    if (typeof decoded.payload.auth_time === "number" && ABSOLUTE_TIMEOUT > 0) {
      const ends = decoded.payload.auth_time + ABSOLUTE_TIMEOUT;
      const renewal = el("p", null, "hint");
      renewal.append(say("renewal", { at: moment(ends), from_now: fromNow(ends) }));
      view.append(renewal);
    }
  }

  function render() {
    const decoded = token ? decode(token) : null;
    const visits = decoded && typeof decoded.payload.visits === "number" ? decoded.payload.visits : 0;
    $("visits").textContent = String(visits);
    renderWho(decoded);
    renderToken(decoded);
    $("storage-switch").checked = useLocalStorage;
    $("storage-state").replaceChildren(useLocalStorage
      ? say("storage_local", { storage_key: TOKEN_KEY })
      : say("storage_memory"));
  }

  // --- Talking to the API, with a log of every request -----------------------------------

  // The log keeps the newest entries only (the page says how many), so it stays readable.
  const LOG_LIMIT = Number($("request-log").getAttribute("data-limit")) || 20;
  let requestsSent = 0;

  function logEntry(method, url, authorization, body, status, responseHeaders, json) {
    requestsSent += 1;
    const li = el("li", null, "card");
    li.setAttribute("data-request", String(requestsSent));
    const request = [method + " " + url];
    request.push(authorization ? "Authorization: " + authorization : sayText("no_authorization"));
    if (body) {
      request.push("Content-Type: application/json", "", body);
    }
    li.append(el("h4", sayText("request", { n: String(requestsSent) })), el("pre", request.join("\n"), "wire request"));
    const response = ["HTTP " + status];
    responseHeaders.forEach(function (h) {
      response.push(h);
    });
    response.push("", JSON.stringify(json, null, 2));
    li.append(el("h4", sayText("response")), el("pre", response.join("\n"), "wire response"));
    const log = $("request-log");
    log.prepend(li);
    while (log.children.length > LOG_LIMIT) {
      log.lastElementChild.remove();
    }
    $("request-log-empty").hidden = true;
    // One short sentence for screen readers (a polite live region), not the whole entry.
    $("request-log-status").textContent = sayText("announce", {
      n: String(requestsSent),
      method: method,
      path: new URL(url).pathname,
      status: String(status),
    });
  }

  async function call(method, path, payload) {
    const url = BASE + path;
    const headers = {};
    const authorization = token ? "Bearer " + token : null;
    if (authorization) {
      headers.Authorization = authorization;
    }
    let body = null;
    let shownBody = null;
    if (payload) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(payload);
      // The log never shows the password itself.
      shownBody = JSON.stringify(Object.assign({}, payload, payload.password ? { password: "••••••" } : {}));
    }
    let status = 0;
    let json = null;
    const shownHeaders = [];
    try {
      // Same-origin cookies ride along: not for the token (that is the header), but for this
      // lab's lab_switches cookie, so the learner's experiment switches apply to these calls.
      const response = await fetch(url, { method: method, headers: headers, body: body, credentials: "same-origin" });
      status = response.status;
      const challenge = response.headers.get("WWW-Authenticate");
      if (challenge) {
        shownHeaders.push("WWW-Authenticate: " + challenge);
      }
      json = await response.json().catch(function () {
        return { error: "not JSON" };
      });
    } catch (e) {
      json = { error: "network", message: String(e) };
    }
    logEntry(method, window.location.origin + url, authorization, shownBody, status, shownHeaders, json);
    renderDecisions(json && json.switch_decisions);
    return { status: status, json: json || {} };
  }

  // --- Which switch let the token in ------------------------------------------------------

  // The sentences come from the page (the message table), one per decision key; the answer
  // names the decisions and their detail (an algorithm, an audience, seconds).
  function renderDecisions(decisions) {
    const box = $("switch-decisions");
    const list = $("switch-decision-list");
    const words = $("switch-decision-words");
    if (!box || !list || !words) {
      return;
    }
    list.replaceChildren();
    (Array.isArray(decisions) ? decisions : []).forEach(function (d) {
      const sentence = words.content.querySelector("[data-decision=\"" + String(d.key).replace(/[^a-z_]/g, "") + "\"]");
      const li = el("li", sentence ? sentence.textContent.replace("{detail}", d.detail || "") : d.key);
      li.setAttribute("data-switch", String(d.switch));
      li.setAttribute("data-decision", String(d.key));
      list.append(li);
    });
    box.hidden = list.children.length === 0;
  }

  $("visit-button").addEventListener("click", async function () {
    const error = $("visit-error");
    error.hidden = true;
    const result = await call("POST", "/api/visit");
    if (result.status === 200 && result.json.access_token) {
      keep(result.json.access_token);
    } else {
      // Why it was refused: expired, forged, or past the absolute timeout.
      error.textContent = refusal(result.json, "visit_refused");
      error.hidden = false;
      if (result.json.reason === "absolute_timeout") {
        // The server will never renew this token again: forget it, as after a logout.
        keep(null);
      }
    }
  });

  $("me-button").addEventListener("click", function () {
    call("GET", "/api/me");
  });

  // The server keeps no list of tokens: the logout only lets it take note; the page forgets.
  $("logout-button").addEventListener("click", async function () {
    if (token) {
      await call("POST", "/api/logout");
    }
    keep(null);
  });

  // A token of the learner's own (from the workbench's encoder, say): the page uses it as if
  // the API had issued it, so the next call sends it.
  $("paste-token-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const pasted = $("paste-token").value.trim().replace(/^bearer\s+/i, "");
    if (pasted) {
      keep(pasted);
      $("paste-token").value = "";
    }
  });

  // The workbench's "Put it in the header lab" link carries the token in the fragment, which
  // browsers never send to a server; it goes into the box, and out of the address bar.
  if (window.location.hash.indexOf("#token=") === 0) {
    try {
      $("paste-token").value = decodeURIComponent(window.location.hash.slice(7));
    } catch (e) {
      // a malformed fragment: leave the box empty
    }
    history.replaceState(null, "", window.location.pathname);
    $("paste-token-submit").focus();
  }

  $("storage-switch").addEventListener("change", function (event) {
    setMode(event.target.checked);
  });

  $("login-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    const error = $("login-error");
    error.hidden = true;
    const result = await call("POST", "/api/token", {
      username: $("username").value,
      password: $("password").value,
    });
    $("password").value = "";
    if (result.status === 200 && result.json.access_token) {
      keep(result.json.access_token);
    } else {
      error.textContent = refusal(result.json, "login_failed");
      error.hidden = false;
    }
  });

  // The button is disabled in the HTML, so nothing is submitted before this script can
  // turn the login into a JSON request.
  $("login-submit").disabled = false;
  render();
})();
