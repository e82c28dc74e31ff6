import { expect } from 'chai';
import {
  CASE_NUMBER,
  formatTrackingCode,
  isObjectId,
  normalizeTrackingCode,
  TRACKING_PREFIXES,
  OBJECT_ID,
  OBJECT_ID_PARAM,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_LENGTH,
  uuidFromBytes,
  UUID,
  WINDOW_CODE,
} from '../../common/ids.js';

// The identifiers that cross the API (common/ids.ts): database ids, idempotency keys, window and
// case codes, and the complaint tracking codes citizens read out over the phone.

const bytes = (...b: number[]) => Uint8Array.from(b);
const range16 = () => Uint8Array.from({ length: 16 }, (_, i) => i);

describe('unit: identifiers', () => {
  it('takes ObjectIds as exactly 24 hex digits, in the API and in router paths', () => {
    expect(isObjectId('0123456789abcdefABCDEF01')).to.equal(true);
    for (const bad of [
      '0123456789abcdef0123456',
      '0123456789abcdef012345678',
      'g123456789abcdef01234567',
      ' 0123456789abcdef01234567',
    ])
      expect(isObjectId(bad), bad).to.equal(false);
    expect(OBJECT_ID.test('x0123456789abcdef01234567')).to.equal(false);
    const param = new RegExp(`^${OBJECT_ID_PARAM}$`);
    expect(param.test('0123456789abcdef01234567')).to.equal(true);
    expect(param.test('0123456789abcdef0123456')).to.equal(false);
  });

  it('makes RFC 4122 v4 UUIDs from the first 16 of the bytes it is given', () => {
    expect(uuidFromBytes(range16())).to.equal('00010203-0405-4607-8809-0a0b0c0d0e0f');
    expect(uuidFromBytes(new Uint8Array(16))).to.equal('00000000-0000-4000-8000-000000000000');
    expect(uuidFromBytes(new Uint8Array(20).fill(0xff))).to.equal('ffffffff-ffff-4fff-bfff-ffffffffffff');
    const input = bytes(...new Array<number>(16).fill(0xff));
    uuidFromBytes(input);
    expect([...input]).to.deep.equal(new Array<number>(16).fill(0xff)); // the caller's bytes stay as they were
  });

  it('takes idempotency keys as UUIDs in either case, and nothing around them', () => {
    expect(UUID.test('00010203-0405-4607-8809-0A0B0C0D0E0F')).to.equal(true);
    for (const bad of [
      '00010203-0405-4607-8809-0a0b0c0d0e0',
      'x00010203-0405-4607-8809-0a0b0c0d0e0f',
      '00010203-0405-4607-8809-0a0b0c0d0e0fx',
      '000102030405460788090a0b0c0d0e0f',
    ])
      expect(UUID.test(bad), bad).to.equal(false);
  });

  it('takes window codes of 2–16 and case numbers of 4–32 capitals, digits and dashes', () => {
    for (const ok of ['B7', 'B07', 'A-12', 'ABCDEFGHIJ123456']) expect(WINDOW_CODE.test(ok), ok).to.equal(true);
    for (const bad of ['B', 'b07', 'B 07', 'ABCDEFGHIJ1234567', 'xB07!', 'B07!'])
      expect(WINDOW_CODE.test(bad), bad).to.equal(false);
    for (const ok of ['ZJ-1', 'A'.repeat(32)]) expect(CASE_NUMBER.test(ok), ok).to.equal(true);
    for (const bad of ['ZJ1', 'A'.repeat(33), 'zj-2026', '!ZJ-1', 'ZJ-1!'])
      expect(CASE_NUMBER.test(bad), bad).to.equal(false);
  });

  it('builds tracking codes from an alphabet without look-alikes', () => {
    expect(TRACKING_CODE_ALPHABET).to.have.length(31);
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(TRACKING_CODE_ALPHABET).not.to.include(lookAlike);
    expect(TRACKING_CODE_LENGTH).to.equal(12);
    expect(formatTrackingCode('7KQ4M9XR2HCW')).to.equal('TS-7KQ4-M9XR-2HCW');
  });

  it('reads a tracking code however it was typed, and refuses what cannot be one', () => {
    for (const typed of [
      'TS-7KQ4-M9XR-2HCW',
      'ts 7kq4 m9xr 2hcw',
      '7kq4-m9xr-2hcw',
      'TS7KQ4M9XR2HCW',
      ' 7KQ4M9XR2HCW.',
    ])
      expect(normalizeTrackingCode(typed), typed).to.equal('TS-7KQ4-M9XR-2HCW');
    // Twelve symbols that happen to start with TS are the code itself, not a prefix.
    expect(normalizeTrackingCode('TS23-4567-89AB')).to.equal('TS-TS23-4567-89AB');
    expect(normalizeTrackingCode('TSTS23456789AB')).to.equal('TS-TS23-4567-89AB');
    for (const bad of [
      'TS-7KQ4-M9XR-2HC',
      'TS-7KQ4-M9XR-2HCWW',
      '7KQ4M9XR2HCWW',
      'XX7KQ4M9XR2HCW',
      'TS-7KQ4-M9XR-2HC0',
      'TS-7KQ4-M9XR-2HCI',
      '',
    ])
      expect(normalizeTrackingCode(bad), bad).to.equal(null);
  });

  it('gives a rating follow-up code its own prefix, and keeps the two kinds apart', () => {
    expect(formatTrackingCode('7KQ4M9XR2HCW', TRACKING_PREFIXES.ratingFix)).to.equal('PJ-7KQ4-M9XR-2HCW');
    for (const typed of ['pj 7kq4 m9xr 2hcw', '7KQ4M9XR2HCW', 'PJ-7KQ4-M9XR-2HCW'])
      expect(normalizeTrackingCode(typed, TRACKING_PREFIXES.ratingFix), typed).to.equal('PJ-7KQ4-M9XR-2HCW');
    // A complaint's code is not a rating's, and the other way round.
    expect(normalizeTrackingCode('TS-7KQ4-M9XR-2HCW', TRACKING_PREFIXES.ratingFix)).to.equal(null);
    expect(normalizeTrackingCode('PJ-7KQ4-M9XR-2HCW')).to.equal(null);
  });
});
