// What a phone downloads to open a window's rating page the first time (empty cache), measured in
// Chromium: the encoded bytes of every response (headers and bodies as they came over the wire,
// compressed or not), counted by the browser's network events.
import { chromium } from 'playwright-core';

export interface WireBytes {
  total: number;
  requests: number;
  /** Bytes per resource type (document, script, stylesheet, fetch...). */
  byType: Record<string, number>;
}

export async function ratingPageBytes(qrUrl: string): Promise<WireBytes> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, string>();
    const result: WireBytes = { total: 0, requests: 0, byType: {} };
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type.toLowerCase()));
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId) ?? 'other';
      result.total += e.encodedDataLength;
      result.requests++;
      result.byType[type] = (result.byType[type] ?? 0) + e.encodedDataLength;
    });
    await page.goto(qrUrl, { waitUntil: 'networkidle' });
    await page.locator('[data-test=face-VERY_SATISFIED]').waitFor(); // the page is usable
    return result;
  } finally {
    await browser.close();
  }
}
