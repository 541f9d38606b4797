export { Secret, isSecret, DEFAULT_MASK } from './lib/secret';
export type { MaskingStrategy } from './lib/secret';
