/*
 * Parley's website widget. Add one line to any page:
 *
 *   <script src="https://YOUR-PARLEY-WEB-APP/widget.js" async></script>
 *
 * It puts a chat button in the bottom-right corner that opens the chat (the /widget page
 * of the same Parley) in an iframe. Options, as attributes on the script tag:
 *   data-label="Chat with us"   the button's text
 *   data-color="#4f46e5"        the button's colour
 * The chat keeps the visitor's token in its own storage, so returning visitors resume.
 */
/* global document, window, URL, location, localStorage */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__parleyWidget) return;
  window.__parleyWidget = true;

  var origin = new URL(script.src, location.href).origin;
  var label = script.getAttribute("data-label") || "Chat with us";
  var color = script.getAttribute("data-color") || "#4f46e5";

  var frame = document.createElement("iframe");
  frame.src = origin + "/widget";
  frame.title = label;
  frame.id = "parley-widget-frame";
  frame.setAttribute("allow", "clipboard-write");
  frame.hidden = true;
  frame.style.cssText =
    "position:fixed;right:16px;bottom:84px;z-index:2147483646;width:min(380px,calc(100vw - 32px));" +
    "height:min(600px,calc(100vh - 110px));border:0;border-radius:16px;background:#fff;" +
    "box-shadow:0 12px 40px rgba(0,0,0,.25);";

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.setAttribute("aria-controls", frame.id);
  button.setAttribute("aria-expanded", "false");
  button.style.cssText =
    "position:fixed;right:16px;bottom:16px;z-index:2147483647;height:52px;padding:0 20px;border:0;" +
    "border-radius:26px;background:" + color + ";color:#fff;font:600 15px/1 system-ui,sans-serif;" +
    "box-shadow:0 6px 20px rgba(0,0,0,.25);cursor:pointer;";

  button.addEventListener("click", function () {
    var open = frame.hidden;
    frame.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Close chat" : label;
    if (open) frame.focus();
  });

  // Browsers that block third-party storage refuse the chat's iframe a localStorage of its
  // own; the visitor's token is then kept here, in this site's storage, for the chat to
  // resume with. Only the chat's own frame, from Parley's origin, may read or write it.
  var STORAGE_KEY = "parley.visitor";
  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    var data = event.data || {};
    try {
      if (data.type === "parley:storage-read") {
        frame.contentWindow.postMessage({ type: "parley:storage-value", value: localStorage.getItem(STORAGE_KEY) }, origin);
      } else if (data.type === "parley:storage-write") {
        if (typeof data.value === "string") localStorage.setItem(STORAGE_KEY, data.value);
        else localStorage.removeItem(STORAGE_KEY);
      }
    } catch {
      // No storage here either: the visitor is remembered for this page view only.
      if (data.type === "parley:storage-read") frame.contentWindow.postMessage({ type: "parley:storage-value", value: null }, origin);
    }
  });

  function mount() {
    document.body.appendChild(frame);
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
