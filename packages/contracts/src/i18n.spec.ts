import { createUserSchema } from './people';
import { issueMessage, pickLang, registerMessages, t } from './i18n';

describe('pickLang', () => {
  it('defaults to Indonesian and honours English by preference', () => {
    expect(pickLang(undefined)).toBe('id');
    expect(pickLang('fr-FR')).toBe('id');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('fr;q=1, en;q=0.5, id;q=0.9')).toBe('id');
    expect(pickLang('en;q=0')).toBe('id');
  });
});

describe('issueMessage', () => {
  const base = {
    nip: '198609262015051001',
    name: 'Siti',
    orgUnitId: '6f1f2a4e-5b7c-4d8e-9f00-112233445566',
    roles: ['learner'],
  };

  function messagesFor(input: unknown, lang: 'id' | 'en' = 'id') {
    const r = createUserSchema.safeParse(input);
    if (r.success) return {};
    return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), issueMessage(i, lang, input).message]));
  }

  it('explains a bad NIP field in the user language', () => {
    expect(messagesFor({ ...base, nip: '198602302015051001' })).toEqual({
      nip: 'Tanggal lahir pada NIP (digit 1–8) tidak valid',
    });
    expect(messagesFor({ ...base, nip: '123' }, 'en')).toEqual({ nip: 'A NIP has exactly 18 digits' });
  });

  it('tells missing from malformed', () => {
    expect(messagesFor({ ...base, name: undefined }).name).toBe('Wajib diisi');
    expect(messagesFor({ ...base, email: 'not-an-email' }).email).toBe('Alamat email tidak valid');
    expect(messagesFor({ ...base, roles: ['root'] }, 'en')['roles.0']).toBe('Choose one of: learner, author, admin');
  });

  it('normalises what people type', () => {
    const r = createUserSchema.parse({ ...base, nip: '19860926 201505 1 001', golongan: 'iii/B', email: 'A@B.GO.ID', phone: '' });
    expect(r).toMatchObject({ nip: '198609262015051001', golongan: 'III/b', email: 'a@b.go.id', phone: null, asnType: 'pns' });
  });

  it('fills placeholders', () => {
    expect(t('too_many_attempts', 'en', { seconds: 30 })).toBe('Too many attempts. Try again in 30 seconds.');
  });
});

describe('registerMessages', () => {
  it('adds a plugin catalogue that t() and issueMessage() then use, never rewording core keys', () => {
    registerMessages({
      id: { 'acme.tone': 'Nada tidak dikenal', validation_failed: 'diganti' },
      en: { 'acme.tone': 'Unknown tone' },
    });
    expect(t('acme.tone', 'en')).toBe('Unknown tone');
    expect(t('acme.tone', 'id')).toBe('Nada tidak dikenal');
    expect(t('validation_failed', 'id')).toBe('Data yang dikirim belum benar');
    registerMessages(undefined);
  });
});
