/// <reference lib="dom" />
/**
 * For plugin authors' (and the portal's) component tests in jsdom: what jsdom lacks and
 * Mantine or ProseMirror ask for. Call it once before rendering (e.g. in `beforeAll`).
 * Browser-only entry (`@cakap/plugin-sdk/testing`), like `./portal`.
 */
export function installDomShims(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) });
  document.elementFromPoint ??= () => null;
  // Mantine's autosizing Textarea listens for web fonts loading.
  (document as { fonts?: unknown }).fonts ??= { addEventListener: () => {}, removeEventListener: () => {} };
}
