/**
 * Compares two strings in time that depends only on their lengths (signatures are fixed-length hex, so the
 * length is public). Use for signatures; never short-circuits on the first differing character.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
