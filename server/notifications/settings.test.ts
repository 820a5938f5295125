import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { loadConfig } from '../node-config';
import { retryDelayMs } from './queue';
import { localDayAndHour } from './service';

const base = {
  DATA_DIR: '/tmp/meldestelle-settings-test',
  RECEIPT_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: 'a'.repeat(64),
};
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
    return '';
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
};

describe('notification settings', () => {
  it('sends nothing unless mail or a webhook is set up', () => {
    expect(loadConfig(base).notifications).toBeNull();
  });

  it('reads SMTP with STARTTLS on 587 by default', () => {
    const config = loadConfig({ ...base, SMTP_HOST: 'mail.office.example', MAIL_FROM: 'meldestelle@office.example' });
    expect(config.notifications?.mail).toMatchObject({ kind: 'smtp', port: 587, tls: 'starttls' });
  });

  it('names each setting that is wrong or missing', () => {
    expect(problems({ SMTP_HOST: 'mail.office.example' })).toContain('MAIL_FROM');
    expect(problems({ SMTP_HOST: 'mail.office.example', MAIL_FROM: 'a@b.example', SMTP_TLS: 'none' })).toContain(
      'SMTP_TLS',
    );
    expect(problems({ MAIL_API_URL: 'https://api.resend.com/emails', MAIL_FROM: 'a@b.example' })).toContain(
      'MAIL_API_KEY',
    );
    expect(problems({ NOTIFY_OFFICE_MAILBOX: 'team@office.example' })).toContain('NOTIFY_OFFICE_MAILBOX');
    expect(problems({ NOTIFY_WEBHOOK_URL: 'https://chat.office.example/hook' })).toContain('NOTIFY_WEBHOOK_SECRET');
    expect(problems({ NOTIFY_TIME_ZONE: 'Europe/Atlantis' })).toContain('NOTIFY_TIME_ZONE');
  });

  it('allows mail without TLS only to a relay on this machine', () => {
    const config = loadConfig({ ...base, SMTP_HOST: '127.0.0.1', SMTP_TLS: 'none', MAIL_FROM: 'a@b.example' });
    expect(config.notifications?.mail).toMatchObject({ port: 25, tls: 'none' });
  });
});

describe('timing of notices', () => {
  it('waits 1, 2, 4 … minutes between attempts, at most an hour', () => {
    expect([1, 2, 3, 6, 7, 30].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 32, 60, 60]);
  });

  it('knows the office’s day and hour across the change to summer time', () => {
    expect(localDayAndHour(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toEqual({ day: '2026-03-29', hour: 1 });
    expect(localDayAndHour(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual({ day: '2026-03-29', hour: 3 });
    expect(localDayAndHour(new Date('2026-11-01T23:30:00Z'), 'Europe/Berlin')).toEqual({ day: '2026-11-02', hour: 0 });
  });
});
