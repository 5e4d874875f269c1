// Fixed-row-height windowing, hand-written: ~50 lines cover our one case (uniform rows, 10,000+
// items, keep-selection-in-view) without a dependency that would also need a react/compat shim.
import type { ComponentChildren, TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: T[];
  rowHeight: number;
  renderRow(item: T, index: number): ComponentChildren;
  /** index to keep scrolled into view (keyboard navigation) */
  activeIndex?: number;
  overscan?: number;
  class?: string;
  testId?: string;
  onKeyDown?: (e: TargetedKeyboardEvent<HTMLDivElement>) => void;
  label?: string;
}

/** Height assumed before layout (and in DOM-less tests, where elements measure 0). */
const FALLBACK_VIEWPORT = 600;

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, activeIndex = -1, overscan = 8 } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_VIEWPORT);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || FALLBACK_VIEWPORT));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
  }, [activeIndex, rowHeight, height]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) rows.push(props.renderRow(items[i], i));

  return (
    <div ref={ref} class={`vlist ${props.class ?? ''}`} data-testid={props.testId} tabIndex={0} role="grid"
      aria-label={props.label} aria-rowcount={items.length} onKeyDown={props.onKeyDown}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
      <div style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>
        <div style={{ transform: `translateY(${first * rowHeight}px)` }}>{rows}</div>
      </div>
    </div>
  );
}
