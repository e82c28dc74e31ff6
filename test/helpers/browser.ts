// Real Chromium (Debian's package) driven by playwright-core.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's flag that sends hall.test to this machine: a plain-HTTP origin it does not treat as secure. */
export const HALL_HOST = ['--host-resolver-rules=MAP hall.test 127.0.0.1'];
/** The app's address as a phone in the hall sees it (http://hall.test:PORT, not a secure context). */
export const hallUrl = (url: string) => url.replace('127.0.0.1', 'hall.test');

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // The flags keep Chromium from phoning home, which this sandboxed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };

/** Collects page errors so a test can assert the page ran cleanly. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Picks an option of an Element Plus select (its dropdown is teleported to <body>). */
export async function chooseOption(page: Page, selectLocator: string, optionText: string) {
  await page.locator(selectLocator).click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: optionText }).first().click();
}

/** Logs in to the staff admin the way a person does: the address sends them to the login form. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/admin/`);
  await page.waitForURL(/\/admin\/login/);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.includes('/login'));
}

/**
 * Waits until no Element Plus collapse panel is opening or closing. A click while one moves the
 * page can land beside its target: under load, an inspector's save was never sent because the
 * panel above was still closing when the button was clicked.
 */
export const collapseSettled = (page: Page) =>
  page.waitForFunction(
    () => !document.querySelector('.el-collapse-transition-enter-active, .el-collapse-transition-leave-active'),
  );
