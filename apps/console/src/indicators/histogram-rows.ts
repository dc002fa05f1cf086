// The answer-time distribution as rows for a bar chart: one bucket per row, labelled in seconds
// (or minutes from two minutes up), the last bucket open-ended.
import type { LineAnswerSummary } from '@amk/contracts';

const span = (s: number) => (s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s} s`);

export function bucketLabel(fromSeconds: number, toSeconds: number | null): string {
  return toSeconds === null ? `≥ ${span(fromSeconds)}` : `${span(fromSeconds)} – ${span(toSeconds)}`;
}

export function histogramRows(line: LineAnswerSummary): { answerTime: string; calls: number; withinTarget: boolean }[] {
  return line.histogram.map((b) => ({
    answerTime: bucketLabel(b.fromSeconds, b.toSeconds),
    calls: b.count,
    withinTarget: b.toSeconds !== null && b.toSeconds <= line.target.withinSeconds,
  }));
}
