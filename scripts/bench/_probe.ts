import { benchBackground } from './background.ts';
console.log(await benchBackground(1));
