// The boot script of every page: starts the app, now or when the reader asks for it.
// `cargo xtask build` (xtask/src/split.rs) fills in the three names below and writes it to a
// hashed `boot-<hash>.js`.
//
// A reading page (an article, a week, home, an index, about) is whole without the app: press
// pre-rendered its text and links, and theme-init.js runs its theme switch. Such a page carries
// `data-app="on-request"` on `#sb-prerendered`, and the app's wasm is fetched only when the
// reader asks for something the app does: focusing a field (the search box, a filter), a
// button (Save for offline, Copy link), the search shortcut (/ or Ctrl+K), or, on a page with
// sealed units (`data-sealed`), holding a key to open them, or an address with a filter or page
// number the copy does not apply. The app then takes over as on any
// other page (src/browser.rs keeps the focus, the typed words and the scroll), and the button
// that asked for it is pressed again, or the filter chosen again, in the app's copy.
// Every other page, and a page with no pre-rendered copy, starts the app once it has loaded.
const BASE = {{BASE}};
const WASM = {{WASM}};
const GLUE = {{GLUE}};

const start = async () => {
  const wasmResponse = fetch(BASE + WASM);
  const bindings = await import(BASE + GLUE);
  const wasm = await bindings.default({ module_or_path: wasmResponse });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
};
let started = null;
// A start that fails (offline, with the app never kept on this device) leaves the copy, and
// says so: `<html data-app="failed">` (the offline page then says the page is not kept).
const boot = () => {
  started = started || start().catch((error) => {
    document.documentElement.dataset.app = 'failed';
    console.warn('the app could not start:', error);
  });
  return started;
};
const whenLoaded = (f) => {
  if (document.readyState === 'complete') f();
  else addEventListener('load', f, { once: true });
};

const copy = document.getElementById('sb-prerendered');
const holdsKey = () => {
  try {
    return Boolean(localStorage.getItem('sb-keys'));
  } catch (e) {
    return false;
  }
};
// The copy shows its path's page as it is published: a filter or a page number in the address
// (`/articles?topic=evaluation`, `?page=2`) is the app's to apply.
const query = new URLSearchParams(location.search);
const onRequest = copy && copy.dataset.app === 'on-request' &&
  !query.has('topic') && !query.has('page') &&
  !(copy.hasAttribute('data-sealed') && holdsKey());

// Runs `f` once the app shows its own copy of the page (`<html data-app="ready">`).
const whenReady = (f) => {
  const root = document.documentElement;
  if (root.dataset.app === 'ready') return f();
  const watch = new MutationObserver(() => {
    if (root.dataset.app !== 'ready') return;
    watch.disconnect();
    f();
  });
  watch.observe(root, { attributes: true, attributeFilter: ['data-app'] });
};

// The positions among element siblings from the copy down to `el`, and back in the app's copy
// (the same rule as the takeover's focus, src/browser.rs).
const pathTo = (el) => {
  const path = [];
  for (let node = el; node !== copy; node = node.parentElement) {
    let index = 0;
    for (let s = node.previousElementSibling; s; s = s.previousElementSibling) index++;
    path.unshift(index);
  }
  return path;
};
const twinOf = (el, path) => {
  if (el.id) return document.getElementById(el.id);
  let node = document.getElementById('sb-app');
  for (const index of path) node = node && node.children[index];
  return node;
};

// Presses the app's copy of a button once it takes presses (`aria-disabled` while it is still
// busy, as Save for offline is while it asks the worker; a few seconds at most). A toggle the
// pre-rendered copy could not show pressed (`shown` false: only the app knows whether a page is
// saved) is pressed only if it is not pressed already: that is what the reader asked for.
const press = (twin, shown, tries = 50) => {
  if (!twin) return;
  if (twin.getAttribute('aria-disabled') === 'true' && tries > 0) {
    setTimeout(() => press(twin, shown, tries - 1), 100);
    return;
  }
  if (!shown && twin.getAttribute('aria-pressed') === 'true') return;
  twin.click();
};

const editable = (el) =>
  el instanceof HTMLElement && (el.matches('input, select, textarea') || el.isContentEditable);

const listen = () => {
  const asked = new AbortController();
  const ask = () => {
    asked.abort();
    document.documentElement.dataset.app = 'starting';
    boot();
  };
  const on = (target, type, f) => target.addEventListener(type, f, { signal: asked.signal });
  on(copy, 'focusin', (event) => {
    if (editable(event.target)) ask();
  });
  // A button of the copy does nothing by itself: the app presses it again once it has come.
  // The theme switch is not the app's to wait for (theme-init.js runs it).
  on(copy, 'click', (event) => {
    const button = event.target.closest('button');
    if (!button || button.matches('.theme-toggle') || button.type === 'submit') return;
    const path = pathTo(button);
    button.setAttribute('aria-busy', 'true');
    ask();
    whenReady(() => press(twinOf(button, path), button.hasAttribute('aria-pressed')));
  });
  // A choice made in a filter before the app came is made again in the app's copy.
  on(copy, 'change', (event) => {
    const field = event.target;
    if (!(field instanceof HTMLSelectElement)) return;
    const path = pathTo(field);
    const value = field.value;
    ask();
    whenReady(() => {
      const twin = twinOf(field, path);
      if (!(twin instanceof HTMLSelectElement) || twin.value === value) return;
      twin.value = value;
      twin.dispatchEvent(new Event('change', { bubbles: true }));
    });
  });
  // The search shortcut, as the app has it: / outside a field, Ctrl+K or Cmd+K anywhere.
  on(document, 'keydown', (event) => {
    if (event.altKey || event.defaultPrevented) return;
    const k = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey &&
      !editable(document.activeElement);
    const box = document.getElementById('site-search');
    if (!(k || slash) || !box) return;
    event.preventDefault();
    box.focus();
  });
};

if (onRequest) {
  // Says so (tests and the bench read it): `on-request`, then `starting` once asked; the app
  // marks `ready` once it has taken over.
  document.documentElement.dataset.app = 'on-request';
  listen();
  // Offline reading needs no app: the service worker keeps the pages read (the app registers
  // it too, the same registration, and watches it for updates).
  if ('serviceWorker' in navigator && window.parent === window) {
    whenLoaded(() => navigator.serviceWorker.register(BASE + 'sw.js', { scope: BASE }).catch(() => {}));
  }
} else {
  whenLoaded(boot);
}
