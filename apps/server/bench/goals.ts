// What issue 17 asks of each figure, printed beside it so a reader sees at once where we stand.
const GOALS: [RegExp, string][] = [
  [/^console main thread busy/, '≤ 1.5× bare MapLibre page'],
  [/long tasks/, '0'],
  [/^call registered → screen, 200 consoles, p50$/, '≤ 1.5× same-route server'],
  [/^call delivery p99 under position flood/, '≤ 100 ms, ≤ 2× without flood'],
  [/^call events lost/, '0'],
  [/^CTI intake throughput, 20/, '≥ 600 calls/s'],
  [/^CTI intake latency p99/, '≤ 60 ms'],
  [/^server CPU per 100 consoles/, '< 25 % of a core'],
  [/^console first load/, '< 1,000 ms'],
  [/^soak: .* growth/, 'flat after warm-up'],
  [/^soak: .* lost/, '0'],
];

export const goalFor = (name: string): string | undefined => GOALS.find(([re]) => re.test(name))?.[1];
