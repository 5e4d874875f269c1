import type { SecretKind } from '../../core/protocol/index.ts';

export const SECRET_KINDS: { id: SecretKind; label: string }[] = [
  { id: 'django', label: 'Django SECRET_KEY' }, { id: 'rails', label: 'Rails secret_key_base' },
  { id: 'express', label: 'Express secret' }, { id: 'flask', label: 'Flask SECRET_KEY' },
  { id: 'jwt', label: 'JWT key' }, { id: 'generic', label: 'Other secret' },
];

export function secretKindLabel(kind: string): string {
  return SECRET_KINDS.find((k) => k.id === kind)?.label ?? kind;
}
