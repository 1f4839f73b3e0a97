// Reads what Shishin's page checks need from the loaded page, in one round trip. Evaluated by the scanner through
// the DevTools protocol, so the page's Content-Security-Policy does not apply to it. Returns a JSON string.
async () => {
  const maxLinks = 2000;
  const maxText = 20000;

  // A CSS selector that finds the element again: a unique id where there is one, else the path of element names
  // from body, with :nth-of-type where siblings share a name.
  const selectorOf = (element) => {
    const parts = [];
    for (let node = element; node && node.nodeType === 1 && node !== document.documentElement; node = node.parentElement) {
      if (node.id && document.querySelectorAll('#' + CSS.escape(node.id)).length === 1) {
        parts.unshift('#' + CSS.escape(node.id));
        return parts.join(' > ');
      }
      let part = node.localName;
      const parent = node.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter((child) => child.localName === node.localName);
        if (same.length > 1) {
          part += ':nth-of-type(' + (same.indexOf(node) + 1) + ')';
        }
      }
      parts.unshift(part);
    }
    return parts.length ? parts.join(' > ') : 'html';
  };

  const meta = (name) => {
    for (const element of document.querySelectorAll('meta[name]')) {
      if (element.getAttribute('name').trim().toLowerCase() === name) {
        return element.getAttribute('content') ?? '';
      }
    }
    return null;
  };

  const links = [];
  for (const anchor of document.querySelectorAll('a[href], area[href]')) {
    if (links.length >= maxLinks) {
      break;
    }
    links.push({ href: anchor.href, selector: selectorOf(anchor), html: anchor.outerHTML.slice(0, 400) });
  }

  // Subresources that an HTTPS page names over plain HTTP. Chromium upgrades or blocks many of them before any
  // request is made, so the network alone does not show all mixed content.
  const insecure = [];
  if (location.protocol === 'https:') {
    const candidates = document.querySelectorAll('img[src], script[src], iframe[src], audio[src], video[src], source[src], embed[src], object[data], link[rel~="stylesheet" i][href], link[rel~="icon" i][href]');
    for (const element of candidates) {
      const address = element.src || element.data || element.href || '';
      if (address.startsWith('http:') && insecure.length < 100) {
        insecure.push(address);
      }
    }
  }

  const hreflang = Array.from(document.querySelectorAll('link[rel~="alternate" i][hreflang]'))
    .map((link) => ({ hreflang: link.getAttribute('hreflang') ?? '', href: link.href }));

  // Buffered entries arrive in the observer's callback; takeRecords() collects what is still queued.
  const observe = (type) => new Promise((resolve) => {
    const entries = [];
    try {
      const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
      observer.observe({ type, buffered: true });
      setTimeout(() => {
        entries.push(...observer.takeRecords());
        observer.disconnect();
        resolve(entries);
      }, 50);
    } catch {
      resolve(entries);
    }
  });
  const [paints, shifts] = await Promise.all([observe('largest-contentful-paint'), observe('layout-shift')]);

  // CLS as web-vitals defines it: the largest session window of shifts without recent input, where a window ends
  // after a 1 s gap or 5 s in all.
  let cls = 0;
  let windowValue = 0;
  let windowStart = 0;
  let previous = 0;
  for (const shift of shifts) {
    if (shift.hadRecentInput) {
      continue;
    }
    if (windowValue > 0 && shift.startTime - previous < 1000 && shift.startTime - windowStart < 5000) {
      windowValue += shift.value;
    } else {
      windowValue = shift.value;
      windowStart = shift.startTime;
    }
    previous = shift.startTime;
    cls = Math.max(cls, windowValue);
  }

  const navigation = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const lcp = paints.length ? paints[paints.length - 1] : null;
  // The text whose language the lang attribute must fit: code, data and keyboard input are no natural language
  // (JSON in an audit log, a command line), so their text is taken out of the visible text.
  let text = document.body ? document.body.innerText ?? '' : '';
  if (document.body) {
    for (const machine of document.body.querySelectorAll('code, pre, kbd, samp')) {
      if (!machine.parentElement || !machine.parentElement.closest('code, pre, kbd, samp')) {
        const part = machine.innerText ?? '';
        if (part.length > 0) {
          text = text.replace(part, ' ');
        }
      }
    }
  }

  return JSON.stringify({
    title: document.title,
    lang: document.documentElement.getAttribute('lang') ?? document.documentElement.getAttribute('xml:lang'),
    text: text.slice(0, maxText),
    viewport: meta('viewport'),
    description: meta('description'),
    hreflang,
    insecure,
    links,
    timing: {
      ttfb: navigation ? navigation.responseStart : null,
      fcp: fcp ? fcp.startTime : null,
      lcp: lcp ? lcp.startTime : null,
      cls: shifts.length || paints.length || fcp ? cls : null,
      domContentLoaded: navigation ? navigation.domContentLoadedEventStart : null,
      load: navigation ? navigation.loadEventStart : null,
    },
  });
}
