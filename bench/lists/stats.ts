/** Percentiles and the table the benchmark prints. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export type Row = { name: string; timings: number[]; floor?: number[]; total: string };

const ms = (n: number) => n.toFixed(1).padStart(8);

export function printHeader(): void {
  console.log(
    `\n${'operation'.padEnd(46)} ${['p50 ms', 'p95 ms', 'p99 ms', 'floor p95', '× floor'].map((h) => h.padStart(9)).join(' ')}  total`,
  );
}

export function printRow({ name, timings, floor, total }: Row): void {
  const sorted = [...timings].sort((a, b) => a - b);
  const floorSorted = floor ? [...floor].sort((a, b) => a - b) : undefined;
  const p95 = percentile(sorted, 95);
  const floorP95 = floorSorted ? percentile(floorSorted, 95) : undefined;
  const cells = [percentile(sorted, 50), p95, percentile(sorted, 99)].map(ms).join(' ');
  const floorCells =
    floorP95 === undefined ? `${'—'.padStart(9)}${'—'.padStart(9)}` : ` ${ms(floorP95)} ${(p95 / floorP95).toFixed(2).padStart(7)}×`;
  console.log(`${name.padEnd(46)} ${cells}${floorCells}  ${total}`);
}
