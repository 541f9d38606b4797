/**
 * Returns the exact source text of a top-level member of a JSON object (e.g. the `body` that a
 * Paytm signature covers), or `undefined` when the text is not a JSON object or lacks the key.
 * No re-serialisation: the returned slice is byte-for-byte what the sender wrote.
 */
export function rawTopLevelMember(text: string, key: string): string | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  let i = 0;
  const skipWs = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const skipString = () => {
    i++;
    while (text.charAt(i) !== '"') i += text.charAt(i) === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = () => {
    const first = text.charAt(i);
    if (first === '"') return skipString();
    if (first === '{' || first === '[') {
      let depth = 0;
      do {
        const c = text.charAt(i);
        if (c === '"') {
          skipString();
          continue;
        }
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
        i++;
      } while (depth > 0);
      return;
    }
    while (i < text.length && !',} \t\n\r'.includes(text.charAt(i))) i++;
  };
  skipWs();
  if (text.charAt(i) !== '{') return undefined;
  i++;
  let found: string | undefined;
  for (;;) {
    skipWs();
    if (text.charAt(i) === '}') return found;
    const keyStart = i;
    skipString();
    const name = JSON.parse(text.slice(keyStart, i)) as string;
    skipWs();
    i++; // ':'
    skipWs();
    const valueStart = i;
    skipValue();
    // JSON.parse keeps the last duplicate; so do we.
    if (name === key) found = text.slice(valueStart, i);
    skipWs();
    if (text.charAt(i) === ',') i++;
  }
}
