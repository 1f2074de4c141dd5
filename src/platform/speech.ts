import { IS_H5 } from './env';

/**
 * Reading text aloud. The browser has speechSynthesis; WeChat has no built-in voice (its
 * speech plugin needs a separate registration), so there `CAN_READ_ALOUD` is false and pages
 * do not offer the button.
 */
function synth(): SpeechSynthesis | null {
  if (!IS_H5 || typeof window === 'undefined') return null;
  return 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined' ? window.speechSynthesis : null;
}

export const CAN_READ_ALOUD = synth() !== null;

/** Reads the text in Mandarin, slowly; a second tap while speaking stops. Returns whether it started. */
export function readAloud(text: string): boolean {
  const s = synth();
  if (!s) return false;
  if (s.speaking) {
    s.cancel();
    return false;
  }
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'zh-CN';
  u.rate = 0.8;
  s.speak(u);
  return true;
}
