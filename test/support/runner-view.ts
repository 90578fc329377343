// What a runner shows of a step, and the checks that no secret is in it: the runner consumes
// `::add-mask::` lines and masks their values in everything else it prints.
import assert from 'node:assert/strict';
import type { StepResult } from './action-runner.js';

/**
 * What the runner makes of one output stream (actions/runner OutputManager + ActionCommandManager):
 * a line that is an `add-mask` workflow command (`::add-mask::<data>` after leading spaces) is
 * consumed, never written to the log (the command has OmitEcho), and its data, unescaped
 * (%0D, %0A, %25), becomes a mask. Every other line is written, with masks applied.
 */
export function runnerView(stream: string): { visible: string[]; masks: string[] } {
  const visible: string[] = [];
  const masks: string[] = [];
  for (const line of stream.split('\n')) {
    const trimmed = line.trimStart();
    const end = trimmed.startsWith('::') ? trimmed.indexOf('::', 2) : -1;
    const name = end > 0 ? trimmed.slice(2, end).split(' ')[0] : undefined;
    if (name === 'add-mask') {
      masks.push(trimmed.slice(end + 2).replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%'));
    } else {
      visible.push(line);
    }
  }
  return { visible, masks };
}

export interface Shown {
  step: string;
  where: string;
  text: string;
}

/** Everything of a step a user or a later step can see: log lines, outputs, the summary. */
export function shown(step: string, result: StepResult): Shown[] {
  return [
    { step, where: 'stdout', text: runnerView(result.stdout).visible.join('\n') },
    { step, where: 'stderr', text: runnerView(result.stderr).visible.join('\n') },
    ...Object.entries(result.outputs).map(([name, value]) => ({ step, where: `output ${name}`, text: value })),
    { step, where: 'job summary', text: result.summary },
  ];
}

export function masksOf(result: StepResult): Set<string> {
  return new Set([...runnerView(result.stdout).masks, ...runnerView(result.stderr).masks]);
}

/** The runner's masker, roughly: every registered value becomes ***. */
export function masked(text: string, masks: Iterable<string>): string {
  let out = text;
  for (const mask of [...masks].sort((a, b) => b.length - a.length)) if (mask.trim()) out = out.replaceAll(mask, '***');
  return out;
}

/** A secret as it is, and as it would look inside a JSON string, HTML (the summary) or a URL. */
export function forms(secret: string): string[] {
  const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), html, encodeURIComponent(secret)])];
}

export function assertNowhere(places: Shown[], secrets: Record<string, string>): void {
  for (const place of places) {
    for (const [label, secret] of Object.entries(secrets)) {
      for (const form of forms(secret)) {
        assert.ok(!place.text.includes(form), `${label} appears in the ${place.step} step's ${place.where} (as ${JSON.stringify(form)}):\n${place.text}`);
      }
    }
  }
}

export function assertMasked(result: StepResult, step: string, secrets: Record<string, string>): void {
  const masks = masksOf(result);
  for (const [label, secret] of Object.entries(secrets)) {
    assert.ok(masks.has(secret), `the ${step} step did not emit ::add-mask:: for ${label}`);
  }
}

