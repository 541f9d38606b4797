import { Secret, type MaskingStrategy } from '@prism-sessions/masking';

/**
 * A secret whose value is produced (decrypted) each time it is read, never when it is rendered.
 * `Secret` itself holds its value from construction; everything that reads that value is overridden
 * here, so the empty placeholder given to it is never revealed (it only feeds the default mask).
 */
class SecretOpenedOnUse extends Secret<string> {
  readonly #open: () => string;

  constructor(open: () => string) {
    super('');
    this.#open = open;
  }

  override peek(): string {
    return this.#open();
  }

  override expose(): string {
    return this.#open();
  }

  override map<U>(fn: (value: string) => U, strategy?: MaskingStrategy<U>): Secret<U> {
    return new Secret(fn(this.#open()), strategy);
  }
}

/**
 * A `Secret<string>` that calls `open` (e.g. a decryption) on every `peek`/`expose`/`map` and never
 * otherwise: logging, JSON and `String()` render the default mask without opening it, and a value
 * that cannot be opened fails only where it is actually used.
 */
export function secretOpenedOnUse(open: () => string): Secret<string> {
  return new SecretOpenedOnUse(open);
}
