/**
 * Photos the browser tests hand to the file picker that stands in for the phone's camera: a
 * tiny PNG, and a photo as a phone camera takes it (over the server's 5 MB limit).
 */
import type { Page } from 'playwright-core';

/** A real 1×1 PNG, as a photo of a document. */
export const ONE_PIXEL_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8a0d60000000049454e44ae426082',
  'hex',
);

/**
 * A 2592 × 1944 JPEG (a 5-megapixel camera's photo), encoded by the browser itself (no image
 * library needed). Its pixels are noise at high quality so that it is over 5 MB (about 6 MB),
 * with less work for the page than a 12-megapixel one.
 */
export async function cameraSizedJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 2592;
    canvas.height = 1944;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const pixels = ctx.createImageData(canvas.width, canvas.height);
    for (let i = 0; i < pixels.data.length; i += 4) {
      pixels.data[i] = Math.random() * 256;
      pixels.data[i + 1] = Math.random() * 256;
      pixels.data[i + 2] = Math.random() * 256;
      pixels.data[i + 3] = 255;
    }
    ctx.putImageData(pixels, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/jpeg', 0.98));
    const url = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsDataURL(blob);
    });
    return url.slice(url.indexOf(',') + 1);
  });
  return Buffer.from(base64, 'base64');
}

/** Width and height of a JPEG, read from its start-of-frame marker. */
export function jpegSize(bytes: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error('not a JPEG with a frame header');
}
