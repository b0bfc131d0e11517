// The province's console in a real browser (issue 25): Debian's chromium, driven headless by
// playwright-core, against a throw-away PostgreSQL and gatehouse-central (fixture.mjs). What an
// official does with a mouse — sign in, open a case, see its contacts at two sites, mark one
// reached, download the case file and check its manifest, sign out — and what must not work: another
// district's case by any address, a session cookie after sign-out, a form without its token, a
// sixth password try. Screenshots of every page in both languages at a laptop's and a phone's size
// go to GATEHOUSE_PICTURES/browser for people to look at.
//
// Run by tests/browser/run.sh (CTest: TestConsoleBrowser, label browser).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { connect } from 'node:tls';

import { Fixture, PASSWORD } from './fixture.mjs';

const require = createRequire(join(process.env.GATEHOUSE_NODE_MODULES ?? '.', 'noop.js'));
const { chromium, request: http } = require('playwright-core');

const fixture = new Fixture();
const pictures = join(process.env.GATEHOUSE_PICTURES ?? tmpdir(), 'browser');
const downloads = mkdtempSync(join(tmpdir(), 'gatehouse-downloads-'));
let browser;
let lanCase; // the path of the case the district official of TP Huế opens, /cases/N

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

// A browser window of its own (its own cookies). Chromium trusts the console's certificate by its
// key only (--ignore-certificate-errors-spki-list in before()), as a province's browsers trust
// its CA. Every request the page makes is recorded: nothing may come from another origin.
async function window(viewport = LAPTOP) {
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN' });
    const page = await context.newPage();
    page.requested = [];
    page.on('request', (request) => page.requested.push(request.url()));
    page.on('dialog', (dialog) => {
        page.dialogs = (page.dialogs ?? 0) + 1;
        dialog.dismiss();
    });
    return page;
}

// A program's requests with the window's cookies (a replay, a forged form, a huge body). It is
// Playwright's HTTP client in Node, not chromium, so it is told to take the certificate unchecked.
async function client(page) {
    return http.newContext({ ignoreHTTPSErrors: true, storageState: await page.context().storageState() });
}

function onlyOwnOrigin(page) {
    const foreign = page.requested.filter((url) => !url.startsWith(fixture.base) && !url.startsWith('data:'));
    assert.deepEqual(foreign, [], 'the page asked another origin');
}

// Types into the sign-in form and presses its button, as a person does.
async function signIn(page, name, password = PASSWORD, query = '') {
    await page.goto(`${fixture.base}/${query}`);
    await page.fill('#name', name);
    await page.fill('#password', password);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('form[action="/sign-in"] button')]);
    return response;
}

async function submit(page, selector) {
    const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
    return response;
}

async function openCase(page, idNumber, from, to) {
    await page.fill('#id_number', idNumber);
    await page.fill('#from', from);
    await page.fill('#to', to);
    return submit(page, 'form.open-case button[type=submit]');
}

async function shoot(page, name) {
    const { width, height } = page.viewportSize();
    const language = await page.getAttribute('html', 'lang');
    await page.screenshot({ path: join(pictures, `${name}-${language}-${width}x${height}.png`), fullPage: true });
}

before(async () => {
    mkdirSync(pictures, { recursive: true });
    await fixture.start();
    browser = await chromium.launch({
        executablePath: process.env.GATEHOUSE_CHROMIUM,
        args: [`--ignore-certificate-errors-spki-list=${fixture.spki}`],
    });
});

after(async () => {
    await browser?.close();
    fixture.stop();
});

test('an official opens a case, sees its contacts at two sites, marks one, takes its file and signs out', async () => {
    const page = await window();
    const signedIn = await signIn(page, 'Nguyễn Thị Lan');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(signedIn.status(), 200);
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === '__Host-gh-session');
    assert.ok(session, 'a session cookie');
    assert.ok(session.httpOnly && session.secure && session.sameSite === 'Strict');

    // The ID number in another spelling: spaces go (IdNumber).
    const opened = await openCase(page, '046 190 000 001', '2020-08-03T00:00', '2020-08-04T00:00');
    assert.equal(opened.status(), 200);
    lanCase = new URL(page.url()).pathname;
    assert.match(lanCase, /^\/cases\/\d+$/);
    assert.equal(opened.headers()['cache-control'], 'no-store');
    assert.match(opened.headers()['content-security-policy'], /default-src 'none'|default-src 'self'/);
    assert.match(await page.textContent('h1'), /046190000001/);

    // Her district's two sites, not the other district's market; the school's name as text.
    const stays = await page.locator('section.stay h3').allTextContents();
    assert.equal(stays.length, 2, stays.join(' | '));
    assert.ok(stays.some((title) => title.includes('UBND tỉnh')));
    assert.ok(stays.some((title) => title.includes('Trường <b>Quốc Học</b>')));
    const body = await page.textContent('main');
    assert.ok(!body.includes('Chợ Phú Vang') && !body.includes('alert(1)'));
    assert.ok(!body.includes('Vắng Mặt'), 'someone who met nobody is no contact');
    assert.ok(!body.includes('Phạm Thị Ba'), 'the second ring only on request');
    const mot = page.locator('tr', { hasText: 'Ngô Thị Một' });
    assert.match(await mot.textContent(), /30\.0/);
    const hai = page.locator('tr', { hasText: 'Đỗ Văn Hai' });
    assert.match(await hai.textContent(), /30\.0/);

    // Marked reached with a note: on the page after the answer, and kept.
    await mot.locator('input[name=note]').fill('Đã gọi, cách ly tại nhà');
    await submit(page, 'tr:has-text("Ngô Thị Một") button[value=yes]');
    assert.equal(new URL(page.url()).pathname, lanCase);
    await page.reload();
    const marked = page.locator('tr', { hasText: 'Ngô Thị Một' });
    assert.equal(await marked.locator('input[name=note]').inputValue(), 'Đã gọi, cách ly tại nhà');
    assert.match(await marked.locator('.state').textContent(), /liên lạc được/i);

    // The second ring on request: the contact of a contact.
    await submit(page, `a[href="${lanCase}?ring=2"]`);
    assert.ok((await page.textContent('main')).includes('Phạm Thị Ba'));

    // The case file: three downloads, checked as an official's office checks them.
    await submit(page, `form[action="${lanCase}/file"] button`);
    const links = page.locator('section.files a[download]');
    assert.equal(await links.count(), 3);
    let csv;
    for (let i = 0; i < 3; ++i) {
        const [download] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
        const saved = join(downloads, download.suggestedFilename());
        await download.saveAs(saved);
        if (saved.endsWith('.csv')) csv = saved;
    }
    assert.ok(csv, 'a CSV among the files');
    const verified = JSON.parse(fixture.cli(['verify-export', csv, '--pub', fixture.exportPublicKey, '--json']));
    assert.equal(verified.signed_by, 'Nguyễn Thị Lan');
    const rows = readFileSync(csv, 'utf8');
    assert.ok(rows.includes('Ngô Thị Một') && rows.includes('Đỗ Văn Hai'));
    assert.ok(!rows.includes('Chợ Phú Vang') && !rows.includes('Vắng Mặt'));
    onlyOwnOrigin(page);

    // Sign out; the old cookie, replayed in another window, opens nothing.
    const kept = await page.context().cookies();
    await submit(page, 'form[action="/sign-out"] button');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.ok(await page.isVisible('form[action="/sign-in"]'));
    const replay = await window();
    await replay.context().addCookies(kept);
    const replayed = await client(replay);
    const refused = await replayed.get(`${fixture.base}${lanCase}`, { maxRedirects: 0 });
    assert.equal(refused.status(), 303);
    assert.ok(!(await refused.text()).includes('Ngô Thị Một'));
    await replay.goto(`${fixture.base}${lanCase}`);
    assert.equal(new URL(replay.url()).pathname, '/');
    assert.ok(!(await replay.content()).includes('046190000001'));
    const download = await replayed.get(`${fixture.base}/download/${lanCase.slice(7)}/${csv.split('/').pop()}`,
        { maxRedirects: 0 });
    assert.equal(download.status(), 401);
    await page.context().close();
    await replay.context().close();
});

test('another district and a site cannot reach the case by any address', async () => {
    assert.ok(lanCase, 'the first test opened a case');
    const number = lanCase.slice(7);
    for (const name of ['Võ Thị Tâm', 'Lê Hoa']) {
        const page = await window();
        await signIn(page, name);
        assert.ok(!(await page.textContent('main')).includes('…001'), `${name}'s list shows no other case`);
        const csrf = await page.getAttribute('input[name=csrf]', 'value');
        const program = await client(page);
        const paths = [lanCase, `${lanCase}?ring=2`, `${lanCase}/`, `/cases/0${number}`, `/cases/${number}%2F`,
            `/cases/${number}?ring=1`, `/download/${number}/case-${number}.csv`,
            `/download/${number}/case-${number}.csv.manifest.json`, `/download/${number}/../${number}/case-${number}.csv`];
        for (const path of paths) {
            const answer = await program.get(`${fixture.base}${path}`, { maxRedirects: 0 });
            assert.equal(answer.status(), 404, `${name}: ${path}`);
            const text = await answer.text();
            assert.ok(!text.includes('046190000001') && !text.includes('Ngô Thị Một'), `${name}: ${path}`);
        }
        for (const action of ['mark', 'close', 'file']) {
            const answer = await program.post(`${fixture.base}${lanCase}/${action}`, {
                form: { csrf, contact: '046190000002', ring: '1', reached: 'no', note: 'x' }, maxRedirects: 0,
            });
            assert.equal(answer.status(), 404, `${name}: POST ${action}`);
        }
        // In the browser: a sentence, not a case.
        const shown = await page.goto(`${fixture.base}${lanCase}`);
        assert.equal(shown.status(), 404);
        assert.ok(!(await page.content()).includes('Ngô Thị Một'));
        await page.context().close();
    }
    // Nothing was changed by them: the mark stands and the case is open.
    assert.equal(fixture.psql(`SELECT count(*) FROM gatehouse.case_file WHERE id = ${number} AND closed_at IS NULL`), '1');
});

test('a form without its token is refused', async () => {
    const page = await window();
    await signIn(page, 'Trần Văn Minh');
    await page.evaluate(() => document.querySelector('form.open-case input[name=csrf]').remove());
    const without = await openCase(page, '046190000001', '2020-08-03T00:00', '2020-08-04T00:00');
    assert.equal(without.status(), 403);
    await page.goto(`${fixture.base}/`);
    await page.evaluate(() => { document.querySelector('form.open-case input[name=csrf]').value = 'A'.repeat(43); });
    const forged = await openCase(page, '046190000001', '2020-08-03T00:00', '2020-08-04T00:00');
    assert.equal(forged.status(), 403);
    // And the sign-in form: its token belongs to the browser that was given the form.
    const other = await window();
    await other.goto(`${fixture.base}/`);
    await other.evaluate(() => document.querySelector('form[action="/sign-in"] input[name=csrf]').remove());
    await other.fill('#name', 'Trần Văn Minh');
    await other.fill('#password', PASSWORD);
    const refused = await submit(other, 'form[action="/sign-in"] button');
    assert.equal(refused.status(), 403);
    assert.ok(!(await other.context().cookies()).some((cookie) => cookie.name === '__Host-gh-session'));
    assert.equal(fixture.psql("SELECT count(*) FROM gatehouse.case_file WHERE opened_by = 'Trần Văn Minh'"), '0');
    await page.context().close();
    await other.context().close();
});

test('five wrong passwords lock the account', async () => {
    fixture.addOfficial('Phan Văn Tùng', 'official', 'province');
    const page = await window();
    for (let i = 1; i <= 5; ++i) {
        const answer = await signIn(page, 'Phan Văn Tùng', `not-the-password-${i}`);
        assert.equal(answer.status(), 401);
        const said = await page.textContent('[role=alert]');
        assert.match(said, i < 5 ? /Tên hoặc mật khẩu không đúng/ : /bị khóa/, `try ${i}`);
        if (i === 5) await shoot(page, 'sign-in-locked');
    }
    const answer = await signIn(page, 'Phan Văn Tùng');
    assert.equal(answer.status(), 401);
    assert.match(await page.textContent('[role=alert]'), /bị khóa/);
    assert.ok(!(await page.context().cookies()).some((cookie) => cookie.name === '__Host-gh-session'));
    await page.context().close();
});

test('bad input gets a sentence on the form, never a crash or another page', async () => {
    const page = await window();
    await signIn(page, 'Trần Văn Minh');
    const asks = [
        ['abc', '2020-08-03T00:00', '2020-08-04T00:00', /abc/],
        ['046190000001', '2020-08-04T00:00', '2020-08-03T00:00', /kết thúc sau khi bắt đầu/],
        ['046190000001', '2020-08-03T00:00', '2020-08-03T00:00', /kết thúc sau khi bắt đầu/],
        ['046190009999', '2020-08-03T00:00', '2020-08-04T00:00', /Không ai/],
        ['<b>046190000001</b>', '2020-08-03T00:00', '2020-08-04T00:00', /<b>046190000001<\/b>/],
    ];
    for (const [idNumber, from, to, sentence] of asks) {
        await page.goto(`${fixture.base}/`);
        const answer = await openCase(page, idNumber, from, to);
        assert.equal(answer.status(), 400, idNumber);
        assert.match(await page.textContent('[role=alert]'), sentence);
        assert.equal(await page.locator('form.open-case b').count(), 0, 'markup is shown as text');
        assert.equal(await page.inputValue('#id_number'), idNumber, 'the form keeps what was typed');
    }
    await shoot(page, 'cases-problem');

    // Dots in the ID number, and a province's case with a name that is markup: shown as text.
    await page.goto(`${fixture.base}/`);
    const opened = await openCase(page, '046.190.000.001', '2020-08-03T00:00', '2020-08-04T00:00');
    assert.equal(opened.status(), 200);
    assert.ok((await page.textContent('main')).includes('<script>alert(1)</script> %2'));
    assert.equal(page.dialogs ?? 0, 0, 'no script ran');
    assert.equal(await page.locator('main script').count(), 0);

    // A huge body: 413 and a sentence; the console goes on.
    const csrf = await page.getAttribute('input[name=csrf]', 'value');
    const program = await client(page);
    const huge = await program.post(`${fixture.base}/cases`, {
        form: { csrf, id_number: 'x'.repeat(2 << 20), from: '', to: '' }, maxRedirects: 0,
    });
    assert.equal(huge.status(), 413);
    assert.match(await huge.text(), /quá lớn/);

    // A slow client (half a request, then nothing) holds a thread for seconds, no page.
    const slow = connect({ host: '127.0.0.1', port: fixture.port, rejectUnauthorized: false });
    await new Promise((resolve) => slow.once('secureConnect', resolve));
    slow.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let heard = '';
    slow.on('data', (chunk) => { heard += chunk; });
    const healthz = await program.get(`${fixture.base}/healthz`);
    assert.equal(healthz.status(), 200);
    assert.equal(await healthz.text(), 'ok');
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the slow client was never let go')), 30000);
        slow.on('close', () => { clearTimeout(timer); resolve(); });
    });
    assert.ok(!heard.includes('UBND'));
    await page.reload();
    assert.ok((await page.textContent('main')).includes('Ngô Thị Một'), 'the console still answers the official');
    await page.context().close();
});

test('the compliance page shows a district its month, the doors below target and the silent kiosk', async () => {
    const page = await window();
    await signIn(page, 'Nguyễn Thị Lan');
    await submit(page, 'nav a[href="/compliance"]');
    assert.equal(new URL(page.url()).pathname, '/compliance');
    // The last 30 days by default: 12 entries a day at each of her two sites' kiosks.
    assert.equal(await page.textContent('.figures > div:first-child strong'), String(30 * 12 * 2));
    assert.equal(await page.locator('svg.chart rect').count(), 30);
    const below = await page.locator('h2:text-matches("dưới mục tiêu", "i") + .table tbody tr').allTextContents();
    assert.equal(below.length, 1, below.join(' | '));
    assert.match(below[0], /Trường <b>Quốc Học<\/b>/);
    assert.match(below[0], /75\.0 %/);
    const main = await page.textContent('main');
    assert.ok(main.includes('school-side'), 'the kiosk that never sent');
    assert.ok(!main.includes('Chợ Phú Vang') && !main.includes('pv-gate'), 'nothing of another district');
    assert.ok(!main.includes('Khách'), 'no person on the page');
    // A higher target ranks both, the lowest first.
    await page.fill('#target', '95');
    await submit(page, 'form.window button');
    const ranked = await page.locator('h2:text-matches("dưới mục tiêu", "i") + .table tbody tr').allTextContents();
    assert.equal(ranked.length, 2);
    assert.match(ranked[0], /Quốc Học/);
    // The table as CSV, from the page's link.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/compliance.csv"]')]);
    const saved = join(downloads, download.suggestedFilename());
    await download.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 30 * 2, lines.slice(0, 3).join('\n'));
    assert.ok(lines[0].startsWith('\uFEFF"Ngày"'));
    assert.ok(lines.slice(1).every((line) => !line.includes('pv-market')));
    // A reversed window: the form again with a sentence.
    await page.fill('#from', '2020-08-10');
    await page.fill('#to', '2020-08-01');
    const refused = await submit(page, 'form.window button');
    assert.equal(refused.status(), 400);
    assert.ok(await page.isVisible('[role=alert]'));
    onlyOwnOrigin(page);
    await page.context().close();
});

// The province's administrator registers a clinic and its door from the console; the door's TLS
// files come once, and they are what a kiosk needs: GNU tar unpacks them, OpenSSL accepts the
// certificate under the kiosks' CA with the kiosk id as its name.
test('an administrator adds a site and a kiosk and takes its files once', async () => {
    const page = await window();
    await signIn(page, 'Trần Văn Minh');
    await page.goto(`${fixture.base}/sites`);
    await page.fill('#site_id', 'hue-clinic');
    await page.fill('#site_name', 'Trạm y tế <b>Vĩ Dạ</b>');
    await page.fill('#district', 'TP Huế');
    const added = await submit(page, 'form[action="/sites"] button');
    assert.equal(added.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/sites');
    assert.ok((await page.textContent('table')).includes('Trạm y tế <b>Vĩ Dạ</b>'));
    await page.selectOption('#kiosk_site', 'hue-clinic');
    await page.fill('#kiosk', 'clinic-gate');
    await page.fill('#entrance', 'Cổng chính');
    await submit(page, 'form[action="/kiosks"] button');
    const link = page.locator('a[href="/kiosk-files/kiosk-clinic-gate.tar"]');
    assert.equal(await link.count(), 1);
    await shoot(page, 'sites-kiosk-added');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const folder = mkdtempSync(join(downloads, 'kiosk-'));
    const archive = join(folder, download.suggestedFilename());
    await download.saveAs(archive);
    const listing = fixture.run('tar', ['-tvf', archive]);
    assert.match(listing, /^-rw------- .* kiosk\.key$/m);
    fixture.run('tar', ['-xf', archive, '-C', folder]);
    const verified = fixture.run('openssl', ['verify', '-CAfile', join(folder, 'ca.pem'), join(folder, 'kiosk.pem')]);
    assert.match(verified, /: OK/);
    assert.match(fixture.run('openssl', ['x509', '-in', join(folder, 'kiosk.pem'), '-noout', '-subject']), /CN = clinic-gate/);
    assert.match(readFileSync(join(folder, 'central.ini'), 'utf8'), /^kiosk_id=clinic-gate$/m);
    assert.equal(fixture.psql("SELECT site FROM gatehouse.kiosk WHERE kiosk = 'clinic-gate'"), 'hue-clinic');
    // Once: the page no longer offers them and the address answers 404.
    await page.goto(`${fixture.base}/sites`);
    assert.equal(await page.locator('a[href^="/kiosk-files/"]').count(), 0);
    const again = await page.goto(`${fixture.base}/kiosk-files/kiosk-clinic-gate.tar`);
    assert.equal(again.status(), 404);
    // A district's official has no such forms.
    const lan = await window();
    await signIn(lan, 'Nguyễn Thị Lan');
    await lan.goto(`${fixture.base}/sites`);
    assert.equal(await lan.locator('form[action="/sites"], form[action="/kiosks"]').count(), 0);
    assert.ok((await lan.textContent('table')).includes('Trạm y tế <b>Vĩ Dạ</b>'));
    onlyOwnOrigin(page);
    await page.context().close();
    await lan.context().close();
});

test('an administrator raises a district to required and reads the fleet', async () => {
    const page = await window();
    await signIn(page, 'Trần Văn Minh');
    await page.goto(`${fixture.base}/settings`);
    await page.fill('#scope', 'district:TP Huế');
    await submit(page, 'form[action="/settings"][method="get"] button');
    await page.fill('#v_policy', 'required');
    const saved = await submit(page, 'form[action="/settings"][method="post"] button');
    assert.equal(saved.status(), 200);
    assert.ok((await page.textContent('[role=status]')).includes('district:TP Huế'));
    assert.equal(await page.inputValue('#v_policy'), 'required');
    assert.equal(fixture.psql("SELECT value || ' ' || set_by FROM gatehouse.setting WHERE scope = 'district:TP Huế'"
        + " AND key = 'policy'"), 'required Trần Văn Minh');
    // A value no kiosk would take: a sentence, the field as typed, nothing stored.
    await page.fill('#v_policy', 'mandatory');
    const refused = await submit(page, 'form[action="/settings"][method="post"] button');
    assert.equal(refused.status(), 400);
    assert.ok((await page.textContent('[role=alert]')).includes('mandatory'));
    assert.equal(await page.inputValue('#v_policy'), 'mandatory');
    assert.equal(fixture.psql("SELECT value FROM gatehouse.setting WHERE scope = 'district:TP Huế' AND key = 'policy'"),
        'required');
    // The fleet: every kiosk of the province, and its CSV.
    await page.goto(`${fixture.base}/fleet`);
    assert.ok((await page.textContent('table')).includes('ubnd-gate'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/fleet.csv"]')]);
    const folder = mkdtempSync(join(downloads, 'fleet-'));
    const csv = join(folder, download.suggestedFilename());
    await download.saveAs(csv);
    assert.match(readFileSync(csv, 'utf8'), /"ubnd-gate"/);
    onlyOwnOrigin(page);
    await page.context().close();
});

// Every page in both languages at a laptop's and a phone's size. The phone must not need sideways
// scrolling for the page itself.
test('every page in Vietnamese and English, on a laptop and a phone', async () => {
    for (const viewport of [LAPTOP, PHONE]) {
        for (const language of ['vi', 'en']) {
            const page = await window(viewport);
            await page.goto(`${fixture.base}/${language === 'en' ? '?lang=en' : ''}`);
            assert.equal(await page.getAttribute('html', 'lang'), language);
            await shoot(page, 'sign-in');
            await signIn(page, 'Trần Văn Minh', 'wrong password', language === 'en' ? '?lang=en' : '');
            await shoot(page, 'sign-in-problem');
            await signIn(page, 'Trần Văn Minh', PASSWORD, language === 'en' ? '?lang=en' : '');
            if ((await page.getAttribute('html', 'lang')) !== language)
                await submit(page, 'form[action="/language"] button');
            assert.equal(await page.getAttribute('html', 'lang'), language);
            await shoot(page, 'cases');
            const first = await page.getAttribute('table a[href^="/cases/"]', 'href');
            await page.goto(`${fixture.base}${first}?ring=2`);
            await shoot(page, 'case');
            await page.goto(`${fixture.base}/sites`);
            await shoot(page, 'sites');
            await page.goto(`${fixture.base}/compliance`);
            await shoot(page, 'compliance');
            await page.goto(`${fixture.base}/fleet`);
            await shoot(page, 'fleet');
            await page.goto(`${fixture.base}/settings?scope=${encodeURIComponent('district:TP Huế')}`);
            await shoot(page, 'settings');
            await page.goto(`${fixture.base}/no-such-page`);
            await shoot(page, 'not-found');
            for (const path of ['/', first, '/sites', '/compliance', '/fleet', '/settings']) {
                await page.goto(`${fixture.base}${path}`);
                const wide = await page.evaluate(() => document.documentElement.scrollWidth);
                assert.ok(wide <= viewport.width, `${path} at ${viewport.width} px is ${wide} px wide`);
            }
            onlyOwnOrigin(page);
            if (language === 'en') await submit(page, 'form[action="/language"] button');
            await page.context().close();
        }
    }
});

test('SIGTERM stops the console cleanly', async () => {
    assert.equal(await fixture.stopConsole(), 0, fixture.consoleErrors);
});
