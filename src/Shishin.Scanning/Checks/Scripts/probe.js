// Reads what Shishin's page checks need from the loaded page, in one round trip. Evaluated by the scanner through
// the DevTools protocol, so the page's Content-Security-Policy does not apply to it. Returns a JSON string.
// A hostile page must not break it: every property is read through the getters of the DOM's own prototypes (a
// form's named inputs and an element's own properties shadow them otherwise: DOM clobbering), each element is read
// inside try/catch, every value is coerced to the type the scanner expects, and the work is capped for huge DOMs.
async () => {
  const maxLinks = 2000;
  const maxText = 20000;
  const maxElements = 200000;
  const maxMachineText = 200;

  const getter = (proto, name) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    return descriptor && descriptor.get ? (object) => descriptor.get.call(object) : (object) => object[name];
  };
  const parentElementOf = getter(Node.prototype, 'parentElement');
  const parentNodeOf = getter(Node.prototype, 'parentNode');
  const nodeTypeOf = getter(Node.prototype, 'nodeType');
  const textContentOf = getter(Node.prototype, 'textContent');
  const localNameOf = getter(Element.prototype, 'localName');
  const idOf = getter(Element.prototype, 'id');
  const shadowRootOf = getter(Element.prototype, 'shadowRoot');
  const outerHtmlOf = getter(Element.prototype, 'outerHTML');
  const elementChildrenOf = getter(Element.prototype, 'children');
  const fragmentChildrenOf = getter(DocumentFragment.prototype, 'children');
  const innerTextOf = getter(HTMLElement.prototype, 'innerText');
  const documentElementOf = getter(Document.prototype, 'documentElement');
  const bodyOf = getter(Document.prototype, 'body');
  const titleOf = getter(Document.prototype, 'title');
  const baseUriOf = getter(Node.prototype, 'baseURI');
  const getAttribute = Element.prototype.getAttribute;
  const closest = Element.prototype.closest;
  const elementQuery = Element.prototype.querySelectorAll;
  const documentQuery = Document.prototype.querySelectorAll;
  const fragmentQuery = DocumentFragment.prototype.querySelectorAll;
  const fragmentById = DocumentFragment.prototype.getElementById;
  const documentById = Document.prototype.getElementById;
  const createTreeWalker = Document.prototype.createTreeWalker;

  const attempt = (read, fallback) => {
    try {
      return read();
    } catch {
      return fallback;
    }
  };
  const text = (value) => (typeof value === 'string' ? value : '');
  const attribute = (element, name) => attempt(() => text(getAttribute.call(element, name) ?? ''), '');
  const isDocument = (root) => root === document;
  const queryAll = (root, selector) =>
    attempt(() => Array.from(isDocument(root) ? documentQuery.call(root, selector) : fragmentQuery.call(root, selector)), []);
  const base = attempt(() => text(baseUriOf(document)), '') || location.href;
  // Every address the page names, resolved as the browser would; an address that does not parse stays as written.
  const resolve = (raw) => attempt(() => new URL(raw, base).href, raw);

  const documentElement = attempt(() => documentElementOf(document), null);
  const body = attempt(() => bodyOf(document), null);

  // Where an element stands among the siblings of its name: counted once per parent, so that a list of thousands of
  // links costs as much as reading it once.
  const positions = new Map();
  const positionOf = (parent, node) => {
    if (!parent) {
      return null;
    }
    let known = positions.get(parent);
    if (!known) {
      known = { nth: new Map(), count: new Map() };
      const children = attempt(() => Array.from((nodeTypeOf(parent) === 1 ? elementChildrenOf(parent) : fragmentChildrenOf(parent)) ?? []), []);
      for (const child of children) {
        const name = attempt(() => text(localNameOf(child)), '') || '*';
        const count = (known.count.get(name) ?? 0) + 1;
        known.count.set(name, count);
        known.nth.set(child, { name, nth: count });
      }
      positions.set(parent, known);
    }
    const entry = known.nth.get(node);
    return entry ? { nth: entry.nth, of: known.count.get(entry.name) } : null;
  };

  // A CSS selector that finds the element again within its root (the document or a shadow root): a unique id where
  // there is one, else the path of element names from body, with :nth-of-type where siblings share a name.
  const selectorWithin = (element, root) => {
    const parts = [];
    let node = element;
    for (let depth = 0; node && depth < 10000; depth++) {
      if (attempt(() => nodeTypeOf(node), 0) !== 1 || node === documentElement) {
        break;
      }
      const id = attempt(() => text(idOf(node)), '');
      if (id) {
        const escaped = '#' + CSS.escape(id);
        const found = attempt(() => (isDocument(root) ? documentById.call(root, id) : fragmentById.call(root, id)), null);
        if (found === node && queryAll(root, escaped).length === 1) {
          parts.unshift(escaped);
          return parts.join(' > ');
        }
      }
      const name = attempt(() => text(localNameOf(node)), '') || '*';
      let part = name;
      const parent = attempt(() => parentElementOf(node), null);
      const position = positionOf(parent ?? attempt(() => parentNodeOf(node), null), node);
      if (position && position.of > 1) {
        part += ':nth-of-type(' + position.nth + ')';
      }
      parts.unshift(part);
      node = parent;
    }
    return parts.length ? parts.join(' > ') : 'html';
  };

  // The document and every open shadow root in it, each with the selector of its host; closed shadow roots cannot be
  // seen from a script (nor by axe-core). A DOM larger than maxElements is looked through only that far.
  const roots = [{ root: document, prefix: '' }];
  let elementsSeen = 0;
  let elementsTruncated = false;
  for (let index = 0; index < roots.length && !elementsTruncated; index++) {
    const { root, prefix } = roots[index];
    const walker = attempt(() => createTreeWalker.call(document, root, NodeFilter.SHOW_ELEMENT), null);
    for (let element = walker && attempt(() => walker.nextNode(), null); element; element = attempt(() => walker.nextNode(), null)) {
      if (++elementsSeen > maxElements) {
        elementsTruncated = true;
        break;
      }
      const shadow = attempt(() => shadowRootOf(element), null);
      if (shadow) {
        roots.push({ root: shadow, prefix: prefix + selectorWithin(element, root) + ' >>> ' });
      }
    }
  }

  const linkSelector = 'a[href], area[href], a[*|href]';
  const links = [];
  let linkCount = 0;
  for (const { root, prefix } of roots) {
    const anchors = queryAll(root, linkSelector);
    linkCount += anchors.length;
    for (const anchor of anchors) {
      if (links.length >= maxLinks) {
        break;
      }
      // An SVG <a> has an SVGAnimatedString for href, and may name its target in xlink:href.
      const raw = attribute(anchor, 'href') || attempt(() => text(anchor.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? ''), '');
      links.push({
        href: resolve(raw.trim()),
        selector: prefix + attempt(() => selectorWithin(anchor, root), 'a'),
        html: attempt(() => text(outerHtmlOf(anchor)).slice(0, 400), ''),
      });
    }
  }

  const meta = (name) => {
    for (const element of queryAll(document, 'meta[name]')) {
      if (attribute(element, 'name').trim().toLowerCase() === name) {
        return attribute(element, 'content');
      }
    }
    return null;
  };

  // A meta refresh that sends the document on: the scanner waits for that navigation instead of racing it.
  let refresh = null;
  for (const element of queryAll(document, 'meta[http-equiv="refresh" i]')) {
    const match = /^\s*(\d+(?:\.\d*)?)/.exec(attribute(element, 'content'));
    if (match) {
      refresh = Number(match[1]);
      break;
    }
  }

  // Subresources that an HTTPS page names over plain HTTP. Chromium upgrades or blocks many of them before any
  // request is made, so the network alone does not show all mixed content.
  const insecure = [];
  if (location.protocol === 'https:') {
    const candidates = queryAll(document, 'img[src], script[src], iframe[src], audio[src], video[src], source[src], embed[src], object[data], link[rel~="stylesheet" i][href], link[rel~="icon" i][href]');
    for (const element of candidates) {
      const raw = attribute(element, 'src') || attribute(element, 'data') || attribute(element, 'href');
      const address = raw ? resolve(raw.trim()) : '';
      if (address.startsWith('http:') && insecure.length < 100) {
        insecure.push(address);
      }
    }
  }

  const hreflang = queryAll(document, 'link[rel~="alternate" i][hreflang]')
    .map((link) => ({ hreflang: attribute(link, 'hreflang'), href: resolve(attribute(link, 'href').trim()) }));

  // Buffered entries arrive in the observer's callback; takeRecords() collects what is still queued.
  const observe = (type) => new Promise((resolve) => {
    const entries = [];
    try {
      const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
      observer.observe({ type, buffered: true });
      setTimeout(() => {
        try {
          entries.push(...observer.takeRecords());
          observer.disconnect();
        } catch {
          // What arrived is enough.
        }
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

  const number = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  const navigation = attempt(() => performance.getEntriesByType('navigation')[0], null);
  const fcp = attempt(() => performance.getEntriesByName('first-contentful-paint')[0], null);
  const lcp = paints.length ? paints[paints.length - 1] : null;
  // The text whose language the lang attribute must fit: code, data and keyboard input are no natural language
  // (JSON in an audit log, a command line), so their text is taken out of the visible text. innerText lays the page
  // out; a huge DOM is read as its plain text instead.
  const readText = (element) => {
    const visible = elementsTruncated ? null : attempt(() => innerTextOf(element), null);
    return typeof visible === 'string' ? visible : attempt(() => text(textContentOf(element)), '');
  };
  let bodyText = body ? readText(body) : '';
  if (body) {
    const machines = attempt(() => Array.from(elementQuery.call(body, 'code, pre, kbd, samp')), []).slice(0, maxMachineText);
    for (const machine of machines) {
      const parent = attempt(() => parentElementOf(machine), null);
      if (!parent || !attempt(() => closest.call(parent, 'code, pre, kbd, samp'), null)) {
        const part = readText(machine);
        if (part.length > 0) {
          bodyText = bodyText.replace(part, ' ');
        }
      }
    }
  }

  const langAttribute = documentElement ? attempt(() => getAttribute.call(documentElement, 'lang'), null) : null;
  const xmlLang = documentElement ? attempt(() => getAttribute.call(documentElement, 'xml:lang'), null) : null;
  const lang = typeof langAttribute === 'string' ? langAttribute : typeof xmlLang === 'string' ? xmlLang : null;
  return JSON.stringify({
    title: attempt(() => text(titleOf(document)), ''),
    lang,
    text: bodyText.slice(0, maxText),
    viewport: meta('viewport'),
    description: meta('description'),
    hreflang,
    insecure,
    links,
    linkCount,
    elementsTruncated,
    maxElements,
    refresh,
    timing: {
      ttfb: number(navigation && navigation.responseStart),
      fcp: number(fcp && fcp.startTime),
      lcp: number(lcp && lcp.startTime),
      cls: shifts.length || paints.length || fcp ? cls : null,
      domContentLoaded: number(navigation && navigation.domContentLoadedEventStart),
      load: number(navigation && navigation.loadEventStart),
    },
  });
}
