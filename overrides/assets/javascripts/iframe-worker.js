/* Search in the offline site (opened from disk, file://).
 *
 * A browser will not start a Web Worker from a file:// page, and Material's
 * search runs in one. Material's offline plugin would load the "iframe-worker"
 * shim from unpkg.com; this is a small stand-in written for the handbook, so
 * that the offline site asks no other host for anything. It runs the worker
 * script in a hidden frame of the same page instead, with the same
 * postMessage interface, and only on file:// pages (the build loads it only
 * in `make offline`).
 *
 * Material's search worker recognises the frame by `IFrameWorker` on the
 * parent window, finds its own folder from its <script src>, and awaits
 * `importScripts` for the language files (lunr.sv).
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof window.IFrameWorker === "function") {
    return;
  }

  function loadScript(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + url)); };
      doc.head.appendChild(script);
    });
  }

  function IFrameWorker(url) {
    var target = new EventTarget();
    var self = this;
    var queue = [];
    var ready = false;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = "Sökning";
    frame.setAttribute("aria-hidden", "true");
    (document.body || document.documentElement).appendChild(frame);

    var inner = frame.contentWindow;
    var doc = inner.document;
    doc.open();
    doc.write("<!doctype html><html><head></head><body></body></html>");
    doc.close();

    // What the worker script calls: postMessage goes to this object's
    // listeners, importScripts loads further scripts into the frame.
    inner.postMessage = function (data) {
      setTimeout(function () {
        var event = new MessageEvent("message", { data: data });
        target.dispatchEvent(event);
        if (typeof self.onmessage === "function") { self.onmessage(event); }
      }, 0);
    };
    inner.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (done, next) {
        return done.then(function () { return loadScript(doc, new URL(next, location.href).href); });
      }, Promise.resolve());
    };

    function deliver(data) {
      setTimeout(function () {
        inner.dispatchEvent(new inner.MessageEvent("message", { data: data }));
      }, 0);
    }

    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    this.postMessage = function (data) {
      if (ready) { deliver(data); } else { queue.push(data); }
    };
    this.terminate = function () { frame.remove(); };

    loadScript(doc, new URL(url, location.href).href).then(function () {
      ready = true;
      queue.splice(0).forEach(deliver);
    }, function (error) {
      var event = new ErrorEvent("error", { message: error.message });
      target.dispatchEvent(event);
      if (typeof self.onerror === "function") { self.onerror(event); }
    });
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
