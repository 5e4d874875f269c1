import { describe, expect, it } from 'vitest';
import { readPickle } from './pickle.ts';
import { base64Decode } from '../../util/bytes.ts';

const bytes = (b64: string) => base64Decode(b64) as Uint8Array;

describe('readPickle', () => {
  it('reads the plain data CPython pickles (protocols 2 and 4)', () => {
    // pickle.dumps({'t':(1,'a'),'l':[1,2]*3,'u':'café','big':-2**70,'f':1.5,'n':None,'s':{'x':[]},'i2':300,'i4':-70000}, protocol=4)
    const p4 = 'gASVcwAAAAAAAAB9lCiMAXSUSwGMAWGUhpSMAWyUXZQoSwFLAksBSwJLAUsCZYwBdZSMBWNhZsOplIwDYmlnlIoJAAAAAAAAAADAjAFmlEc/+AAAAAAAAIwBbpROjAFzlH2UjAF4lF2Uc4wCaTKUTSwBjAJpNJRKkO7+/3Uu';
    expect(readPickle(bytes(p4))).toEqual({ t: [1, 'a'], l: [1, 2, 1, 2, 1, 2], u: 'café', big: -1180591620717411303424, f: 1.5, n: null, s: { x: [] }, i2: 300, i4: -70000 });
    expect(readPickle(bytes('gAJ9cQBYAQAAAGFxAUsBcy4='))).toEqual({ a: 1 });
  });

  it('refuses code-running opcodes and truncated data', () => {
    // pickle of os.system reference: GLOBAL opcode 'c'
    expect(() => readPickle(new TextEncoder().encode('cos\nsystem\n.'))).toThrow(/unsupported pickle opcode 0x63/);
    expect(() => readPickle(bytes('gASVcwAAAAAAAAB9lCiMAXSU'))).toThrow(/truncated/);
    expect(() => readPickle(new Uint8Array([0x2e]))).toThrow(/unbalanced/);
  });
});
