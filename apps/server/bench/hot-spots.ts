/**
 * BENCH_PROFILE (set to a directory, run.ts): where a Chromium page's main thread went while it was
 * measured, by function (self time), from a CDP Profiler profile, so the bench points at the hot
 * spot rather than only saying it is slow. The profiler costs time of its own: the figures of a
 * profiled run are for finding, not for comparing.
 */
export function printHotSpots(
  title: string,
  profile: {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples?: number[];
    timeDeltas?: number[];
  },
) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples?.forEach((id, i) => {
    const frame = byNode.get(id)!;
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    total += ms;
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(where, (self.get(where) ?? 0) + ms);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`[bench] ${title} hot spots (self time of ${total.toFixed(0)} ms sampled):`);
  for (const [where, ms] of top) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${where}`);
}
