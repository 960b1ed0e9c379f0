import { describe, expect, it } from 'vitest';
import { bytesOfBase64 } from './download';

describe('exported files', () => {
  it('decodes base64 to the exact bytes, UTF-8 and binary alike', () => {
    const text = 'section,label\nChannel,Walk-in · é\n';
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    expect(new TextDecoder().decode(bytesOfBase64(base64))).toBe(text);
    expect([...bytesOfBase64('JVBERi0=')]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
  });
});
