// @vitest-environment jsdom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import magazineSvg from '../../../assets/illustrations/magazine-7-slot.svg?raw';
import driveSvg from '../../../assets/illustrations/tz887-front.svg?raw';
import { DriveFront } from '../../../src-renderer/components/DriveFront';
import { MagazinePlan } from '../../../src-renderer/components/MagazinePlan';

// React's act() warns unless the environment says it is a test environment
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const billRun = [
  { slot: 1, code: '100803P' },
  { slot: 2, code: '100803D' },
  { slot: 3, code: '100803E' },
  { slot: 4, code: '100803F' },
  { slot: 5, code: '100803G' },
  { slot: 6, code: null },
  { slot: 7, code: null },
];

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(element: ReactNode): HTMLDivElement {
  act(() => root.render(element));
  return container;
}

/** Text as a screen reader gets it: aria-hidden parts left out, white space folded. */
function spoken(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  walk(element);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const items = (view: HTMLElement) => [...view.querySelectorAll('ol.magazine-plan-list > li')];

describe('MagazinePlan: the slot plan in words', () => {
  it('lists the seven slots top to bottom, each with its code or "empty"', () => {
    const view = render(<MagazinePlan slots={[...billRun].reverse()} />);
    expect(items(view).map(spoken)).toEqual([
      'Slot 1: 100803P',
      'Slot 2: 100803D',
      'Slot 3: 100803E',
      'Slot 4: 100803F',
      'Slot 5: 100803G',
      'Slot 6: empty',
      'Slot 7: empty',
    ]);
    expect(view.querySelector('[aria-current]')).toBeNull();
    // the drawing is there too, with the codes drawn into their slots
    const svg = view.querySelector('figure.magazine-plan svg[role="img"]');
    expect(svg?.querySelector('#slot-1')).not.toBeNull();
    expect(svg?.querySelector('[data-slot="3"] text')?.textContent).toBe('100803E');
    expect(svg?.querySelector('[data-slot="6"] text')?.textContent).toBe('empty');
  });

  it('names the slot being filled, in the caption and on its list item', () => {
    const view = render(<MagazinePlan slots={billRun} current={3} />);
    expect(spoken(view.querySelector('figcaption')!)).toContain('Fill slot 3 now: 100803E.');
    const current = view.querySelectorAll('li[aria-current="step"]');
    expect(current).toHaveLength(1);
    expect(spoken(current[0]!)).toBe('Slot 3: 100803E. Fill this slot now');
    expect(view.querySelector('figure')!.classList.contains('current-slot-3')).toBe(true);
    expect(view.querySelectorAll('.magazine-plan-pointer')).toHaveLength(1);
  });

  it('describes a wrong slot in words, and marks the right ones checked', () => {
    const view = render(<MagazinePlan slots={billRun} current={4} found={{ 1: '100803P', 2: '100803e ', 3: null, 6: '100803G' }} />);
    const spokenItems = items(view).map(spoken);
    expect(spokenItems[0]).toBe('Slot 1: 100803P. Checked: the right tape');
    expect(spokenItems[1]).toBe('Slot 2: 100803D. Wrong: 100803E found, 100803D belongs here');
    expect(spokenItems[2]).toBe('Slot 3: 100803E. Wrong: empty, 100803E belongs here');
    expect(spokenItems[3]).toBe('Slot 4: 100803F. Fill this slot now');
    expect(spokenItems[4]).toBe('Slot 5: 100803G');
    expect(spokenItems[5]).toBe('Slot 6: empty. Wrong: 100803G found, this slot stays empty');
    expect(spoken(view.querySelector('[role="status"]')!)).toBe(
      '3 slots are wrong. Slot 2: 100803E found, 100803D belongs here. Slot 3: empty, 100803E belongs here. Slot 6: 100803G found, this slot stays empty.',
    );
    const figure = view.querySelector('figure')!;
    expect([...figure.classList].filter((name) => name.startsWith('wrong-slot-'))).toEqual(['wrong-slot-2', 'wrong-slot-3', 'wrong-slot-6']);
    expect(view.querySelector('li.wrong[data-slot="2"]')).not.toBeNull();
  });

  it('says so when every slot matches the plan', () => {
    const found = Object.fromEntries(billRun.map(({ slot, code }) => [slot, code]));
    const view = render(<MagazinePlan slots={billRun} found={found} />);
    expect(spoken(view.querySelector('[role="status"]')!)).toBe('Every slot holds the tape the plan puts there.');
    expect(view.querySelectorAll('li.wrong')).toHaveLength(0);
  });
});

describe('DriveFront: what to press, in words', () => {
  it('outlines the part to press and says which it is', () => {
    const view = render(<DriveFront highlight="eject" />);
    const figure = view.querySelector('figure.drive-front')!;
    expect(figure.classList.contains('highlight-eject')).toBe(true);
    expect(figure.querySelector('svg #eject-button')).not.toBeNull();
    expect(spoken(figure.querySelector('figcaption')!)).toBe('Press Eject: the door opens. Outlined in the drawing (thick dashed line): the Eject button.');
  });

  it('names the parts when nothing is highlighted', () => {
    const view = render(<DriveFront />);
    expect(view.querySelector('figure')!.className).toBe('drive-front');
    expect(spoken(view.querySelector('figcaption')!)).toContain('the Eject button and the Load button');
  });

  it('names the drive by the model the site profile gives', () => {
    const view = render(<DriveFront model="DRIVE-9" />);
    expect(spoken(view.querySelector('figcaption')!)).toBe("The DRIVE-9's front: the magazine door, the Eject button and the Load button.");
  });
});

describe('the illustrations are safe to draw inline under the CSP', () => {
  it.each([
    ['tz887-front.svg', driveSvg, ['door', 'eject-button', 'load-button']],
    ['magazine-7-slot.svg', magazineSvg, ['slot-1', 'slot-2', 'slot-3', 'slot-4', 'slot-5', 'slot-6', 'slot-7']],
  ])('%s: no script, no style, no external reference; a title and its ids', (_name, svg, ids) => {
    expect(svg).not.toMatch(/<script|<style|\sstyle=|\shref=|xlink:|<image|<foreignObject|url\(|\son[a-z]+=/i);
    expect(svg).toMatch(/<svg\b[^>]*\bviewBox="/);
    expect(svg).toMatch(/<title\b/);
    for (const id of ids) expect(svg).toContain(`id="${id}"`);
  });
});
