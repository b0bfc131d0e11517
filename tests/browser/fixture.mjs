// What the browser tests stand on, made as a province makes it (README): a PostgreSQL 15 of the
// tests' own (initdb and pg_ctl on a temporary folder, a Unix socket only, never the system's
// server), the central schema, sites and officials made with gatehouse-cli, stays as kiosks send
// them, a certificate made with the openssl tool, and gatehouse-central started as console.md
// says. As root (CI) the PostgreSQL server runs as the `postgres` user: initdb refuses root.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG = '/usr/lib/postgresql/15/bin';
export const PASSWORD = 'chín-chắn-mười-hai';

function need(name) {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set (tests/browser/run.sh sets it)`);
    return value;
}

export class Fixture {
    constructor() {
        this.cliPath = need('GATEHOUSE_CLI');
        this.centralPath = need('GATEHOUSE_CENTRAL');
        this.folder = mkdtempSync(join(tmpdir(), 'gatehouse-browser-'));
        this.asPostgres = process.getuid() === 0;
        this.pgPort = 20000 + Math.floor(Math.random() * 20000);
        this.port = 40000 + Math.floor(Math.random() * 20000);
        this.base = `https://127.0.0.1:${this.port}`;
    }

    run(program, args, { asPostgres = false, input } = {}) {
        const [command, line] = asPostgres ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
        const done = spawnSync(command, line, { input, encoding: 'utf8', cwd: tmpdir(), timeout: 120000 });
        if (done.status !== 0)
            throw new Error(`${program} ${args.join(' ')} failed (${done.status}): ${done.stderr}${done.stdout}`);
        return done.stdout;
    }

    uri(user = 'postgres') {
        return `host=${this.folder} port=${this.pgPort} dbname=postgres user=${user}`;
    }

    psql(sql) {
        return this.run(`${PG}/psql`, ['-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-d', this.uri(), '-c', sql]).trim();
    }

    cli(args, input) {
        return this.run(this.cliPath, args, { input });
    }

    addOfficial(name, role, scope, password = PASSWORD) {
        return this.cli(['central', 'add-official', '--central', this.uri(), '--name', name, '--role', role, '--scope', scope],
            `${password}\n`);
    }

    startStore() {
        if (this.asPostgres) chownSync(this.folder, this.uid('postgres'), this.uid('postgres', 'g'));
        const data = join(this.folder, 'data');
        this.run(`${PG}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
            { asPostgres: this.asPostgres });
        const options = [`-c listen_addresses=''`, `-c unix_socket_directories=${this.folder}`, `-p ${this.pgPort}`,
            '-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off'].join(' ');
        this.run(`${PG}/pg_ctl`, ['-D', data, '-l', join(this.folder, 'server.log'), '-o', options, '-w', 'start'],
            { asPostgres: this.asPostgres });
        this.data = data;
    }

    uid(user, which = 'u') {
        return Number(execFileSync('id', [`-${which}`, user], { encoding: 'utf8' }).trim());
    }

    // Sites in two districts, their kiosks, and stays on 3 August 2020 (UTC+7) as the kiosks'
    // events make them: the case (F0) at three sites in two districts, a contact at each (F1),
    // a contact of a contact (F2), a name and a site with markup, someone who met nobody.
    seed() {
        this.cli(['central', 'migrate', '--central', this.uri()]);
        const sites = [['hue-ubnd', 'UBND tỉnh', 'TP Huế', 'ubnd-gate'],
            ['hue-school', 'Trường <b>Quốc Học</b>', 'TP Huế', 'school-gate'],
            ['pv-market', 'Chợ Phú Vang', 'Phú Vang', 'pv-gate']];
        for (const [id, name, district, kiosk] of sites) {
            this.cli(['central', 'add-site', '--central', this.uri(), '--id', id, '--name', name, '--district', district]);
            this.cli(['central', 'add-kiosk', '--central', this.uri(), '--site', id, '--kiosk', kiosk, '--entrance', 'Cổng chính']);
        }
        const stays = [
            ['ubnd-gate', 'hue-ubnd', 'Hoàng Văn Ca', '046190000001', '08:00', '09:00'],
            ['ubnd-gate', 'hue-ubnd', 'Ngô Thị Một', '046190000002', '08:30', '09:30'],
            ['ubnd-gate', 'hue-ubnd', 'Vắng Mặt', '046190000005', '15:00', '16:00'],
            ['pv-gate', 'pv-market', 'Hoàng Văn Ca', '046190000001', '10:00', '11:00'],
            ['pv-gate', 'pv-market', '<script>alert(1)</script> %2', '046190000003', '10:45', '12:00'],
            ['school-gate', 'hue-school', 'Hoàng Văn Ca', '046190000001', '13:00', '13:45'],
            ['school-gate', 'hue-school', 'Đỗ Văn Hai', '046190000004', '13:15', '14:00'],
            ['school-gate', 'hue-school', 'Phạm Thị Ba', '046190000006', '13:50', '14:30'],
        ];
        const at = (hhmm) => Date.parse(`2020-08-03T${hhmm}:00+07:00`);
        let seq = 0;
        const values = stays.map(([kiosk, site, name, id, from, to]) => {
            ++seq;
            const body = JSON.stringify({
                local_id: seq, entrance: 'Cổng chính', person_type: 'visitor', full_name: name, id_number: id,
                phone: `0905000${seq}`, checked_in_at: String(at(from)), checked_out_at: String(at(to)),
            });
            const quoted = (text) => `'${text.replaceAll("'", "''")}'`;
            return `(${quoted(kiosk)}, ${seq}, ${quoted(site)}, 'entry', ${quoted(id)}, ${quoted(body)})`;
        });
        this.psql(`INSERT INTO gatehouse.event (kiosk, seq, site, kind, id_number, body) VALUES ${values.join(', ')}`);
        if (this.psql('SELECT count(*) FROM gatehouse.stay') !== String(stays.length))
            throw new Error('the stays were not made from the events');
        // A month of doors up to today for the compliance page: twelve entries a day at each
        // kiosk, the app verified for most at the offices, for fewer at the school and fewer still
        // at the market, a visitor a day sent to the receptionist; and a kiosk that never sent.
        // Day i (1..30) is the i-th of the 30 days up to today in the province (UTC+7, the day the
        // console's compliance page counts by default); entry n at n o'clock UTC, n + 7 there.
        const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
        const atHour = (hours, minutes = 0) => `(extract(epoch FROM (DATE '${today}' - 30 + g.i)::timestamp AT TIME ZONE 'UTC'
            + make_interval(hours => ${hours}, mins => ${minutes})) * 1000)::bigint`;
        this.psql(`INSERT INTO gatehouse.event (kiosk, seq, site, kind, body)
            SELECT k.kiosk, 1000 + 12 * g.i + n, k.site, 'entry', jsonb_build_object(
                       'local_id', 1000 + 12 * g.i + n, 'entrance', 'Cổng chính', 'person_type', 'visitor',
                       'full_name', 'Khách ' || n, 'checked_in_at', ${atHour("n")}::text,
                       'checked_out_at', ${atHour("n", 30)}::text,
                       'app_status', CASE WHEN n <= (CASE k.site WHEN 'hue-ubnd' THEN 11 WHEN 'hue-school' THEN 9
                                                                 ELSE 4 + g.i % 5 END) THEN 'verified'
                                          WHEN n = 12 THEN 'overridden' ELSE 'not_detected' END)
              FROM gatehouse.kiosk k, generate_series(1, 30) g(i), generate_series(1, 12) n`);
        this.psql(`INSERT INTO gatehouse.event (kiosk, seq, site, kind, body)
            SELECT k.kiosk, 2000 + g.i, k.site, 'audit', jsonb_build_object('local_id', 2000 + g.i, 'actor', 'kiosk',
                       'action', 'sent_to_receptionist',
                       'at', ${atHour(3)})
              FROM gatehouse.kiosk k, generate_series(1, 30) g(i)`);
        this.cli(['central', 'add-kiosk', '--central', this.uri(), '--site', 'hue-school', '--kiosk', 'school-side',
            '--entrance', 'Cổng phụ']);
        this.psql('CREATE ROLE console LOGIN IN ROLE gatehouse_console');
    }

    // A certificate for 127.0.0.1, and the SPKI hash chromium is told to accept (only that key).
    makeCertificate() {
        this.certificate = join(this.folder, 'console.crt');
        this.key = join(this.folder, 'console.key');
        this.run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
            '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', this.key, '-out', this.certificate]);
        const publicKey = this.run('openssl', ['x509', '-in', this.certificate, '-pubkey', '-noout']);
        const der = spawnSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: publicKey });
        const digest = spawnSync('openssl', ['dgst', '-sha256', '-binary'], { input: der.stdout });
        this.spki = digest.stdout.toString('base64');
        // The kiosks' CA, with which the console issues a new kiosk's TLS files.
        this.kioskCaKey = join(this.folder, 'kiosk-ca.key');
        this.kioskCa = join(this.folder, 'kiosk-ca.pem');
        this.run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
            '-subj', '/CN=Gatehouse province CA', '-keyout', this.kioskCaKey, '-out', this.kioskCa]);
        chmodSync(this.kioskCaKey, 0o600);
    }

    async startConsole() {
        this.cli(['keygen', '--purpose', 'export', '--out', join(this.folder, 'keys')]);
        this.exportPublicKey = join(this.folder, 'keys', 'export.pub.pem');
        const config = join(this.folder, 'central.ini');
        writeFileSync(config, `[console]\nsigning_key=${join(this.folder, 'keys', 'export.pem')}\n` +
            `kiosk_ca_key=${this.kioskCaKey}\nkiosk_ca_cert=${this.kioskCa}\n`);
        this.console = spawn(this.centralPath, ['--central', this.uri('console'), '--listen', `127.0.0.1:${this.port}`,
            '--tls-cert', this.certificate, '--tls-key', this.key, '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
        this.consoleErrors = '';
        this.console.stderr.on('data', (chunk) => { this.consoleErrors += chunk; });
        await new Promise((resolve, reject) => {
            let said = '';
            const timer = setTimeout(() => reject(new Error(`gatehouse-central did not start: ${this.consoleErrors}`)), 30000);
            this.console.stdout.on('data', (chunk) => {
                said += chunk;
                if (said.includes(`listening on ${this.base}`)) {
                    clearTimeout(timer);
                    resolve();
                }
            });
            this.console.on('exit', (code) => {
                clearTimeout(timer);
                reject(new Error(`gatehouse-central stopped (${code}): ${this.consoleErrors}`));
            });
        });
    }

    async start() {
        this.startStore();
        this.seed();
        this.addOfficial('Nguyễn Thị Lan', 'official', 'district:TP Huế');
        this.addOfficial('Võ Thị Tâm', 'official', 'district:Phú Vang');
        this.addOfficial('Lê Hoa', 'official', 'site:pv-market');
        this.addOfficial('Trần Văn Minh', 'admin', 'province');
        this.makeCertificate();
        await this.startConsole();
    }

    // SIGTERM as systemd stops it; the exit status is checked by the last test.
    async stopConsole() {
        if (!this.console || this.console.exitCode !== null) return this.console?.exitCode;
        const exited = new Promise((resolve) => this.console.on('exit', (code, signal) => resolve(signal ?? code)));
        this.console.kill('SIGTERM');
        return exited;
    }

    stop() {
        if (this.console && this.console.exitCode === null) this.console.kill('SIGKILL');
        if (this.data) {
            try {
                this.run(`${PG}/pg_ctl`, ['-D', this.data, '-m', 'immediate', '-w', 'stop'], { asPostgres: this.asPostgres });
            } catch (error) {
                console.error(String(error));
            }
        }
        rmSync(this.folder, { recursive: true, force: true });
    }

    storeLog() {
        try {
            return readFileSync(join(this.folder, 'server.log'), 'utf8').slice(-2000);
        } catch {
            return '';
        }
    }
}
