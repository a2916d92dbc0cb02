// Shows what page JavaScript can see of this site's cookies (document.cookie), and on the
// builder's result page whether the cookie just set is among them. HttpOnly cookies never are.
// Only textContent is written, so a cookie holding markup is shown as text, never run.
(function () {
  "use strict";

  // The words, in the page's language (templates/labs/cookies/visibility-words.html.tera).
  var words = (document.getElementById("cookie-visibility-words") || {}).dataset || {};
  function say(name, english) {
    return words[name] || english;
  }

  var all = document.getElementById("document-cookie");
  if (all) {
    all.textContent = document.cookie === ""
      ? say("empty", "(empty: no cookie here is visible to JavaScript)")
      : document.cookie;
  }

  var check = document.getElementById("document-cookie-check");
  if (!check) {
    return;
  }
  var name = check.dataset.cookieName;
  var httpOnly = check.dataset.httpOnly === "true";
  var found = document.cookie
    .split(";")
    .map(function (pair) { return pair.trim(); })
    .filter(function (pair) { return pair.split("=")[0] === name; });

  var result = document.getElementById("document-cookie-result");
  var detail = document.getElementById("document-cookie-detail");
  if (found.length > 0) {
    result.textContent = say("visible", "visible");
    detail.textContent = say("detailVisible",
      "document.cookie includes {pairs}: any script on this page, including an injected one, can read it.")
      .replace("{pairs}", found.join("; "));
  } else if (httpOnly) {
    result.textContent = say("hidden", "hidden");
    detail.textContent = say("detailHttpOnly", "HttpOnly: the browser keeps this cookie away from JavaScript. " +
      "It is still sent with every request its Path and Domain cover: see what your browser sends now.");
  } else {
    result.textContent = say("hidden", "hidden");
    detail.textContent = say("detailRefused", "Not HttpOnly, yet not in document.cookie: the browser refused it " +
      "(for example Secure on a non-localhost http:// page, a Domain that is not this host, an " +
      "Expires in the past, Max-Age=0), or its Path does not cover this page's URL.");
  }
})();
