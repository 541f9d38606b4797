/** Additional authenticated data binding a session token ciphertext to its row. */
export function tokenAad(sessionId: string): string {
  return `payment_sessions.token:${sessionId}`;
}
