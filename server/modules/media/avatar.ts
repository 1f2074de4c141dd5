/**
 * A simple, calm avatar for each staff member until real photos exist: a coloured circle with
 * their surname, large and high-contrast so it reads on a small phone screen.
 */
import { createHash } from 'node:crypto';

// Deep tones: white text on each keeps a contrast ratio above 7:1 (WCAG AAA).
const PALETTE = ['#1d4e89', '#1f5f4a', '#6b3a7a', '#8a3b12', '#2f4858', '#5b4636', '#7a2f3a', '#275d6b'];

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

export function avatarSvg(name: string, seed: string): string {
  const colour = PALETTE[createHash('sha256').update(seed).digest()[0] % PALETTE.length];
  const surname = escapeXml([...name][0] ?? '?');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img"',
    ` aria-label="${escapeXml(name)}">`,
    `<circle cx="120" cy="120" r="120" fill="${colour}"/>`,
    '<circle cx="120" cy="120" r="108" fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="4"/>',
    '<text x="120" y="120" dy="0.35em" text-anchor="middle" fill="#ffffff" font-size="112"',
    ` font-family="'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif">${surname}</text>`,
    '</svg>',
  ].join('');
}
