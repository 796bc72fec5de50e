/**
 * The company a wire headline names before its ticker ("PULITZER PUBLISHING CO <PLTZC> 4TH QTR
 * NET" → "Pulitzer Publishing Co"): results tables name it nowhere else.
 */
export function headlineCompany(title: string | null | undefined): string | null {
  const m = title ? /^([A-Z0-9][A-Z0-9&.,'’ -]+?)\s*<[A-Z.]+>/.exec(title) : null;
  if (!m) return null;
  return m[1]
    .trim()
    .split(/\s+/)
    .map((w) => (/^(?:INT'L|INTL)$/.test(w) ? "Int'l" : w.length <= 3 && /^(?:CO|INC|LTD|PLC|AG|SA|NV|LP)$/.test(w) ? w[0] + w.slice(1).toLowerCase() : w[0] + w.slice(1).toLowerCase()))
    .join(' ');
}
