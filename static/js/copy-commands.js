// A "Copy commands" button on every command block of the tutorial. It copies the commands
// only: the lines after a "$ " prompt (without it), and the lines that continue one (after a
// line ending in "\"), never the output shown below them. Without JavaScript the blocks are
// still plain text to select. The button's words come from the page (template#copy-commands
// and #copy-status), so they are translated with the page.
(function () {
  "use strict";

  const template = document.getElementById("copy-commands");
  const status = document.getElementById("copy-status");
  if (!template || !status) {
    return;
  }

  // The commands of a console block, one per line, prompts removed.
  function commandsOf(text) {
    const commands = [];
    let continued = false;
    for (const line of text.split("\n")) {
      if (continued) {
        commands.push(line);
      } else if (line.startsWith("$ ")) {
        commands.push(line.slice(2));
      } else {
        continue;
      }
      continued = line.endsWith("\\");
    }
    return commands.join("\n");
  }

  // The Clipboard API needs a secure context (https://, localhost or 127.0.0.1); a class
  // server over plain http:// gets the older copy command on a hidden text area.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function announce(button, words, done) {
    const label = button.getAttribute("data-label");
    status.textContent = words;
    button.textContent = done ? words : label;
    button.classList.toggle("copied", done);
    window.setTimeout(function () {
      button.textContent = label;
      button.classList.remove("copied");
    }, 2500);
  }

  document.querySelectorAll("pre > code.language-console").forEach(function (code) {
    const pre = code.parentElement;
    const commands = commandsOf(code.textContent);
    if (!commands || pre.hasAttribute("data-copy-ready")) {
      return;
    }
    pre.setAttribute("data-copy-ready", "");
    const bar = template.content.firstElementChild.cloneNode(true);
    const button = bar.querySelector("button");
    button.setAttribute("data-label", button.textContent);
    // What a click copies, readable by tests and by anyone inspecting the page.
    button.setAttribute("data-copy", commands);
    button.addEventListener("click", function () {
      copy(commands).then(
        function () {
          announce(button, status.getAttribute("data-copied"), true);
        },
        function () {
          announce(button, status.getAttribute("data-failed"), false);
        }
      );
    });
    pre.parentElement.insertBefore(bar, pre);
  });
})();
