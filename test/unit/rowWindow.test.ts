import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterMeasure, marginOf, rowsAround, type Viewport } from '../../src/caseData/rowWindow';

const rendered = (viewport: Viewport, count: number) => rowsAround(viewport, count, marginOf(viewport));
const onScreen = (viewport: Viewport, count: number) => rowsAround(viewport, count, 0);

const guess = (height: number): Viewport => ({ top: 0, height, rowHeight: 32, measured: false });

describe('the row window', () => {
  it('a first measure within the guessed height keeps the first render: no second render on the way to the first paint', () => {
    const first = guess(504);
    const measured: Viewport = { top: 0, height: 370, rowHeight: 32, measured: true };
    expect(afterMeasure(first, measured, 1000)).toBe(first);
    // A taller grid than guessed does render again.
    expect(afterMeasure(first, { ...measured, height: 700 }, 1000)).not.toBe(first);
    // So does another row height (compact density).
    expect(afterMeasure(first, { ...measured, rowHeight: 26 }, 1000)).not.toBe(first);
  });

  it('scrolling by a row keeps the rendered rows; scrolling past the overscan renders again', () => {
    const at = (top: number): Viewport => ({ top, height: 320, rowHeight: 32, measured: true });
    expect(afterMeasure(at(3200), at(3232), 1000)).toEqual(at(3200));
    expect(afterMeasure(at(3200), at(3200 + 32 * 6), 1000)).toEqual(at(3200 + 32 * 6));
  });

  it('a view scrolled far past the end of fewer rows (a filter typed far down) renders the last rows, not an empty window', () => {
    const farDown: Viewport = { top: 100_000, height: 400, rowHeight: 32, measured: true };
    const drawn = rendered(farDown, 112);
    expect(drawn.end).toBe(112);
    expect(drawn.end - drawn.start).toBeGreaterThanOrEqual(Math.ceil(400 / 32));
  });

  it('whatever the guess and the measures, every row on screen is rendered', () => {
    const measure = fc.record({ top: fc.nat(400_000), height: fc.integer({ min: 1, max: 2_000 }), rowHeight: fc.constantFrom(26, 32, 40) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 0, max: 10_000 }), fc.array(measure, { minLength: 1, maxLength: 30 }), (guessed, count, measures) => {
        let viewport = guess(guessed);
        for (const next of measures) {
          const measured: Viewport = { ...next, measured: true };
          viewport = afterMeasure(viewport, measured, count);
          const shown = onScreen(measured, count);
          const drawn = rendered(viewport, count);
          if (shown.end > shown.start) {
            expect(drawn.start).toBeLessThanOrEqual(shown.start);
            expect(drawn.end).toBeGreaterThanOrEqual(shown.end);
          }
          expect(viewport.rowHeight).toBe(measured.rowHeight);
        }
      }),
    );
  });

  it('scrolling, keyboard moves and a row count that changes (filtering, keys added) never leave a row on screen unrendered', () => {
    // The browser, modelled: a one-row sticky header inside the scroller, scrollTop clamped to
    // the content (a clamp fires a scroll event, so a measure), and a count that grows without
    // a single event (the scroller's box does not change).
    const rowHeight = 32;
    const step = fc.oneof(
      fc.record({ kind: fc.constant('scroll' as const), top: fc.nat(25_000) }),
      fc.record({ kind: fc.constant('count' as const), count: fc.integer({ min: 61, max: 800 }) }),
      fc.record({ kind: fc.constant('toRow' as const), row: fc.nat(800) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 800 }), fc.integer({ min: 40, max: 1_200 }), fc.array(step, { minLength: 1, maxLength: 20 }), (firstCount, height, steps) => {
        let count = firstCount;
        let top = 0;
        let viewport = guess(602);
        const maxTop = () => Math.max(0, (count + 1) * rowHeight - height);
        const measure = () => {
          viewport = afterMeasure(viewport, { top, height, rowHeight, measured: true }, count);
        };
        measure();
        for (const next of steps) {
          if (next.kind === 'scroll') {
            top = Math.min(next.top, maxTop());
            measure();
          } else if (next.kind === 'count') {
            count = next.count;
            if (top > maxTop()) {
              top = maxTop();
              measure();
            }
          } else if (next.row < count) {
            // useVirtualRows' scrollToRow: scroll just enough, render that window at once.
            const rowTop = next.row * viewport.rowHeight;
            let scrollTop = top;
            if (rowTop < scrollTop) scrollTop = rowTop;
            else if (rowTop + viewport.rowHeight > scrollTop + height) scrollTop = rowTop + viewport.rowHeight - height;
            scrollTop = Math.min(Math.max(0, scrollTop), maxTop());
            viewport = { ...viewport, top: scrollTop };
            if (scrollTop !== top) {
              top = scrollTop;
              measure();
            }
          }
          // Data rows under the header, on screen now.
          const shown = { start: Math.floor(top / rowHeight), end: Math.min(count, Math.ceil((top + height) / rowHeight) - 1) };
          const drawn = rendered(viewport, count);
          if (shown.end > shown.start) {
            expect(drawn.start).toBeLessThanOrEqual(shown.start);
            expect(drawn.end).toBeGreaterThanOrEqual(shown.end);
          }
        }
      }),
      { numRuns: Number(process.env.ROW_WINDOW_RUNS ?? 2_000) },
    );
  });
});
