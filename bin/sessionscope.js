#!/usr/bin/env node
// The CLI ships as TypeScript source run through tsx, so `npx sessionscope` works straight from a clone
// after `npm ci`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
