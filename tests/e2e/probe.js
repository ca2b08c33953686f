// The reader's walk puts this script first in the page's <head> (walk-site.mjs), before the
// page's Content-Security-Policy and its scripts, so it runs in every engine from the start:
// WebDriver classic (WebKit's driver) can neither add a script to a new document nor report
// console messages. It records into window.__atlasProblems every error event that reaches
// window (uncaught exceptions, a ResizeObserver loop, a resource that failed to load), every
// unhandled rejection, console.error call and CSP violation; and into window.__atlasFiles every
// file the page offers for download (the download itself is not started, so no engine opens a
// dialog or writes to the disk).
(function () {
  var problems = (window.__atlasProblems = []);
  var files = (window.__atlasFiles = []);
  function text(v) {
    try { return v && v.stack ? String(v.stack) : String(v); } catch (e) { return '(unprintable)'; }
  }
  addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && t.tagName) {
      problems.push('failed to load <' + t.tagName.toLowerCase() + '> ' + (t.currentSrc || t.src || t.href || ''));
    } else {
      problems.push('error event: ' + e.message + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
    }
  }, true);
  addEventListener('unhandledrejection', function (e) { problems.push('unhandled rejection: ' + text(e.reason)); });
  addEventListener('securitypolicyviolation', function (e) {
    problems.push('CSP violation: ' + (e.effectiveDirective || e.violatedDirective) + ' blocked ' + (e.blockedURI || 'inline'));
  });
  var consoleError = console.error;
  console.error = function () {
    problems.push('console.error: ' + Array.prototype.map.call(arguments, text).join(' '));
    return consoleError.apply(this, arguments);
  };
  var blobs = {};
  var createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (obj) {
    var url = createObjectURL.apply(this, arguments);
    blobs[url] = obj;
    return url;
  };
  var click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download') && blobs[this.href]) {
      files.push({ name: this.download, blob: blobs[this.href] });
      return;
    }
    return click.apply(this, arguments);
  };
})();
