import { describe, expect, it } from 'vitest';
import { checkSessionId } from './session-id.ts';

describe('checkSessionId wording', () => {
  it('names a one-character repeat in words', () => {
    expect(checkSessionId('aaaaaaaaaaaaaaaaaaaaaaaa', [], 'e')?.message).toMatch(/^session id has about \d+ bits of entropy \(one character repeated\), under 64$/);
  });

  it('says no bits vary when observed ids count up', () => {
    const ids = Array.from({ length: 6 }, (_, i) => `Zx9QpL2mW7rT4vB8nK3sD6fH1jG5cY0${100 + i}`);
    const hit = checkSessionId(ids[5], ids, 'e');
    expect(hit?.message).toMatch(/^observed ids are predictable: ids increase like a counter \(no bits vary\)$/);
  });

  it('leaves a strong random id alone', () => {
    expect(checkSessionId('q8Vn2LrX0cTz7WbK4mYs9PdH6gJf3Ue1', [], 'e')).toBeNull();
  });
});
