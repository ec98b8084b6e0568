/**
 * A column's cards, virtualized: the scroll box holds a spacer as tall as every card, and only the
 * cards in view (plus a few either side) exist in the DOM, each placed at index x ROW_HEIGHT.
 * Rendered cards are kept by key, so a focused card survives a scroll or a re-render.
 */
export const ROW_HEIGHT = 116;
const OVERSCAN = 4;

export class VirtualList<T> {
  private items: readonly T[] = [];
  private readonly spacer: HTMLElement;
  private readonly shown = new Map<string, HTMLElement>();
  private frame = 0;

  constructor(
    readonly box: HTMLElement,
    private readonly keyOf: (item: T) => string,
    private readonly make: (item: T, index: number) => HTMLElement,
  ) {
    this.spacer = document.createElement('div');
    this.spacer.className = 'spacer';
    box.append(this.spacer);
    box.addEventListener('scroll', () => {
      if (this.frame === 0)
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.render();
        });
    });
  }

  setItems(items: readonly T[]): void {
    this.items = items;
    for (const el of this.shown.values()) el.remove();
    this.shown.clear();
    this.spacer.style.height = `${items.length * ROW_HEIGHT}px`;
    this.render();
  }

  /** The cards in view now; the rest are not in the DOM. */
  render(): void {
    const height = this.box.clientHeight || 800;
    const first = Math.max(0, Math.floor(this.box.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.items.length, Math.ceil((this.box.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    const wanted = new Set<string>();
    for (let i = first; i < last; i++) {
      const item = this.items[i] as T;
      const key = this.keyOf(item);
      wanted.add(key);
      let el = this.shown.get(key);
      if (!el) {
        el = this.make(item, i);
        el.dataset.key = key;
        this.shown.set(key, el);
        this.spacer.append(el);
      }
      el.style.top = `${i * ROW_HEIGHT}px`;
      el.dataset.index = String(i);
    }
    for (const [key, el] of this.shown)
      if (!wanted.has(key) && el !== document.activeElement) {
        el.remove();
        this.shown.delete(key);
      }
  }

  /** Scrolls index i into view and returns its element. */
  reveal(i: number): HTMLElement | undefined {
    const item = this.items[i];
    if (item === undefined) return undefined;
    const top = i * ROW_HEIGHT;
    const height = this.box.clientHeight;
    if (top < this.box.scrollTop) this.box.scrollTop = top;
    else if (top + ROW_HEIGHT > this.box.scrollTop + height) this.box.scrollTop = top + ROW_HEIGHT - height;
    this.render();
    return this.shown.get(this.keyOf(item));
  }

  indexOf(key: string): number {
    return this.items.findIndex((item) => this.keyOf(item) === key);
  }

  get length(): number {
    return this.items.length;
  }

  /** How many cards are in the DOM (for tests: a few screens' worth, whatever the column holds). */
  get rendered(): number {
    return this.shown.size;
  }
}
