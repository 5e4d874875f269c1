// @vitest-environment happy-dom
// "Remember after the browser closes" is about the secrets already saved too: ticking it persists them, and
// unticking it takes them off the disk, without another Save.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoSnapshot, DEMO_SECRET } from '../mock/demo-data.ts';
import { check, click, mountPanel, testIds, type, until, type Mounted } from '../test-support.tsx';

const NOW = 1_796_000_000;
let mounted: Mounted | null = null;
afterEach(() => { mounted?.unmount(); mounted = null; });

describe('secrets form', () => {
  it('moves saved secrets to and from persistent storage as soon as Remember is toggled', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root, fake } = mounted;
    await until(() => testIds(root, 'secret-input').length > 0, 'secrets form');
    await type(testIds(root, 'secret-input')[0], DEMO_SECRET);
    await click(testIds(root, 'secret-save')[0]);
    await until(() => fake.secrets.has('localhost'), 'secret saved');
    expect(fake.secrets.get('localhost')).toEqual({ secrets: [{ kind: 'django', value: DEMO_SECRET }], persist: false });

    await check(testIds(root, 'secret-persist')[0]);
    await until(() => fake.secrets.get('localhost')?.persist === true, 'secrets persisted on tick');
    expect(root.textContent).toMatch(/Persisted secrets are written unencrypted/);

    await check(testIds(root, 'secret-persist')[0], false);
    await until(() => fake.secrets.get('localhost')?.persist === false, 'secrets back to session storage on untick');
    expect(fake.secrets.get('localhost')?.secrets).toEqual([{ kind: 'django', value: DEMO_SECRET }]);
  });

  it('ticking Remember with nothing saved stores nothing yet', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root, fake } = mounted;
    await until(() => testIds(root, 'secret-persist').length > 0, 'secrets form');
    await check(testIds(root, 'secret-persist')[0]);
    expect(fake.secrets.has('localhost')).toBe(false);
  });
});
