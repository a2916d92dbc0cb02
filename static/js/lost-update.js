// The sessions lab's lost-update button: reads this browser's count, fires N visits to the lab
// page at once (the same GET a reload sends), reads the count again, and shows how many of the
// N visits the store kept. With resave off every visit counts; with it on, visits that overlap
// read the same copy of the session and write the same number back.
// Only numbers are written (textContent); the sentences are in the page, shown or hidden here.
(function () {
  "use strict";

  var button = document.getElementById("race-button");
  if (!button) {
    return;
  }
  var visits = Number(button.dataset.visits);
  var show = function (id, text) {
    document.getElementById(id).textContent = String(text);
  };
  var count = function () {
    return fetch(button.dataset.countUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (body) { return body.visits; });
  };
  var visit = function () {
    return fetch(button.dataset.pageUrl, { credentials: "same-origin", cache: "no-store" });
  };

  button.addEventListener("click", function () {
    button.disabled = true;
    document.getElementById("race-no-session").hidden = true;
    document.getElementById("race-failed").hidden = true;
    count()
      .then(function (before) {
        if (before === null) {
          document.getElementById("race-no-session").hidden = false;
          return null;
        }
        var all = [];
        for (var i = 0; i < visits; i += 1) {
          all.push(visit());
        }
        return Promise.all(all).then(count).then(function (after) {
          show("race-before", before);
          show("race-after", after);
          show("race-lost", visits - (after - before));
          document.getElementById("race-result").hidden = false;
        });
      })
      .catch(function () {
        document.getElementById("race-failed").hidden = false;
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();
