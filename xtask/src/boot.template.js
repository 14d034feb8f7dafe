// The boot script of every page: starts the app, now or when the reader asks for it.
// `cargo xtask build` (xtask/src/split.rs) fills in the three names below and writes it to a
// hashed `boot-<hash>.js`.
//
// A reading page (an article, a week, home, an index, about) is whole without the app: press
// pre-rendered its text and links, and this script runs its theme switch and its Copy link. Such a page carries `data-app="on-request"` on `#sb-prerendered`, and the app's wasm is
// fetched only when the reader asks for something only the app does: focusing a field (the
// search box, a filter), a button (Save for offline), the search shortcut (/ or Ctrl+K), or, on
// a page with sealed units (`data-sealed`), holding a key to open them, or an address with a
// filter or page number the copy does not apply. The app then takes over as on any other page
// (src/browser.rs keeps the focus, the typed words and the scroll), and the button pressed, or
// the filter chosen, while it came is pressed or chosen again in the app's copy. A start that
// fails (offline, the app not kept) says so and can be asked for again.
// Every other page, and a page with no pre-rendered copy, starts the app once it has loaded.
const BASE = {{BASE}};
const WASM = {{WASM}};
const GLUE = {{GLUE}};

const root = document.documentElement;
let attempts = 0;
const start = async () => {
  const wasmResponse = fetch(BASE + WASM);
  wasmResponse.catch(() => {}); // reported once, by the start below
  // A browser remembers a failed import for the page's life: a new attempt asks anew (the
  // worker and the host answer by path).
  const again = attempts++ ? `?attempt=${attempts}` : '';
  const bindings = await import(BASE + GLUE + again);
  const wasm = await bindings.default({ module_or_path: wasmResponse });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
};
// Starts the app once; resolves to whether it started (after a failure it may be asked again).
let started = null;
const boot = () => {
  started = started || start().then(() => true, (error) => {
    started = null;
    console.warn('the app could not start:', error);
    return false;
  });
  return started;
};
const whenLoaded = (f) => {
  if (document.readyState === 'complete') f();
  else addEventListener('load', f, { once: true });
};

const copy = document.getElementById('sb-prerendered');
const marked = Boolean(copy) && copy.dataset.app === 'on-request';
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
const forced = query.has('topic') || query.has('page') ||
  (marked && copy.hasAttribute('data-sealed') && holdsKey());

// Runs `f` once the app shows its own copy of the page (`<html data-app="ready">`), unless
// `signal` is aborted first (a start that failed drops what waited for it).
const whenReady = (f, signal) => {
  if (root.dataset.app === 'ready') return f();
  const watch = new MutationObserver(() => {
    if (root.dataset.app !== 'ready') return;
    watch.disconnect();
    f();
  });
  watch.observe(root, { attributes: true, attributeFilter: ['data-app'] });
  if (signal) signal.addEventListener('abort', () => watch.disconnect(), { once: true });
};

// The positions among element siblings from the copy down to `el`, and back in the app's copy
// (the same rule as the takeover's focus, src/browser.rs): the element there, if it is the
// same kind of element.
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
  let node = el.id ? document.getElementById(el.id) : document.getElementById('sb-app');
  if (!el.id) for (const index of path) node = node && node.children[index];
  return node && node.tagName === el.tagName && node.className === el.className ? node : null;
};

// Tries `f` every 100 ms until it is done (true), for up to 15 s: the app's copy of a control
// may still be busy (Save for offline asks the worker first) or still loading its options.
const retry = (f, tries = 150) => {
  if (f()) return;
  if (tries > 0) setTimeout(() => retry(f, tries - 1), 100);
  else say('That did not work this time: please try again.');
};

// Presses the app's copy of a button (found anew each try: the app may draw it again while it
// settles) once it takes presses (not `aria-disabled`). A toggle the pre-rendered copy could
// not show pressed (`shown` false: only the app knows whether a page is saved) is pressed only
// if it is not pressed already: that is what the reader asked for. If the reader presses the
// app's button first, that press is the one asked for.
const press = (find, shown) => {
  let theirs = false;
  const watch = (event) => {
    const twin = find();
    if (event.isTrusted && twin && twin.contains(event.target)) theirs = true;
  };
  document.addEventListener('click', watch, true);
  retry(() => {
    const twin = find();
    if (!theirs && (!twin || twin.getAttribute('aria-disabled') === 'true')) return false;
    document.removeEventListener('click', watch, true);
    if (!theirs && (shown || twin.getAttribute('aria-pressed') !== 'true')) twin.click();
    return true;
  });
};

// Chooses `value` in the app's copy of a select, once it has that option.
const choose = (find, value) => retry(() => {
  const twin = find();
  if (!(twin instanceof HTMLSelectElement)) return false;
  if (![...twin.options].some((o) => o.value === value)) return false;
  if (twin.value !== value) {
    twin.value = value;
    twin.dispatchEvent(new Event('change', { bubbles: true }));
  }
  return true;
});

const editable = (el) =>
  el instanceof HTMLElement && (el.matches('input, select, textarea') || el.isContentEditable);

// What is said, politely, while the app comes, and if it could not: a region made empty first
// (a screen reader may not read a region that appears with its words).
const statusRegion = () => {
  let region = document.getElementById('sb-boot-status');
  if (!region) {
    region = document.createElement('div');
    region.id = 'sb-boot-status';
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
};
const say = (text) => {
  statusRegion().textContent = text;
};

// Copy link needs no app: the page's own address, copied while the reader's press still counts
// (a browser refuses the clipboard to a script acting seconds later).
const copyLink = async (button) => {
  const url = location.origin + location.pathname.replace(/\/+$/, '');
  try {
    await navigator.clipboard.writeText(url);
    button.textContent = 'Link copied';
  } catch (e) {
    say('The link could not be copied: copy it from the address bar.');
  }
};

// The copy's theme switch, until the app takes over (same rule, key and labels as
// src/components/theme_toggle.rs; theme-init.js applied the saved choice before the first
// paint): a reading page may never start the app, and switching must not wait for one.
const themeSwitch = () => {
  const current = () => {
    const chosen = root.dataset.theme;
    if (chosen === 'light' || chosen === 'dark') return chosen;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  };
  const label = () => {
    const other = current() === 'dark' ? 'light' : 'dark';
    copy.querySelectorAll('.theme-toggle').forEach((button) => {
      button.setAttribute('aria-label', `Switch to ${other} theme`);
      button.setAttribute('title', `Switch to ${other} theme`);
      const icon = button.querySelector('span');
      if (icon) icon.textContent = other === 'dark' ? '\u263E' : '\u2600';
    });
  };
  label();
  copy.addEventListener('click', (event) => {
    if (!event.target.closest('.theme-toggle')) return;
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('sb-theme', next);
    } catch (e) {
      // storage blocked: the choice lasts this page
    }
    label();
  });
};
if (copy) themeSwitch();

// Listens for the reader asking for the app, until it is there; returns `ask`.
const listen = () => {
  statusRegion();
  const done = new AbortController();
  const on = (target, type, f) => target.addEventListener(type, f, { signal: done.signal });
  // What waits for this attempt's app (presses and choices to make again in it).
  let attempt = new AbortController();
  const ask = () => {
    if (root.dataset.app !== 'on-request') return; // asked already
    root.dataset.app = 'starting';
    say('Loading…');
    boot().then((ok) => {
      if (ok) return;
      attempt.abort();
      attempt = new AbortController();
      root.dataset.app = 'on-request';
      copy.querySelectorAll('[aria-busy]').forEach((el) => el.removeAttribute('aria-busy'));
      say('This part of the page could not load. Check the connection and try again.');
    });
  };
  whenReady(() => {
    done.abort();
    say('');
  });
  on(copy, 'focusin', (event) => {
    if (editable(event.target)) ask();
  });
  // A button of the copy does nothing by itself: the app presses it again once it has come
  // (once, however often it was pressed meanwhile). The theme switch (`themeSwitch`) and Copy
  // link are not the app's to wait for.
  on(copy, 'click', (event) => {
    const button = event.target.closest('button');
    if (!button || button.matches('.theme-toggle') || button.type === 'submit') return;
    if (button.matches('.share-copy')) return copyLink(button);
    if (button.getAttribute('aria-busy') === 'true') return;
    const path = pathTo(button);
    button.setAttribute('aria-busy', 'true');
    ask();
    whenReady(() => press(() => twinOf(button, path), button.hasAttribute('aria-pressed')), attempt.signal);
  });
  // A choice made in a filter before the app came is made again in the app's copy.
  on(copy, 'change', (event) => {
    const field = event.target;
    if (!(field instanceof HTMLSelectElement)) return;
    const path = pathTo(field);
    const value = field.value;
    ask();
    whenReady(() => choose(() => twinOf(field, path), value), attempt.signal);
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
  // A field focused before this script ran (a slow network) asked already.
  if (editable(document.activeElement) && copy.contains(document.activeElement)) ask();
  return ask;
};

if (marked) {
  // Says so (tests and the bench read it): `on-request`, then `starting` once asked; the app
  // marks `ready` once it has taken over.
  root.dataset.app = 'on-request';
  const ask = listen();
  const offline = 'serviceWorker' in navigator;
  // Where pages cannot be kept offline the app shows no Save for offline: neither does the copy.
  if (!offline) copy.querySelectorAll('.save-offline').forEach((el) => el.remove());
  // Offline reading needs no app: the service worker keeps the pages read (the app registers
  // it too, the same registration, and watches it for updates).
  if (offline && window.parent === window) {
    whenLoaded(() => navigator.serviceWorker.register(BASE + 'sw.js', { scope: BASE }).catch(() => {}));
  }
  // A key to open the page's sealed units, or an address the copy does not apply: the reader
  // has asked already.
  if (forced) whenLoaded(ask);
} else {
  // A failed start leaves the copy and says so: `<html data-app="failed">` (the offline page
  // then says the page is not kept on this device).
  whenLoaded(() => boot().then((ok) => {
    if (!ok) root.dataset.app = 'failed';
  }));
}
