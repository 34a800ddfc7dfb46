import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces one `## ` section of a Markdown file (from its heading to the next `## ` heading), or
 * appends it. Other engineers' sections in docs/BENCHMARKS.md are left exactly as they are.
 */
export function replaceSection(path: string, heading: string, body: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  const section = [heading, '', ...body.trimEnd().split('\n'), ''];
  if (start === -1) {
    const trimmed = text.trimEnd();
    writeFileSync(path, `${trimmed}\n\n${section.join('\n')}`);
    return;
  }
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end === -1) end = lines.length;
  const next = [...lines.slice(0, start), ...section, ...lines.slice(end)];
  writeFileSync(path, `${next.join('\n').trimEnd()}\n`);
}
