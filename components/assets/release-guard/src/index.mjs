export { handler } from './guard.mjs';
