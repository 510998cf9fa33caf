// The presence line on the review screen; apart from protocol.ts so the browser bundle stays small.
/** "Ana is viewing", "Ana and Ben are viewing", "Ana, Ben and 2 others are viewing". */
export function viewingLine(names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is viewing`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are viewing`;
  const rest = names.length - 2;
  return `${names[0]}, ${names[1]} and ${rest} other${rest === 1 ? '' : 's'} are viewing`;
}
