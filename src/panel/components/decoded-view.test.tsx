// @vitest-environment happy-dom
// The signature status says which secrets it was checked against, so "invalid" is not read as "forged" when
// the developer only entered the key of another framework.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoSnapshot, DEMO_SECRET } from '../mock/demo-data.ts';
import { click, mountPanel, testIds, type, until, type Mounted } from '../test-support.tsx';

const NOW = 1_796_000_000;
let mounted: Mounted | null = null;
afterEach(() => { mounted?.unmount(); mounted = null; });

describe('signature status', () => {
  it('names the secrets an invalid signature was checked against, and the one a valid signature matched', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    const status = () => testIds(root, 'signature-status')[0];
    await click(root.querySelector('[data-testid=cookie-row][data-cookie-name=sessionid]'));
    await until(() => testIds(root, 'secret-input').length > 0, 'secrets form');
    await type(testIds(root, 'secret-input')[0], DEMO_SECRET);
    await click(testIds(root, 'secret-save')[0]);
    await until(() => status()?.dataset.status === 'valid', 'valid signature');
    expect(status().textContent).toBe('Signature valid with Django SECRET_KEY #1');
    await click(root.querySelector('[data-testid=cookie-row][data-cookie-name=auth_token]'));
    await until(() => status()?.dataset.status === 'invalid', 'JWT checked against the Django key');
    expect(status().textContent).toBe('Signature INVALID for the secret entered for localhost');
  });
});
