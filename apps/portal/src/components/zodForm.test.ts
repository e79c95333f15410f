import { describe, expect, it } from 'vitest';
import { createUserSchema } from '@cakap/contracts';
import { zodErrors } from './zodForm';

const valid = {
  nip: '19860926 201505 1 001',
  name: 'Siti Rahmawati',
  email: '',
  phone: '',
  golongan: '',
  asnType: 'pns',
  orgUnitId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  positionId: null,
  roles: ['learner'],
};

describe('zodErrors', () => {
  it('accepts a valid user (NIP typed with spaces, blank optional fields)', () => {
    expect(zodErrors(createUserSchema, (v) => v, valid, 'id')).toEqual({});
  });

  it('words NIP and missing-field issues with the contracts catalogue, per language', () => {
    const bad = { ...valid, nip: '198602302015051001', orgUnitId: undefined, roles: [] };
    expect(zodErrors(createUserSchema, (v) => v, bad, 'id')).toEqual({
      orgUnitId: 'Wajib diisi',
      roles: 'Pilih minimal satu peran',
    });
    const onlyNip = { ...valid, nip: '198602302015051001' };
    expect(zodErrors(createUserSchema, (v) => v, onlyNip, 'id')).toEqual({
      nip: 'Tanggal lahir pada NIP (digit 1–8) tidak valid',
    });
    expect(zodErrors(createUserSchema, (v) => v, onlyNip, 'en').nip).toMatch(/birth date/);
  });
});
