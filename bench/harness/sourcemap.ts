// Attributes every byte of a minified file to the source it came from, by walking its
// source map (v3 "mappings": base64 VLQ). A generated range runs from one segment to the
// next on the same line; text no segment covers is the bundler's own ("unmapped").

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index] as const));

function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

export type RawSourceMap = { readonly sources: readonly string[]; readonly mappings: string };

/** The file's text split by source: source path (as in the map) to the concatenated code. */
export function splitBySource(code: string, map: RawSourceMap): Map<string, string> {
  const parts = new Map<string, string[]>();
  const take = (source: string, text: string) => {
    if (text === '') return;
    const list = parts.get(source);
    if (list) list.push(text);
    else parts.set(source, [text]);
  };
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let sourceIndex = 0;
  lines.forEach((line, lineIndex) => {
    const segments = (mappingLines[lineIndex] ?? '').split(',').filter((segment) => segment !== '');
    let column = 0;
    const starts: { column: number; source: string | null }[] = [];
    for (const segment of segments) {
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0;
        starts.push({ column, source: map.sources[sourceIndex] ?? null });
      } else {
        starts.push({ column, source: null });
      }
    }
    take('(unmapped)', line.slice(0, starts[0]?.column ?? line.length));
    starts.forEach((start, index) => {
      const end = starts[index + 1]?.column ?? line.length;
      take(start.source ?? '(unmapped)', line.slice(start.column, end));
    });
    take('(unmapped)', '\n');
  });
  return new Map([...parts].map(([source, texts]) => [source, texts.join('')]));
}
