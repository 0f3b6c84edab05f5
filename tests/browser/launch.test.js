// The Linux launcher of docs/kiosk.md, run for real: tools/kiosk/niemyet-kiosk.sh
// starts Chromium with its kiosk flags on a portrait 1080×1920 virtual screen
// (Xvfb): the kiosk page opens with no browser frame around it, ready to
// touch.
//   SITE_DIR=/abs/public node --test tests/browser/launch.test.js
// Run by tests/kiosk.rs (needs Xvfb: apt-get install xvfb).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const puppeteer = require('puppeteer-core');

const root = path.join(__dirname, '..', '..');

/** Resolves with the DevTools address Chromium prints on stderr. */
function devtools(child) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('no DevTools address:\n' + seen)), 30000);
    child.stderr.on('data', (d) => {
      seen += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`the browser stopped (${code}):\n${seen}`)));
  });
}

test('niemyet-kiosk.sh opens the kiosk with no browser frame, ready to touch', async () => {
  const display = ':' + (90 + Math.floor(Math.random() * 500));
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1080x1920x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-profile-'));
  let browser = null, child = null;
  try {
    await new Promise((r) => setTimeout(r, 1000));
    // The launcher as documented; after its flags, what a test needs: root
    // (no sandbox), a throwaway profile, the DevTools port.
    child = spawn('sh', [path.join(root, 'tools/kiosk/niemyet-kiosk.sh'), process.env.SITE_DIR,
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${profile}`,
      '--remote-debugging-port=0'], {
      env: { ...process.env, DISPLAY: display, BROWSER: process.env.CHROMIUM || 'chromium' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    browser = await puppeteer.connect({ browserWSEndpoint: await devtools(child), defaultViewport: null });
    let page = null;
    for (let i = 0; i < 100 && !page; i++) {
      page = (await browser.pages()).find((p) => p.url().endsWith('/kiosk/index.html') || p.url().includes('/kiosk/index.html#'));
      if (!page) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(page, 'the kiosk page is open');
    await page.waitForFunction(() => document.body.dataset.state === 'ready', { timeout: 15000 });
    // Kiosk mode: the page is the whole window, no tabs, address bar or
    // frame. (That the window fills the screen is the window manager's
    // doing, which a bare Xvfb has not: it is not asserted.)
    const s = await page.evaluate(() => ({ w: innerWidth, h: innerHeight, ow: outerWidth, oh: outerHeight,
      sw: document.documentElement.scrollWidth, h1: document.querySelector('#k-start h1').textContent }));
    assert.deepStrictEqual([s.w, s.h], [s.ow, s.oh], 'no browser frame around the page');
    assert.ok(s.sw <= s.w, 'nothing sideways');
    assert.strictEqual(s.h1, 'Tra cứu thủ tục hành chính');
  } finally {
    if (browser) browser.disconnect();
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => { child.on('exit', r); setTimeout(r, 10000); });
      try { process.kill(-child.pid, 'SIGTERM'); } catch (e) { /* gone already */ }
      await gone;
    }
    xvfb.kill('SIGTERM');
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});
