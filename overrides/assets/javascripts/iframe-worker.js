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
  if (location.protocol !== "file:" || typeof window.IFrameWorker === "function") return;

  function loadScript(doc, url) {
    return new Promise((resolve, reject) => {
      const script = doc.createElement("script");
      script.src = new URL(url, location.href).href;
      script.onload = resolve;
      script.onerror = () => reject(new Error("could not load " + url));
      doc.head.append(script);
    });
  }

  // Material listens with addEventListener and talks with postMessage.
  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      const queue = [];
      const frame = this.frame = document.createElement("iframe");
      frame.hidden = true;
      frame.tabIndex = -1;
      frame.title = "Sökning";
      frame.setAttribute("aria-hidden", "true");
      (document.body || document.documentElement).append(frame);

      const inner = frame.contentWindow;
      const doc = inner.document;
      doc.open();
      doc.write("<!doctype html><html><head></head><body></body></html>");
      doc.close();

      // What the worker script calls: postMessage goes to this object's
      // listeners, importScripts loads further scripts into the frame.
      inner.postMessage = (data) => setTimeout(() => this.dispatchEvent(new MessageEvent("message", { data })));
      inner.importScripts = (...urls) =>
        urls.reduce((done, next) => done.then(() => loadScript(doc, next)), Promise.resolve());

      // Messages for the worker wait in the queue until its script has run.
      this.deliver = (data) => setTimeout(() => inner.dispatchEvent(new inner.MessageEvent("message", { data })));
      this.queue = queue;
      loadScript(doc, url).then(() => {
        this.queue = null;
        queue.forEach(this.deliver);
      }, (error) => this.dispatchEvent(new ErrorEvent("error", { message: error.message })));
    }

    postMessage(data) {
      if (this.queue) this.queue.push(data);
      else this.deliver(data);
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
