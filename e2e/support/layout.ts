import type { Locator } from '@playwright/test';

/**
 * What a reader of `table` cannot read whole: column headers outside the table's visible area
 * (scrolled off to the side) and cells whose text is cut off (wider than the cell, e.g. an
 * ellipsis). Empty when every header and cell can be read as the page opens.
 */
export function unreadableCells(table: Locator): Promise<string[]> {
  return table.evaluate((element) => {
    const scroller = (start: Element): Element => {
      for (let node = start.parentElement; node; node = node.parentElement) {
        const { overflowX } = getComputedStyle(node);
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return node;
      }
      return document.documentElement;
    };
    const visible = scroller(element).getBoundingClientRect();
    const problems: string[] = [];
    for (const header of element.querySelectorAll('thead th')) {
      const text = (header as HTMLElement).innerText.trim();
      if (!text) continue;
      const box = header.getBoundingClientRect();
      if (box.left < visible.left - 1 || box.right > visible.right + 1) {
        problems.push(`header "${text}" is outside the visible table`);
      }
    }
    for (const cell of element.querySelectorAll('th, td')) {
      for (const part of [cell, ...cell.querySelectorAll('*')]) {
        const html = part as HTMLElement;
        if (
          html.scrollWidth > html.clientWidth + 1 &&
          getComputedStyle(html).overflowX !== 'visible'
        ) {
          problems.push(`"${(cell as HTMLElement).innerText.trim()}" is cut off`);
          break;
        }
      }
    }
    return problems;
  });
}

/**
 * Identifiers (text without spaces) that `locator` breaks in the middle of a word: a line that
 * starts neither after a separator (- : / _ .) nor at a capital that starts a camel-case word,
 * as a key id shown three characters a line does.
 */
export function wordsBrokenInside(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (text.trim() === '' || /\s/.test(text.trim())) continue;
      const range = document.createRange();
      let top: number | undefined;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const lineStart = top !== undefined && Math.abs(rect.top - top) > 2;
        top = rect.top;
        if (!lineStart) continue;
        const before = text[i - 1] ?? '';
        const camel = /[a-z]/.test(before) && /[A-Z]/.test(text[i]!);
        if (!/[-:/_.]/.test(before) && !camel) {
          broken.push(text);
          break;
        }
      }
    }
    return broken;
  });
}
